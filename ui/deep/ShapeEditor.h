// ShapeEditor: the shape of a layered network — its inputs (1 or 2), its hidden layers (1 to 3)
// and, for each layer, its neurons (1 to 64) and activation (step, sigmoid with its steepness,
// tanh, ReLU, identity) — edited as a form and applied at once. It only describes a shape: the
// one applying it (the workspace) turns it into one undo step with core/deep/Reshape.h, which
// keeps what it can of the weights. One input and one hidden layer is the lesson's network.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <QDialog>
#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace stepwise::ui {

class ShapeEditor : public QWidget {
    Q_OBJECT
public:
    explicit ShapeEditor(QWidget* parent = nullptr);

    // Shows a shape (without emitting applied()); the form then has nothing pending.
    void setShape(int inputs, const std::vector<LayerShape>& layers);
    // What the form holds now.
    int inputs() const;
    std::vector<LayerShape> layers() const;
    // Whether the form differs from the shape last shown or applied.
    bool pending() const;
    void setApplyButtonVisible(bool on);

    // The form's controls, for tests and the keyboard.
    QSpinBox* inputsBox() const { return inputs_; }
    QSpinBox* depthBox() const { return depth_; }
    QSpinBox* widthBox(int layer) const { return rows_[static_cast<std::size_t>(layer)].width; }
    QComboBox* activationBox(int layer) const {
        return rows_[static_cast<std::size_t>(layer)].activation;
    }
    QDoubleSpinBox* steepnessBox(int layer) const {
        return rows_[static_cast<std::size_t>(layer)].steepness;
    }
    QPushButton* applyButton() const { return apply_; }
    QString summary() const; // the line under the form: parameters, and what applying does

public slots:
    void apply(); // emits applied() with the form's shape

signals:
    void applied(int inputs, const std::vector<LayerShape>& layers);

private:
    void refresh();

    struct Row {
        QLabel* label;
        QSpinBox* width;
        QComboBox* activation;
        QDoubleSpinBox* steepness;
    };
    QSpinBox* inputs_;
    QSpinBox* depth_;
    std::vector<Row> rows_; // kMaxLayers rows; those past the depth are hidden
    QLabel* summary_;
    QPushButton* apply_;
    int shownInputs_ = 1;
    std::vector<LayerShape> shown_;
};

// The editor in a dialog (Network ▸ Layers and inputs…): OK applies, Cancel leaves all as it was.
class ShapeDialog : public QDialog {
    Q_OBJECT
public:
    ShapeDialog(int inputs, const std::vector<LayerShape>& layers, QWidget* parent = nullptr);
    ShapeEditor* editor() const { return editor_; }

private:
    ShapeEditor* editor_;
};

} // namespace stepwise::ui

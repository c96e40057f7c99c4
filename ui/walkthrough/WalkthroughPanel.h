// WalkthroughPanel: the strip under the graph and the diagram while the backprop walkthrough runs:
// where the walk is, the formula of the step with its numbers, what it means, and the controls
// (the sample's x, back / next / start / end, over the other neurons, autoplay and its speed, the
// neuron followed, a step network's borrowed slope, "Take this step", and the way out). It shows
// what its WalkthroughController says and asks it for everything. For a layered network the
// sample is picked by its number (or a click on the graph or the map) and the neuron box gives way
// to "each neuron" (the current layer's neurons one by one).
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace stepwise::ui {

class Document;
class WalkthroughController;

class WalkthroughPanel : public QWidget {
    Q_OBJECT
public:
    WalkthroughPanel(WalkthroughController* walk, Document* doc, QWidget* parent = nullptr);

    // Presentation mode: larger type.
    void setPresentationMode(bool on);

    // For tests: what the panel shows, and its controls.
    QString formulaText() const;
    QString meaningText() const;
    QString positionText() const;
    QDoubleSpinBox* sampleBox() const { return xBox_; }
    QPushButton* takeStepButton() const { return take_; }
    QPushButton* closeButton() const { return close_; }
    QComboBox* neuronBox() const { return neuron_; }
    QCheckBox* borrowBox() const { return borrow_; }
    QSpinBox* sampleIndexBox() const { return indexBox_; }
    QCheckBox* neuronsBox() const { return neurons_; }

private:
    void refresh();
    void refreshLayered();
    void applyFonts();

    WalkthroughController* walk_;
    Document* doc_;
    bool presentation_ = false;
    QLabel* title_;
    QLabel* position_;
    QLabel* formula_;
    QLabel* meaning_;
    QDoubleSpinBox* xBox_;
    QLabel* xLabel_;
    QSpinBox* indexBox_;
    QLabel* indexLabel_;
    QLabel* pointLabel_;
    QCheckBox* neurons_;
    QPushButton* home_;
    QPushButton* back_;
    QPushButton* next_;
    QPushButton* end_;
    QPushButton* skip_;
    QPushButton* play_;
    QSlider* speed_;
    QComboBox* neuron_;
    QCheckBox* borrow_;
    QPushButton* take_;
    QPushButton* close_;
};

} // namespace stepwise::ui

// ParameterPanel: the controls of the network — activation, steepness, number of hidden
// neurons, a preset picker — and one slider row per weight and bias, grouped by neuron, with
// the option to edit a step neuron by its step point x = −b/w instead of its bias.
#pragma once

#include "core/network/Network.h"

#include <QTimer>
#include <QWidget>
#include <vector>

class QComboBox;
class QSpinBox;
class QCheckBox;
class QVBoxLayout;
class QGroupBox;
class QScrollArea;

namespace stepwise::ui {

class Document;
class ParamRow;

class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParameterPanel(Document* doc, QWidget* parent = nullptr);

    ParamRow* row(ParamId id) const;          // nullptr if not shown
    ParamRow* stepPointRow(int neuron) const; // when editing by step points
    ParamRow* steepnessRow() const { return steepness_; }
    QComboBox* activationBox() const { return activation_; }
    QSpinBox* hiddenBox() const { return hidden_; }
    QCheckBox* stepPointToggle() const { return byStepPoint_; }
    QComboBox* presetBox() const { return presets_; }
    void setStepPointMode(bool on);
    void focusSelection();

    // What the lesson's chapter shows: `controls` is a set of core/lesson/Lesson.h's kLesson…
    // flags; rows outside it are hidden, and with `locked` the shown ones cannot change. Kept
    // and applied again whenever the rows are rebuilt. (The default shows everything.)
    void applyLessonControls(unsigned controls, bool locked);

private:
    void rebuildRows();
    void applyLessonControls();
    void syncValues();
    void syncArrowsAndFormulas();
    void syncStructure();
    QString formulaFor(ParamId id) const;

    Document* doc_;
    QComboBox* activation_;
    ParamRow* steepness_;
    QSpinBox* hidden_;
    QCheckBox* byStepPoint_;
    QComboBox* presets_;
    QScrollArea* scroll_;
    QWidget* rowsHost_ = nullptr;
    std::vector<ParamRow*> rows_;     // flat layout order (packParams)
    std::vector<ParamRow*> stepRows_; // per neuron, when by step point
    std::vector<QGroupBox*> groups_;
    QGroupBox* netBox_ = nullptr;
    QGroupBox* outputGroup_ = nullptr;
    unsigned lessonControls_;
    bool lessonLocked_ = false;
    QTimer slowSync_; // arrows and tooltips during live frames
};

} // namespace stepwise::ui

// WindowLessonHost: the shell's side of LessonHost. It passes what the lesson asks for on to
// the panel that owns the widgets (the graph, the diagram, the weights, the side tabs,
// training), and tells the lesson what happened in them.
#pragma once

#include "ui/lesson/LessonHost.h"

#include <QObject>

class QDockWidget;
class QMainWindow;
class QTabWidget;

namespace stepwise::ui {

class GraphView;
class LessonPanel;
class NetworkDiagram;
class ParameterPanel;
class TrainingController;
class TrainingPanel;

class WindowLessonHost : public QObject, public LessonHost {
    Q_OBJECT
public:
    struct Rooms {
        QMainWindow* window;
        Document* document;
        GraphView* graph;
        NetworkDiagram* diagram;
        ParameterPanel* parameters;
        QTabWidget* tabs;
        TrainingPanel* trainingPanel;
        TrainingController* trainer;
    };
    explicit WindowLessonHost(const Rooms& rooms);

    // Creates the lesson's panel, docks it on the left of the window and wires it to the rooms.
    LessonPanel* createLesson();

    Document* document() const override { return r_.document; }
    QWidget* window() const override;
    QMenu* addMenu(const QString& title) override;
    void showStatus(const QString& message, int milliseconds) override;
    void applyControls(unsigned controls, bool locked) override;
    bool stepPointMode() const override;
    Tool tool() const override;
    void setTool(Tool tool) override;
    const Stroke& guess() const override;
    void clearGuess() override;
    void setAnswerVisible(bool on) override;
    void showPage(Page page) override;
    void playTraining() override;
    void pauseTraining() override;
    void setTrainingSpeed(int stepsPerFrame) override;
    bool trainingRunning() const override;
    void setLessonWidth(int pixels) override;
    void startWalkthrough() override { emit walkthroughRequested(); }
    void setToleranceBand(std::optional<double> epsilon) override;

signals:
    void walkthroughRequested();

private:
    Rooms r_;
    QDockWidget* dock_ = nullptr;
};

} // namespace stepwise::ui

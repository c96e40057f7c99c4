#include "ui/shell/WindowLessonHost.h"

#include "core/lesson/Lesson.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/graph/GraphView.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/params/ParameterPanel.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

namespace stepwise::ui {

namespace {

GraphView::Mode modeOf(LessonHost::Tool t) {
    switch (t) {
    case LessonHost::Tool::Inspect:
        return GraphView::Mode::Inspect;
    case LessonHost::Tool::Draw:
        return GraphView::Mode::Draw;
    case LessonHost::Tool::Erase:
        return GraphView::Mode::Erase;
    case LessonHost::Tool::Guess:
        return GraphView::Mode::Guess;
    }
    return GraphView::Mode::Inspect;
}

LessonHost::Tool toolOf(GraphView::Mode m) {
    switch (m) {
    case GraphView::Mode::Inspect:
        return LessonHost::Tool::Inspect;
    case GraphView::Mode::Draw:
        return LessonHost::Tool::Draw;
    case GraphView::Mode::Erase:
        return LessonHost::Tool::Erase;
    case GraphView::Mode::Guess:
        return LessonHost::Tool::Guess;
    case GraphView::Mode::Points: // editing measured points: the lesson's inspect tool
    case GraphView::Mode::Other:  // a mode of its own (the sample picker): it draws nothing
        return LessonHost::Tool::Inspect;
    }
    return LessonHost::Tool::Inspect;
}

} // namespace

WindowLessonHost::WindowLessonHost(const Rooms& rooms) : QObject(rooms.window), r_(rooms) {}

LessonPanel* WindowLessonHost::createLesson() {
    auto* lesson = new LessonPanel(this, r_.window);
    dock_ = new QDockWidget(LessonPanel::tr("Lesson"), r_.window);
    dock_->setObjectName("lessonDock");
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    dock_->setWidget(lesson);
    r_.window->addDockWidget(Qt::LeftDockWidgetArea, dock_);
    setLessonWidth(380);
    lesson->addPanelAction(dock_->toggleViewAction());

    connect(r_.parameters->stepPointToggle(), &QCheckBox::toggled, lesson,
            &LessonPanel::onStepPointModeChanged);
    connect(r_.graph, &GraphView::strokeFinished, lesson, [lesson](const Stroke&, bool guess) {
        if (guess) lesson->onGuessFinished();
    });
    connect(r_.graph, &GraphView::modeChanged, lesson, &LessonPanel::onToolChanged);
    connect(r_.trainer, &TrainingController::progressed, lesson,
            [lesson, trainer = r_.trainer] { lesson->onTrainingProgress(trainer->steps()); });
    connect(r_.trainer, &TrainingController::diverged, lesson, &LessonPanel::onTrainingDiverged);
    // The lesson's keys (Page Up / Down, the arrows) yield to the focused widget that uses them:
    // it sees every key's ShortcutOverride first (LessonPanel::eventFilter).
    qApp->installEventFilter(lesson);
    return lesson;
}

QWidget* WindowLessonHost::window() const {
    return r_.window;
}

QMenu* WindowLessonHost::addMenu(const QString& title) {
    return r_.window->menuBar()->addMenu(title);
}

void WindowLessonHost::showStatus(const QString& message, int milliseconds) {
    r_.window->statusBar()->showMessage(message, milliseconds);
}

void WindowLessonHost::applyControls(unsigned c, bool locked) {
    r_.parameters->applyLessonControls(c, locked);
    r_.diagram->applyLessonControls(c, locked);
    r_.graph->setStepHandlesAllowed((c & kLessonHiddenBiases) && !locked);

    const int training = r_.tabs->indexOf(r_.trainingPanel);
    if (training >= 0) {
        const bool on = c & kLessonTraining;
        if (!on && r_.tabs->currentIndex() == training) r_.tabs->setCurrentWidget(r_.parameters);
        r_.tabs->setTabVisible(training, on);
        if (!on && r_.trainer->isRunning()) r_.trainer->pause();
    }
    const GraphView::Mode mode = r_.graph->mode();
    if (!(c & kLessonDraw) && (mode == GraphView::Mode::Draw || mode == GraphView::Mode::Erase))
        r_.graph->setMode(GraphView::Mode::Inspect);
}

bool WindowLessonHost::stepPointMode() const {
    return r_.parameters->stepPointToggle()->isChecked();
}

LessonHost::Tool WindowLessonHost::tool() const {
    return toolOf(r_.graph->mode());
}

void WindowLessonHost::setTool(Tool tool) {
    r_.graph->setMode(modeOf(tool));
}

const Stroke& WindowLessonHost::guess() const {
    return r_.graph->guess();
}

void WindowLessonHost::clearGuess() {
    r_.graph->clearGuess();
}

void WindowLessonHost::setAnswerVisible(bool on) {
    r_.graph->setAnswerVisible(on);
}

void WindowLessonHost::showPage(Page page) {
    r_.tabs->setCurrentWidget(page == Page::Training ? static_cast<QWidget*>(r_.trainingPanel)
                                                     : static_cast<QWidget*>(r_.parameters));
}

void WindowLessonHost::playTraining() {
    r_.trainer->play();
}

void WindowLessonHost::pauseTraining() {
    r_.trainer->pause();
}

void WindowLessonHost::setTrainingSpeed(int stepsPerFrame) {
    r_.trainingPanel->setStepsPerFrame(stepsPerFrame);
}

bool WindowLessonHost::trainingRunning() const {
    return r_.trainer->isRunning();
}

void WindowLessonHost::setToleranceBand(std::optional<double> epsilon) {
    r_.graph->setToleranceBand(epsilon);
}

void WindowLessonHost::setLessonWidth(int pixels) {
    if (dock_) r_.window->resizeDocks({dock_}, {pixels}, Qt::Horizontal);
}

} // namespace stepwise::ui

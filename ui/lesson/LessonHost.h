// LessonHost: what the lesson asks of the window it teaches in, and all it may ask.
//
// The lesson never touches another room's widgets. It says what a chapter needs (which
// controls are shown, which are locked, which tool the graph holds, which side page is open,
// whether training may run) and the window's shell, the only room that knows every panel,
// passes each request on to the panel that owns the widgets. The shell also tells the lesson
// what happened elsewhere (LessonPanel's on… slots): a guess was drawn, the graph's tool changed.
#pragma once

#include "core/scenario/TargetCurve.h"

#include <QString>

#include <optional>

class QMenu;
class QWidget;

namespace stepwise::ui {

class Document;

class LessonHost {
public:
    enum class Tool { Inspect, Draw, Erase, Guess };
    enum class Page { Parameters, Training };

    virtual ~LessonHost() = default;

    virtual Document* document() const = 0;
    // The window the lesson teaches in (keys are the lesson's only inside it).
    virtual QWidget* window() const = 0;
    virtual QMenu* addMenu(const QString& title) = 0;
    virtual void showStatus(const QString& message, int milliseconds) = 0;

    // What the chapter shows: `controls` is a set of the kLesson… flags of core/lesson/Lesson.h;
    // `locked` shows them without letting them change. Each panel applies it to its own widgets.
    virtual void applyControls(unsigned controls, bool locked) = 0;
    virtual bool stepPointMode() const = 0;

    // The graph's tool and the exercise's guess.
    virtual Tool tool() const = 0;
    virtual void setTool(Tool tool) = 0;
    virtual const Stroke& guess() const = 0;
    virtual void clearGuess() = 0;
    virtual void setAnswerVisible(bool on) = 0;

    virtual void showPage(Page page) = 0;
    virtual void playTraining() = 0;
    virtual void pauseTraining() = 0;
    virtual bool trainingRunning() const = 0;
    // The pace of training, in steps per displayed frame (a chapter's own, for a fit a class
    // can watch).
    virtual void setTrainingSpeed(int stepsPerFrame) = 0;
    // The room the lesson's panel gets on screen, in pixels of width.
    virtual void setLessonWidth(int pixels) = 0;
    // Opens the backpropagation walkthrough (the host then tells the lesson what it shows:
    // LessonPanel::onWalkSample, onWalkStep).
    virtual void startWalkthrough() = 0;
    // Dashed lines at target ± ε on the graph, or none.
    virtual void setToleranceBand(std::optional<double> epsilon) = 0;
};

} // namespace stepwise::ui

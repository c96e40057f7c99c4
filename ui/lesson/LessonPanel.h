// LessonPanel: the guided lesson beside the graph — the chapter's text, its "try this" tasks
// ticking themselves as the learner works, hints, back / next, a chapter list, free mode, and
// the exercise's predict-then-reveal. Entering a chapter sets up its network through the
// Document (one undo step) and shows only the controls it needs. Progress goes into the
// scenario (Document::setLesson) and into QSettings, so it survives a restart.
//
// Keys (also in the Lesson menu): Page Down / → next step, Page Up / ← previous step (arrows
// and, outside presentation mode, Page keys stay with sliders, number boxes and text fields
// that use them); Ctrl+Page Down / Up next / previous chapter; Alt+1…9 a chapter; H hint;
// R reveal ("show me"); G sketch a guess; Shift+R try again; N add a neuron; T lesson text;
// Ctrl+Shift+F free mode; Ctrl+Shift+Home start the chapter again.
#pragma once

#include "core/lesson/Lesson.h"

#include <QWidget>

#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QTextBrowser;
class QToolButton;
class QVBoxLayout;
class QGroupBox;

namespace stepwise::ui {

class ChapterFit;
class LessonHost;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    // The panel teaches through `host` only (see LessonHost.h); it adds its Lesson menu there.
    LessonPanel(LessonHost* host, QWidget* parent);

    // Takes up the lesson where the learner left it (from QSettings). Replaces the document's
    // scenario (not an undo step), so the window calls it once, when it starts.
    void restoreProgress();
    // The host's action that shows or hides the panel, added to the Lesson menu (F9).
    void addPanelAction(QAction* toggle);
    // What happened elsewhere, told by the host.
    void onGuessFinished();
    void onToolChanged();
    void onStepPointModeChanged();
    // Training (the descent chapter): after each frame with the run's step count; a diverged run.
    void onTrainingProgress(long long steps);
    void onTrainingDiverged();
    // The walkthrough (the backpropagation chapter): a new sample was picked; the walk shows
    // steps[index].
    void onWalkSample();
    void onWalkStep(const std::vector<WalkStep>& steps, int index);

    int chapter() const { return chapter_; }
    int step() const { return step_; }
    bool freeMode() const;
    bool presentationMode() const { return presentation_; }

    // Navigation. goToChapter sets the chapter's network and target up (undoable).
    void goToChapter(int index);
    void nextStep();
    void previousStep();
    void nextChapter();
    void previousChapter();
    void restartChapter();
    void setFreeMode(bool on);

    // The current step's hint; "show me" (puts the network in a state that does the current
    // task), which in the exercise reveals the answer and scores the guess.
    void showHint();
    void reveal();
    void startGuess();
    void tryAgain();
    void addNeuron();           // chapter 6: one more neuron where it helps; the loss never rises
    void revealSum();           // chapter 4 with "predict first": show the hidden sum
    void predictSign(int sign); // chapter 8: the learner's guess of the sign of ∂L/∂w11

    void setPresentationMode(bool on);
    void setTextVisible(bool on);
    bool textVisible() const;

    // For tests and the window.
    bool taskTicked(const QString& id) const;
    bool hintVisible(const QString& id) const;
    bool answerRevealed() const { return observation_.revealed; }
    std::optional<int> guessScore() const { return observation_.guessScore; }
    QComboBox* chapterBox() const { return chapters_; }
    QCheckBox* freeModeBox() const { return free_; }
    QTextBrowser* textView() const { return text_; }
    QPushButton* backButton() const { return back_; }
    ChapterFit* chapterFit() const { return fit_; }
    QPushButton* nextButton() const { return next_; }
    QPushButton* revealButton() const { return reveal_; }
    QPushButton* sketchButton() const { return sketch_; }
    QPushButton* addNeuronButton() const { return addNeuron_; }
    QLabel* scoreLabel() const { return score_; }
    QLabel* gradientLabel() const { return gradient_; }
    QLabel* errorsLabel() const { return errors_; }
    QCheckBox* predictFirstBox() const { return predictFirst_; }
    QPushButton* revealSumButton() const { return revealSum_; }
    QPushButton* startWalkButton() const { return startWalk_; }
    QLabel* walkNoteLabel() const { return walkNote_; }
    bool sumHidden() const { return sumHidden_; }
    const LessonObservation& observation() const { return observation_; }
    QList<QAction*> lessonActions() const { return actions_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct TaskRow {
        std::string id;
        QLabel* mark = nullptr;
        QLabel* text = nullptr;
        QToolButton* hintButton = nullptr;
        QLabel* hint = nullptr;
    };

    const LessonChapter& current() const;
    void buildMenu();
    void showChapter(); // rebuild the text and the task rows for chapter_
    void applyControls();
    void updateTasks();
    void updateExtras();
    void updateStepMarks();
    void onLessonChanged();
    void onGuess(bool finished);
    void markDone(const std::vector<std::string>& ids);
    void applyFonts();
    void buildSections(QVBoxLayout* layout); // LessonPanelSections.cpp
    void resetSections();
    void saveProgress() const;
    bool keyBelongsToFocus(int key) const;

    // What applyControls last asked the host for.
    struct Applied {
        int chapter = -1;
        unsigned controls = 0;
        bool locked = false;
        int hidden = 0;
        bool stepPoints = false;
        int tool = 0;
        bool revealed = false, guessDrawn = false;
        bool operator==(const Applied&) const = default;
    };

    LessonHost* host_;
    QMenu* menu_ = nullptr;
    int chapter_ = -1;
    int step_ = 0;
    bool presentation_ = false;
    bool applying_ = false;
    LessonObservation observation_;

    QComboBox* chapters_;
    ChapterFit* fit_;
    QTextBrowser* text_;
    QGroupBox* tasksBox_;
    QVBoxLayout* tasksLayout_;
    std::vector<TaskRow> rows_;
    QWidget* exercise_;
    QPushButton *sketch_, *reveal_, *tryAgain_;
    QLabel* score_;
    QWidget* universal_;
    QPushButton* addNeuron_;
    QLabel* errors_;
    QLabel* gradient_;
    QLabel* progress_;
    QWidget* predict_ = nullptr;
    QCheckBox* predictFirst_ = nullptr;
    QPushButton* revealSum_ = nullptr;
    bool sumHidden_ = false;
    Network predictedFor_;
    QWidget* walk_ = nullptr;
    QPushButton *startWalk_ = nullptr, *signPlus_ = nullptr, *signMinus_ = nullptr;
    QLabel* walkNote_ = nullptr;
    QPushButton *back_, *showMe_, *next_;
    QCheckBox* free_;
    QList<QAction*> actions_;
    QAction* textAction_ = nullptr;
    Applied applied_;
};

} // namespace stepwise::ui

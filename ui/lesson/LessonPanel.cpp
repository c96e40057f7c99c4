#include "ui/lesson/LessonPanel.h"

#include "ui/document/Document.h"
#include "ui/lesson/ChapterFit.h"
#include "ui/lesson/LessonHost.h"
#include "ui/lesson/LessonText.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {

const char* const kDone = "✔";
const char* const kOpen = "○";

} // namespace

LessonPanel::LessonPanel(LessonHost* host, QWidget* parent) : QWidget(parent), host_(host) {
    setObjectName("lessonPanel");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    chapters_ = new QComboBox(this);
    chapters_->setObjectName("lessonChapterBox");
    chapters_->setAccessibleName(tr("Chapter"));
    chapters_->setAccessibleDescription(tr("Jump to a chapter of the lesson (Alt+1 … Alt+9)"));
    for (int i = 0; i < lessonChapterCount(); ++i)
        chapters_->addItem(tr("%1 · %2").arg(i + 1).arg(lessontext::chapterTitle(i)));
    layout->addWidget(chapters_);
    fit_ = new ChapterFit(this);
    layout->addWidget(fit_);
    connect(fit_, &ChapterFit::goTo, this, &LessonPanel::goToChapter);

    text_ = new QTextBrowser(this);
    text_->setObjectName("lessonText");
    text_->setFocusPolicy(Qt::NoFocus); // Page and arrow keys stay with the lesson
    text_->setOpenLinks(false);
    text_->setAccessibleName(tr("Lesson text"));
    layout->addWidget(text_, 1);

    tasksBox_ = new QGroupBox(tr("Try this"), this);
    tasksBox_->setObjectName("lessonTasks");
    tasksLayout_ = new QVBoxLayout(tasksBox_);
    tasksLayout_->setContentsMargins(6, 4, 6, 4);
    tasksLayout_->setSpacing(4);
    layout->addWidget(tasksBox_);

    // The exercise: sketch, reveal, try again, and the score.
    exercise_ = new QWidget(this);
    exercise_->setObjectName("lessonExercise");
    auto* ex = new QVBoxLayout(exercise_);
    ex->setContentsMargins(0, 0, 0, 0);
    auto* exButtons = new QHBoxLayout;
    sketch_ = new QPushButton(tr("&Sketch a guess"), exercise_);
    sketch_->setObjectName("lessonSketch");
    sketch_->setToolTip(tr("Draw your guess on the graph (G)"));
    reveal_ = new QPushButton(tr("Re&veal"), exercise_);
    reveal_->setObjectName("lessonReveal");
    reveal_->setToolTip(tr("Show the network's output and score your guess (R)"));
    tryAgain_ = new QPushButton(tr("Try &again"), exercise_);
    tryAgain_->setObjectName("lessonTryAgain");
    tryAgain_->setToolTip(tr("Hide the answer and draw a new guess (Shift+R)"));
    exButtons->addWidget(sketch_);
    exButtons->addWidget(reveal_);
    exButtons->addWidget(tryAgain_);
    ex->addLayout(exButtons);
    score_ = new QLabel(exercise_);
    score_->setObjectName("lessonScore");
    score_->setWordWrap(true);
    ex->addWidget(score_);
    layout->addWidget(exercise_);

    // Chapter 6: add neurons and watch the error shrink.
    universal_ = new QWidget(this);
    universal_->setObjectName("lessonUniversal");
    auto* un = new QVBoxLayout(universal_);
    un->setContentsMargins(0, 0, 0, 0);
    addNeuron_ = new QPushButton(tr("Add a &neuron where it helps"), this);
    addNeuron_->setObjectName("lessonAddNeuron");
    addNeuron_->setToolTip(tr("One more step neuron where the output is furthest from the "
                              "target, then the output weights refitted by least squares when "
                              "that lowers the loss: the loss never rises (N)"));
    errors_ = new QLabel(universal_);
    errors_->setObjectName("lessonErrors");
    errors_->setTextFormat(Qt::RichText);
    errors_->setWordWrap(true);
    un->addWidget(addNeuron_);
    un->addWidget(errors_);
    layout->addWidget(universal_);

    // Chapter 9: the slope that reaches the hidden layer.
    gradient_ = new QLabel(this);
    gradient_->setObjectName("lessonGradient");
    gradient_->setWordWrap(true);
    gradient_->setTextFormat(Qt::RichText);
    layout->addWidget(gradient_);

    buildSections(layout);

    progress_ = new QLabel(this);
    progress_->setObjectName("lessonProgress");
    progress_->setWordWrap(true);
    layout->addWidget(progress_);

    auto* nav = new QHBoxLayout;
    back_ = new QPushButton(tr("◀ &Back"), this);
    back_->setObjectName("lessonBack");
    back_->setToolTip(tr("Previous chapter (Ctrl+Page Up)"));
    showMe_ = new QPushButton(tr("Show &me"), this);
    showMe_->setObjectName("lessonShowMe");
    showMe_->setToolTip(tr("Do the highlighted task for me / reveal the answer (R)"));
    next_ = new QPushButton(tr("&Next ▶"), this);
    next_->setObjectName("lessonNext");
    next_->setToolTip(tr("Next chapter (Ctrl+Page Down)"));
    nav->addWidget(back_);
    nav->addWidget(showMe_);
    nav->addWidget(next_);
    layout->addLayout(nav);
    free_ = new QCheckBox(tr("&Free mode: every control unlocked"), this);
    free_->setObjectName("lessonFreeMode");
    free_->setToolTip(tr("Show every control in every chapter (Ctrl+Shift+F)"));
    layout->addWidget(free_);

    connect(chapters_, &QComboBox::activated, this, &LessonPanel::goToChapter);
    connect(back_, &QPushButton::clicked, this, &LessonPanel::previousChapter);
    connect(next_, &QPushButton::clicked, this, &LessonPanel::nextChapter);
    connect(showMe_, &QPushButton::clicked, this, &LessonPanel::reveal);
    connect(free_, &QCheckBox::toggled, this, &LessonPanel::setFreeMode);
    connect(sketch_, &QPushButton::clicked, this, &LessonPanel::startGuess);
    connect(reveal_, &QPushButton::clicked, this, &LessonPanel::reveal);
    connect(tryAgain_, &QPushButton::clicked, this, &LessonPanel::tryAgain);
    connect(addNeuron_, &QPushButton::clicked, this, &LessonPanel::addNeuron);

    Document* doc = host_->document();
    connect(doc, &Document::refreshed, this, [this] {
        updateTasks();
        updateExtras();
        applyControls();
    });
    connect(doc, &Document::structureChanged, this, &LessonPanel::applyControls);
    // A file opened, or a network of another kind made here: does the chapter still fit it?
    auto fit = [this] { fit_->update(host_->document()->scenario(), chapter_); };
    connect(doc, &Document::structureChanged, this, fit);
    connect(doc, &Document::scenarioReplaced, this, fit);
    connect(doc, &Document::lessonChanged, this, &LessonPanel::onLessonChanged);
    connect(doc, &Document::scenarioReplaced, this, [this] { chapter_ = -1; });

    buildMenu();
    applyFonts();
}

void LessonPanel::onStepPointModeChanged() {
    applyControls();
}

void LessonPanel::onGuessFinished() {
    onGuess(true);
}

void LessonPanel::onToolChanged() {
    if (chapter_ < 0) return;
    const unsigned c = freeMode() ? kLessonAll : current().controls;
    const LessonHost::Tool t = host_->tool();
    const bool drawing = t == LessonHost::Tool::Draw || t == LessonHost::Tool::Erase;
    const bool guessing = t == LessonHost::Tool::Guess;
    if ((drawing && !(c & kLessonDraw)) || (guessing && !(current().controls & kLessonGuess))) {
        host_->setTool(LessonHost::Tool::Inspect);
        host_->showStatus(tr("Drawing a target comes in chapter 7; free mode unlocks it anywhere."),
                          5000);
    }
}

const LessonChapter& LessonPanel::current() const {
    return lessonChapters()[std::clamp(chapter_, 0, lessonChapterCount() - 1)];
}

bool LessonPanel::freeMode() const {
    return host_->document()->scenario().lesson.freeMode;
}

// ---- navigation ---------------------------------------------------------------------------------

void LessonPanel::goToChapter(int index) {
    index = std::clamp(index, 0, lessonChapterCount() - 1);
    Document* doc = host_->document();
    host_->pauseTraining();
    Scenario s = doc->scenario();
    setUpChapter(s, index);
    const bool net = s.network != doc->network() || s.layered != doc->scenario().layered;
    const bool target = s.target != doc->scenario().target;
    const bool surface = s.surface != doc->scenario().surface;
    // The chapter's own optimizer and pace (not undoable, like every training setting).
    if (!(s.training == doc->scenario().training)) doc->setTrainingSettings(s.training);
    if (const int pace = lessonChapters()[index].stepsPerFrame; pace > 0)
        host_->setTrainingSpeed(pace);
    if (net || target || surface) {
        doc->undoStack()->beginMacro(tr("Lesson: chapter %1").arg(index + 1));
        // The chapter's network, of either kind (chapter 10's is layered).
        if (net) doc->adoptNetworkOf(s, tr("Chapter %1 network").arg(index + 1));
        if (target) doc->setTarget(s.target, tr("Chapter %1 target").arg(index + 1));
        if (surface) doc->setSurface(s.surface, tr("Chapter %1 target").arg(index + 1));
        doc->undoStack()->endMacro();
    }
    LessonState l = doc->scenario().lesson;
    l.chapter = index;
    chapter_ = -1; // show the chapter afresh even when it is the same one
    doc->setLesson(l);
    onLessonChanged();
    if (current().id == "descent") {
        host_->setTool(LessonHost::Tool::Draw);
        host_->showPage(LessonHost::Page::Training);
    } else if (current().id == "overfit") { // its tasks are read off the loss plot
        host_->setTool(LessonHost::Tool::Inspect);
        host_->showPage(LessonHost::Page::Training);
    } else if (current().controls & kLessonTraining) {
        host_->showPage(LessonHost::Page::Parameters);
    }
}

void LessonPanel::nextStep() {
    if (step_ + 1 < static_cast<int>(current().tasks.size())) {
        ++step_;
        updateStepMarks();
    } else if (chapter_ + 1 < lessonChapterCount()) {
        nextChapter();
    }
}

void LessonPanel::previousStep() {
    if (step_ > 0) {
        --step_;
        updateStepMarks();
    } else if (chapter_ > 0) {
        goToChapter(chapter_ - 1);
        step_ = std::max(0, static_cast<int>(current().tasks.size()) - 1);
        updateStepMarks();
    }
}

void LessonPanel::nextChapter() {
    if (chapter_ + 1 < lessonChapterCount()) goToChapter(chapter_ + 1);
}

void LessonPanel::previousChapter() {
    if (chapter_ > 0) goToChapter(chapter_ - 1);
}

void LessonPanel::restartChapter() {
    LessonState l = host_->document()->scenario().lesson;
    for (const LessonTask& t : current().tasks)
        l.tasksDone.erase(t.id);
    host_->document()->setLesson(l);
    goToChapter(chapter_);
}

void LessonPanel::setFreeMode(bool on) {
    LessonState l = host_->document()->scenario().lesson;
    l.freeMode = on;
    host_->document()->setLesson(l);
}

// ---- showing a chapter --------------------------------------------------------------------------

void LessonPanel::onLessonChanged() {
    const LessonState& l = host_->document()->scenario().lesson;
    const int c = std::clamp(l.chapter, 0, lessonChapterCount() - 1);
    if (c != chapter_) {
        chapter_ = c;
        step_ = 0;
        showChapter();
    }
    {
        const QSignalBlocker block(free_);
        free_->setChecked(l.freeMode);
    }
    updateStepMarks();
    applyControls();
    fit_->update(host_->document()->scenario(), chapter_);
    saveProgress();
}

void LessonPanel::showChapter() {
    const LessonChapter& c = current();
    {
        const QSignalBlocker block(chapters_);
        chapters_->setCurrentIndex(chapter_);
    }
    text_->setHtml(QString("<h2>%1. %2</h2>%3")
                       .arg(chapter_ + 1)
                       .arg(lessontext::chapterTitle(chapter_), lessontext::chapterBody(chapter_)));
    errors_->setMinimumHeight(0); // a new chapter sizes its table afresh (updateExtras)

    for (TaskRow& r : rows_) {
        delete r.mark->parentWidget();
    }
    rows_.clear();
    for (const LessonTask& t : c.tasks) {
        TaskRow r;
        r.id = t.id;
        auto* host = new QWidget(tasksBox_);
        host->setObjectName(QString::fromStdString("task_" + t.id));
        auto* grid = new QGridLayout(host);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(6);
        r.mark = new QLabel(kOpen, host);
        r.mark->setObjectName("mark");
        r.mark->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
        r.mark->setMinimumWidth(r.mark->fontMetrics().horizontalAdvance("▶✔") + 4);
        r.text = new QLabel(lessontext::taskText(t.id), host);
        r.text->setWordWrap(true);
        r.hintButton = new QToolButton(host);
        r.hintButton->setText(tr("Hint"));
        r.hintButton->setCheckable(true);
        r.hintButton->setToolTip(tr("Show a hint for this task (H for the highlighted task)"));
        r.hintButton->setAccessibleName(tr("Hint: %1").arg(lessontext::taskText(t.id)));
        r.hint = new QLabel(lessontext::taskHint(t.id), host);
        r.hint->setWordWrap(true);
        r.hint->setObjectName("hint");
        r.hint->setStyleSheet("font-style: italic");
        r.hint->setVisible(false);
        connect(r.hintButton, &QToolButton::toggled, r.hint, &QLabel::setVisible);
        grid->addWidget(r.mark, 0, 0);
        grid->addWidget(r.text, 0, 1);
        grid->addWidget(r.hintButton, 0, 2, Qt::AlignTop);
        grid->addWidget(r.hint, 1, 1, 1, 2);
        grid->setColumnStretch(1, 1);
        tasksLayout_->addWidget(host);
        rows_.push_back(r);
    }
    // Tab follows the reading order: the task hints (made just now), then the exercise and
    // chapter-6 buttons, then Back / Show me / Next and free mode.
    QWidget* previous = nullptr;
    auto chain = [&previous](QWidget* w) {
        if (previous) QWidget::setTabOrder(previous, w);
        previous = w;
    };
    for (const TaskRow& row : rows_)
        chain(row.hintButton);
    for (QWidget* w : {static_cast<QWidget*>(sketch_), static_cast<QWidget*>(reveal_),
                       static_cast<QWidget*>(tryAgain_), static_cast<QWidget*>(addNeuron_),
                       static_cast<QWidget*>(back_), static_cast<QWidget*>(showMe_),
                       static_cast<QWidget*>(next_), static_cast<QWidget*>(free_)})
        chain(w);

    // The exercise starts with the answer hidden and the pen ready for a guess.
    observation_ = {};
    resetSections();
    host_->clearGuess();
    score_->clear();
    if (c.controls & kLessonGuess) {
        host_->setAnswerVisible(false);
        host_->setTool(LessonHost::Tool::Guess);
        score_->setText(tr("The answer is hidden. Draw your guess on the graph."));
    } else {
        host_->setAnswerVisible(true);
        if (host_->tool() == LessonHost::Tool::Guess) host_->setTool(LessonHost::Tool::Inspect);
    }
    back_->setEnabled(chapter_ > 0);
    next_->setEnabled(chapter_ + 1 < lessonChapterCount());
    applyFonts();
    updateTasks();
    updateExtras();
}

void LessonPanel::updateStepMarks() {
    if (rows_.empty()) return;
    step_ = std::clamp(step_, 0, static_cast<int>(rows_.size()) - 1);
    const LessonState& l = host_->document()->scenario().lesson;
    int done = 0;
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        const TaskRow& r = rows_[i];
        const bool ticked = l.tasksDone.count(r.id) > 0;
        done += ticked;
        const bool here = i == step_;
        // Called on every frame: touch a label only when its look changes (a style sheet set
        // again, even the same one, re-polishes and repaints the label and what is behind it).
        const QString mark = QString(here ? "▶" : "") + (ticked ? kDone : kOpen);
        if (r.mark->text() == mark && r.text->font().bold() == here) continue;
        r.mark->setText(mark);
        r.mark->setStyleSheet(ticked ? "color: #009E73; font-weight: bold" : "");
        r.mark->setAccessibleName(ticked ? tr("done") : tr("not done yet"));
        QFont f = r.text->font();
        f.setBold(here);
        r.text->setFont(f);
    }
    const bool last = chapter_ + 1 == lessonChapterCount();
    progress_->setText(tr("Chapter %1 of %2 · %3 of %4 tasks done")
                           .arg(chapter_ + 1)
                           .arg(lessonChapterCount())
                           .arg(done)
                           .arg(rows_.size()) +
                       (last && done == static_cast<int>(rows_.size())
                            ? tr(" · That is the whole lesson. Free mode unlocks every control.")
                            : QString()));
}

void LessonPanel::applyControls() {
    if (applying_ || chapter_ < 0) return;
    // Showing and hiding rows relays out the whole side panel: ask for it only when something
    // it depends on changed, not on every frame of a drag or a training run.
    const bool free = freeMode();
    const unsigned c = free ? kLessonAll : current().controls;
    const bool locked = !free && current().locked;
    const Applied applied{chapter_,
                          c,
                          locked,
                          host_->document()->network().hidden(),
                          host_->stepPointMode(),
                          static_cast<int>(host_->tool()),
                          observation_.revealed,
                          observation_.guessDrawn};
    if (applied == applied_ && !host_->trainingRunning()) return;
    applied_ = applied;
    applying_ = true;
    host_->applyControls(c, locked);

    const unsigned own = current().controls;
    exercise_->setVisible(own & kLessonGuess);
    universal_->setVisible(own & kLessonAddNeurons);
    gradient_->setVisible(own & kLessonGradient);
    predict_->setVisible(own & kLessonPredict);
    walk_->setVisible(own & kLessonWalkthrough);
    sketch_->setEnabled(!observation_.revealed);
    reveal_->setEnabled(!observation_.revealed);
    tryAgain_->setEnabled(observation_.revealed || observation_.guessDrawn);
    applying_ = false;
}

// ---- tasks --------------------------------------------------------------------------------------

void LessonPanel::updateTasks() {
    if (chapter_ < 0) return;
    markDone(passingTasks(host_->document()->scenario(), chapter_, observation_));
    updateStepMarks();
}

void LessonPanel::markDone(const std::vector<std::string>& ids) {
    LessonState l = host_->document()->scenario().lesson;
    bool changed = false;
    for (const std::string& id : ids)
        changed = l.tasksDone.insert(id).second || changed;
    if (!changed) return;
    // The highlighted step moves on to the next task not done yet (after it, else before it).
    const int n = static_cast<int>(rows_.size());
    if (step_ < n && l.tasksDone.count(rows_[step_].id)) {
        for (int k = 1; k < n; ++k) {
            const int i = (step_ + k) % n;
            if (!l.tasksDone.count(rows_[i].id)) {
                step_ = i;
                break;
            }
        }
    }
    host_->document()->setLesson(l);
}

bool LessonPanel::taskTicked(const QString& id) const {
    for (const TaskRow& r : rows_)
        if (QString::fromStdString(r.id) == id) return r.mark->text().contains(kDone);
    return false;
}

bool LessonPanel::hintVisible(const QString& id) const {
    for (const TaskRow& r : rows_)
        if (QString::fromStdString(r.id) == id) return r.hint->isVisibleTo(this);
    return false;
}

void LessonPanel::showHint() {
    if (step_ < static_cast<int>(rows_.size())) rows_[step_].hintButton->toggle();
}

} // namespace stepwise::ui

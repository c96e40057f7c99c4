// The guided lesson on real widgets: every chapter opens with its controls, every task is not
// ticked before and is ticked after doing it with the real sliders and boxes, the exercise
// scores a good guess above a bad one, the keys move through steps without stealing them from
// a focused slider, and progress survives a restart.
#include "UiTestSupport.h"

#include "core/deep/RandomLayered.h"
#include "core/lesson/Lesson.h"
#include "core/lesson/Walkthrough.h"
#include "core/scenario/Presets.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/lesson/ChapterFit.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/params/ParamRow.h"
#include "ui/params/ParameterPanel.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"
#include "ui/walkthrough/WalkthroughController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <gtest/gtest.h>

#include <numbers>

using namespace stepwise;
using namespace stepwise::test;

namespace {

constexpr ParamId W(int j) {
    return {ParamKind::HiddenWeight, j};
}
constexpr ParamId B(int j) {
    return {ParamKind::HiddenBias, j};
}
constexpr ParamId V(int j) {
    return {ParamKind::OutputWeight, j};
}
constexpr ParamId C{ParamKind::OutputBias, 0};

// Each test gets its own settings file, so lesson progress never leaks into other tests.
class Lesson : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
    }
    void TearDown() override {
        window_.reset();
        QSettings().clear();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    }

    ui::MainWindow* open() {
        window_ = std::make_unique<ui::MainWindow>();
        window_->resize(1400, 900);
        window_->show();
        settle();
        return window_.get();
    }
    void restart() {
        window_.reset();
        open();
    }
    void setSine() {
        TargetCurve t;
        t.preset = TargetPreset::Sine;
        window_->document()->setTarget(t, "sine");
    }
    void settle() {
        window_->document()->flush();
        QApplication::processEvents();
        window_->document()->flush();
    }
    ui::LessonPanel* lesson() { return window_->lesson(); }
    ui::ParameterPanel* params() { return window_->parameters(); }
    ui::ParamRow* row(ParamId id) { return params()->row(id); }
    bool shown(QWidget* w) { return w && w->isVisibleTo(window_.get()); }
    bool usable(QWidget* w) { return shown(w) && w->isEnabled(); }
    bool ticked(const char* id) { return lesson()->taskTicked(id); }
    bool trainingTabShown() {
        QTabWidget* t = window_->sideTabs();
        return t->isTabVisible(t->indexOf(window_->trainingPanel()));
    }

    // Drags a slider to the value as a learner's mouse would: press, move, release.
    void slide(ParamId id, double value) {
        ui::ParamRow* r = row(id);
        ASSERT_NE(r, nullptr);
        QSlider* s = r->slider();
        const double f = (value - r->lo()) / (r->hi() - r->lo());
        s->setSliderDown(true);
        s->setValue(static_cast<int>(std::lround(f * s->maximum())));
        s->setSliderDown(false);
        settle();
        // The slider moves in steps of 0.5 % of its range.
        ASSERT_NEAR(param(window_->document()->network(), id), value, 0.005 * (r->hi() - r->lo()));
    }
    // Types an exact value into the number box.
    void type(ParamId id, double value) {
        ui::ParamRow* r = row(id);
        ASSERT_NE(r, nullptr);
        r->spinBox()->setValue(value);
        settle();
    }
    void goTo(int chapter) {
        lesson()->chapterBox()->setCurrentIndex(chapter);
        emit lesson()->chapterBox()->activated(chapter); // what a pick from the list sends
        settle();
        ASSERT_EQ(lesson()->chapter(), chapter);
    }
    // A key as a keyboard delivers it to the focused widget, shortcuts included.
    void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QWidget* target = QApplication::focusWidget();
        if (!target || target->window() != window_.get()) target = window_.get();
        const QString text = key >= Qt::Key_A && key <= Qt::Key_Z && !(mods & ~Qt::ShiftModifier)
                                 ? QString(QChar(key)).toLower()
                                 : QString();
        if (!qt_sendShortcutOverrideEvent(target, 0, key, mods, text)) {
            QKeyEvent down(QEvent::KeyPress, key, mods, text);
            QApplication::sendEvent(target, &down);
            QKeyEvent up(QEvent::KeyRelease, key, mods, text);
            QApplication::sendEvent(target, &up);
        }
        settle();
    }
    void focus(QWidget* w) {
        QApplication::setActiveWindow(window_.get());
        w->setFocus(Qt::OtherFocusReason);
        QApplication::processEvents();
    }

    QTemporaryDir dir_;
    std::unique_ptr<ui::MainWindow> window_;
};

std::vector<TargetPoint> exerciseTrace(double offset) {
    // 0 left of −0.5, 1.5 between the steps, 1 right of 0.5.
    return {{-0.95, offset},      {-0.52, offset},      {-0.48, 1.5 + offset},
            {0.48, 1.5 + offset}, {0.52, 1.0 + offset}, {0.95, 1.0 + offset}};
}

} // namespace

TEST_F(Lesson, FirstRunOpensChapterOneWithOnlyItsControls) {
    open();
    EXPECT_EQ(lesson()->chapter(), 0);
    EXPECT_EQ(window_->document()->network(), networkPreset(NetworkPreset::OneNeuron));
    EXPECT_TRUE(usable(row(W(0))));
    EXPECT_TRUE(usable(row(B(0))));
    EXPECT_FALSE(shown(row(V(0))));
    EXPECT_FALSE(shown(row(C)));
    EXPECT_FALSE(shown(params()->activationBox()));
    EXPECT_FALSE(shown(params()->hiddenBox()));
    EXPECT_FALSE(trainingTabShown());
    EXPECT_TRUE(shown(lesson()->textView()));
    EXPECT_FALSE(lesson()->backButton()->isEnabled());
}

TEST_F(Lesson, ChapterOneBiasAloneDecides) {
    open();
    EXPECT_FALSE(ticked("ch1.always-on"));
    EXPECT_FALSE(ticked("ch1.always-off"));
    slide(W(0), 0.0);
    slide(B(0), 1.0);
    EXPECT_TRUE(ticked("ch1.always-on"));
    EXPECT_FALSE(ticked("ch1.always-off"));
    slide(B(0), -1.0);
    EXPECT_TRUE(ticked("ch1.always-off"));
    EXPECT_TRUE(ticked("ch1.always-on")); // done stays done
}

TEST_F(Lesson, ChapterTwoPlaceAndFlipTheStep) {
    open();
    lesson()->nextButton()->click();
    settle();
    ASSERT_EQ(lesson()->chapter(), 1);
    EXPECT_TRUE(usable(row(W(0))));
    EXPECT_TRUE(usable(row(B(0))));
    EXPECT_TRUE(shown(params()->stepPointToggle()));
    EXPECT_FALSE(shown(row(V(0))));
    EXPECT_FALSE(ticked("ch2.place-step"));
    slide(B(0), -2.0); // w1 = 4: the step moves to x = −b/w = 0.5
    EXPECT_TRUE(ticked("ch2.place-step"));
    EXPECT_FALSE(ticked("ch2.flip"));
    type(W(0), -4.0);
    EXPECT_TRUE(ticked("ch2.flip"));
}

TEST_F(Lesson, ChapterThreeOutputWeights) {
    open();
    goTo(2);
    EXPECT_EQ(window_->document()->network(), networkPreset(NetworkPreset::Added));
    EXPECT_TRUE(usable(row(V(0))));
    EXPECT_TRUE(usable(row(V(1))));
    EXPECT_TRUE(usable(row(B(1))));
    EXPECT_TRUE(usable(row(C))); // the output bias has a task of its own
    for (const char* id : {"ch3.only-first", "ch3.only-second", "ch3.move-second", "ch3.lift"})
        EXPECT_FALSE(ticked(id)) << id;
    slide(V(1), 0.0);
    EXPECT_TRUE(ticked("ch3.only-first"));
    slide(V(0), 0.0);
    slide(V(1), 1.0);
    EXPECT_TRUE(ticked("ch3.only-second"));
    slide(B(1), 0.0);
    EXPECT_TRUE(ticked("ch3.move-second"));
    EXPECT_FALSE(ticked("ch3.lift"));
    type(C, 0.5);
    EXPECT_TRUE(ticked("ch3.lift"));
}

TEST_F(Lesson, ChapterFourSuperposition) {
    open();
    goTo(3);
    EXPECT_FALSE(shown(row(W(0))));
    EXPECT_FALSE(shown(row(B(1))));
    EXPECT_TRUE(usable(row(V(0))));
    EXPECT_TRUE(usable(row(V(1))));
    const std::pair<const char*, std::pair<double, double>> steps[] = {
        {"ch4.add", {1, 1}},
        {"ch4.invert-second", {1, -1}},
        {"ch4.invert-first", {-1, 1}},
        {"ch4.scale", {0.5, 0.5}}};
    for (const auto& [id, v] : steps) {
        EXPECT_FALSE(ticked(id)) << id;
        slide(V(0), v.first);
        slide(V(1), v.second);
        EXPECT_TRUE(ticked(id)) << id;
    }
}

TEST_F(Lesson, ChapterFiveGoodGuessOutscoresBadGuess) {
    open();
    goTo(4);
    EXPECT_EQ(window_->document()->network(), networkPreset(NetworkPreset::Exercise));
    // The question is on screen but cannot be changed; the answer is hidden.
    EXPECT_TRUE(shown(row(V(0))));
    EXPECT_FALSE(row(V(0))->isEnabled());
    EXPECT_FALSE(window_->graph()->outputGraph()->visible());
    EXPECT_EQ(window_->graph()->mode(), ui::GraphView::Mode::Guess);
    EXPECT_FALSE(ticked("ch5.sketch"));

    drawStroke(window_->graph(), exerciseTrace(0.05));
    settle();
    EXPECT_TRUE(ticked("ch5.sketch"));
    EXPECT_FALSE(ticked("ch5.reveal"));
    EXPECT_TRUE(window_->document()->scenario().target.empty()); // a guess is not a target
    EXPECT_FALSE(window_->graph()->outputGraph()->visible());
    lesson()->revealButton()->click();
    settle();
    EXPECT_TRUE(window_->graph()->outputGraph()->visible());
    ASSERT_TRUE(lesson()->guessScore());
    const int good = *lesson()->guessScore();
    EXPECT_TRUE(ticked("ch5.reveal"));
    EXPECT_TRUE(ticked("ch5.good-guess")) << good;
    EXPECT_TRUE(lesson()->scoreLabel()->text().contains(QString::number(good)));

    lesson()->tryAgain();
    settle();
    EXPECT_FALSE(window_->graph()->outputGraph()->visible());
    drawStroke(window_->graph(), {{-0.95, 0.0}, {0.95, 0.0}}); // "nothing happens"
    lesson()->reveal();
    settle();
    ASSERT_TRUE(lesson()->guessScore());
    const int bad = *lesson()->guessScore();
    EXPECT_GT(good, 80);
    EXPECT_GT(good, bad);
}

TEST_F(Lesson, ChapterSixBumpApproximationAndAddingNeurons) {
    open();
    goTo(5);
    EXPECT_TRUE(window_->document()->hasTarget());
    EXPECT_TRUE(usable(params()->hiddenBox()));
    EXPECT_TRUE(usable(row(C)));
    EXPECT_TRUE(shown(lesson()->addNeuronButton()));
    EXPECT_FALSE(shown(params()->activationBox()));
    for (const char* id : {"ch6.bump", "ch6.approximate", "ch6.many"})
        EXPECT_FALSE(ticked(id)) << id;
    slide(V(1), -1.0);
    EXPECT_TRUE(ticked("ch6.bump"));

    params()->hiddenBox()->setValue(4);
    settle();
    ASSERT_EQ(window_->document()->network().hidden(), 4);
    const double points[] = {-0.5, -0.25, 0.25, 0.5};
    for (int j = 0; j < 4; ++j) {
        type(W(j), 4.0);
        type(B(j), -4.0 * points[j]);
    }
    EXPECT_FALSE(ticked("ch6.approximate"));
    window_->document()->fitOutputLayer(); // Network ▸ Fit the output layer
    settle();
    EXPECT_TRUE(ticked("ch6.approximate"));

    double last = window_->document()->loss();
    while (window_->document()->network().hidden() < 12) {
        EXPECT_FALSE(ticked("ch6.many"));
        lesson()->addNeuronButton()->click();
        settle();
        if (window_->document()->network().hidden() >= 6) {
            EXPECT_LE(window_->document()->loss(), last + 1e-12);
        }
        last = window_->document()->loss();
    }
    EXPECT_TRUE(ticked("ch6.many"));
    EXPECT_FALSE(lesson()->errorsLabel()->text().isEmpty());
}

TEST_F(Lesson, ChapterSevenDrawAndTrain) {
    open();
    goTo(6);
    EXPECT_TRUE(trainingTabShown());
    EXPECT_EQ(window_->graph()->mode(), ui::GraphView::Mode::Draw);
    EXPECT_FALSE(ticked("ch7.draw"));
    std::vector<TargetPoint> pts;
    for (int i = 0; i <= 40; ++i) {
        const double x = -1.0 + 2.0 * i / 40;
        pts.push_back({x, 0.6 * std::sin(std::numbers::pi * x)});
    }
    drawStroke(window_->graph(), pts);
    settle();
    EXPECT_TRUE(ticked("ch7.draw"));
    EXPECT_FALSE(ticked("ch7.train"));
    window_->trainer()->play();
    EXPECT_TRUE(pumpUntil([&] { return ticked("ch7.train"); }, 45000))
        << "loss " << window_->document()->loss();
    window_->trainer()->pause();
}

TEST_F(Lesson, ChapterNineSigmoidAndSteepness) {
    open();
    goTo(8);
    EXPECT_TRUE(usable(params()->activationBox()));
    EXPECT_TRUE(shown(params()->steepnessRow()));
    EXPECT_TRUE(trainingTabShown());
    EXPECT_TRUE(shown(lesson()->gradientLabel()));
    EXPECT_TRUE(lesson()->gradientLabel()->text().contains("<b>0</b>"));
    for (const char* id : {"ch9.sigmoid", "ch9.steep", "ch9.gentle"})
        EXPECT_FALSE(ticked(id)) << id;
    // Pick Sigmoid with the keyboard, as a learner without a mouse would.
    QComboBox* box = params()->activationBox();
    const int sigmoid = box->findText(QObject::tr("Sigmoid"));
    ASSERT_GT(sigmoid, box->currentIndex());
    focus(box);
    while (box->currentIndex() < sigmoid) {
        QKeyEvent down(QEvent::KeyPress, Qt::Key_Down, Qt::NoModifier);
        QApplication::sendEvent(box, &down);
    }
    settle();
    EXPECT_EQ(window_->document()->network().activation.kind, ActivationKind::Sigmoid);
    EXPECT_TRUE(ticked("ch9.sigmoid"));
    EXPECT_FALSE(lesson()->gradientLabel()->text().contains("<b>0</b>"));
    EXPECT_FALSE(ticked("ch9.steep"));
    params()->steepnessRow()->spinBox()->setValue(40.0);
    settle();
    EXPECT_TRUE(ticked("ch9.steep"));
    EXPECT_FALSE(ticked("ch9.gentle"));
    params()->steepnessRow()->spinBox()->setValue(1.5);
    settle();
    EXPECT_TRUE(ticked("ch9.gentle"));
}

TEST_F(Lesson, ChapterFourPredictFirstHidesTheSumUntilRevealed) {
    open();
    goTo(3);
    EXPECT_TRUE(shown(lesson()->predictFirstBox()));
    EXPECT_TRUE(window_->graph()->answerVisible());
    lesson()->predictFirstBox()->click();
    settle();
    EXPECT_TRUE(lesson()->sumHidden());
    EXPECT_FALSE(window_->graph()->answerVisible());
    lesson()->revealSumButton()->click();
    settle();
    EXPECT_TRUE(window_->graph()->answerVisible());
    // New weights with "predict first" on: the new sum is hidden again, and R reveals it.
    Network n = window_->document()->network();
    n.v[1] = -1.0;
    window_->document()->setNetwork(n, "w21");
    settle();
    EXPECT_FALSE(window_->graph()->answerVisible());
    press(Qt::Key_R);
    EXPECT_TRUE(window_->graph()->answerVisible());
    // Leaving the chapter shows the sum whatever the box said.
    lesson()->predictFirstBox()->click();
    goTo(4);
    goTo(5);
    EXPECT_TRUE(window_->graph()->answerVisible());
}

TEST_F(Lesson, ChapterSixShowsTheWorstDistance) {
    open();
    goTo(5);
    EXPECT_TRUE(lesson()->errorsLabel()->text().contains("max |y − t|"));
    const double worst = *scenarioWorstError(window_->document()->scenario());
    EXPECT_TRUE(lesson()->errorsLabel()->text().contains(QString::number(worst, 'f', 3)));
    EXPECT_FALSE(ticked("ch6.epsilon"));
    ASSERT_TRUE(window_->graph()->toleranceBand());
    EXPECT_EQ(*window_->graph()->toleranceBand(), kEpsilonGoal);
    Scenario s = window_->document()->scenario();
    window_->document()->setNetwork(levelStepNetwork(s, 3), "levels");
    settle();
    EXPECT_TRUE(ticked("ch6.epsilon"));
    goTo(6); // the band belongs to chapter 6 only
    EXPECT_FALSE(window_->graph()->toleranceBand());
}

TEST_F(Lesson, ChapterSevenTicksWhenTrainingDivergesOnPurpose) {
    open();
    goTo(6);
    setSine();
    settle();
    EXPECT_FALSE(ticked("ch7.diverge"));
    TrainSettings t = window_->document()->scenario().training;
    t.optimizer.kind = OptimizerKind::SGD;
    t.optimizer.learningRate = 100.0;
    window_->document()->setTrainingSettings(t);
    window_->trainer()->play();
    EXPECT_TRUE(pumpUntil([&] { return ticked("ch7.diverge"); }, 20000));
    window_->trainer()->pause();
    EXPECT_TRUE(std::isfinite(window_->document()->loss()));
}

TEST_F(Lesson, ChapterSevenFastTaskCountsTheStepsOfOneRun) {
    open();
    goTo(6);
    setSine();
    settle();
    EXPECT_FALSE(ticked("ch7.fast"));
    // A rate that crawls does not reach the goal within the task's steps.
    TrainSettings t = window_->document()->scenario().training;
    t.optimizer.kind = OptimizerKind::SGD;
    t.optimizer.learningRate = 1e-4;
    window_->document()->setTrainingSettings(t);
    window_->trainer()->play();
    EXPECT_TRUE(pumpUntil([&] { return window_->trainer()->steps() > kDescentFastSteps; }, 20000));
    window_->trainer()->pause();
    EXPECT_FALSE(ticked("ch7.fast"));
    // Back to the chapter's network with Adam at a good rate: the goal comes within the steps.
    lesson()->restartChapter();
    setSine();
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.learningRate = 0.02;
    window_->document()->setTrainingSettings(t);
    window_->trainer()->reset();
    window_->trainer()->play();
    EXPECT_TRUE(pumpUntil([&] { return ticked("ch7.fast"); }, 30000))
        << "steps " << window_->trainer()->steps() << " loss " << window_->document()->loss();
    window_->trainer()->pause();
    ASSERT_TRUE(lesson()->observation().goalReachedAtStep);
    EXPECT_LE(*lesson()->observation().goalReachedAtStep, kDescentFastSteps);
}

TEST_F(Lesson, ChapterEightTicksFromTheWalkthrough) {
    open();
    goTo(7);
    ui::WalkthroughController* walk = window_->walkthrough();
    ASSERT_TRUE(shown(lesson()->startWalkButton()));
    EXPECT_FALSE(walk->active());
    lesson()->startWalkButton()->click();
    settle();
    ASSERT_TRUE(walk->active());
    for (const char* id : {"ch8.predict", "ch8.backward", "ch8.no-flow"})
        EXPECT_FALSE(ticked(id)) << id;

    // At x = 0.5 both ReLUs are on. Predict the sign of ∂L/∂w11 wrongly first: no tick.
    walk->setSample(0.5);
    settle();
    int dv = -1;
    for (int i = 0; i < walk->stepCount(); ++i)
        if (walk->walk().steps[i].kind == WalkKind::DLdv && walk->walk().steps[i].neuron == 0)
            dv = i;
    ASSERT_GE(dv, 0);
    const int truth = walk->walk().steps[dv].value > 0 ? 1 : -1;
    lesson()->predictSign(-truth);
    while (walk->stepIndex() < dv)
        walk->next();
    settle();
    EXPECT_FALSE(ticked("ch8.predict"));
    EXPECT_TRUE(lesson()->walkNoteLabel()->text().contains("not what you predicted"));
    // A new sample, predicted right before the walk gets there.
    walk->setSample(0.6);
    settle();
    lesson()->predictSign(truth);
    while (walk->stepIndex() < dv)
        walk->next();
    settle();
    EXPECT_TRUE(ticked("ch8.predict"));
    EXPECT_FALSE(ticked("ch8.backward"));
    // On to the end of the backward pass.
    int last = -1;
    for (int i = 0; i < walk->stepCount(); ++i)
        if (walkPhase(walk->walk().steps[i].kind) == WalkPhase::Backward) last = i;
    while (walk->stepIndex() < last)
        walk->next();
    settle();
    EXPECT_TRUE(ticked("ch8.backward"));
    EXPECT_FALSE(ticked("ch8.no-flow"));
    // Left of both ramps nothing gets through.
    walk->setSample(-0.8);
    walk->toEnd();
    settle();
    EXPECT_TRUE(ticked("ch8.no-flow"));
    EXPECT_EQ(window_->document()->network(),
              lessonChapters()[7].network); // the walk changed nothing
}

TEST_F(Lesson, ChapterOneDrawsTheInputThatIsAlwaysOne) {
    open();
    goTo(0);
    EXPECT_TRUE(window_->diagram()->constantInputShown());
    // Nothing of the diagram's labels covers it.
    const QPointF one = window_->diagram()->constantInputCenter();
    for (const auto& l : window_->diagram()->labels())
        EXPECT_FALSE(l.box.contains(one)) << l.text.toStdString();
    goTo(1);
    EXPECT_FALSE(window_->diagram()->constantInputShown());
    goTo(0);
    lesson()->setFreeMode(true); // free mode unlocks controls; this is a picture, not a control
    settle();
    EXPECT_FALSE(window_->diagram()->constantInputShown());
    lesson()->setFreeMode(false);
}

TEST_F(Lesson, FreeModeUnlocksEverything) {
    open();
    EXPECT_FALSE(shown(params()->activationBox()));
    lesson()->freeModeBox()->click();
    settle();
    EXPECT_TRUE(window_->document()->scenario().lesson.freeMode);
    EXPECT_TRUE(usable(params()->activationBox()));
    EXPECT_TRUE(usable(params()->hiddenBox()));
    EXPECT_TRUE(usable(row(V(0))));
    EXPECT_TRUE(usable(row(C)));
    EXPECT_TRUE(trainingTabShown());
    goTo(4); // even the exercise's question can be changed
    EXPECT_TRUE(usable(row(V(0))));
}

TEST_F(Lesson, EnteringAChapterIsOneUndoStep) {
    open();
    goTo(3);
    const Network ch4 = window_->document()->network();
    goTo(4);
    EXPECT_NE(window_->document()->network(), ch4);
    window_->document()->undoStack()->undo();
    settle();
    EXPECT_EQ(window_->document()->network(), ch4);
}

TEST_F(Lesson, ProgressSurvivesARestart) {
    open();
    goTo(1);
    slide(B(0), -2.0);
    ASSERT_TRUE(ticked("ch2.place-step"));
    goTo(2);
    lesson()->freeModeBox()->click();
    settle();
    restart();
    EXPECT_EQ(lesson()->chapter(), 2);
    EXPECT_EQ(window_->document()->scenario().lesson.chapter, 2);
    EXPECT_TRUE(lesson()->freeModeBox()->isChecked());
    EXPECT_TRUE(window_->document()->scenario().lesson.tasksDone.count("ch2.place-step"));
    EXPECT_EQ(window_->document()->network(), networkPreset(NetworkPreset::Added));
    goTo(1);
    EXPECT_TRUE(ticked("ch2.place-step"));
}

TEST_F(Lesson, OpeningAScenarioShowsItsChapter) {
    open();
    Scenario s = defaultScenario();
    setUpChapter(s, 4);
    s.lesson.chapter = 4;
    window_->document()->replaceScenario(s); // what opening a teacher's file does
    settle();
    EXPECT_EQ(lesson()->chapter(), 4);
    EXPECT_FALSE(window_->graph()->outputGraph()->visible()); // the answer starts hidden
    EXPECT_FALSE(row(V(0))->isEnabled());
}

TEST_F(Lesson, PageKeysStepThroughTasksThenChapters) {
    open();
    QApplication::setActiveWindow(window_.get());
    ASSERT_EQ(lesson()->step(), 0);
    press(Qt::Key_PageDown);
    EXPECT_EQ(lesson()->step(), 1);
    EXPECT_EQ(lesson()->chapter(), 0);
    press(Qt::Key_PageDown); // past the last task: the next chapter
    EXPECT_EQ(lesson()->chapter(), 1);
    EXPECT_EQ(lesson()->step(), 0);
    press(Qt::Key_Left);
    EXPECT_EQ(lesson()->chapter(), 0);
    press(Qt::Key_Right);
    press(Qt::Key_PageDown, Qt::ControlModifier);
    EXPECT_EQ(lesson()->chapter(), 2);
    press(Qt::Key_5, Qt::AltModifier);
    EXPECT_EQ(lesson()->chapter(), 4);
}

TEST_F(Lesson, FocusedSliderKeepsItsKeysUntilPresentationMode) {
    open();
    goTo(1);
    QSlider* s = row(B(0))->slider();
    focus(s);
    ASSERT_TRUE(s->hasFocus());
    const int before = s->value();
    press(Qt::Key_Right);
    EXPECT_GT(s->value(), before); // the slider moved; the lesson did not
    press(Qt::Key_PageDown);
    EXPECT_EQ(lesson()->chapter(), 1);
    EXPECT_EQ(lesson()->step(), 0);
    // In presentation mode Page Down belongs to the presenter's remote.
    window_->setPresentationMode(true);
    focus(s);
    press(Qt::Key_PageDown);
    EXPECT_EQ(lesson()->step(), 1);
    window_->setPresentationMode(false);
}

TEST_F(Lesson, FocusedDiagramKeepsItsArrows) {
    open();
    goTo(1);
    ui::NetworkDiagram* d = window_->diagram();
    window_->document()->select(ParamId{ParamKind::HiddenBias, 0}); // (hands focus to b1's slider)
    focus(d);
    ASSERT_TRUE(d->hasFocus());
    press(Qt::Key_Left); // walks the diagram to w1; the lesson stays on its step
    EXPECT_TRUE(d->hasFocus()) << "walking the diagram keeps the keyboard there";
    EXPECT_EQ(window_->document()->selection(), (ParamId{ParamKind::HiddenWeight, 0}));
    EXPECT_EQ(lesson()->chapter(), 1);
    EXPECT_EQ(lesson()->step(), 0);
    press(Qt::Key_PageDown); // Page keys still move the lesson
    EXPECT_EQ(lesson()->step(), 1);
}

TEST_F(Lesson, RevealKeyShowsTheAnswerAndHintKeyTheHint) {
    open();
    QApplication::setActiveWindow(window_.get());
    EXPECT_FALSE(lesson()->hintVisible("ch1.always-on"));
    press(Qt::Key_H);
    EXPECT_TRUE(lesson()->hintVisible("ch1.always-on"));
    EXPECT_FALSE(ticked("ch1.always-on"));
    press(Qt::Key_R); // show me
    EXPECT_TRUE(ticked("ch1.always-on"));
    goTo(4);
    drawStroke(window_->graph(), exerciseTrace(0.0));
    QApplication::setActiveWindow(window_.get());
    press(Qt::Key_R);
    EXPECT_TRUE(lesson()->answerRevealed());
    EXPECT_TRUE(window_->graph()->outputGraph()->visible());
}

TEST_F(Lesson, PresentationModeEnlargesTheLessonAndHidesTextOnRequest) {
    open();
    const double normal = lesson()->font().pointSizeF();
    window_->setPresentationMode(true);
    EXPECT_GT(lesson()->font().pointSizeF(), normal * 1.3);
    lesson()->setTextVisible(false);
    EXPECT_FALSE(lesson()->textVisible());
    lesson()->setTextVisible(true);
    window_->setPresentationMode(false);
    EXPECT_DOUBLE_EQ(lesson()->font().pointSizeF(), normal);
}

TEST_F(Lesson, EveryLessonActionHasAKey) {
    open();
    ASSERT_FALSE(lesson()->lessonActions().isEmpty());
    for (QAction* a : lesson()->lessonActions())
        EXPECT_FALSE(a->shortcut().isEmpty()) << a->text().toStdString();
}

// A file whose network is of another kind than the chapter is written for (two inputs while
// chapter 1 shows) gets a note offering the chapter for it; going there is one undo step. Back on
// the lesson's network in a chapter of two inputs, the note offers to set the chapter up.
TEST_F(Lesson, ANetworkOfAnotherKindIsOfferedItsChapter) {
    open();
    ui::ChapterFit* fit = lesson()->chapterFit();
    ASSERT_EQ(lesson()->chapter(), 0);
    EXPECT_TRUE(fit->text().isEmpty());
    ui::Document* doc = window_->document();
    Scenario s = doc->scenario();
    std::mt19937_64 rng(3);
    s.layered = randomLayeredNetwork(2, {{4, {ActivationKind::Sigmoid, 4.0}}}, -1.0, 1.0, rng);
    s.lesson.chapter = 0;
    doc->replaceScenario(s);
    settle();
    const int towers = firstChapterFor(LessonNetworkKind::Plane);
    ASSERT_GT(towers, 0);
    EXPECT_EQ(lessonChapters()[towers].id, "towers");
    EXPECT_TRUE(shown(fit));
    EXPECT_EQ(fit->offered(), towers);
    EXPECT_TRUE(fit->text().contains("two inputs")) << fit->text().toStdString();
    fit->button()->click();
    settle();
    EXPECT_EQ(lesson()->chapter(), towers);
    EXPECT_EQ(networkKindOf(doc->scenario()), LessonNetworkKind::Plane);
    EXPECT_FALSE(shown(fit));
    doc->undoStack()->undo(); // the file's network again, in the chapter of two inputs
    settle();
    EXPECT_EQ(doc->scenario().layered, s.layered);
    EXPECT_FALSE(shown(fit));
    doc->leaveLayered("back");
    settle();
    EXPECT_TRUE(shown(fit));
    EXPECT_EQ(fit->offered(), towers);
    EXPECT_EQ(fit->button()->text(), "Set up this chapter");
}

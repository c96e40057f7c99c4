// Drawing a target and training on real widgets: strokes become the target the core's rule
// says, play/pause/reset, a slider grabbed mid-run, divergence, and two learning runs.
#include "UiTestSupport.h"

#include "core/scenario/Presets.h"
#include "ui/params/ParamRow.h"
#include "ui/params/ParameterPanel.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSlider>
#include <QThread>
#include <gtest/gtest.h>
#include <numbers>

using namespace stepwise;
using namespace stepwise::test;

namespace {


std::vector<TargetPoint> sineStroke(int n) {
    std::vector<TargetPoint> pts;
    for (int i = 0; i <= n; ++i) {
        const double x = -1.0 + 2.0 * i / n;
        pts.push_back({x, 0.8 * std::sin(std::numbers::pi * x)});
    }
    return pts;
}

void useTarget(ui::MainWindow& w, TargetPreset p) {
    TargetCurve t;
    t.preset = p;
    w.document()->setTarget(t, "test");
}

} // namespace

TEST(Drawing, StrokeBecomesTheTargetTheCoreRuleSays) {
    auto w = freshWindow();
    w->graph()->setMode(ui::GraphView::Mode::Draw);
    const std::vector<TargetPoint> pts = {{-0.9, 0.2}, {-0.2, 1.0}, {-0.4, 0.5}, {0.6, 0.8}};
    drawStroke(w->graph(), pts);
    ASSERT_EQ(w->document()->undoStack()->count(), 1); // one stroke, one undo step
    TargetCurve expected;
    expected.strokes.push_back(landedStroke(w->graph(), pts));
    const Scenario& s = w->document()->scenario();
    const Eigen::ArrayXd want =
        sampleTarget(expected, w->document()->x(), s.domain.lo, s.domain.hi);
    const Eigen::ArrayXd& got = w->document()->targetSamples();
    ASSERT_EQ(got.size(), want.size());
    EXPECT_LT((got - want).abs().maxCoeff(), 1e-9);
    EXPECT_TRUE(got.allFinite());
    w->document()->undoStack()->undo();
    EXPECT_FALSE(w->document()->hasTarget());
}

TEST(Drawing, StrokesThatLeaveThePlotOrGoStraightUpStayFinite) {
    auto w = freshWindow();
    w->graph()->setMode(ui::GraphView::Mode::Draw);
    drawStroke(w->graph(), {{-3.0, 0.0}, {-0.5, 0.5}, {-0.5, 2.0}, {-0.5, -1.0}, {5.0, 40.0}});
    drawStroke(w->graph(), {{0.2, 0.1}});
    w->graph()->setMode(ui::GraphView::Mode::Erase);
    drawStroke(w->graph(), {{-0.1, 0.0}, {0.1, 0.0}});
    const Eigen::ArrayXd& t = w->document()->targetSamples();
    ASSERT_GT(t.size(), 0);
    EXPECT_TRUE(t.allFinite());
    EXPECT_EQ(w->document()->undoStack()->count(), 3);
}

TEST(Training, PlayTrainsAndTheLossFallsPauseStops) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Sine);
    w->parameters()->hiddenBox()->setValue(6);
    w->document()->setActivation({ActivationKind::Sigmoid, 4.0});
    const double before = w->document()->loss();
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    tc->play();
    ASSERT_TRUE(tc->isRunning());
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() > 300; }, 20000));
    tc->pause();
    EXPECT_FALSE(tc->isRunning());
    const long steps = tc->steps();
    const Network stopped = w->document()->network();
    EXPECT_LT(w->document()->loss(), before);
    pumpUntil([] { return false; }, 200);
    EXPECT_EQ(tc->steps(), steps); // nothing moves after pause
    EXPECT_EQ(w->document()->network(), stopped);
    EXPECT_FALSE(tc->lossValues().empty());
    // The whole run is one undo step.
    w->document()->undoStack()->undo();
    EXPECT_NE(w->document()->network(), stopped);
}

TEST(Training, ResetRestoresTheExactInitialWeights) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Gaussian);
    w->document()->setActivation({ActivationKind::Sigmoid, 5.0});
    const Network initial = w->document()->network();
    ui::TrainingController* tc = w->trainer();
    for (int i = 0; i < 25; ++i)
        tc->stepOnce();
    EXPECT_EQ(tc->steps(), 25);
    EXPECT_NE(w->document()->network(), initial);
    tc->reset();
    EXPECT_EQ(w->document()->network(), initial);
    EXPECT_EQ(tc->steps(), 0);
    // The same seed gives the same run again.
    for (int i = 0; i < 25; ++i)
        tc->stepOnce();
    const Network second = w->document()->network();
    tc->reset();
    for (int i = 0; i < 25; ++i)
        tc->stepOnce();
    EXPECT_EQ(w->document()->network(), second);
}

TEST(Training, SliderGrabbedMidTrainingTakesTheLearnersValue) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Sine);
    w->document()->setActivation({ActivationKind::Sigmoid, 4.0});
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(1);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() > 5; }, 10000));
    QSlider* s = w->parameters()->row({ParamKind::OutputBias, 0})->slider();
    s->setSliderDown(true); // training holds while the slider is down
    pumpUntil([] { return false; }, 100);
    const long heldAt = tc->steps();
    s->setValue(s->maximum()); // c = 3, far from where training would put it
    pumpUntil([] { return false; }, 200);
    EXPECT_LE(tc->steps(), heldAt + 1);
    EXPECT_DOUBLE_EQ(w->document()->network().c, 3.0);
    s->setSliderDown(false);
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() > heldAt + 3; }, 10000));
    tc->pause();
    // Training continued from the learner's value: c moved down from 3, not from the old value.
    const double c = w->document()->network().c;
    EXPECT_LT(c, 3.0);
    EXPECT_GT(c, 2.0);
}

TEST(Training, HugeLearningRatePausesWithFiniteWeightsAndAMessage) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Square);
    w->document()->setActivation({ActivationKind::Sigmoid, 4.0});
    TrainSettings s = w->document()->scenario().training;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 1000.0;
    w->document()->setTrainingSettings(s);
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return !tc->isRunning(); }, 20000));
    EXPECT_TRUE(allFinite(w->document()->network()));
    EXPECT_TRUE(std::isfinite(w->document()->loss()));
    EXPECT_TRUE(w->trainingPanel()->messageText().contains("learning rate"))
        << w->trainingPanel()->messageText().toStdString();
}

TEST(Training, EightSigmoidsFitADrawnSine) {
    auto w = freshWindow();
    w->graph()->setMode(ui::GraphView::Mode::Draw);
    drawStroke(w->graph(), sineStroke(80));
    Domain d = w->document()->scenario().domain;
    d.samples = 256;
    w->document()->setDomain(d);
    std::mt19937_64 rng(3);
    w->document()->setNetwork(randomNetwork(8, {ActivationKind::Sigmoid, 1.0}, -1, 1, rng), "init");
    TrainSettings s = w->document()->scenario().training;
    s.optimizer.kind = OptimizerKind::Adam;
    s.optimizer.learningRate = 0.05;
    s.seed = 3;
    w->document()->setTrainingSettings(s);
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() >= 4000; }, 60000));
    tc->pause();
    EXPECT_LT(w->document()->loss(), 1e-3);
}

TEST(Training, StepNetworkWithSurrogateFitsADrawnStaircase) {
    auto w = freshWindow();
    w->graph()->setMode(ui::GraphView::Mode::Draw);
    drawStroke(w->graph(),
               {{-1.0, 0.0}, {-0.34, 0.0}, {-0.34, 0.5}, {0.33, 0.5}, {0.33, 1.0}, {1.0, 1.0}});
    Domain d = w->document()->scenario().domain;
    d.samples = 300;
    w->document()->setDomain(d);
    std::mt19937_64 rng(5);
    w->document()->setNetwork(randomNetwork(4, {ActivationKind::Step, 10.0}, -1, 1, rng), "init");
    TrainSettings s = w->document()->scenario().training;
    s.optimizer.kind = OptimizerKind::Adam;
    s.optimizer.learningRate = 0.02;
    s.stepTraining = StepTraining::Surrogate;
    s.surrogateSteepness = 10.0;
    s.seed = 5;
    w->document()->setTrainingSettings(s);
    const double before = w->document()->loss();
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() >= 4000; }, 60000));
    tc->pause();
    EXPECT_LT(w->document()->loss(), 0.01);
    EXPECT_LT(w->document()->loss(), before / 5);
}

TEST(Training, GradientStepByHandMovesAgainstTheGradient) {
    auto w = freshWindow();
    useTarget(*w, TargetPreset::Bump);
    const Eigen::VectorXd g = w->document()->gradient();
    const Eigen::VectorXd p0 = packParams(w->document()->network());
    const double lr = w->document()->scenario().training.optimizer.learningRate;
    w->trainer()->gradientStepByHand();
    const Eigen::VectorXd p1 = packParams(w->document()->network());
    EXPECT_LT((p1 - (p0 - lr * g)).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(Training, ALossThatKeepsSpikingSuggestsASmallerRate) {
    auto w = freshWindow();
    Scenario s = w->document()->scenario();
    std::mt19937_64 init(2); // a start on which the default Adam rate overshoots (core test too)
    s.network = randomNetwork(8, {ActivationKind::Sigmoid, 1.0}, -3.0, 3.0, init);
    s.domain.samples = 200;
    s.target.preset = TargetPreset::Sine;
    s.training = TrainSettings{};
    s.training.seed = 2024;
    w->document()->replaceScenario(s);
    w->document()->flush();
    auto* advice = w->trainingPanel()->findChild<QLabel*>("trainingAdvice");
    ASSERT_NE(advice, nullptr);
    EXPECT_TRUE(advice->isHidden());
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return !advice->isHidden(); }, 20000))
        << "no advice after " << tc->steps() << " steps";
    tc->pause();
    EXPECT_TRUE(advice->text().contains("η = 0.017")) << advice->text().toStdString();
    // Taking the advice clears it.
    TrainSettings smaller = w->document()->scenario().training;
    smaller.optimizer.learningRate = 0.017;
    w->document()->setTrainingSettings(smaller);
    w->document()->flush();
    QApplication::processEvents();
    EXPECT_TRUE(advice->isHidden());
}

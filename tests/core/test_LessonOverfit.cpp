// Chapter 12, "Too many neurons": its points (12 to learn from, 12 held out), its tasks' checks
// read off the training and test losses of the scenario, each fails at the chapter's start and
// passes after its "show me", and training from the start overfits as the text says.
#include "core/data/DataSet.h"
#include "core/lesson/Lesson.h"
#include "core/scenario/Presets.h"
#include "core/training/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;

namespace {

constexpr int kOverfit = 11; // the chapter's index

Scenario chapterStart() {
    Scenario s = defaultScenario();
    setUpChapter(s, kOverfit);
    return s;
}

bool overfitTaskPasses(const Scenario& s, const std::string& id) {
    const LessonTask* t = findLessonTask(id);
    return t && t->check(s, {});
}

// What pressing Play does in the chapter: its optimizer on the training points, full batch.
Scenario trained(Scenario s, long steps) {
    const PointArrays p = toArrays(makeDataSet(s.target, s.domain).train);
    Trainer t(s.network, p.x, p.y, s.training, std::mt19937_64(s.training.seed));
    t.run(steps);
    s.network = t.network();
    return s;
}

} // namespace

TEST(LessonOverfit, TwelvePointsToLearnFromTwelveHeldOutAndManyNeurons) {
    const Scenario s = chapterStart();
    EXPECT_EQ(lessonChapters()[kOverfit].id, "overfit");
    const DataSet d = makeDataSet(s.target, s.domain);
    EXPECT_EQ(d.train.size(), 12u);
    EXPECT_EQ(d.test.size(), 12u);
    EXPECT_GE(s.network.hidden(), 2 * kOverfitManyNeurons);
    EXPECT_GT(s.target.noise.sd, 0.0);
    // The held-out points are spread over the domain, not bunched at one end.
    double lo = 1.0, hi = -1.0;
    for (const TargetPoint& p : d.test) {
        lo = std::min(lo, p.x);
        hi = std::max(hi, p.x);
    }
    EXPECT_LT(lo, -0.3);
    EXPECT_GT(hi, 0.3);
}

TEST(LessonOverfit, SplitLossesAreTheMeanSquaredErrorsOnEachSet) {
    const Scenario s = chapterStart();
    const auto l = splitLosses(s);
    ASSERT_TRUE(l.has_value());
    const DataSet d = makeDataSet(s.target, s.domain);
    double train = 0.0, test = 0.0;
    for (const TargetPoint& p : d.train)
        train += std::pow(evaluateOutput(s.network, Eigen::ArrayXd::Constant(1, p.x))[0] - p.y, 2);
    for (const TargetPoint& p : d.test)
        test += std::pow(evaluateOutput(s.network, Eigen::ArrayXd::Constant(1, p.x))[0] - p.y, 2);
    EXPECT_NEAR(l->train, train / d.train.size(), 1e-12);
    EXPECT_NEAR(l->test, test / d.test.size(), 1e-12);
    // No test points, no split losses.
    Scenario plain = defaultScenario();
    plain.target.preset = TargetPreset::Sine;
    EXPECT_FALSE(splitLosses(plain).has_value());
}

TEST(LessonOverfit, TheChapterStartsWithoutWeightDecayOrEarlyStopping) {
    Scenario s = defaultScenario();
    s.training.weightDecay = 0.5;
    s.training.earlyStopping = true;
    s.training.seed = 77;
    setUpChapter(s, kOverfit);
    EXPECT_EQ(s.training.weightDecay, 0.0);
    EXPECT_FALSE(s.training.earlyStopping);
    EXPECT_EQ(s.training.seed, 77u); // the rest is left as it was
    EXPECT_EQ(s.training.optimizer.kind, OptimizerKind::Adam);
}

TEST(LessonOverfit, NoTaskIsTickedAtTheStartAndEachShowMeTicksItsOwn) {
    for (const LessonTask& t : lessonChapters()[kOverfit].tasks) {
        Scenario s = chapterStart();
        EXPECT_FALSE(t.check(s, {})) << t.id;
        ASSERT_TRUE(t.solve) << t.id;
        t.solve(s);
        EXPECT_TRUE(allFinite(s.network)) << t.id;
        EXPECT_TRUE(t.check(s, {})) << t.id;
    }
}

TEST(LessonOverfit, PlayFromTheStartThreadsTheTrainingPointsAndTheTestLossStaysHigh) {
    const Scenario s = trained(chapterStart(), 1500);
    const auto l = splitLosses(s);
    ASSERT_TRUE(l.has_value());
    EXPECT_LT(l->train, 0.001);
    EXPECT_GT(l->test, kOverfitTestGoal);
    EXPECT_TRUE(overfitTaskPasses(s, "ch12.overfit"));
    EXPECT_FALSE(overfitTaskPasses(s, "ch12.few"));   // too many neurons for that task
    EXPECT_FALSE(overfitTaskPasses(s, "ch12.decay")); // no weight decay, and a high test loss
}

TEST(LessonOverfit, EachCheckNeedsAllItAsksFor) {
    // The overfit network with fewer neurons than asked: not ticked.
    Scenario s = trained(chapterStart(), 1500);
    Scenario few = s;
    few.network = Network(kOverfitManyNeurons - 1, s.network.activation);
    few.network.w = s.network.w.head(kOverfitManyNeurons - 1);
    few.network.b = s.network.b.head(kOverfitManyNeurons - 1);
    few.network.v = s.network.v.head(kOverfitManyNeurons - 1);
    few.network.c = s.network.c;
    EXPECT_FALSE(overfitTaskPasses(few, "ch12.overfit"));
    // Weight decay's solution, with weight decay then turned off: not the decay task.
    Scenario decayed = chapterStart();
    findLessonTask("ch12.decay")->solve(decayed);
    ASSERT_TRUE(overfitTaskPasses(decayed, "ch12.decay"));
    EXPECT_GT(decayed.training.weightDecay, 0.0);
    decayed.training.weightDecay = 0.0;
    EXPECT_FALSE(overfitTaskPasses(decayed, "ch12.decay"));
    // The few-neuron solution with silent neurons added up to one too many (output weight 0: the
    // curve and the losses are the same):
    // not the few task.
    Scenario small = chapterStart();
    findLessonTask("ch12.few")->solve(small);
    ASSERT_TRUE(overfitTaskPasses(small, "ch12.few"));
    const int h = small.network.hidden(), extra = kOverfitFewNeurons + 1 - h;
    ASSERT_GT(extra, 0);
    Network more(h + extra, small.network.activation);
    more.w.head(h) = small.network.w;
    more.b.head(h) = small.network.b;
    more.v.head(h) = small.network.v;
    more.w.tail(extra).setConstant(1.0);
    more.b.tail(extra).setZero();
    more.v.tail(extra).setZero();
    more.c = small.network.c;
    small.network = more;
    ASSERT_EQ(small.network.hidden(), kOverfitFewNeurons + 1);
    EXPECT_LT(splitLosses(small)->test, kOverfitTestGoal);
    EXPECT_FALSE(overfitTaskPasses(small, "ch12.few"));
    // Weight decay brings the test loss down against the overfit run it started from.
    EXPECT_LT(splitLosses(decayed)->test, splitLosses(s)->test);
}

TEST(LessonOverfit, TheHintsPathTicksTheTasksInTurn) {
    // Play (overfit), then 3 neurons and 1 500 steps, then 24 neurons again with λ = 0.001 and
    // 1 000 steps: what the hints tell a learner to do, with the window's resize.
    Scenario s = trained(chapterStart(), 1500);
    ASSERT_TRUE(overfitTaskPasses(s, "ch12.overfit"));
    s.network.resize(3, s.domain.lo, s.domain.hi);
    s = trained(s, 1500);
    EXPECT_TRUE(overfitTaskPasses(s, "ch12.few")) << splitLosses(s)->test;
    s.network.resize(24, s.domain.lo, s.domain.hi);
    s.training.weightDecay = 0.001;
    // Not before training with it: the few-neuron fit with silent neurons added has a low test
    // loss, but its weights are as large as they were (the check reads Σ(w² + v²)).
    EXPECT_LT(splitLosses(s)->test, kOverfitTestGoal);
    EXPECT_GT(s.network.w.squaredNorm() + s.network.v.squaredNorm(), kOverfitDecayedWeights);
    EXPECT_FALSE(overfitTaskPasses(s, "ch12.decay"));
    s = trained(s, 1000);
    EXPECT_TRUE(overfitTaskPasses(s, "ch12.decay")) << splitLosses(s)->test;
}

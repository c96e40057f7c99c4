// Training a layered network in the window (issues 17 and 18): the run goes on a worker thread
// while the window draws; a run is one undo step; what is shown after a pause is exactly what
// the bare engine reaches in the steps counted, also after an edit or a drag in the middle of a
// run; a diverging run stops on finite weights. These tests also run under ThreadSanitizer.
#include "UiTestSupport.h"

#include "core/deep/RandomLayered.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/shell/LayeredWorkspace.h"

#include <QElapsedTimer>
#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

double maxDifference(const LayeredNetwork& a, const LayeredNetwork& b) {
    return (packParams(a) - packParams(b)).cwiseAbs().maxCoeff();
}

// What the bare engine reaches from `from` in `steps` steps on the document's data and settings,
// seeded as the window seeds a run that starts after `stepsBefore` steps.
LayeredNetwork bareEngine(const ui::Document& doc, const LayeredNetwork& from, long stepsBefore,
                          long steps) {
    LayeredTrainer bare(
        from, doc.sampleX().matrix().transpose(), doc.sampleT(),
        ui::LayeredTrainingController::settingsFrom(doc),
        std::mt19937_64(doc.scenario().training.seed + static_cast<std::uint64_t>(stepsBefore)));
    bare.run(steps);
    return bare.network();
}

} // namespace

TEST(LayeredTraining, TrainingLowersTheLossAndARunIsOneUndoStep) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    ui::LayeredTrainingController* t = w->layeredWorkspace()->trainer();
    const LayeredNetwork start = doc->layered();
    const double l0 = doc->layeredLoss();
    const int before = doc->undoStack()->count();
    t->play();
    ASSERT_TRUE(t->isRunning());
    ASSERT_TRUE(pumpUntil([&] { return t->steps() >= 300; }, 20000));
    t->pause();
    EXPECT_FALSE(t->isRunning());
    EXPECT_LT(doc->layeredLoss(), 0.5 * l0);
    EXPECT_EQ(doc->undoStack()->count(), before + 1);
    EXPECT_FALSE(t->lossValues().empty());
    doc->undoStack()->undo();
    EXPECT_EQ(doc->layered(), start);
    // The same steps taken by the bare engine give the same weights (frames do not matter).
    doc->undoStack()->redo();
    EXPECT_LT(maxDifference(bareEngine(*doc, start, 0, t->steps()), doc->layered()), 1e-12);
}

TEST(LayeredTraining, ADivergingRunStopsWithFiniteWeightsAndSaysWhy) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    TrainSettings s = doc->scenario().training;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 500.0;
    doc->setTrainingSettings(s);
    ui::LayeredTrainingController* t = w->layeredWorkspace()->trainer();
    QString said;
    QObject::connect(t, &ui::LayeredTrainingController::diverged,
                     [&](const QString& m) { said = m; });
    t->play();
    ASSERT_TRUE(pumpUntil([&] { return !t->isRunning(); }, 20000));
    EXPECT_FALSE(said.isEmpty());
    EXPECT_TRUE(allFinite(doc->layered()));
    EXPECT_TRUE(std::isfinite(doc->layeredLoss()));
    for (double v : t->lossValues())
        EXPECT_TRUE(std::isfinite(v));
}

TEST(LayeredTraining, WithoutATargetTrainingSaysSoAndDoesNotStart) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    doc->clearTarget();
    doc->setLayered(deepNet(1), "deeper");
    ui::LayeredTrainingController* t = w->layeredWorkspace()->trainer();
    QString said;
    QObject::connect(t, &ui::LayeredTrainingController::message,
                     [&](const QString& m) { said = m; });
    t->play();
    EXPECT_FALSE(t->isRunning());
    EXPECT_TRUE(said.contains("target"));
}

// An edit in the middle of a run (here a weight typed in): the run drops what the worker had
// reached since the last frame and goes on from the edited network, so after the pause the
// weights are the bare engine's from the edit, in the steps counted since.
TEST(LayeredTraining, AnEditInTheMiddleOfARunGoesOnFromTheEdit) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    ui::LayeredTrainingController* t = w->layeredWorkspace()->trainer();
    t->play();
    ASSERT_TRUE(pumpUntil([&] { return t->steps() >= 50; }, 20000));
    doc->setLayeredParam(3, 0.4);
    const LayeredNetwork edited = doc->layered();
    EXPECT_EQ(packParams(edited)[3], 0.4);
    const long at = t->steps();
    ASSERT_TRUE(t->isRunning());
    ASSERT_TRUE(pumpUntil([&] { return t->steps() >= at + 100; }, 20000));
    t->pause();
    EXPECT_LT(maxDifference(bareEngine(*doc, edited, at, t->steps() - at), doc->layered()), 1e-12);
}

// A drag while training: the run waits (nothing moves under the pointer), then goes on from the
// dragged network.
TEST(LayeredTraining, ADragInTheMiddleOfARunHoldsItAndGoesOnFromTheDrag) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    ui::LayeredTrainingController* t = w->layeredWorkspace()->trainer();
    t->play();
    ASSERT_TRUE(pumpUntil([&] { return t->steps() >= 50; }, 20000));
    doc->beginDrag();
    const long held = t->steps();
    doc->setLayeredParam(0, 1.5);
    doc->setLayeredParam(0, 1.7);
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 150)
        QApplication::processEvents();
    EXPECT_EQ(t->steps(), held);
    EXPECT_EQ(packParams(doc->layered())[0], 1.7);
    const LayeredNetwork dragged = doc->layered();
    doc->endDrag();
    ASSERT_TRUE(pumpUntil([&] { return t->steps() >= held + 60; }, 20000));
    t->pause();
    EXPECT_LT(maxDifference(bareEngine(*doc, dragged, held, t->steps() - held), doc->layered()),
              1e-12);
}

#include "core/lesson/LessonOverfit.h"

#include "core/data/DataSet.h"
#include "core/scenario/Presets.h"
#include "core/training/Trainer.h"

#include <cmath>

namespace stepwise {

// 24 points of 0.7·sin(2.5x) on [−0.95, 0.95], noise σ = 0.2, half of them held out (seeds
// chosen so that the held-out points are spread over the domain), and 24 sigmoid neurons.
LessonChapter overfitChapter() {
    LessonChapter c;
    c.id = "overfit";
    c.controls = kLessonHiddenWeights | kLessonHiddenBiases | kLessonOutputWeights |
                 kLessonOutputBias | kLessonActivation | kLessonSteepness | kLessonHiddenCount |
                 kLessonTraining;
    for (int i = 0; i < 24; ++i) {
        const double x = -0.95 + 1.9 * i / 23.0;
        c.target.points.push_back({x, 0.7 * std::sin(2.5 * x)});
    }
    c.target.noise = {0.2, 6};
    c.target.split = {0.5, 5};
    std::mt19937_64 rng(10);
    c.network = randomNetwork(24, {ActivationKind::Sigmoid, 6.0}, -1.0, 1.0, rng);
    // Adam at η = 0.01 threads the 12 training points within about 500 steps; 10 steps a frame
    // (a pace the Training tab offers) spread that over about a second, and the test loss can be
    // watched staying up for as long as the class likes.
    OptimizerSettings adam;
    adam.kind = OptimizerKind::Adam;
    adam.learningRate = 0.01;
    c.optimizer = adam;
    c.stepsPerFrame = 10;
    c.weightDecay = 0.0;
    auto losses = [](const Scenario& s) { return splitLosses(s); };
    // "Show me": what training does, run here: the chapter's optimizer for a fixed number of
    // steps from the network on screen, with the weight decay the task asks for.
    auto train = [](Scenario& s, double lambda, long steps) {
        const DataSet d = makeDataSet(s.target, s.domain);
        const PointArrays p = toArrays(d.train);
        TrainSettings t = s.training;
        t.weightDecay = lambda;
        t.earlyStopping = false;
        t.stopLoss = 0.0;
        t.batchSize = 0;
        t.optimizer.kind = OptimizerKind::Adam;
        t.optimizer.learningRate = 0.01;
        Trainer trainer(s.network, p.x, p.y, t, std::mt19937_64(t.seed));
        trainer.run(steps);
        s.network = trainer.network();
        s.training.weightDecay = lambda;
    };
    auto overfit = [losses](const Scenario& s, const LessonObservation&) {
        const auto l = losses(s);
        return l && s.network.hidden() >= kOverfitManyNeurons &&
               l->train * kOverfitRatio <= l->test;
    };
    auto few = [losses](const Scenario& s, const LessonObservation&) {
        const auto l = losses(s);
        return l && s.network.hidden() <= kOverfitFewNeurons && l->test < kOverfitTestGoal;
    };
    auto decay = [losses](const Scenario& s, const LessonObservation&) {
        const auto l = losses(s);
        const Network& n = s.network;
        return l && s.training.weightDecay > 0.0 && n.hidden() >= kOverfitManyNeurons &&
               l->test < kOverfitTestGoal &&
               n.w.squaredNorm() + n.v.squaredNorm() < kOverfitDecayedWeights;
    };
    c.tasks.push_back({"ch12.overfit", overfit, [train](Scenario& s) {
                           if (s.network.hidden() < kOverfitManyNeurons)
                               s.network = overfitChapter().network;
                           train(s, 0.0, 1500);
                       }});
    // What the hint says: three of the chapter's neurons, trained. (Four kept from the overfit run
    // ended at a test loss of 0.068: few neurons are no guarantee.)
    c.tasks.push_back({"ch12.few", few, [train](Scenario& s) {
                           s.network = overfitChapter().network;
                           s.network.resize(3, s.domain.lo, s.domain.hi);
                           train(s, 0.0, 1500);
                       }});
    c.tasks.push_back({"ch12.decay", decay, [train](Scenario& s) {
                           s.network = overfitChapter().network;
                           train(s, 0.001, 1500);
                       }});
    return c;
}

std::optional<SplitLosses> splitLosses(const Scenario& s) {
    const DataSet d = makeDataSet(s.target, s.domain);
    if (d.train.empty() || d.test.empty()) return std::nullopt;
    const auto train = pointsLoss(s.network, d.train), test = pointsLoss(s.network, d.test);
    if (!train || !test || !std::isfinite(*train) || !std::isfinite(*test)) return std::nullopt;
    return SplitLosses{*train, *test};
}

} // namespace stepwise

// Trainer: learning tests from fixed seeds, bit-identical reruns, divergence, and the mechanics
// of a step (batches, masks, annealing, stopping, cancelling).
#include "core/scenario/Presets.h"
#include "core/scenario/TargetCurve.h"
#include "core/training/LeastSquares.h"
#include "core/training/Trainer.h"
#include "tests/core/CoreTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace stepwise;
using stepwise::test::historyFinite;

namespace {

constexpr int kTrainerSamples = 128;

Eigen::ArrayXd trainerSamplesX() {
    return grid(-1.0, 1.0, kTrainerSamples);
}

Eigen::ArrayXd sineTarget() {
    return presetSamples(TargetPreset::Sine, trainerSamplesX(), -1.0, 1.0);
}

// A staircase of four treads, 0, 0.5, 1, 1.5, with risers at x = −0.5, 0, 0.5.
Eigen::ArrayXd staircaseTarget() {
    const Eigen::ArrayXd x = trainerSamplesX();
    return 0.5 *
           ((x >= -0.5).cast<double>() + (x >= 0.0).cast<double>() + (x >= 0.5).cast<double>());
}

TrainSettings adamSettings(double lr) {
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::Adam;
    s.optimizer.learningRate = lr;
    return s;
}

Network startNetwork(int hidden, Activation g, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return randomNetwork(hidden, g, -1.0, 1.0, rng);
}

} // namespace

TEST(TrainerLearning, SigmoidNetworkFitsSine) {
    // 8 sigmoid neurons (k = 4), Adam η = 0.05, full batch of 128 samples, seed 1: MSE below
    // 1e-3 within 1500 steps (it gets there in a few hundred; the margin is deliberate).
    const Network start = startNetwork(8, {ActivationKind::Sigmoid, 4.0}, 1);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    const double before = loss(start, x, t);
    TrainSettings s = adamSettings(0.05);
    s.stopLoss = 1e-3;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    const TrainReport r = trainer.run(1500);
    EXPECT_TRUE(r.reachedStopLoss) << "loss after " << r.steps << " steps: " << r.loss;
    EXPECT_FALSE(r.diverged);
    EXPECT_LE(r.steps, 1500);
    EXPECT_LE(loss(trainer.network(), x, t), 1e-3 * (1.0 + 1e-9));
    EXPECT_GT(before, 0.1); // it really had something to learn
}

TEST(TrainerLearning, OutputOnlyGradientDescentReachesLeastSquares) {
    const Network start = startNetwork(5, {ActivationKind::Sigmoid, 3.0}, 1);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    const OutputFit fit = fitOutputLayer(start, x, t);
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::Momentum;
    s.optimizer.learningRate = 0.2;
    s.optimizer.momentum = 0.9;
    s.layers = LearningLayers::OutputOnly;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    const TrainReport r = trainer.run(3000);
    ASSERT_FALSE(r.diverged);
    const Network& net = trainer.network();
    // The hidden layer did not move at all.
    EXPECT_EQ(net.w, start.w);
    EXPECT_EQ(net.b, start.b);
    for (int j = 0; j < 5; ++j)
        EXPECT_NEAR(net.v[j], fit.v[j], 1e-6) << "v" << j;
    EXPECT_NEAR(net.c, fit.c, 1e-6);
    EXPECT_NEAR(r.loss, fit.loss, 1e-10);
    EXPECT_GT(loss(start, x, t), fit.loss + 0.1); // the start was far from it
}

TEST(TrainerLearning, AnnealedStepNetworkFitsBumpWithTrueSteps) {
    // 8 step neurons trained as a sigmoid whose steepness grows from 2 to 200 over 2000 steps
    // (Adam η = 0.02, seed 1); after 2500 steps the *step* network's MSE is below 1e-3.
    const Network start = startNetwork(8, {ActivationKind::Step, 1.0}, 1);
    const Eigen::ArrayXd x = trainerSamplesX();
    const Eigen::ArrayXd t = presetSamples(TargetPreset::Bump, x, -1.0, 1.0);
    TrainSettings s = adamSettings(0.02);
    s.stepTraining = StepTraining::Anneal;
    s.annealStart = 2.0;
    s.annealEnd = 200.0;
    s.annealSteps = 2000;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    const TrainReport r = trainer.run(2500);
    ASSERT_FALSE(r.diverged);
    EXPECT_EQ(trainer.network().activation.kind, ActivationKind::Step);
    const double stepLoss = loss(trainer.network(), x, t);
    EXPECT_LT(stepLoss, 1e-3);
    EXPECT_GT(loss(start, x, t), 0.1);
}

TEST(TrainerLearning, SurrogateStepNetworkFitsStaircase) {
    // 6 step neurons, straight-through surrogate with k = 10, Adam η = 0.02, seed 1: the
    // staircase is fitted to MSE below 1e-3 within 2000 steps.
    const Network start = startNetwork(6, {ActivationKind::Step, 1.0}, 1);
    const Eigen::ArrayXd x = trainerSamplesX(), t = staircaseTarget();
    TrainSettings s = adamSettings(0.02);
    s.stepTraining = StepTraining::Surrogate;
    s.surrogateSteepness = 10.0;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    const TrainReport r = trainer.run(2000);
    ASSERT_FALSE(r.diverged);
    EXPECT_EQ(trainer.network().activation.kind, ActivationKind::Step);
    EXPECT_LT(loss(trainer.network(), x, t), 1e-3);
    EXPECT_GT(loss(start, x, t), 0.1);
}

TEST(TrainerDeterminism, SameSeedGivesBitIdenticalRun) {
    const Network start = startNetwork(6, {ActivationKind::Tanh, 1.0}, 3);
    TrainSettings s = adamSettings(0.03);
    s.batchSize = 16;
    auto run = [&](std::uint64_t seed) {
        Trainer trainer(start, trainerSamplesX(), sineTarget(), s, std::mt19937_64(seed));
        trainer.setRecordParams(true);
        trainer.run(300);
        return std::make_pair(trainer.lossHistory(), packParams(trainer.network()));
    };
    const auto a = run(7), b = run(7), c = run(8);
    ASSERT_EQ(a.first.size(), 300u);
    EXPECT_EQ(a.first, b.first); // exact, element by element
    EXPECT_EQ(a.second, b.second);
    // Another seed draws other mini-batches.
    EXPECT_NE(a.first, c.first);
    EXPECT_NE(a.second, c.second);
}

TEST(TrainerDeterminism, RunInPiecesEqualsRunAtOnce) {
    const Network start = startNetwork(4, {ActivationKind::Sigmoid, 2.0}, 2);
    TrainSettings s = adamSettings(0.02);
    s.batchSize = 20;
    Trainer whole(start, trainerSamplesX(), sineTarget(), s, std::mt19937_64(5));
    Trainer pieces(start, trainerSamplesX(), sineTarget(), s, std::mt19937_64(5));
    whole.run(200);
    pieces.run(50);
    for (int i = 0; i < 50; ++i)
        pieces.step();
    pieces.run(100);
    EXPECT_EQ(whole.lossHistory(), pieces.lossHistory());
    EXPECT_TRUE(whole.network() == pieces.network());
}

TEST(TrainerDivergence, HugeLearningRateStopsCleanly) {
    const Network start = startNetwork(8, {ActivationKind::Sigmoid, 4.0}, 1);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    for (double lr : {1e6, 1e300}) {
        TrainSettings s;
        s.optimizer.kind = OptimizerKind::SGD;
        s.optimizer.learningRate = lr;
        Trainer trainer(start, x, t, s, std::mt19937_64(1));
        const TrainReport r = trainer.run(1000);
        EXPECT_TRUE(r.diverged) << "lr " << lr;
        EXPECT_FALSE(r.reason.empty()) << "lr " << lr;
        EXPECT_LT(r.steps, 1000) << "lr " << lr;
        EXPECT_TRUE(allFinite(trainer.network())) << "lr " << lr;
        EXPECT_TRUE(std::isfinite(r.loss)) << "lr " << lr;
        EXPECT_TRUE(std::isfinite(trainer.loss())) << "lr " << lr;
        EXPECT_TRUE(historyFinite(trainer.lossHistory())) << "lr " << lr;
        // What is left is no worse than where it started from by the explosion factor.
        EXPECT_LE(trainer.loss(), kExplodeFactor * std::max(loss(start, x, t), 1.0));
    }
}

// Issue 15: raising Adam's rate to 1000 mid-run said "the last good weights are back in place"
// and left loss 7228 on screen. A blow-up goes back to the lowest loss of the run.
TEST(TrainerDivergence, BlowUpGoesBackToTheBestWeightsOfTheRun) {
    const Network start = startNetwork(8, {ActivationKind::Sigmoid, 2.0}, 3);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    Trainer trainer(start, x, t, adamSettings(0.05), std::mt19937_64(1));
    const TrainReport calm = trainer.run(300);
    ASSERT_FALSE(calm.diverged);
    trainer.setSettings(adamSettings(1000.0)); // the learner drags the rate up mid-run
    const TrainReport r = trainer.run(1000);
    ASSERT_TRUE(r.diverged);
    EXPECT_TRUE(r.restoredBest);
    const std::vector<double>& history = trainer.lossHistory();
    const double best = *std::min_element(history.begin(), history.end());
    EXPECT_EQ(r.bestLoss, best);
    EXPECT_EQ(trainer.bestLoss(), best);
    EXPECT_EQ(r.loss, best);
    EXPECT_EQ(loss(trainer.network(), x, t), best);
    EXPECT_LE(best, calm.loss);      // at least as good as where the calm part ended
    EXPECT_LT(best, history.back()); // the last finite step was worse: it is not what came back
    EXPECT_NE(r.reason.find("lowest loss"), std::string::npos) << r.reason;
}

TEST(TrainerDivergence, FirstStepBlowUpGoesBackToTheStart) {
    const Network start = startNetwork(4, {ActivationKind::Tanh, 1.0}, 2);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 1e300;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    const TrainReport r = trainer.run(10);
    ASSERT_TRUE(r.diverged);
    EXPECT_TRUE(r.restoredBest);
    EXPECT_EQ(loss(trainer.network(), x, t), trainer.bestLoss());
    EXPECT_EQ(trainer.bestLoss(), loss(start, x, t)); // the first step already blew up
    EXPECT_TRUE(allFinite(trainer.network()));
}

TEST(TrainerDivergence, SettingANewNetworkForgetsTheBest) {
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    Trainer trainer(startNetwork(3, {ActivationKind::Tanh, 1.0}, 1), x, t, adamSettings(0.05),
                    std::mt19937_64(1));
    trainer.run(20);
    EXPECT_TRUE(std::isfinite(trainer.bestLoss()));
    trainer.setNetwork(startNetwork(3, {ActivationKind::Tanh, 1.0}, 2));
    EXPECT_TRUE(std::isinf(trainer.bestLoss()));
    EXPECT_EQ(trainer.bestParams().size(), 0);
}

// Issue 15: neurons added by raising the count were clones and moved in lockstep for ever.
TEST(TrainerLearning, AddedNeuronsDoNotMoveInLockstep) {
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    Network spread = startNetwork(2, {ActivationKind::Sigmoid, 2.0}, 5);
    Network clones = spread;
    spread.resize(5);
    clones.resize(5);
    for (int j = 2; j < 5; ++j) { // what resize used to make: w = 1, b = 0, v = 0
        clones.w[j] = 1.0;
        clones.b[j] = 0.0;
    }
    Trainer a(spread, x, t, adamSettings(0.02), std::mt19937_64(1));
    Trainer b(clones, x, t, adamSettings(0.02), std::mt19937_64(1));
    a.run(400);
    b.run(400);
    const auto alike = [](const Network& n, int i, int j) {
        return std::abs(n.w[i] - n.w[j]) + std::abs(n.b[i] - n.b[j]) + std::abs(n.v[i] - n.v[j]);
    };
    for (int i = 2; i < 5; ++i)
        for (int j = i + 1; j < 5; ++j) {
            EXPECT_GT(alike(a.network(), i, j), 0.05)
                << "spread neurons " << i + 1 << ", " << j + 1;
            EXPECT_LT(alike(b.network(), i, j), 1e-12)
                << "clones stay clones " << i + 1 << ", " << j + 1;
        }
}

TEST(TrainerDivergence, NonFiniteTargetStopsWithoutTouchingTheNetwork) {
    const Network start = startNetwork(3, {ActivationKind::Tanh, 1.0}, 1);
    Eigen::ArrayXd t = sineTarget();
    t[10] = std::numeric_limits<double>::quiet_NaN();
    Trainer trainer(start, trainerSamplesX(), t, adamSettings(0.01), std::mt19937_64(1));
    const TrainReport r = trainer.run(10);
    EXPECT_TRUE(r.diverged);
    EXPECT_FALSE(r.reason.empty());
    EXPECT_EQ(r.steps, 0);
    EXPECT_TRUE(trainer.network() == start);
    EXPECT_TRUE(std::isfinite(r.loss));
}

TEST(TrainerStep, FullBatchSgdStepIsMinusLearningRateTimesGradient) {
    const Network start = startNetwork(4, {ActivationKind::Sigmoid, 2.0}, 4);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.3;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    trainer.setRecordParams(true);
    trainer.step();
    GradientKernel kernel;
    Eigen::VectorXd g;
    const double l = kernel.compute(start, x, t, g);
    const Eigen::VectorXd expected = packParams(start) - 0.3 * g;
    const Eigen::VectorXd got = packParams(trainer.network());
    for (Eigen::Index i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], expected[i], 1e-15) << i;
    ASSERT_EQ(trainer.lossHistory().size(), 1u);
    EXPECT_EQ(trainer.lossHistory()[0], l);
    ASSERT_EQ(trainer.paramHistory().size(), 1u);
    EXPECT_EQ(trainer.paramHistory()[0], packParams(start));
    EXPECT_EQ(trainer.steps(), 1);
}

TEST(TrainerStep, MiniBatchesCoverEachSampleOncePerEpoch) {
    // With η = 0 the parameters stay put, so the mean of the four mini-batch gradients of one
    // epoch (batches of 32 out of 128, drawn without replacement) is the full-batch gradient.
    const Network start = startNetwork(3, {ActivationKind::Tanh, 1.0}, 6);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.0;
    s.batchSize = 32;
    Trainer trainer(start, x, t, s, std::mt19937_64(9));
    for (int epoch = 0; epoch < 3; ++epoch) {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(paramCount(3));
        bool allSame = true;
        Eigen::VectorXd first;
        for (int k = 0; k < 4; ++k) {
            trainer.step();
            sum += trainer.lastGradient();
            if (k == 0)
                first = trainer.lastGradient();
            else if (!trainer.lastGradient().isApprox(first))
                allSame = false;
        }
        GradientKernel kernel;
        Eigen::VectorXd full;
        kernel.compute(start, x, t, full);
        for (Eigen::Index i = 0; i < full.size(); ++i)
            EXPECT_NEAR(sum[i] / 4.0, full[i], 1e-12) << "epoch " << epoch << " param " << i;
        EXPECT_FALSE(allSame); // the batches really are different samples
    }
}

TEST(TrainerStep, AnnealSteepnessGrowsGeometrically) {
    const Network start = startNetwork(3, {ActivationKind::Step, 1.0}, 1);
    TrainSettings s = adamSettings(0.001);
    s.stepTraining = StepTraining::Anneal;
    s.annealStart = 2.0;
    s.annealEnd = 200.0;
    s.annealSteps = 100;
    Trainer trainer(start, trainerSamplesX(), sineTarget(), s, std::mt19937_64(1));
    EXPECT_DOUBLE_EQ(trainer.currentSteepness(), 2.0);
    trainer.run(50);
    EXPECT_NEAR(trainer.currentSteepness(), 20.0, 1e-12); // 2·100^(1/2)
    EXPECT_EQ(trainer.network().activation.kind, ActivationKind::Step);
    const Network training = trainer.trainingNetwork();
    EXPECT_EQ(training.activation.kind, ActivationKind::Sigmoid);
    EXPECT_NEAR(training.activation.steepness, 20.0, 1e-12);
    EXPECT_TRUE(packParams(training) == packParams(trainer.network()));
    trainer.run(50);
    EXPECT_NEAR(trainer.currentSteepness(), 200.0, 1e-9);
    trainer.run(50);
    EXPECT_NEAR(trainer.currentSteepness(), 200.0, 1e-9); // stays at the end value
}

TEST(TrainerStep, SurrogateKeepsStepActivationAndTrainingNetwork) {
    const Network start = startNetwork(3, {ActivationKind::Step, 1.0}, 1);
    TrainSettings s = adamSettings(0.01);
    s.stepTraining = StepTraining::Surrogate;
    Trainer trainer(start, trainerSamplesX(), staircaseTarget(), s, std::mt19937_64(1));
    trainer.run(20);
    EXPECT_EQ(trainer.trainingNetwork().activation.kind, ActivationKind::Step);
    // Hidden parameters learn through the surrogate.
    EXPECT_NE(trainer.network().b, start.b);
}

TEST(TrainerStep, StopLossStopsEarly) {
    const Network start = startNetwork(8, {ActivationKind::Sigmoid, 4.0}, 1);
    TrainSettings s = adamSettings(0.05);
    s.stopLoss = 0.05;
    Trainer trainer(start, trainerSamplesX(), sineTarget(), s, std::mt19937_64(1));
    const TrainReport r = trainer.run(5000);
    EXPECT_TRUE(r.reachedStopLoss);
    EXPECT_LT(r.steps, 5000);
    EXPECT_LE(r.loss, 0.05 * (1.0 + 1e-9));
    ASSERT_FALSE(trainer.lossHistory().empty());
    EXPECT_GT(trainer.lossHistory().back(), 0.05); // it stopped at the first step below
}

TEST(TrainerStep, ProgressCanCancel) {
    const Network start = startNetwork(4, {ActivationKind::Tanh, 1.0}, 1);
    Trainer trainer(start, trainerSamplesX(), sineTarget(), adamSettings(0.01), std::mt19937_64(1));
    std::vector<long> seen;
    const TrainReport r = trainer.run(
        1000,
        [&](long done) {
            seen.push_back(done);
            return done < 300;
        },
        100);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.steps, 300);
    EXPECT_EQ(seen, (std::vector<long>{100, 200, 300}));
    EXPECT_EQ(trainer.lossHistory().size(), 300u);
}

TEST(TrainerStep, SetNetworkReplacesParameters) {
    const Network start = startNetwork(4, {ActivationKind::Tanh, 1.0}, 1);
    Trainer trainer(start, trainerSamplesX(), sineTarget(), adamSettings(0.01), std::mt19937_64(1));
    trainer.run(10);
    Network moved = start;
    moved.c = 3.0;
    trainer.setNetwork(moved);
    EXPECT_TRUE(trainer.network() == moved);
    EXPECT_NEAR(trainer.loss(), loss(moved, trainerSamplesX(), sineTarget()), 1e-15);
}

TEST(PortableRandom, UniformHelpersStayInRange) {
    std::mt19937_64 rng(3);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 30000; ++i) {
        const double u = uniform01(rng);
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        const std::uint64_t k = uniformIndex(rng, 3);
        ASSERT_LT(k, 3u);
        ++counts[k];
    }
    for (int c : counts)
        EXPECT_NEAR(c, 10000, 500);
    EXPECT_EQ(uniformIndex(rng, 1), 0u);
    EXPECT_EQ(uniformIndex(rng, 0), 0u);
    std::mt19937_64 a(11), b(11);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(uniform01(a), uniform01(b));
}

TEST(TrainerNames, RoundTrip) {
    for (auto s : {StepTraining::Surrogate, StepTraining::Anneal})
        EXPECT_EQ(stepTrainingFromName(stepTrainingName(s)), s);
    for (auto l : {LearningLayers::All, LearningLayers::OutputOnly})
        EXPECT_EQ(learningLayersFromName(learningLayersName(l)), l);
    EXPECT_FALSE(stepTrainingFromName("magic").has_value());
    EXPECT_FALSE(learningLayersFromName("hidden").has_value());
}

// ---------------------------------------------------------------------------------------------
// Weight decay, held-out points and early stopping

TEST(TrainerWeightDecay, GradientMatchesNumeric) {
    // J(θ) = L(θ) + λ·Σ(w_j² + v_j²), written out here by hand; the biases are not decayed.
    const Network start = startNetwork(4, {ActivationKind::Sigmoid, 2.0}, 3);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    const double lambda = 0.07;
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.01;
    s.weightDecay = lambda;
    Trainer trainer(start, x, t, s, std::mt19937_64(1));
    trainer.step();
    const Eigen::VectorXd g = trainer.lastGradient();
    auto objective = [&](const Network& n) {
        double penalty = 0.0;
        for (int j = 0; j < n.hidden(); ++j)
            penalty += n.w[j] * n.w[j] + n.v[j] * n.v[j];
        return loss(n, x, t) + lambda * penalty;
    };
    const Eigen::VectorXd theta = packParams(start);
    ASSERT_EQ(g.size(), theta.size());
    const double h = 1e-6;
    for (Eigen::Index i = 0; i < theta.size(); ++i) {
        Network plus = start, minus = start;
        Eigen::VectorXd p = theta, m = theta;
        p[i] += h;
        m[i] -= h;
        unpackParams(plus, p);
        unpackParams(minus, m);
        const double numeric = (objective(plus) - objective(minus)) / (2.0 * h);
        EXPECT_NEAR(g[i], numeric, 1e-6 * std::max(1.0, std::abs(numeric)))
            << paramName(paramAt(static_cast<int>(i), start.hidden()), start.hidden());
    }
    // Against the plain gradient: 2λθ on w and v, nothing on b and c.
    GradientKernel kernel;
    Eigen::VectorXd plain;
    kernel.compute(start, x, t, plain);
    for (Eigen::Index i = 0; i < theta.size(); ++i) {
        const ParamId id = paramAt(static_cast<int>(i), start.hidden());
        const bool decayed =
            id.kind == ParamKind::HiddenWeight || id.kind == ParamKind::OutputWeight;
        EXPECT_EQ(g[i], plain[i] + (decayed ? 2.0 * lambda * theta[i] : 0.0))
            << paramName(id, start.hidden());
    }
    EXPECT_NEAR(weightPenalty(start, lambda), objective(start) - loss(start, x, t), 1e-12);
}

TEST(TrainerWeightDecay, ShrinksWeightsAndReportsTheDataLoss) {
    const Network start = startNetwork(12, {ActivationKind::Tanh, 1.0}, 4);
    const Eigen::ArrayXd x = trainerSamplesX(), t = sineTarget();
    TrainSettings plain = adamSettings(0.03), decayed = plain;
    decayed.weightDecay = 0.01;
    Trainer a(start, x, t, plain, std::mt19937_64(1)), b(start, x, t, decayed, std::mt19937_64(1));
    a.run(800);
    const TrainReport rb = b.run(800);
    EXPECT_LT(weightPenalty(b.network(), 1.0), 0.8 * weightPenalty(a.network(), 1.0));
    // The reported loss is the mean squared error alone, comparable with a test loss.
    EXPECT_EQ(rb.loss, loss(b.network(), x, t));
    EXPECT_LT(rb.loss, 0.05); // it still fits the sine
}

namespace {

// Few noisy training points and many neurons: the curve threads the points and the test loss,
// on clean points in between, turns upward after a while.
struct Overfit {
    Eigen::ArrayXd x, t, testX, testT;
    Network start;
    TrainSettings settings;
};

Overfit overfit() {
    Overfit o;
    std::mt19937_64 noise(21);
    const int n = 10, m = 40;
    o.x = grid(-1.0, 1.0, n);
    o.t = (3.0 * o.x).sin();
    for (Eigen::Index i = 0; i < n; ++i)
        o.t[i] += 0.3 * (2.0 * uniform01(noise) - 1.0);
    o.testX = grid(-0.97, 0.97, m);
    o.testT = (3.0 * o.testX).sin();
    o.start = startNetwork(40, {ActivationKind::Tanh, 1.0}, 8);
    o.settings = adamSettings(0.03);
    return o;
}

} // namespace

TEST(TrainerEarlyStopping, ReturnsTheLowestTestLossWeights) {
    const Overfit o = overfit();
    // The reference run: no early stopping, every parameter and test loss recorded.
    Trainer ref(o.start, o.x, o.t, o.settings, std::mt19937_64(1));
    ref.setTestSet(o.testX, o.testT);
    ref.setRecordParams(true);
    ref.run(4000);
    const auto& hist = ref.testLossHistory();
    ASSERT_EQ(hist.size(), ref.paramHistory().size());
    // Where a run with patience P must stop: the first step k with P steps since the lowest.
    const long patience = 300;
    long best = 0, stop = -1;
    for (long k = 0; k < static_cast<long>(hist.size()); ++k) {
        if (hist[k] < hist[best]) best = k;
        if (k - best >= patience) {
            stop = k;
            break;
        }
    }
    ASSERT_GE(stop, 0) << "the test loss never rose for " << patience << " steps: no overfitting";
    ASSERT_LT(hist[best], hist[stop]);

    TrainSettings es = o.settings;
    es.earlyStopping = true;
    es.patience = patience;
    Trainer trainer(o.start, o.x, o.t, es, std::mt19937_64(1));
    trainer.setTestSet(o.testX, o.testT);
    const TrainReport r = trainer.run(4000);
    EXPECT_TRUE(r.stoppedEarly);
    EXPECT_EQ(r.steps, stop);
    EXPECT_EQ(trainer.bestStep(), best);
    EXPECT_EQ(packParams(trainer.network()), ref.paramHistory()[static_cast<std::size_t>(best)]);
    EXPECT_EQ(trainer.bestTestLoss(), *std::min_element(hist.begin(), hist.begin() + stop + 1));
    ASSERT_TRUE(r.testLoss.has_value());
    EXPECT_EQ(*r.testLoss, loss(trainer.network(), o.testX, o.testT));
    EXPECT_EQ(*r.testLoss, hist[best]);
}

TEST(TrainerEarlyStopping, WithoutPatienceKeepsTrainingAndTheBest) {
    const Overfit o = overfit();
    TrainSettings es = o.settings;
    es.earlyStopping = true;
    Trainer trainer(o.start, o.x, o.t, es, std::mt19937_64(1));
    trainer.setTestSet(o.testX, o.testT);
    trainer.setRecordParams(true);
    trainer.run(1000);
    const TrainReport r = trainer.run(1000); // in two pieces: the best carries over
    EXPECT_FALSE(r.stoppedEarly);
    EXPECT_EQ(r.steps, 2000);
    const auto& hist = trainer.testLossHistory();
    const auto lowest = std::min_element(hist.begin(), hist.end());
    ASSERT_LT(*lowest, *r.testLoss) << "the setup must overfit for this test to mean anything";
    EXPECT_EQ(trainer.bestTestLoss(), *lowest);
    EXPECT_EQ(packParams(trainer.bestNetwork()),
              trainer.paramHistory()[static_cast<std::size_t>(lowest - hist.begin())]);
    EXPECT_EQ(loss(trainer.bestNetwork(), o.testX, o.testT), *lowest);
    // Moving the network forgets the best.
    trainer.setNetwork(o.start);
    EXPECT_EQ(trainer.bestStep(), -1);
}

TEST(TrainerEarlyStopping, TestSetLeavesTrainingAsItWas) {
    // A test set (early stopping off) changes nothing of the training run, bit for bit.
    const Overfit o = overfit();
    Trainer plain(o.start, o.x, o.t, o.settings, std::mt19937_64(1));
    Trainer scored(o.start, o.x, o.t, o.settings, std::mt19937_64(1));
    scored.setTestSet(o.testX, o.testT);
    const TrainReport a = plain.run(500), b = scored.run(500);
    EXPECT_EQ(plain.lossHistory(), scored.lossHistory());
    EXPECT_EQ(plain.network(), scored.network());
    EXPECT_EQ(a.loss, b.loss);
    EXPECT_FALSE(a.testLoss.has_value());
    ASSERT_TRUE(b.testLoss.has_value());
    EXPECT_EQ(scored.testLossHistory().size(), 500u);
}

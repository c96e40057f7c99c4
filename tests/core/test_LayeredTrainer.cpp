// LayeredTrainer: a learning test (depth buys a better fit in the same number of steps),
// bit-identical reruns whatever the thread count, divergence caught, mini-batches, frozen layers,
// and trainers that refuse what they cannot train.
#include "core/deep/LayeredTrainer.h"
#include "core/deep/RandomLayered.h"
#include "tests/core/CoreTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace stepwise;
using stepwise::test::historyFinite;
using stepwise::test::kTanh;

namespace {

constexpr int kLayeredSamples = 256;

Eigen::MatrixXd layeredSamplesX() {
    return grid(-1.0, 1.0, kLayeredSamples).matrix().transpose();
}

// A wavy target: three and a half waves whose height changes across the domain.
Eigen::ArrayXd wavyTarget() {
    const Eigen::ArrayXd x = grid(-1.0, 1.0, kLayeredSamples);
    return (7.0 * x).sin() * (0.6 + 0.4 * x);
}

LayeredTrainSettings layeredAdam(double lr) {
    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::Adam;
    s.optimizer.learningRate = lr;
    return s;
}

LayeredNetwork seededLayered(const std::vector<LayerShape>& shape, std::uint64_t seed,
                             int inputs = 1) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(inputs, shape, -1.0, 1.0, rng);
}

} // namespace

TEST(LayeredLearning, TwoLayersOfEightFitAWavyTargetBetterThanOneOfFour) {
    // The same steps, optimizer and seeds; only the shape differs. Measured (Adam, η = 0.01,
    // 3000 full-batch steps): 1→8→8→1 reaches 7.0e-6, 2.3e-5, 4.3e-6 (seeds 1, 2, 3), 1→4→1
    // 8.3e-4, 8.0e-2, 2.6e-3: at least 100 times worse. Asserted with a margin of 10.
    constexpr long kSteps = 3000;
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        LayeredTrainer deep(seededLayered({{8, kTanh}, {8, kTanh}}, seed), layeredSamplesX(),
                            wavyTarget(), layeredAdam(0.01), std::mt19937_64(seed));
        LayeredTrainer shallow(seededLayered({{4, kTanh}}, seed), layeredSamplesX(), wavyTarget(),
                               layeredAdam(0.01), std::mt19937_64(seed));
        const TrainReport d = deep.run(kSteps), s = shallow.run(kSteps);
        ASSERT_FALSE(d.diverged) << d.reason;
        ASSERT_FALSE(s.diverged) << s.reason;
        EXPECT_EQ(d.steps, kSteps);
        EXPECT_EQ(s.steps, kSteps);
        EXPECT_LT(d.loss, 2.5e-4) << "seed " << seed;
        EXPECT_LT(d.loss, 0.1 * s.loss)
            << "seed " << seed << ": deep " << d.loss << ", shallow " << s.loss;
        // The wavy target's variance, for scale: both learnt something.
        const double variance = (wavyTarget() - wavyTarget().mean()).square().mean();
        EXPECT_LT(s.loss, 0.5 * variance) << "seed " << seed;
    }
}

TEST(LayeredDeterminism, SameSeedGivesBitIdenticalRunOnAnyNumberOfThreads) {
    // Mini-batches (drawn from the engine) and a batch large enough for several chunks.
    const Eigen::MatrixXd x = grid(-1.0, 1.0, 1500).matrix().transpose();
    const Eigen::ArrayXd t = (5.0 * x.row(0).array()).sin().transpose();
    const LayeredNetwork net = seededLayered({{12, kTanh}, {9, {ActivationKind::Sigmoid, 2.0}}}, 4);
    for (int batch : {0, 600}) {
        LayeredTrainSettings s = layeredAdam(0.01);
        s.batchSize = batch;
        s.threads = 1;
        LayeredTrainer one(net, x, t, s, std::mt19937_64(5));
        one.run(40);
        for (int threads : {2, 3}) {
            s.threads = threads;
            LayeredTrainer more(net, x, t, s, std::mt19937_64(5));
            more.run(40);
            EXPECT_TRUE(more.network() == one.network()) << "batch " << batch << ", " << threads;
            EXPECT_EQ(more.lossHistory(), one.lossHistory()) << "batch " << batch;
        }
        // Another seed draws other mini-batches (and full batches do not draw at all).
        s.threads = 1;
        LayeredTrainer other(net, x, t, s, std::mt19937_64(6));
        other.run(40);
        EXPECT_EQ(other.network() == one.network(), batch == 0) << "batch " << batch;
    }
}

TEST(LayeredDeterminism, RunInPiecesEqualsRunAtOnce) {
    const LayeredNetwork net = seededLayered({{6, kTanh}, {5, kTanh}}, 8);
    LayeredTrainSettings s = layeredAdam(0.02);
    s.batchSize = 50;
    LayeredTrainer whole(net, layeredSamplesX(), wavyTarget(), s, std::mt19937_64(3));
    LayeredTrainer pieces(net, layeredSamplesX(), wavyTarget(), s, std::mt19937_64(3));
    whole.run(90);
    pieces.run(30);
    pieces.run(45);
    pieces.run(15);
    EXPECT_TRUE(whole.network() == pieces.network());
    EXPECT_EQ(pieces.steps(), 90);
}

TEST(LayeredDivergence, HugeLearningRateStopsCleanly) {
    const LayeredNetwork net = seededLayered({{8, {ActivationKind::Sigmoid, 4.0}}, {8, kTanh}}, 1);
    for (double lr : {1e6, 1e300}) {
        LayeredTrainSettings s;
        s.optimizer.kind = OptimizerKind::SGD;
        s.optimizer.learningRate = lr;
        LayeredTrainer trainer(net, layeredSamplesX(), wavyTarget(), s, std::mt19937_64(1));
        const double initial = trainer.loss();
        const TrainReport r = trainer.run(1000);
        EXPECT_TRUE(r.diverged) << "lr " << lr;
        EXPECT_FALSE(r.reason.empty()) << "lr " << lr;
        EXPECT_LT(r.steps, 1000) << "lr " << lr;
        EXPECT_TRUE(allFinite(trainer.network())) << "lr " << lr;
        EXPECT_TRUE(std::isfinite(r.loss)) << "lr " << lr;
        EXPECT_TRUE(std::isfinite(trainer.loss())) << "lr " << lr;
        EXPECT_TRUE(historyFinite(trainer.lossHistory())) << "lr " << lr;
        EXPECT_LE(trainer.loss(), kExplodeFactor * std::max(initial, 1.0)) << "lr " << lr;
    }
}

TEST(LayeredDivergence, ReluExplosionIsCaughtAndTheLastGoodWeightsKept) {
    // Identity and ReLU layers have no ceiling: a large step sends the loss up by orders of
    // magnitude before anything is non-finite.
    const LayeredNetwork net = seededLayered(
        {{16, {ActivationKind::ReLU, 1.0}}, {16, {ActivationKind::Identity, 1.0}}}, 2);
    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::Momentum;
    s.optimizer.learningRate = 5.0;
    LayeredTrainer trainer(net, layeredSamplesX(), wavyTarget(), s, std::mt19937_64(1));
    const TrainReport r = trainer.run(500);
    ASSERT_TRUE(r.diverged);
    EXPECT_TRUE(allFinite(trainer.network()));
    ASSERT_FALSE(trainer.lossHistory().empty());
    // The network left is the one the last recorded loss belongs to, or the one before.
    const double left = trainer.loss();
    EXPECT_TRUE(std::isfinite(left));
    EXPECT_LE(left, kExplodeFactor * std::max(trainer.lossHistory().front(), 1.0));
}

TEST(LayeredDivergence, NonFiniteTargetStopsWithoutTouchingTheNetwork) {
    const LayeredNetwork net = seededLayered({{3, kTanh}, {3, kTanh}}, 1);
    Eigen::ArrayXd t = wavyTarget();
    t[10] = std::numeric_limits<double>::quiet_NaN();
    LayeredTrainer trainer(net, layeredSamplesX(), t, layeredAdam(0.01), std::mt19937_64(1));
    const TrainReport r = trainer.run(10);
    EXPECT_TRUE(r.diverged);
    EXPECT_FALSE(r.reason.empty());
    EXPECT_EQ(r.steps, 0);
    EXPECT_TRUE(trainer.network() == net);
    EXPECT_TRUE(std::isfinite(r.loss));
}

TEST(LayeredStep, FullBatchSgdStepIsMinusLearningRateTimesGradient) {
    const LayeredNetwork net =
        seededLayered({{4, {ActivationKind::Sigmoid, 2.0}}, {3, kTanh}}, 4, 2);
    Eigen::MatrixXd x(2, 64);
    for (Eigen::Index i = 0; i < 64; ++i)
        x.col(i) << -1.0 + 2.0 * (i % 8) / 7.0, -1.0 + 2.0 * (i / 8) / 7.0;
    const Eigen::ArrayXd t = (x.row(0).array() * x.row(1).array()).transpose();
    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.3;
    LayeredTrainer trainer(net, x, t, s, std::mt19937_64(1));
    trainer.step();
    LayeredGradient kernel;
    Eigen::VectorXd g;
    const double l = kernel.compute(net, x, t, g);
    const Eigen::VectorXd expected = packParams(net) - 0.3 * g;
    const Eigen::VectorXd got = packParams(trainer.network());
    for (Eigen::Index i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], expected[i], 1e-15) << i;
    ASSERT_EQ(trainer.lossHistory().size(), 1u);
    EXPECT_EQ(trainer.lossHistory()[0], l);
    EXPECT_EQ(trainer.steps(), 1);
}

TEST(LayeredStep, MiniBatchesCoverEachSampleOncePerEpoch) {
    // With η = 0 the parameters stay put, so the mean of the four mini-batch gradients of one
    // epoch (batches of 64 out of 256, drawn without replacement) is the full-batch gradient.
    const LayeredNetwork net = seededLayered({{5, kTanh}, {4, kTanh}}, 6);
    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.0;
    s.batchSize = 64;
    LayeredTrainer trainer(net, layeredSamplesX(), wavyTarget(), s, std::mt19937_64(9));
    ASSERT_FALSE(trainer.problem()) << *trainer.problem();
    LayeredGradient kernel;
    Eigen::VectorXd full;
    kernel.compute(net, layeredSamplesX(), wavyTarget(), full);
    for (int epoch = 0; epoch < 3; ++epoch) {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(paramCount(net));
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
        for (Eigen::Index i = 0; i < full.size(); ++i)
            EXPECT_NEAR(sum[i] / 4.0, full[i], 1e-12) << "epoch " << epoch << " param " << i;
        EXPECT_FALSE(allSame); // the batches really are different samples
    }
}

TEST(LayeredStep, FrozenLayersKeepTheirWeightsWithEveryOptimizer) {
    const LayeredNetwork net = seededLayered({{6, kTanh}, {5, kTanh}, {4, kTanh}}, 7);
    for (OptimizerKind kind : {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
        LayeredTrainSettings s = layeredAdam(0.01);
        s.optimizer.kind = kind;
        s.learns = {true, false, true, false}; // layer 2 and the output frozen
        LayeredTrainer trainer(net, layeredSamplesX(), wavyTarget(), s, std::mt19937_64(1));
        const TrainReport r = trainer.run(50);
        ASSERT_FALSE(r.diverged) << r.reason;
        const LayeredNetwork& after = trainer.network();
        EXPECT_TRUE(after.layers[1] == net.layers[1]) << optimizerName(kind);
        EXPECT_EQ(after.v, net.v) << optimizerName(kind);
        EXPECT_EQ(after.c, net.c) << optimizerName(kind);
        EXPECT_FALSE(after.layers[0] == net.layers[0]) << optimizerName(kind);
        EXPECT_FALSE(after.layers[2] == net.layers[2]) << optimizerName(kind);
        EXPECT_LT(r.loss, trainer.lossHistory().front()) << optimizerName(kind);
    }
}

TEST(LayeredStep, StepLayersLearnThroughTheSurrogate) {
    // A staircase: the step network's first layer moves (by the surrogate) and the loss falls.
    const Eigen::ArrayXd x = grid(-1.0, 1.0, kLayeredSamples);
    const Eigen::ArrayXd t =
        0.5 * ((x >= -0.5).cast<double>() + (x >= 0.0).cast<double>() + (x >= 0.5).cast<double>());
    const Activation step{ActivationKind::Step, 1.0};
    const LayeredNetwork net = seededLayered({{6, step}, {4, kTanh}}, 3);
    LayeredTrainer trainer(net, layeredSamplesX(), t, layeredAdam(0.02), std::mt19937_64(1));
    const double initial = trainer.loss();
    const TrainReport r = trainer.run(1500);
    ASSERT_FALSE(r.diverged) << r.reason;
    EXPECT_FALSE(trainer.network().layers[0] == net.layers[0]);
    EXPECT_EQ(trainer.network().layers[0].activation.kind, ActivationKind::Step);
    EXPECT_LT(r.loss, 0.25 * initial) << initial << " -> " << r.loss;
}

TEST(LayeredTrainerProblem, RefusesWhatItCannotTrainWithOneLineNamingTheField) {
    const LayeredNetwork good = seededLayered({{4, kTanh}}, 1);
    struct Case {
        LayeredNetwork net;
        Eigen::MatrixXd x;
        Eigen::ArrayXd t;
        LayeredTrainSettings s;
        const char* field;
    };
    LayeredNetwork wrongW = good;
    wrongW.layers[0].w.resize(4, 3);
    LayeredNetwork tooWide = good;
    tooWide.layers[0].b.resize(kMaxWidth + 1);
    LayeredNetwork nan = good;
    nan.v[0] = std::numeric_limits<double>::quiet_NaN();
    LayeredTrainSettings badBatch = layeredAdam(0.01), badRate = layeredAdam(0.01),
                         badK = layeredAdam(0.01);
    badBatch.batchSize = -1;
    badRate.optimizer.learningRate = std::numeric_limits<double>::infinity();
    badK.surrogateSteepness = 0.0;
    const Eigen::MatrixXd x = layeredSamplesX();
    const Eigen::ArrayXd t = wavyTarget();
    const Case cases[] = {
        {LayeredNetwork{}, x, t, layeredAdam(0.01), "layers:"},
        {wrongW, x, t, layeredAdam(0.01), "layers[0].w:"},
        {tooWide, x, t, layeredAdam(0.01), "layers[0].width:"},
        {nan, x, t, layeredAdam(0.01), "network:"},
        {good, Eigen::MatrixXd::Zero(2, kLayeredSamples), t, layeredAdam(0.01), "x:"},
        {good, x, t.head(10), layeredAdam(0.01), "target:"},
        {good, x, t, badBatch, "batchSize:"},
        {good, x, t, badRate, "optimizer.learningRate:"},
        {good, x, t, badK, "surrogateSteepness:"},
    };
    for (const Case& c : cases) {
        LayeredTrainer trainer(c.net, c.x, c.t, c.s, std::mt19937_64(1));
        ASSERT_TRUE(trainer.problem()) << c.field;
        EXPECT_EQ(trainer.problem()->rfind(c.field, 0), 0u) << *trainer.problem();
        EXPECT_EQ(trainer.problem()->find('\n'), std::string::npos);
        const TrainReport r = trainer.run(10);
        EXPECT_EQ(r.steps, 0) << c.field;
        EXPECT_EQ(r.reason, *trainer.problem());
        EXPECT_TRUE(trainer.lossHistory().empty());
    }
    // A good trainer has none, and a bad network handed to it later is refused too.
    LayeredTrainer trainer(good, x, t, layeredAdam(0.01), std::mt19937_64(1));
    EXPECT_FALSE(trainer.problem());
    trainer.setNetwork(wrongW);
    EXPECT_TRUE(trainer.problem());
    EXPECT_EQ(trainer.run(5).steps, 0);
}

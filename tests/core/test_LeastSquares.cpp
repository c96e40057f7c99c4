// LeastSquares: the closed-form output layer recovers known weights, is a true minimum, and
// handles a rank-deficient hidden layer with the minimum-norm solution.
#include "core/network/Backprop.h"
#include "core/scenario/Presets.h"
#include "core/training/LeastSquares.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;

namespace {

Network spreadSigmoids() {
    Network net(4, {ActivationKind::Sigmoid, 1.0});
    net.w << 3.0, -4.0, 5.0, 2.0;
    net.b << 1.5, 0.0, -2.0, -1.0;
    net.v << 0.7, -1.2, 0.4, 2.0;
    net.c = -0.3;
    return net;
}

} // namespace

TEST(FitOutputLayer, RecoversKnownWeightsFromTheNetworksOwnOutput) {
    const Network truth = spreadSigmoids();
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 200);
    const Eigen::ArrayXd t = evaluateOutput(truth, x);
    Network start = truth;
    start.v.setZero();
    start.c = 5.0;
    const OutputFit fit = fitOutputLayer(start, x, t);
    ASSERT_EQ(fit.v.size(), 4);
    for (int j = 0; j < 4; ++j)
        EXPECT_NEAR(fit.v[j], truth.v[j], 1e-8) << "v" << j;
    EXPECT_NEAR(fit.c, truth.c, 1e-8);
    EXPECT_LT(fit.loss, 1e-20);
}

TEST(FitOutputLayer, RecoversTheLessonsExerciseWeights) {
    // Step neurons at ±0.5; the target is the exercise's answer 0, 1.5, 1.0.
    const Network lesson = networkPreset(NetworkPreset::Exercise);
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 101);
    const Eigen::ArrayXd t = 1.5 * (x >= -0.5).cast<double>() - 0.5 * (x >= 0.5).cast<double>();
    Network start = lesson;
    start.v << 0.0, 0.0;
    const OutputFit fit = fitOutputLayer(start, x, t);
    EXPECT_NEAR(fit.v[0], 1.5, 1e-12);
    EXPECT_NEAR(fit.v[1], -0.5, 1e-12);
    EXPECT_NEAR(fit.c, 0.0, 1e-12);
    EXPECT_LT(fit.loss, 1e-24);
}

TEST(FitOutputLayer, IsAMinimumWithZeroOutputGradient) {
    const Network net = spreadSigmoids();
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 150);
    const Eigen::ArrayXd t = (3.0 * x).sin() + 0.3 * x.square();
    const OutputFit fit = fitOutputLayer(net, x, t);
    Network fitted = net;
    fitted.v = fit.v;
    fitted.c = fit.c;
    EXPECT_NEAR(fit.loss, loss(fitted, x, t), 1e-15);
    EXPECT_GT(fit.loss, 1e-6); // four sigmoids cannot fit this exactly
    GradientKernel kernel;
    Eigen::VectorXd g;
    kernel.compute(fitted, x, t, g);
    for (int i = 8; i < 13; ++i)
        EXPECT_NEAR(g[i], 0.0, 1e-10) << paramName(paramAt(i, 4), 4);
    // Nudging any output parameter raises the loss.
    for (int i = 8; i < 13; ++i)
        for (double d : {-1e-3, 1e-3}) {
            Network nudged = fitted;
            setParam(nudged, paramAt(i, 4), param(fitted, paramAt(i, 4)) + d);
            EXPECT_GT(loss(nudged, x, t), fit.loss);
        }
}

TEST(FitOutputLayer, RankDeficientGivesFiniteMinimumNormSolution) {
    // Two identical step neurons: only v_0 + v_1 matters, and the minimum-norm split is equal.
    Network twins(2, {ActivationKind::Step, 1.0});
    twins.w << 4.0, 4.0;
    twins.b << -1.0, -1.0; // both step at x = 0.25
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 120);
    const Eigen::ArrayXd t = 0.5 * x + (x >= 0.25).cast<double>() * 2.0;
    const OutputFit fit = fitOutputLayer(twins, x, t);
    ASSERT_TRUE(fit.v.allFinite());
    ASSERT_TRUE(std::isfinite(fit.c));
    EXPECT_NEAR(fit.v[0], fit.v[1], 1e-9);

    // The same loss as the best single neuron: duplicating a neuron adds nothing.
    Network single(1, {ActivationKind::Step, 1.0});
    single.w << 4.0;
    single.b << -1.0;
    const OutputFit one = fitOutputLayer(single, x, t);
    EXPECT_NEAR(fit.loss, one.loss, 1e-12);
    EXPECT_NEAR(fit.v[0] + fit.v[1], one.v[0], 1e-9);
    EXPECT_NEAR(fit.c, one.c, 1e-9);
}

TEST(FitOutputLayer, NeuronThatNeverFiresGetsZeroWeight) {
    // Neuron 2 steps at x = 5, outside the samples: its column is all zero.
    Network net(2, {ActivationKind::Step, 1.0});
    net.w << 4.0, 1.0;
    net.b << 0.0, -5.0;
    net.v << 3.0, 7.0;
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 64);
    const Eigen::ArrayXd t = (x >= 0.0).cast<double>() * 1.25 - 0.5;
    const OutputFit fit = fitOutputLayer(net, x, t);
    EXPECT_NEAR(fit.v[0], 1.25, 1e-12);
    EXPECT_NEAR(fit.v[1], 0.0, 1e-12);
    EXPECT_NEAR(fit.c, -0.5, 1e-12);
    EXPECT_LT(fit.loss, 1e-24);
}

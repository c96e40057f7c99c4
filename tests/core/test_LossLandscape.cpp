// LossLandscape: every code path against brute force (set the two parameters, call loss()), the
// quadratic minimum against least squares, and cancelling.
#include "core/landscape/LossLandscape.h"
#include "core/network/Backprop.h"
#include "core/training/LeastSquares.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;

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

Network threeTanh() {
    Network net(3, {ActivationKind::Tanh, 1.0});
    net.w << 2.0, -1.5, 3.0;
    net.b << 0.5, 0.2, -1.0;
    net.v << 0.8, -0.6, 1.1;
    net.c = 0.15;
    return net;
}

struct CurveSamples {
    Eigen::ArrayXd x, t;
};

CurveSamples sineData(Eigen::Index n) {
    CurveSamples d;
    d.x = grid(-1.0, 1.0, static_cast<int>(n));
    d.t = (3.0 * d.x).sin() + 0.2;
    return d;
}

double bruteForce(const Network& net, const CurveSamples& d, ParamId p, double a, ParamId q,
                  double b) {
    Network m = net;
    setParam(m, p, a);
    setParam(m, q, b);
    return loss(m, d.x, d.t);
}

void expectMatchesBruteForce(const Network& net, const CurveSamples& d, ParamId p, ParamId q,
                             int nx, int ny) {
    LandscapeAxes axes;
    axes.p = p;
    axes.q = q;
    axes.pLo = -2.5;
    axes.pHi = 1.75;
    axes.qLo = -1.25;
    axes.qHi = 3.0;
    axes.nx = nx;
    axes.ny = ny;
    const Landscape land = computeLandscape(net, d.x, d.t, axes);
    ASSERT_TRUE(land.complete);
    ASSERT_EQ(land.loss.rows(), nx);
    ASSERT_EQ(land.loss.cols(), ny);
    EXPECT_EQ(land.valueP(0), -2.5);
    EXPECT_EQ(land.valueP(nx - 1), 1.75);
    EXPECT_EQ(land.valueQ(ny - 1), 3.0);
    int mismatches = 0;
    for (int i = 0; i < nx; ++i)
        for (int k = 0; k < ny; ++k) {
            const double want = bruteForce(net, d, p, land.valueP(i), q, land.valueQ(k));
            const double got = land.loss(i, k);
            if (!(std::abs(got - want) <= 1e-9 * std::max(want, 1e-12)) && ++mismatches <= 5)
                ADD_FAILURE() << paramName(p, net.hidden()) << "/" << paramName(q, net.hidden())
                              << " at (" << i << ", " << k << "): landscape " << got
                              << ", brute force " << want;
        }
    EXPECT_EQ(mismatches, 0);
}

} // namespace

TEST(LossLandscape, TwoOutputParamsQuadraticMatchesBruteForce) {
    const Network net = threeTanh();
    const CurveSamples d = sineData(150);
    ASSERT_TRUE(landscapeIsQuadratic(V(0), C));
    expectMatchesBruteForce(net, d, V(0), C, 23, 17);
    expectMatchesBruteForce(net, d, V(2), V(1), 19, 21);
    expectMatchesBruteForce(net, d, C, V(1), 12, 12);
}

TEST(LossLandscape, ParamsOfDifferentNeuronsMatchBruteForce) {
    const Network net = threeTanh();
    const CurveSamples d = sineData(150);
    EXPECT_FALSE(landscapeIsQuadratic(W(0), B(2)));
    expectMatchesBruteForce(net, d, W(0), B(2), 21, 19);
    expectMatchesBruteForce(net, d, B(1), V(0), 15, 16);
    expectMatchesBruteForce(net, d, W(2), C, 14, 13); // the output bias with a hidden parameter
    expectMatchesBruteForce(net, d, C, B(0), 13, 14);
}

TEST(LossLandscape, SameNeuronWithOutputWeightMatchesBruteForce) {
    const Network net = threeTanh();
    const CurveSamples d = sineData(150);
    expectMatchesBruteForce(net, d, W(1), V(1), 18, 15);
    expectMatchesBruteForce(net, d, V(2), B(2), 15, 18);
}

TEST(LossLandscape, WeightAndBiasOfOneNeuronMatchBruteForce) {
    const Network net = threeTanh();
    // 40·40·200 samples is above the threshold where the rows are shared between two threads.
    const CurveSamples d = sineData(200);
    expectMatchesBruteForce(net, d, W(0), B(0), 40, 40);
    expectMatchesBruteForce(net, d, B(2), W(2), 7, 9); // small: one thread
}

TEST(LossLandscape, StepNetworkMatchesBruteForceOnEveryPath) {
    Network net(2, {ActivationKind::Step, 1.0});
    net.w << 4.0, -3.0;
    net.b << 2.0, 0.5;
    net.v << 1.0, 0.5;
    const CurveSamples d = sineData(90);
    expectMatchesBruteForce(net, d, V(0), V(1), 11, 11);
    expectMatchesBruteForce(net, d, W(0), B(1), 11, 11);
    expectMatchesBruteForce(net, d, B(0), V(0), 11, 11);
    expectMatchesBruteForce(net, d, W(1), B(1), 11, 11);
}

TEST(QuadraticMinimum, EqualsLeastSquaresForOneNeuron) {
    // H = 1: v_0 and c are all the output parameters, so the bowl's minimum is the least-squares
    // output layer.
    Network net(1, {ActivationKind::Sigmoid, 3.0});
    net.w << 2.0;
    net.b << -0.4;
    net.v << -0.7;
    net.c = 0.9;
    const CurveSamples d = sineData(120);
    const auto min = quadraticMinimum(net, d.x, d.t, V(0), C);
    ASSERT_TRUE(min.has_value());
    const OutputFit fit = fitOutputLayer(net, d.x, d.t);
    EXPECT_NEAR(min->first, fit.v[0], 1e-9);
    EXPECT_NEAR(min->second, fit.c, 1e-9);
    // Swapping the axes swaps the answer.
    const auto swapped = quadraticMinimum(net, d.x, d.t, C, V(0));
    ASSERT_TRUE(swapped.has_value());
    EXPECT_NEAR(swapped->first, fit.c, 1e-9);
    EXPECT_NEAR(swapped->second, fit.v[0], 1e-9);
}

TEST(QuadraticMinimum, IsTheTrueMinimumOfBruteForce) {
    const Network net = threeTanh();
    const CurveSamples d = sineData(100);
    const auto min = quadraticMinimum(net, d.x, d.t, V(0), V(2));
    ASSERT_TRUE(min.has_value());
    const auto [a, b] = *min;
    const double best = bruteForce(net, d, V(0), a, V(2), b);
    for (double da : {-1e-3, 0.0, 1e-3})
        for (double db : {-1e-3, 0.0, 1e-3}) {
            if (da == 0.0 && db == 0.0) continue;
            EXPECT_GT(bruteForce(net, d, V(0), a + da, V(2), b + db), best);
        }
    // And no grid point around it is lower.
    LandscapeAxes axes = defaultAxes(net, V(0), V(2), 31);
    const Landscape land = computeLandscape(net, d.x, d.t, axes);
    EXPECT_GE(land.loss.minCoeff(), best - 1e-12);
    // The gradient of the loss along both parameters vanishes there.
    Network at = net;
    at.v[0] = a;
    at.v[2] = b;
    GradientKernel kernel;
    Eigen::VectorXd g;
    kernel.compute(at, d.x, d.t, g);
    EXPECT_NEAR(g[flatIndex(V(0), 3)], 0.0, 1e-10);
    EXPECT_NEAR(g[flatIndex(V(2), 3)], 0.0, 1e-10);
}

TEST(QuadraticMinimum, NoneForHiddenParamsOrAFlatBowl) {
    const Network net = threeTanh();
    const CurveSamples d = sineData(50);
    EXPECT_FALSE(quadraticMinimum(net, d.x, d.t, W(0), C).has_value());
    EXPECT_FALSE(quadraticMinimum(net, d.x, d.t, V(0), V(0)).has_value());
    // A step neuron that never fires on the samples: its output weight does nothing.
    Network silent(2, {ActivationKind::Step, 1.0});
    silent.w << 1.0, 1.0;
    silent.b << -5.0, 0.0;
    EXPECT_FALSE(quadraticMinimum(silent, d.x, d.t, V(0), C).has_value());
    EXPECT_TRUE(quadraticMinimum(silent, d.x, d.t, V(1), C).has_value());
}

TEST(LossLandscape, CancelReturnsIncomplete) {
    // Pins a bug: on the two-thread path only the calling thread reported progress, so when the
    // helper took every row (the caller descheduled, about 1 run in 40 on a busy machine)
    // progress was never called and the cancel was lost.
    const Network net = threeTanh();
    const CurveSamples d = sineData(200);
    for (auto [p, q] : {std::pair{W(0), B(0)}, std::pair{W(0), B(1)}}) {
        LandscapeAxes axes = defaultAxes(net, p, q, 40);
        int calls = 0;
        const Landscape land = computeLandscape(net, d.x, d.t, axes, [&](double fraction) {
            EXPECT_GE(fraction, 0.0);
            EXPECT_LE(fraction, 1.0);
            ++calls;
            return false;
        });
        EXPECT_FALSE(land.complete)
            << paramName(p, net.hidden()) << "/" << paramName(q, net.hidden());
        EXPECT_GE(calls, 1);
    }
    // Without cancelling, the same grid completes.
    LandscapeAxes axes = defaultAxes(net, W(0), B(0), 40);
    double last = 0.0;
    const Landscape land = computeLandscape(net, d.x, d.t, axes, [&](double fraction) {
        EXPECT_GE(fraction, last); // progress only goes forward
        last = fraction;
        return true;
    });
    EXPECT_TRUE(land.complete);
    EXPECT_EQ(last, 1.0); // the end is always reported
}

TEST(LossLandscape, DefaultAxesAreCentredOnTheCurrentValues) {
    const Network net = threeTanh();
    const LandscapeAxes a = defaultAxes(net, W(2), V(1), 64);
    EXPECT_EQ(a.p, W(2));
    EXPECT_EQ(a.q, V(1));
    EXPECT_DOUBLE_EQ(0.5 * (a.pLo + a.pHi), 3.0);
    EXPECT_DOUBLE_EQ(0.5 * (a.qLo + a.qHi), -0.6);
    EXPECT_LT(a.pLo, a.pHi);
    EXPECT_EQ(a.nx, 64);
    EXPECT_EQ(a.ny, 64);
    EXPECT_EQ(defaultAxes(net, W(0), C, 100000).nx, kMaxLandscapeGrid);
}

// The landscape view keeps a coarse or fine surface computed for the window it shows; the worker
// restarts only for other axes or another grid size (issue 13: one comparison, in one place).
TEST(LandscapeAxes, SameWindowIgnoresTheGridSizeAndEqualityDoesNot) {
    LandscapeAxes a;
    a.p = {ParamKind::OutputWeight, 0};
    a.q = {ParamKind::OutputWeight, 1};
    LandscapeAxes b = a;
    EXPECT_TRUE(a == b);
    EXPECT_TRUE(a.sameWindow(b));
    b.nx = 31;
    EXPECT_FALSE(a == b);
    EXPECT_TRUE(a.sameWindow(b));
    b = a;
    b.qHi = 3.5;
    EXPECT_FALSE(a.sameWindow(b));
    b = a;
    b.q = {ParamKind::HiddenBias, 1};
    EXPECT_FALSE(a.sameWindow(b));
    EXPECT_FALSE(a == b);
}

// LayeredLandscape: every code path against a direct evaluation (set the two parameters, call
// the layered trainer's loss()) at random grid points, for 1→8→8→1 and deeper networks with tanh,
// ReLU and step layers, one and two inputs; cancelling; the default axes.
#include "core/landscape/LayeredLandscape.h"

#include "core/deep/LayeredGradient.h"
#include "core/deep/LayeredNames.h"
#include "core/deep/RandomLayered.h"
#include "tests/core/CoreTestSupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <utility>
#include <vector>

using namespace stepwise;
using stepwise::test::kRelu;
using stepwise::test::kTanh;

namespace {

struct LayeredSamples {
    Eigen::MatrixXd x;
    Eigen::ArrayXd t;
};

// Inputs spread over [−1, 1]^d, a wavy target.
LayeredSamples data(int inputs, int n, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    LayeredSamples d;
    d.x.resize(inputs, n);
    for (int i = 0; i < n; ++i)
        for (int r = 0; r < inputs; ++r)
            d.x(r, i) = u(rng);
    d.t = (3.0 * d.x.row(0).transpose().array()).sin();
    if (inputs == 2) d.t += 0.5 * d.x.row(1).transpose().array().square();
    return d;
}

LayeredNetwork net(int inputs, std::vector<LayerShape> shape, std::mt19937_64& rng) {
    LayeredNetwork n = randomLayeredNetwork(inputs, shape, -1.0, 1.0, rng);
    // Random output bias too, so c is not a special value. A step layer after a step layer
    // starts with its switching points exactly on values its binary inputs give (the quantiles
    // of RandomLayered.h), so z = 0 up to rounding there and any two orders of summation may
    // disagree on the step (the trainer's kernel and evaluate() do): nudge every bias off them.
    std::uniform_real_distribution<double> jitter(0.01, 0.05);
    for (Layer& l : n.layers)
        for (Eigen::Index j = 0; j < l.b.size(); ++j)
            l.b[j] += jitter(rng);
    n.c = std::uniform_real_distribution<double>(-0.5, 0.5)(rng);
    return n;
}

long weightIndex(const LayeredNetwork& n, int layer, int from, int to) {
    return layeredFlatIndex(n, {LayeredParam::Kind::Weight, layer, from, to});
}
long biasIndex(const LayeredNetwork& n, int layer, int to) {
    return layeredFlatIndex(n, {LayeredParam::Kind::Bias, layer, 0, to});
}
long vIndex(const LayeredNetwork& n, int j) {
    return layeredFlatIndex(n, {LayeredParam::Kind::OutputWeight, n.depth(), j, 0});
}
long cIndex(const LayeredNetwork& n) {
    return paramCount(n) - 1;
}

double direct(const LayeredNetwork& n, const LayeredSamples& d, long p, double a, long q,
              double b) {
    LayeredNetwork m = n;
    setLayeredParamValue(m, p, a);
    setLayeredParamValue(m, q, b);
    return loss(m, d.x, d.t);
}

// The landscape over (p, q) equals the direct loss at 40 random grid points and the corners.
void expectMatchesDirect(const LayeredNetwork& n, const LayeredSamples& d, long p, long q,
                         std::mt19937_64& rng) {
    SCOPED_TRACE(layeredParamKey(n, p) + " × " + layeredParamKey(n, q));
    ASSERT_GE(p, 0);
    ASSERT_GE(q, 0);
    LayeredLandscapeAxes axes = defaultLayeredAxes(n, p, q, 23);
    axes.ny = 17; // not square, so p and q cannot be swapped unnoticed
    const LayeredLandscape land = computeLayeredLandscape(n, d.x, d.t, axes);
    ASSERT_TRUE(land.complete);
    ASSERT_EQ(land.loss.rows(), 23);
    ASSERT_EQ(land.loss.cols(), 17);
    std::vector<std::pair<int, int>> points{{0, 0}, {22, 0}, {0, 16}, {22, 16}};
    std::uniform_int_distribution<int> ui(0, 22), uk(0, 16);
    for (int s = 0; s < 40; ++s)
        points.emplace_back(ui(rng), uk(rng));
    for (auto [i, k] : points) {
        const double want = direct(n, d, p, land.valueP(i), q, land.valueQ(k));
        EXPECT_NEAR(land.loss(i, k), want, 1e-9 * std::max(1.0, want)) << "at " << i << ", " << k;
    }
}

// Every kind of pair on a network: one neuron's w and b, two neurons of one layer, two layers
// (both orders), a hidden parameter with v or c, v with c.
void expectEveryPair(const LayeredNetwork& n, const LayeredSamples& d, std::mt19937_64& rng) {
    const int last = n.depth() - 1;
    const std::vector<std::pair<long, long>> pairs{
        {weightIndex(n, 0, 0, 3), biasIndex(n, 0, 3)},       // one neuron, first layer
        {weightIndex(n, 0, 0, 1), weightIndex(n, 0, 0, 5)},  // two neurons of the first layer
        {weightIndex(n, last, 2, 4), biasIndex(n, last, 4)}, // one neuron, last hidden layer
        {biasIndex(n, last, 0), weightIndex(n, last, 7, 6)}, // two neurons, last hidden layer
        {weightIndex(n, 0, n.inputs - 1, 2), biasIndex(n, last, 5)}, // first and last layers
        {weightIndex(n, last, 1, 1), biasIndex(n, 0, 6)},            // the same, upper one first
        {biasIndex(n, 0, 0), vIndex(n, 3)},                          // hidden and output
        {cIndex(n), weightIndex(n, last, 3, 3)},                     // output first, then hidden
        {vIndex(n, 2), cIndex(n)},                                   // both on the output
        {vIndex(n, 6), vIndex(n, 1)},
    };
    for (auto [p, q] : pairs)
        expectMatchesDirect(n, d, p, q, rng);
}

const Activation kStep{ActivationKind::Step, 1.0};

} // namespace

TEST(LayeredLandscape, TanhNetworkOneInputMatchesTheDirectLoss) {
    std::mt19937_64 rng(1);
    const LayeredSamples d = data(1, 150, rng);
    expectEveryPair(net(1, {{8, kTanh}, {8, kTanh}}, rng), d, rng);
}

TEST(LayeredLandscape, ReluNetworkOneInputMatchesTheDirectLoss) {
    std::mt19937_64 rng(2);
    const LayeredSamples d = data(1, 150, rng);
    expectEveryPair(net(1, {{8, kRelu}, {8, kRelu}}, rng), d, rng);
}

TEST(LayeredLandscape, StepNetworkOneInputMatchesTheDirectLoss) {
    std::mt19937_64 rng(3);
    const LayeredSamples d = data(1, 150, rng);
    expectEveryPair(net(1, {{8, kStep}, {8, kStep}}, rng), d, rng);
}

TEST(LayeredLandscape, TwoInputsMatchTheDirectLoss) {
    for (const Activation& g : {kTanh, kRelu, kStep}) {
        std::mt19937_64 rng(4);
        const LayeredSamples d = data(2, 300, rng);
        expectEveryPair(net(2, {{8, g}, {8, g}}, rng), d, rng);
    }
}

TEST(LayeredLandscape, ThreeLayersOfMixedActivationsMatchTheDirectLoss) {
    std::mt19937_64 rng(5);
    const LayeredSamples d = data(2, 200, rng);
    const LayeredNetwork n = net(2, {{8, kTanh}, {8, kRelu}, {8, kStep}}, rng);
    expectEveryPair(n, d, rng);
    // The middle layer with the others (a rank-one update, then more than one layer above).
    expectMatchesDirect(n, d, weightIndex(n, 1, 4, 2), biasIndex(n, 1, 2), rng);
    expectMatchesDirect(n, d, weightIndex(n, 0, 1, 7), weightIndex(n, 1, 0, 3), rng);
    expectMatchesDirect(n, d, biasIndex(n, 1, 5), vIndex(n, 0), rng);
}

TEST(LayeredLandscape, LargeGridUsesBothCoresAndStillMatches) {
    std::mt19937_64 rng(6);
    const LayeredSamples d = data(2, 400, rng);
    const LayeredNetwork n = net(2, {{8, kTanh}, {8, kTanh}}, rng);
    const long p = weightIndex(n, 0, 1, 2), q = biasIndex(n, 1, 3);
    const LayeredLandscape land =
        computeLayeredLandscape(n, d.x, d.t, defaultLayeredAxes(n, p, q, 60));
    ASSERT_TRUE(land.complete);
    for (int i = 0; i < 60; i += 7)
        for (int k = 0; k < 60; k += 11)
            EXPECT_NEAR(land.loss(i, k), direct(n, d, p, land.valueP(i), q, land.valueQ(k)), 1e-9);
}

TEST(LayeredLandscape, QuadraticOnlyForTwoOutputParameters) {
    std::mt19937_64 rng(7);
    const LayeredNetwork n = net(1, {{8, kTanh}, {8, kTanh}}, rng);
    EXPECT_TRUE(layeredLandscapeIsQuadratic(n, vIndex(n, 0), cIndex(n)));
    EXPECT_FALSE(layeredLandscapeIsQuadratic(n, vIndex(n, 0), vIndex(n, 0)));
    EXPECT_FALSE(layeredLandscapeIsQuadratic(n, biasIndex(n, 1, 0), cIndex(n)));
    EXPECT_FALSE(layeredLandscapeIsQuadratic(n, vIndex(n, 0), paramCount(n)));
}

TEST(LayeredLandscape, DefaultAxesAreCentredOnTheCurrentValues) {
    std::mt19937_64 rng(8);
    const LayeredNetwork n = net(1, {{8, kTanh}, {8, kTanh}}, rng);
    const long p = weightIndex(n, 1, 2, 3), q = cIndex(n);
    const LayeredLandscapeAxes a = defaultLayeredAxes(n, p, q, 50);
    EXPECT_EQ(a.p, p);
    EXPECT_EQ(a.q, q);
    EXPECT_EQ(a.nx, 50);
    EXPECT_NEAR((a.pLo + a.pHi) / 2, layeredParamValue(n, p), 1e-12);
    EXPECT_NEAR((a.qLo + a.qHi) / 2, n.c, 1e-12);
    EXPECT_GE(a.pHi - a.pLo, 4.0);
}

TEST(LayeredLandscape, CancelStopsTheComputation) {
    std::mt19937_64 rng(9);
    const LayeredSamples d = data(2, 1681, rng);
    const LayeredNetwork n = net(2, {{8, kTanh}, {8, kTanh}}, rng);
    for (auto [p, q] : {std::pair{weightIndex(n, 0, 0, 0), biasIndex(n, 1, 1)},
                        std::pair{biasIndex(n, 0, 2), vIndex(n, 1)}}) {
        int calls = 0;
        const LayeredLandscape land = computeLayeredLandscape(
            n, d.x, d.t, defaultLayeredAxes(n, p, q, 80), [&](double fraction) {
                EXPECT_GE(fraction, 0.0);
                EXPECT_LE(fraction, 1.0);
                ++calls;
                return false;
            });
        EXPECT_FALSE(land.complete);
        EXPECT_GE(calls, 1);
        EXPECT_LE(calls, 2); // one call from each row the calling thread finished before it heard
    }
}

TEST(LayeredLandscape, BadArgumentsGiveAnIncompleteLandscape) {
    std::mt19937_64 rng(10);
    const LayeredSamples d = data(1, 50, rng);
    const LayeredNetwork n = net(1, {{8, kTanh}, {8, kTanh}}, rng);
    auto axes = defaultLayeredAxes(n, 0, 0, 10);
    EXPECT_FALSE(computeLayeredLandscape(n, d.x, d.t, axes).complete); // p = q
    axes.q = paramCount(n);
    EXPECT_FALSE(computeLayeredLandscape(n, d.x, d.t, axes).complete); // no such parameter
    axes.q = 1;
    EXPECT_FALSE(computeLayeredLandscape(n, d.x, d.t.head(10), axes).complete); // x, t differ
    EXPECT_TRUE(computeLayeredLandscape(n, d.x, d.t, axes).complete);
}

TEST(LayeredLandscape, AnOverflowingLossIsInfinityNeverNaN) {
    std::mt19937_64 rng(11);
    const LayeredSamples d = data(1, 50, rng);
    LayeredNetwork n = net(1, {{8, kRelu}, {8, kRelu}}, rng);
    for (long p : {weightIndex(n, 0, 0, 0), vIndex(n, 0)}) {
        LayeredLandscapeAxes axes = defaultLayeredAxes(n, p, cIndex(n), 8);
        axes.pLo = -1e300;
        axes.pHi = 1e300;
        axes.qLo = -1e300;
        axes.qHi = 1e300;
        const LayeredLandscape land = computeLayeredLandscape(n, d.x, d.t, axes);
        ASSERT_TRUE(land.complete);
        EXPECT_FALSE(land.loss.hasNaN());
        EXPECT_TRUE(std::isinf(land.loss(0, 0)));
        EXPECT_TRUE((land.loss.array() >= 0.0).all());
    }
}

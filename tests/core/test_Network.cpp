// Network: the lesson's superpositions checked point by point, step points, the exact step
// outlines, and the flat parameter layout.
#include "core/network/Network.h"
#include "core/scenario/Presets.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

using namespace stepwise;

namespace {

// Points around the lesson's two jumps at x = −0.5 and x = +0.5, with the output expected on
// each side. "Beside" is 1e-9 away: far enough that 4·x ± 2 is not rounded to 0.
struct Probe {
    double x;
    int region; // 0: left of −0.5, 1: between the jumps (−0.5 included), 2: from +0.5 on
};
const Probe kProbes[] = {
    {-1.0, 0},       {-0.75, 0}, {-0.5 - 1e-9, 0}, {-0.5, 1}, {-0.5 + 1e-9, 1}, {0.0, 1},
    {0.5 - 1e-9, 1}, {0.5, 2},   {0.5 + 1e-9, 2},  {0.75, 2}, {1.0, 2},
};

// Output of the lesson's two-neuron network in each region, written out by hand.
void expectRegions(NetworkPreset preset, double left, double middle, double right) {
    const Network net = networkPreset(preset);
    Eigen::ArrayXd x(std::size(kProbes));
    for (std::size_t i = 0; i < std::size(kProbes); ++i)
        x[static_cast<Eigen::Index>(i)] = kProbes[i].x;
    const Eigen::ArrayXd y = evaluateOutput(net, x);
    const double expected[] = {left, middle, right};
    for (std::size_t i = 0; i < std::size(kProbes); ++i)
        EXPECT_EQ(y[static_cast<Eigen::Index>(i)], expected[kProbes[i].region])
            << networkPresetName(preset) << " at x = " << kProbes[i].x;
}

Network randomStepNetwork(int hidden, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    Network n(hidden, {ActivationKind::Step, 1.0});
    for (int j = 0; j < hidden; ++j) {
        n.w[j] = (u(rng) < 0 ? -1.0 : 1.0) * (0.5 + 3.0 * std::abs(u(rng)));
        n.b[j] = 1.5 * u(rng);
        n.v[j] = 2.0 * u(rng);
    }
    n.c = u(rng);
    return n;
}

} // namespace

TEST(Superposition, AddedStepsGiveZeroOneTwo) {
    expectRegions(NetworkPreset::Added, 0.0, 1.0, 2.0);
}

TEST(Superposition, OneMinusOneInvertsNeuronTwo) {
    // (w11, w21) = (1, −1): 0, then 1 from neuron 1, then 1 − 1 = 0.
    expectRegions(NetworkPreset::InvertSecond, 0.0, 1.0, 0.0);
}

TEST(Superposition, MinusOneOneInvertsNeuronOne) {
    expectRegions(NetworkPreset::InvertFirst, 0.0, -1.0, 0.0);
}

TEST(Superposition, ExerciseAnswerIsZeroOneAndAHalfOne) {
    // (1.5, −0.5): 0, then 1.5, then 1.5 − 0.5 = 1.0.
    expectRegions(NetworkPreset::Exercise, 0.0, 1.5, 1.0);
}

TEST(Superposition, ContributionsAreEachNeuronScaled) {
    const Network net = networkPreset(NetworkPreset::Exercise);
    Eigen::ArrayXd x(3);
    x << -1.0, 0.0, 1.0;
    Evaluation e;
    evaluate(net, x, e);
    ASSERT_EQ(e.contribution.rows(), 3);
    ASSERT_EQ(e.contribution.cols(), 2);
    // Neuron 1 (step at −0.5) scaled by 1.5; neuron 2 (step at +0.5) scaled by −0.5.
    EXPECT_EQ(e.activation(0, 0), 0.0);
    EXPECT_EQ(e.activation(1, 0), 1.0);
    EXPECT_EQ(e.activation(1, 1), 0.0);
    EXPECT_EQ(e.activation(2, 1), 1.0);
    EXPECT_EQ(e.contribution(1, 0), 1.5);
    EXPECT_EQ(e.contribution(2, 0), 1.5);
    EXPECT_EQ(e.contribution(1, 1), 0.0);
    EXPECT_EQ(e.contribution(2, 1), -0.5);
    EXPECT_EQ(e.z(0, 0), -2.0); // 4·(−1) + 2
    EXPECT_EQ(e.z(2, 1), 2.0);  // 4·1 − 2
    EXPECT_EQ(e.output[1], 1.5);
}

TEST(Superposition, OutputBiasShiftsTheSum) {
    Network net = networkPreset(NetworkPreset::Added);
    net.c = -0.25;
    Eigen::ArrayXd x(3);
    x << -1.0, 0.0, 1.0;
    const Eigen::ArrayXd y = evaluateOutput(net, x);
    EXPECT_EQ(y[0], -0.25);
    EXPECT_EQ(y[1], 0.75);
    EXPECT_EQ(y[2], 1.75);
}

TEST(StepOutlines, ExerciseHasTrueVerticalJumps) {
    const Network net = networkPreset(NetworkPreset::Exercise);
    const auto curves = stepOutlines(net, -1.0, 1.0);
    ASSERT_EQ(curves.size(), 3u);

    // Neuron 1: 0 up to −0.5, a vertical jump to 1.5, then 1.5.
    EXPECT_EQ(curves[0].x, (std::vector<double>{-1.0, -0.5, -0.5, 1.0}));
    EXPECT_EQ(curves[0].y, (std::vector<double>{0.0, 0.0, 1.5, 1.5}));
    // Neuron 2: 0 up to +0.5, a vertical jump down to −0.5.
    EXPECT_EQ(curves[1].x, (std::vector<double>{-1.0, 0.5, 0.5, 1.0}));
    EXPECT_EQ(curves[1].y, (std::vector<double>{0.0, 0.0, -0.5, -0.5}));
    // Output: 0, jump to 1.5 at −0.5, jump to 1.0 at +0.5.
    EXPECT_EQ(curves[2].x, (std::vector<double>{-1.0, -0.5, -0.5, 0.5, 0.5, 1.0}));
    EXPECT_EQ(curves[2].y, (std::vector<double>{0.0, 0.0, 1.5, 1.5, 1.0, 1.0}));
}

TEST(StepOutlines, DownwardStepJumpsDownAtItsStepPoint) {
    // w < 0: the neuron fires left of its step point (and at it), is 0 right of it.
    Network net(1, {ActivationKind::Step, 1.0});
    net.w << -4.0;
    net.b << 1.0; // step point x = 0.25
    net.v << 2.0;
    const auto curves = stepOutlines(net, -1.0, 1.0);
    ASSERT_EQ(curves.size(), 2u);
    for (const Polyline& p : curves) {
        EXPECT_EQ(p.x, (std::vector<double>{-1.0, 0.25, 0.25, 1.0}));
        EXPECT_EQ(p.y, (std::vector<double>{2.0, 2.0, 0.0, 0.0}));
    }
}

TEST(StepOutlines, StepPointOutsideDomainGivesFlatLine) {
    Network net(1, {ActivationKind::Step, 1.0});
    net.w << 1.0;
    net.b << -3.0; // step at x = 3
    net.v << 0.5;
    const auto curves = stepOutlines(net, -1.0, 1.0);
    EXPECT_EQ(curves[0].x, (std::vector<double>{-1.0, 1.0}));
    EXPECT_EQ(curves[0].y, (std::vector<double>{0.0, 0.0}));
    EXPECT_EQ(curves[1].y, (std::vector<double>{0.0, 0.0}));
}

TEST(StepOutlines, StepPointOnTheDomainEdgeIsAJumpNotASlope) {
    // Pins a bug: a step point exactly on lo or hi (a step dragged to the edge) was drawn as one
    // slope from lo to hi.
    Network up(1, {ActivationKind::Step, 1.0});
    up.w << 4.0;
    up.v << 1.0;
    setStepPoint(up, 0, 1.0); // 0 on [−1, 1), 1 at x = 1
    for (const Polyline& p : stepOutlines(up, -1.0, 1.0)) {
        EXPECT_EQ(p.x, (std::vector<double>{-1.0, 1.0, 1.0, 1.0}));
        EXPECT_EQ(p.y, (std::vector<double>{0.0, 0.0, 1.0, 1.0}));
    }
    Network down(1, {ActivationKind::Step, 1.0});
    down.w << -4.0;
    down.v << 1.0;
    setStepPoint(down, 0, -1.0); // 1 at x = −1, 0 on (−1, 1]
    const auto curves = stepOutlines(down, -1.0, 1.0);
    EXPECT_EQ(curves[0].x, (std::vector<double>{-1.0, -1.0, -1.0, 1.0}));
    EXPECT_EQ(curves[0].y, (std::vector<double>{1.0, 1.0, 0.0, 0.0}));
    EXPECT_EQ(curves[1].y.front(), 1.0);
    EXPECT_EQ(curves[1].y.back(), 0.0);
    // Facing the other way, the same points change nothing inside the domain: flat lines.
    setStepPoint(up, 0, -1.0);
    EXPECT_EQ(stepOutlines(up, -1.0, 1.0)[0].y, (std::vector<double>{1.0, 1.0}));
    setStepPoint(down, 0, 1.0);
    EXPECT_EQ(stepOutlines(down, -1.0, 1.0)[0].y, (std::vector<double>{1.0, 1.0}));
}

TEST(StepOutlines, RandomNetworksAreHorizontalAndVerticalSegmentsOnTheOutput) {
    // Pins a bug: the value right of a downward step was found by evaluating w·x + b one ulp
    // right of s, which rounding could leave at z >= 0: the jump vanished and a slope was drawn.
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        const Network net = randomStepNetwork(1 + trial % 6, rng);
        const auto curves = stepOutlines(net, -1.0, 1.0);
        ASSERT_EQ(static_cast<int>(curves.size()), net.hidden() + 1);
        for (int j = 0; j <= net.hidden(); ++j) {
            const Polyline& p = curves[j];
            ASSERT_EQ(p.x.size(), p.y.size());
            ASSERT_GE(p.x.size(), 2u);
            EXPECT_EQ(p.x.front(), -1.0);
            EXPECT_EQ(p.x.back(), 1.0);
            for (std::size_t k = 0; k + 1 < p.x.size(); ++k) {
                ASSERT_LE(p.x[k], p.x[k + 1]) << "trial " << trial;
                if (p.x[k] == p.x[k + 1]) continue; // a vertical jump
                // Every other segment is flat and carries the curve's true value.
                EXPECT_EQ(p.y[k], p.y[k + 1]) << "trial " << trial << " curve " << j;
                const double mid = 0.5 * (p.x[k] + p.x[k + 1]);
                Eigen::ArrayXd xm(1);
                xm << mid;
                Evaluation e;
                evaluate(net, xm, e);
                const double truth = j < net.hidden() ? e.contribution(0, j) : e.output[0];
                EXPECT_NEAR(p.y[k], truth, 1e-12) << "trial " << trial << " curve " << j;
            }
        }
    }
}

TEST(StepPoint, IsMinusBiasOverWeight) {
    const Network net = networkPreset(NetworkPreset::Added);
    ASSERT_TRUE(stepPoint(net, 0).has_value());
    EXPECT_EQ(*stepPoint(net, 0), -0.5);
    EXPECT_EQ(*stepPoint(net, 1), 0.5);
    Network n(1);
    n.w << -2.0;
    n.b << 3.0;
    EXPECT_EQ(*stepPoint(n, 0), 1.5);
}

TEST(StepPoint, SetStepPointRoundTripsAndKeepsWeight) {
    Network net = networkPreset(NetworkPreset::Added);
    for (double x : {-0.9, -0.3, 0.0, 0.123, 0.77}) {
        setStepPoint(net, 1, x);
        EXPECT_EQ(net.w[1], 4.0);
        EXPECT_EQ(net.b[1], -4.0 * x);
        ASSERT_TRUE(stepPoint(net, 1).has_value());
        EXPECT_NEAR(*stepPoint(net, 1), x, 1e-15);
    }
    EXPECT_EQ(*stepPoint(net, 0), -0.5); // the other neuron is untouched
}

TEST(StepPoint, ZeroWeightHasNone) {
    Network net = networkPreset(NetworkPreset::Added);
    net.w[0] = 0.0;
    EXPECT_FALSE(stepPoint(net, 0).has_value());
    const double before = net.b[0];
    setStepPoint(net, 0, 0.3);
    EXPECT_EQ(net.b[0], before);
    EXPECT_FALSE(stepPoint(net, 0).has_value());
}

TEST(Network, ResizeKeepsNeuronsAndOutput) {
    Network net = networkPreset(NetworkPreset::Exercise);
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 41);
    const Eigen::ArrayXd before = evaluateOutput(net, x);
    net.resize(5);
    ASSERT_EQ(net.hidden(), 5);
    EXPECT_EQ(net.w[0], 4.0);
    EXPECT_EQ(net.b[1], -2.0);
    EXPECT_EQ(net.v[1], -0.5);
    for (int j = 2; j < 5; ++j)
        EXPECT_EQ(net.v[j], 0.0); // new neurons change nothing until they learn an output weight
    EXPECT_TRUE((evaluateOutput(net, x) == before).all());
    net.resize(1);
    EXPECT_EQ(net.hidden(), 1);
    EXPECT_EQ(net.v[0], 1.5);
    net.resize(0);
    EXPECT_EQ(net.hidden(), kMinHidden);
    net.resize(kMaxHidden + 10);
    EXPECT_EQ(net.hidden(), kMaxHidden);
}

TEST(Network, ResizeSpreadsNewNeuronsOverTheWidestGaps) {
    Network net = networkPreset(NetworkPreset::Exercise); // steps at −0.5 and 0.5
    net.resize(5);
    // [−0.5, 0.5] is the widest gap; then four gaps of 0.5, the leftmost first.
    EXPECT_NEAR(*stepPoint(net, 2), 0.0, 1e-15);
    EXPECT_NEAR(*stepPoint(net, 3), -0.75, 1e-15);
    EXPECT_NEAR(*stepPoint(net, 4), -0.25, 1e-15);
    EXPECT_EQ(net.w[2], 4.0); // the lesson's w = 4 on [−1, 1]
    // On another domain the points and the slope follow it.
    Network wide = networkPreset(NetworkPreset::OneNeuron); // step at −0.5
    wide.resize(2, -4.0, 4.0);
    EXPECT_NEAR(*stepPoint(wide, 1), 1.75, 1e-15); // middle of [−0.5, 4]
    EXPECT_EQ(wide.w[1], 1.0);
    // A degenerate domain falls back to [−1, 1].
    Network odd = networkPreset(NetworkPreset::OneNeuron);
    odd.resize(2, 1.0, 1.0);
    EXPECT_NEAR(*stepPoint(odd, 1), 0.25, 1e-15); // middle of [−0.5, 1]
}

// Issue 15: "Raising Hidden neurons adds neurons with w = 1, b = 0 and output weight 0, all alike;
// identical neurons get identical gradients, so they move in lockstep for ever."
TEST(Network, AddedNeuronsAreNeverClones) {
    for (const ActivationKind kind :
         {ActivationKind::Step, ActivationKind::Sigmoid, ActivationKind::ReLU}) {
        Network net(1, {kind, 2.0});
        net.v << 0.7;
        const Eigen::ArrayXd x = grid(-1.0, 1.0, 101);
        const Eigen::ArrayXd before = evaluateOutput(net, x);
        net.resize(64);
        EXPECT_TRUE((evaluateOutput(net, x) == before).all());
        for (int i = 0; i < net.hidden(); ++i)
            for (int j = i + 1; j < net.hidden(); ++j)
                EXPECT_FALSE(net.w[i] == net.w[j] && net.b[i] == net.b[j])
                    << "neurons " << i + 1 << " and " << j + 1 << " are alike";
        const std::vector<double> points = spreadSwitchingPoints(Network(1), 63, -1.0, 1.0);
        for (double p : points)
            EXPECT_TRUE(p > -1.0 && p < 1.0);
    }
    // A freshly made network has no clones either.
    const Network fresh(8, {ActivationKind::Sigmoid, 1.0});
    for (int i = 0; i < 8; ++i)
        for (int j = i + 1; j < 8; ++j)
            EXPECT_NE(fresh.b[i], fresh.b[j]);
}

TEST(ParamLayout, FlatIndexAndParamAtRoundTrip) {
    const int h = 3;
    EXPECT_EQ(paramCount(h), 10);
    EXPECT_EQ(flatIndex({ParamKind::HiddenWeight, 0}, h), 0);
    EXPECT_EQ(flatIndex({ParamKind::HiddenBias, 0}, h), 3);
    EXPECT_EQ(flatIndex({ParamKind::OutputWeight, 2}, h), 8);
    EXPECT_EQ(flatIndex({ParamKind::OutputBias, 0}, h), 9);
    for (int i = 0; i < paramCount(h); ++i)
        EXPECT_EQ(flatIndex(paramAt(i, h), h), i);
}

TEST(ParamLayout, PackMatchesParamAndUnpackRoundTrips) {
    Network net(3);
    net.w << 1, 2, 3;
    net.b << 4, 5, 6;
    net.v << 7, 8, 9;
    net.c = 10;
    const Eigen::VectorXd p = packParams(net);
    ASSERT_EQ(p.size(), 10);
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(p[i], i + 1.0);
        EXPECT_EQ(param(net, paramAt(i, 3)), p[i]);
    }
    Network other(3);
    unpackParams(other, p);
    EXPECT_TRUE(other == net);
    setParam(other, {ParamKind::OutputBias, 0}, -1.0);
    EXPECT_EQ(other.c, -1.0);
    EXPECT_FALSE(other == net);
}

TEST(ParamNames, LessonNamesAndRoundTrip) {
    // The lesson's names up to nine neurons.
    EXPECT_EQ(paramName({ParamKind::HiddenWeight, 0}, 2), "w1");
    EXPECT_EQ(paramName({ParamKind::HiddenBias, 1}, 2), "b2");
    EXPECT_EQ(paramName({ParamKind::OutputWeight, 0}, 2), "w11");
    EXPECT_EQ(paramName({ParamKind::OutputWeight, 1}, 2), "w21");
    EXPECT_EQ(paramName({ParamKind::OutputWeight, 8}, 9), "w91");
    EXPECT_EQ(paramName({ParamKind::OutputBias, 0}, 2), "c");
    // Pins two bugs: neuron 11's weight and neuron 1's output weight were both called "w11",
    // and then "w11,0" beside "w11" (issue 15). Past nine neurons the output weights are v_j.
    EXPECT_EQ(paramName({ParamKind::HiddenWeight, 8}, 12), "w9");
    EXPECT_EQ(paramName({ParamKind::HiddenWeight, 9}, 12), "w10");
    EXPECT_EQ(paramName({ParamKind::HiddenWeight, 10}, 12), "w11");
    EXPECT_EQ(paramName({ParamKind::HiddenBias, 10}, 12), "b11");
    EXPECT_EQ(paramName({ParamKind::OutputWeight, 0}, 12), "v1");
    EXPECT_EQ(paramName({ParamKind::OutputWeight, 9}, 12), "v10");
    EXPECT_EQ(paramName({ParamKind::OutputWeight, 63}, 64), "v64");
    EXPECT_EQ(paramName({ParamKind::OutputBias, 0}, 64), "c");
    for (int h : {1, 2, 9, 10, 64, 120}) {
        std::set<std::string> names;
        for (int i = 0; i < paramCount(h); ++i) {
            const ParamId id = paramAt(i, h);
            const std::string name = paramName(id, h);
            names.insert(name);
            EXPECT_LE(name.size(), 4u) << name; // short enough for a diagram's edge
            EXPECT_EQ(name.find(','), std::string::npos) << name;
            const auto back = paramFromName(name, h);
            ASSERT_TRUE(back.has_value()) << name;
            EXPECT_EQ(flatIndex(*back, h), i) << name;
        }
        EXPECT_EQ(static_cast<int>(names.size()), paramCount(h)) << h; // all distinct
    }
    EXPECT_FALSE(paramFromName("w5", 3).has_value());
    EXPECT_FALSE(paramFromName("x", 3).has_value());
}

TEST(Network, AllFiniteDetectsNaNAndInf) {
    Network net = networkPreset(NetworkPreset::Added);
    EXPECT_TRUE(allFinite(net));
    net.b[1] = std::nan("");
    EXPECT_FALSE(allFinite(net));
    net.b[1] = 0.0;
    net.c = INFINITY;
    EXPECT_FALSE(allFinite(net));
}

TEST(Network, GridIsEvenlySpacedWithExactEnds) {
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 5);
    ASSERT_EQ(x.size(), 5);
    EXPECT_EQ(x[0], -1.0);
    EXPECT_EQ(x[2], 0.0);
    EXPECT_EQ(x[4], 1.0);
    EXPECT_EQ(grid(0.0, 1.0, 1).size(), 2);
}

// The x → sample mapping the graph's readout, its sample picker and the breakdown share.
TEST(Grid, NearestSampleIsTheClosestGridPoint) {
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 5); // −1, −0.5, 0, 0.5, 1
    EXPECT_EQ(nearestSample(-1.0, -1.0, 1.0, 5), 0);
    EXPECT_EQ(nearestSample(0.1, -1.0, 1.0, 5), 2);
    EXPECT_EQ(nearestSample(0.3, -1.0, 1.0, 5), 3);
    EXPECT_EQ(nearestSample(-0.7, -1.0, 1.0, 5), 1);
    EXPECT_EQ(nearestSample(0.25, -1.0, 1.0, 5), 3) << "halfway goes up";
    for (double v = -1.0; v <= 1.0; v += 0.01) {
        const int i = nearestSample(v, -1.0, 1.0, 5);
        for (int k = 0; k < 5; ++k)
            EXPECT_LE(std::abs(x[i] - v), std::abs(x[k] - v) + 1e-12) << "x = " << v;
    }
}

TEST(Grid, NearestSampleClampsToTheDomain) {
    EXPECT_EQ(nearestSample(-7.0, -1.0, 1.0, 5), 0);
    EXPECT_EQ(nearestSample(7.0, -1.0, 1.0, 5), 4);
    EXPECT_EQ(nearestSample(std::nan(""), -1.0, 1.0, 5), 0);
    EXPECT_EQ(nearestSample(0.5, 1.0, 1.0, 5), 0) << "an empty domain";
}

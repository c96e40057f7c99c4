// Presets: the lesson's networks hold the lesson's values; the random starting network is
// deterministic per seed, finite, and spreads its step points over the domain.
#include "core/scenario/Presets.h"
#include "core/scenario/Scenario.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace stepwise;

namespace {

void expectTwoLessonSteps(const Network& n, double v1, double v2) {
    ASSERT_EQ(n.hidden(), 2);
    EXPECT_EQ(n.activation.kind, ActivationKind::Step);
    // Neuron 1 steps up at x = −0.5, neuron 2 at x = +0.5 (w = 4, b = ±2).
    EXPECT_EQ(n.w[0], 4.0);
    EXPECT_EQ(n.b[0], 2.0);
    EXPECT_EQ(n.w[1], 4.0);
    EXPECT_EQ(n.b[1], -2.0);
    EXPECT_EQ(*stepPoint(n, 0), -0.5);
    EXPECT_EQ(*stepPoint(n, 1), 0.5);
    EXPECT_EQ(n.v[0], v1); // w11
    EXPECT_EQ(n.v[1], v2); // w21
    EXPECT_EQ(n.c, 0.0);
}

} // namespace

TEST(NetworkPreset, OneNeuronIsNeuronOneAlone) {
    const Network n = networkPreset(NetworkPreset::OneNeuron);
    ASSERT_EQ(n.hidden(), 1);
    EXPECT_EQ(n.activation.kind, ActivationKind::Step);
    EXPECT_EQ(*stepPoint(n, 0), -0.5);
    EXPECT_GT(n.w[0], 0.0); // steps up
    EXPECT_EQ(n.v[0], 1.0);
    EXPECT_EQ(n.c, 0.0);
}

TEST(NetworkPreset, TwoNeuronPresetsHaveTheLessonWeights) {
    expectTwoLessonSteps(networkPreset(NetworkPreset::Added), 1.0, 1.0);
    expectTwoLessonSteps(networkPreset(NetworkPreset::InvertSecond), 1.0, -1.0);
    expectTwoLessonSteps(networkPreset(NetworkPreset::InvertFirst), -1.0, 1.0);
    expectTwoLessonSteps(networkPreset(NetworkPreset::Exercise), 1.5, -0.5);
}

TEST(NetworkPreset, BumpIsTwoSteeperStepsAtQuarterPoints) {
    const Network n = networkPreset(NetworkPreset::Bump);
    ASSERT_EQ(n.hidden(), 2);
    EXPECT_EQ(*stepPoint(n, 0), -0.25);
    EXPECT_EQ(*stepPoint(n, 1), 0.25);
    EXPECT_GT(n.w[0], 4.0);
    EXPECT_GT(n.w[1], 4.0);
    EXPECT_EQ(n.v[0], 1.0);
    EXPECT_EQ(n.v[1], -1.0);
    // 0 outside, 1 on [−0.25, 0.25).
    Eigen::ArrayXd x(5);
    x << -0.5, -0.25, 0.0, 0.25, 0.5;
    const Eigen::ArrayXd y = evaluateOutput(n, x);
    EXPECT_EQ(y[0], 0.0);
    EXPECT_EQ(y[1], 1.0);
    EXPECT_EQ(y[2], 1.0);
    EXPECT_EQ(y[3], 0.0);
    EXPECT_EQ(y[4], 0.0);
}

TEST(NetworkPreset, NamesRoundTrip) {
    for (int i = 0; i < kNetworkPresetCount; ++i) {
        const auto p = static_cast<NetworkPreset>(i);
        const auto back = networkPresetFromName(networkPresetName(p));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, p);
        EXPECT_TRUE(allFinite(networkPreset(p)));
    }
    EXPECT_EQ(networkPresetName(NetworkPreset::Exercise), "exercise");
    EXPECT_FALSE(networkPresetFromName("three-neurons").has_value());
}

TEST(DefaultScenario, OpensWithTheTwoStepsAdded) {
    const Scenario s = defaultScenario();
    EXPECT_TRUE(s.network == networkPreset(NetworkPreset::Added));
}

TEST(RandomNetwork, SameSeedSameNetwork) {
    const Activation g{ActivationKind::Sigmoid, 4.0};
    std::mt19937_64 a(123), b(123), c(124);
    const Network na = randomNetwork(12, g, -1.0, 1.0, a);
    const Network nb = randomNetwork(12, g, -1.0, 1.0, b);
    const Network nc = randomNetwork(12, g, -1.0, 1.0, c);
    EXPECT_TRUE(na == nb);
    EXPECT_FALSE(na == nc);
    EXPECT_EQ(na.activation, g);
    // The engine advanced: a second network from it differs from the first.
    EXPECT_FALSE(randomNetwork(12, g, -1.0, 1.0, a) == na);
}

TEST(RandomNetwork, FiniteWithStepPointsSpreadOverTheDomain) {
    for (auto [lo, hi] : {std::pair{-1.0, 1.0}, std::pair{0.0, 10.0}, std::pair{-3.0, -2.5}}) {
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            std::mt19937_64 rng(seed);
            const int h = 1 + static_cast<int>(seed % 9);
            const Network n = randomNetwork(h, {ActivationKind::Tanh, 1.0}, lo, hi, rng);
            ASSERT_EQ(n.hidden(), h);
            ASSERT_TRUE(allFinite(n));
            EXPECT_EQ(n.c, 0.0);
            const double width = hi - lo;
            for (int j = 0; j < h; ++j) {
                const auto s = stepPoint(n, j);
                ASSERT_TRUE(s.has_value());
                // Neuron j's step point lies in the j-th of h equal slices of the domain.
                EXPECT_GE(*s, lo + width * j / h - 1e-12);
                EXPECT_LE(*s, lo + width * (j + 1) / h + 1e-12);
                EXPECT_LE(std::abs(n.v[j]), 0.5); // small output weights
                EXPECT_GT(std::abs(n.w[j]), 0.0);
            }
        }
    }
}

TEST(RandomNetwork, SlopesTakeBothSigns) {
    std::mt19937_64 rng(5);
    const Network n = randomNetwork(64, {ActivationKind::Step, 1.0}, -1.0, 1.0, rng);
    const auto up = std::count_if(n.w.begin(), n.w.end(), [](double w) { return w > 0.0; });
    EXPECT_GT(up, 16);
    EXPECT_LT(up, 48);
}

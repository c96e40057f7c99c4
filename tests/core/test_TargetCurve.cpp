// TargetCurve: every case of the stroke rasterisation rule documented in TargetCurve.h, the
// presets, and targetFromSamples.
//
// The grid is [−1, 1] with 9 samples, spacing 0.25, so every sample is exact in binary:
//   index  0      1      2     3      4  5     6    7     8
//   x     −1  −0.75   −0.5 −0.25      0  0.25  0.5  0.75  1
#include "core/network/Network.h"
#include "core/scenario/TargetCurve.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

using namespace stepwise;

namespace {

constexpr double kLo = -1.0, kHi = 1.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Eigen::ArrayXd grid9() {
    return grid(kLo, kHi, 9);
}

Stroke stroke(std::initializer_list<TargetPoint> points, bool erase = false) {
    return Stroke{std::vector<TargetPoint>(points), erase};
}

TargetCurve curveOf(std::initializer_list<Stroke> strokes) {
    TargetCurve c;
    c.strokes = strokes;
    return c;
}

Eigen::ArrayXd sample(const TargetCurve& c) {
    return sampleTarget(c, grid9(), kLo, kHi);
}

Eigen::ArrayXd values(std::initializer_list<double> v) {
    Eigen::ArrayXd a(static_cast<Eigen::Index>(v.size()));
    Eigen::Index i = 0;
    for (double x : v)
        a[i++] = x;
    return a;
}

void expectSamples(const Eigen::ArrayXd& got, const Eigen::ArrayXd& want, double tol = 1e-12) {
    ASSERT_EQ(got.size(), want.size());
    for (Eigen::Index i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], want[i], tol) << "sample " << i;
}

std::vector<bool> definedOf(const TargetCurve& c) {
    Eigen::ArrayXd value;
    std::vector<bool> defined;
    rasterizeTarget(c, grid9(), kLo, kHi, value, defined);
    return defined;
}

} // namespace

TEST(TargetGrid, SamplesAreExact) {
    expectSamples(grid9(), values({-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1}), 0.0);
}

TEST(TargetStroke, SingleStrokeAcrossTheDomainIsItsLine) {
    const TargetCurve c = curveOf({stroke({{-1, 0}, {1, 2}})});
    expectSamples(sample(c), grid9() + 1.0);
    const std::vector<bool> d = definedOf(c);
    EXPECT_EQ(std::count(d.begin(), d.end(), true), 9);
}

TEST(TargetStroke, PolylineFollowsEachSegment) {
    // A tent: up from (−1, 0) to (0, 2), down to (1, 0).
    const TargetCurve c = curveOf({stroke({{-1, 0}, {0, 2}, {1, 0}})});
    expectSamples(sample(c), values({0, 0.5, 1, 1.5, 2, 1.5, 1, 0.5, 0}));
}

TEST(TargetStroke, PartialStrokeDefinesOnlyWhatItCovers) {
    const TargetCurve c = curveOf({stroke({{-0.5, 0}, {0.5, 1}})});
    const std::vector<bool> d = definedOf(c);
    EXPECT_EQ(d, (std::vector<bool>{false, false, true, true, true, true, true, false, false}));
}

TEST(TargetStroke, LaterStrokeWinsOverEarlier) {
    const Stroke flat = stroke({{-1, 0}, {1, 0}});
    const Stroke plateau = stroke({{-0.25, 1}, {0.25, 1}});
    expectSamples(sample(curveOf({flat, plateau})), values({0, 0, 0, 1, 1, 1, 0, 0, 0}));
    expectSamples(sample(curveOf({plateau, flat})), values({0, 0, 0, 0, 0, 0, 0, 0, 0}));
}

TEST(TargetStroke, StrokeThatDoublesBackKeepsItsLaterPart) {
    // Right along y = 0 to x = 0.5, then back left rising to (−0.5, 1): the return pass redraws
    // [−0.5, 0.5]; 0.75 and 1 were never covered.
    const TargetCurve c = curveOf({stroke({{-1, 0}, {0.5, 0}, {-0.5, 1}})});
    Eigen::ArrayXd value;
    std::vector<bool> defined;
    rasterizeTarget(c, grid9(), kLo, kHi, value, defined);
    EXPECT_EQ(defined, (std::vector<bool>{true, true, true, true, true, true, true, false, false}));
    expectSamples(value.head(7), values({0, 0, 1, 0.75, 0.5, 0.25, 0}));
}

TEST(TargetStroke, VerticalSegmentSetsYWherePenWentLast) {
    // Up and down at x = 0: the sample takes the last point's y.
    const TargetCurve c = curveOf({stroke({{0, 0}, {0, 2}, {0, -1}})});
    Eigen::ArrayXd value;
    std::vector<bool> defined;
    rasterizeTarget(c, grid9(), kLo, kHi, value, defined);
    EXPECT_EQ(defined,
              (std::vector<bool>{false, false, false, false, true, false, false, false, false}));
    EXPECT_EQ(value[4], -1.0);
    expectSamples(sample(c), Eigen::ArrayXd::Constant(9, -1.0)); // flat extension both ways
}

TEST(TargetStroke, DrawnStairHasItsRiserAtTheVerticalSegment) {
    // Along 0, straight up at x = 0, along 1: x = 0 is last set by the riser's top and the tread.
    const TargetCurve c = curveOf({stroke({{-1, 0}, {0, 0}, {0, 1}, {1, 1}})});
    expectSamples(sample(c), values({0, 0, 0, 0, 1, 1, 1, 1, 1}));
}

TEST(TargetStroke, VerticalSegmentBetweenSamplesSetsNothing) {
    const TargetCurve c = curveOf({stroke({{0.1, 0}, {0.1, 5}})});
    EXPECT_EQ(sample(c).size(), 0);
}

TEST(TargetStroke, GapsAreInterpolatedLinearly) {
    const TargetCurve c = curveOf({stroke({{-1, 0}, {-0.5, 0}}), stroke({{0.5, 2}, {1, 2}})});
    const std::vector<bool> d = definedOf(c);
    EXPECT_EQ(d, (std::vector<bool>{true, true, true, false, false, false, true, true, true}));
    expectSamples(sample(c), values({0, 0, 0, 0.5, 1, 1.5, 2, 2, 2}));
}

TEST(TargetStroke, FlatExtensionBeforeFirstAndAfterLastDefinedSample) {
    const TargetCurve c = curveOf({stroke({{-0.25, 1}, {0.25, 3}})});
    expectSamples(sample(c), values({1, 1, 1, 1, 2, 3, 3, 3, 3}));
}

TEST(TargetStroke, PartsOutsideTheDomainAreClipped) {
    // Entirely outside: nothing.
    EXPECT_EQ(sample(curveOf({stroke({{-3, 5}, {-2, 5}})})).size(), 0);
    EXPECT_EQ(sample(curveOf({stroke({{1.5, 5}, {4, 5}})})).size(), 0);
    // Across the whole domain from outside: the same straight line, cut at the ends.
    expectSamples(sample(curveOf({stroke({{-2, 0}, {2, 4}})})), grid9() + 2.0);
    // Half out: only the inside part is drawn, on the stroke's own line.
    const TargetCurve half = curveOf({stroke({{0.5, 0}, {3, 5}})});
    EXPECT_EQ(definedOf(half),
              (std::vector<bool>{false, false, false, false, false, false, true, true, true}));
    expectSamples(sample(half), values({0, 0, 0, 0, 0, 0, 0, 0.5, 1}));
    // Outside strokes leave a preset untouched.
    TargetCurve preset;
    preset.preset = TargetPreset::Abs;
    TargetCurve withOutside = preset;
    withOutside.strokes.push_back(stroke({{1.2, 7}, {3, 9}}));
    withOutside.strokes.push_back(stroke({{-5, 7}}));
    expectSamples(sample(withOutside), sample(preset), 0.0);
}

TEST(TargetStroke, NonFinitePointsAreDropped) {
    const TargetCurve c =
        curveOf({stroke({{-1, 0}, {kNaN, 5}, {0, kInf}, {-kInf, 1}, {1, 2}, {0.5, kNaN}})});
    const Eigen::ArrayXd y = sample(c);
    EXPECT_TRUE(y.allFinite());
    expectSamples(y, grid9() + 1.0); // what is left is (−1, 0) → (1, 2)
}

TEST(TargetStroke, OnlyNonFinitePointsGiveNoTarget) {
    EXPECT_EQ(sample(curveOf({stroke({{kNaN, 0}, {0, kNaN}, {kInf, kInf}})})).size(), 0);
}

TEST(TargetStroke, HugeYIsClampedToTheLimit) {
    expectSamples(sample(curveOf({stroke({{-1, 1e9}, {1, 1e300}})})),
                  Eigen::ArrayXd::Constant(9, kTargetLimit), 0.0);
    expectSamples(sample(curveOf({stroke({{-1, -1e12}, {1, -1e12}})})),
                  Eigen::ArrayXd::Constant(9, -kTargetLimit), 0.0);
    // Points are clamped first, then joined: the line from −limit to +limit.
    const Eigen::ArrayXd y = sample(curveOf({stroke({{-1, -1e6}, {1, 1e6}})}));
    expectSamples(y, kTargetLimit * grid9(), 1e-9);
}

TEST(TargetStroke, EraseMakesSamplesUndefinedAgain) {
    TargetCurve c;
    c.preset = TargetPreset::Abs;
    c.strokes.push_back(stroke({{-0.25, 0}, {0.25, 0}}, true));
    EXPECT_EQ(definedOf(c),
              (std::vector<bool>{true, true, true, false, false, false, true, true, true}));
    // The hole is bridged linearly between |−0.5| and |0.5|: flat at 0.5.
    expectSamples(sample(c), values({1, 0.75, 0.5, 0.5, 0.5, 0.5, 0.5, 0.75, 1}));
}

TEST(TargetStroke, EraseEverythingGivesNoTarget) {
    const TargetCurve c = curveOf({stroke({{-1, 3}, {1, 3}}), stroke({{-2, 0}, {2, 0}}, true)});
    EXPECT_EQ(sample(c).size(), 0);
}

TEST(TargetStroke, DrawingAfterEraseDefinesAgain) {
    const TargetCurve c =
        curveOf({stroke({{-1, 3}, {1, 3}}), stroke({{-1, 0}, {1, 0}}, true), stroke({{0, 7}})});
    expectSamples(sample(c), Eigen::ArrayXd::Constant(9, 7.0));
}

TEST(TargetCurve, EmptyCurveGivesEmptyArray) {
    const TargetCurve empty;
    EXPECT_TRUE(empty.empty());
    EXPECT_EQ(sample(empty).size(), 0);
    // A stroke with no points defines nothing either.
    const TargetCurve noPoints = curveOf({Stroke{}});
    EXPECT_FALSE(noPoints.empty());
    EXPECT_EQ(sample(noPoints).size(), 0);
    // No grid at all.
    TargetCurve preset;
    preset.preset = TargetPreset::Sine;
    EXPECT_EQ(sampleTarget(preset, Eigen::ArrayXd(), kLo, kHi).size(), 0);
}

TEST(TargetStroke, SinglePointSetsTheNearestSample) {
    // 0.13 is 0.12 from 0.25 (within half a spacing, 0.125).
    const TargetCurve c = curveOf({stroke({{0.13, 3}})});
    EXPECT_EQ(definedOf(c),
              (std::vector<bool>{false, false, false, false, false, true, false, false, false}));
    expectSamples(sample(c), Eigen::ArrayXd::Constant(9, 3.0));
    // On the last sample.
    const TargetCurve end = curveOf({stroke({{1.0, -2}})});
    EXPECT_EQ(definedOf(end).back(), true);
    // Outside the domain, even within half a spacing of the end: nothing.
    EXPECT_EQ(sample(curveOf({stroke({{1.05, 3}})})).size(), 0);
    // A stroke reduced to one point by dropping non-finite ones behaves the same.
    const TargetCurve reduced = curveOf({stroke({{-0.5, 4}, {kNaN, 1}})});
    EXPECT_EQ(definedOf(reduced)[2], true);
    expectSamples(sample(reduced), Eigen::ArrayXd::Constant(9, 4.0));
}

TEST(TargetStroke, SinglePointEraseUndefinesOneSample) {
    TargetCurve c;
    c.preset = TargetPreset::Abs;
    c.strokes.push_back(stroke({{0.0, 0.0}}, true));
    std::vector<bool> expected(9, true);
    expected[4] = false;
    EXPECT_EQ(definedOf(c), expected);
    expectSamples(sample(c), values({1, 0.75, 0.5, 0.25, 0.25, 0.25, 0.5, 0.75, 1}));
}

TEST(TargetSmoothing, MovingAverageOverRadius) {
    // A spike of 3 at x = 0 on a line at 0; radius 1 spreads it over three samples.
    TargetCurve c = curveOf({stroke({{-1, 0}, {1, 0}}), stroke({{0, 3}})});
    expectSamples(sample(c), values({0, 0, 0, 0, 3, 0, 0, 0, 0}));
    c.smoothing = 1;
    expectSamples(sample(c), values({0, 0, 0, 1, 1, 1, 0, 0, 0}));
    c.smoothing = 2;
    expectSamples(sample(c), values({0, 0, 0.6, 0.6, 0.6, 0.6, 0.6, 0, 0}));
}

TEST(TargetSmoothing, KeepsStraightLinesInTheInterior) {
    TargetCurve c = curveOf({stroke({{-1, -1}, {1, 3}})});
    c.smoothing = 2;
    const Eigen::ArrayXd y = sample(c);
    const Eigen::ArrayXd line = 2.0 * grid9() + 1.0;
    for (Eigen::Index i = 2; i < 7; ++i)
        EXPECT_NEAR(y[i], line[i], 1e-12) << "sample " << i;
}

TEST(TargetPresets, AllFiniteWithTheRightShape) {
    // 100 samples: no sample of s lands exactly on a jump (s = 0, ±0.4), where a rounding
    // difference between domains could flip a step.
    const Eigen::Index n = 100;
    for (int p = 0; p < kTargetPresetCount; ++p) {
        const auto preset = static_cast<TargetPreset>(p);
        for (auto [lo, hi] : {std::pair{-1.0, 1.0}, std::pair{2.0, 5.0}, std::pair{-40.0, -39.0}}) {
            const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(n, lo, hi);
            const Eigen::ArrayXd y = presetSamples(preset, x, lo, hi, 3);
            ASSERT_EQ(y.size(), n) << targetPresetName(preset);
            EXPECT_TRUE(y.allFinite()) << targetPresetName(preset);
            EXPECT_LE(y.abs().maxCoeff(), 1.0 + 1e-12) << targetPresetName(preset);
            // Shapes are defined on s ∈ [−1, 1], so they are the same on every domain.
            const Eigen::ArrayXd unit =
                presetSamples(preset, Eigen::ArrayXd::LinSpaced(n, -1, 1), -1.0, 1.0, 3);
            for (Eigen::Index i = 0; i < n; ++i)
                EXPECT_NEAR(y[i], unit[i], 1e-9) << targetPresetName(preset) << " i=" << i;
        }
    }
}

TEST(TargetPresets, ShapesByHand) {
    // 9 samples on [−1, 1]: s = x.
    const Eigen::ArrayXd x = grid9();
    auto at = [&](TargetPreset p) { return presetSamples(p, x, kLo, kHi); };
    const double r = std::sqrt(0.5);
    expectSamples(at(TargetPreset::Sine), values({0, -r, -1, -r, 0, r, 1, r, 0}));
    expectSamples(at(TargetPreset::Step), values({0, 0, 0, 0, 1, 1, 1, 1, 1}), 0.0);
    expectSamples(at(TargetPreset::Bump), values({0, 0, 0, 1, 1, 1, 0, 0, 0}), 0.0);
    expectSamples(at(TargetPreset::Abs), x.abs(), 0.0);
    expectSamples(at(TargetPreset::Square), x.square(), 0.0);
    const Eigen::ArrayXd g = at(TargetPreset::Gaussian);
    EXPECT_DOUBLE_EQ(g[4], 1.0);
    EXPECT_NEAR(g[0], std::exp(-1.0 / 0.18), 1e-15);
    EXPECT_NEAR(g[6], std::exp(-0.25 / 0.18), 1e-15);
    // Sawtooth: two ramps from 0 towards 1, restarting at the middle.
    const Eigen::ArrayXd saw = at(TargetPreset::Sawtooth);
    EXPECT_NEAR(saw[0], 0.0, 1e-15);
    EXPECT_NEAR(saw[2], 0.5, 1e-15);
    EXPECT_NEAR(saw[3], 0.75, 1e-15);
    EXPECT_NEAR(saw[4], 0.0, 1e-15);
    EXPECT_NEAR(saw[6], 0.5, 1e-15);
}

TEST(TargetPresets, BumpIsOneInTheMiddleZeroAtTheEnds) {
    const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(201, 0.0, 10.0);
    const Eigen::ArrayXd y = presetSamples(TargetPreset::Bump, x, 0.0, 10.0);
    EXPECT_EQ(y[100], 1.0);
    EXPECT_EQ(y[0], 0.0);
    EXPECT_EQ(y[200], 0.0);
}

TEST(TargetPresets, NoisyIsDeterministicPerSeedAndBounded) {
    const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(300, -1, 1);
    const Eigen::ArrayXd a = presetSamples(TargetPreset::Noisy, x, -1, 1, 42);
    const Eigen::ArrayXd b = presetSamples(TargetPreset::Noisy, x, -1, 1, 42);
    const Eigen::ArrayXd c = presetSamples(TargetPreset::Noisy, x, -1, 1, 43);
    EXPECT_TRUE((a == b).all());
    EXPECT_GT((a - c).abs().maxCoeff(), 0.01);
    const Eigen::ArrayXd base = 0.6 * (std::numbers::pi * x).sin();
    const Eigen::ArrayXd noise = a - base;
    EXPECT_LE(noise.abs().maxCoeff(), 0.15 + 1e-12);
    // Noise, not an offset: it takes both signs and is spread over most of its range.
    EXPECT_LT(noise.minCoeff(), -0.1);
    EXPECT_GT(noise.maxCoeff(), 0.1);
    EXPECT_LT(std::abs(noise.mean()), 0.03);
    // Through a TargetCurve, the noise seed is what changes it.
    TargetCurve curve;
    curve.preset = TargetPreset::Noisy;
    curve.noiseSeed = 42;
    EXPECT_TRUE((sampleTarget(curve, x, -1, 1) == a).all());
    curve.noiseSeed = 43;
    EXPECT_TRUE((sampleTarget(curve, x, -1, 1) == c).all());
}

TEST(TargetPresets, NamesRoundTrip) {
    for (int p = 0; p < kTargetPresetCount; ++p) {
        const auto preset = static_cast<TargetPreset>(p);
        const auto back = targetPresetFromName(targetPresetName(preset));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, preset);
    }
    EXPECT_EQ(targetPresetName(TargetPreset::Sine), "sine");
    EXPECT_EQ(targetPresetName(TargetPreset::Bump), "bump");
    EXPECT_FALSE(targetPresetFromName("triangle").has_value());
}

TEST(TargetFromSamples, RoundTripsOnTheSameGrid) {
    const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(257, -2.0, 3.0);
    // A smooth part, a jump and a flat part.
    Eigen::ArrayXd y = (3.0 * x).sin() + (x > 0.7).cast<double>() * 2.0;
    y.tail(40).setConstant(-0.5);
    const TargetCurve c = targetFromSamples(x, y);
    const Eigen::ArrayXd back = sampleTarget(c, x, -2.0, 3.0);
    ASSERT_EQ(back.size(), x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i)
        EXPECT_NEAR(back[i], y[i], 1e-12) << "sample " << i;
}

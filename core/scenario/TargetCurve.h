// TargetCurve: the curve the network should learn, as a preset shape and/or freehand strokes,
// and the rule that turns it into one target value per grid sample.
//
// The rule (sampleTarget), applied to the grid x_0 < … < x_{N−1} of the domain [lo, hi]:
//  1. Start from the preset, sampled at every x_i (or with every sample undefined if there is
//     no preset).
//  2. Apply the strokes in order; later strokes win where they overlap. Within a stroke the
//     segments between consecutive points are applied in drawing order, so a stroke that doubles
//     back redraws what it covered a moment ago: again, the later part wins.
//     A segment from (xa, ya) to (xb, yb) sets every sample with x_i in [min(xa,xb), max(xa,xb)]
//     to the straight line between the two points at x_i. A vertical segment (xa = xb) sets the
//     samples at that x to yb, where the pen went last. A single-point stroke sets the nearest
//     sample, if it lies within half a grid spacing.
//     Points with a non-finite coordinate are dropped; y is clamped to ±kTargetLimit. Segments
//     are clipped to [lo, hi]: the parts of a stroke outside the domain do nothing.
//     An erase stroke makes the samples it covers undefined again.
//  3. Gaps (undefined samples between defined ones) are filled by linear interpolation between
//     the nearest defined samples; undefined samples before the first or after the last defined
//     one take that sample's value (flat extension).
//  4. If nothing is defined there is no target (sampleTarget returns an empty array).
//  5. Optional light smoothing: a centred moving average over ±smoothing samples.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace stepwise {

inline constexpr double kTargetLimit = 1.0e3;
inline constexpr int kMaxStrokePoints = 100000;
inline constexpr int kMaxStrokes = 10000;

enum class TargetPreset { Sine, Step, Bump, Abs, Sawtooth, Gaussian, Square, Noisy };
inline constexpr int kTargetPresetCount = 8;

std::string_view targetPresetName(TargetPreset p); // "sine", "step", "bump", "abs", …
std::optional<TargetPreset> targetPresetFromName(std::string_view name);

// A preset on the domain [lo, hi]. Shapes are defined on s = 2(x − lo)/(hi − lo) − 1 ∈ [−1, 1]
// so they fill any domain: sine sin(π·s), step s ≥ 0, bump |s| < 0.4, abs |s|, sawtooth two
// ramps from 0 to 1, gaussian e^(−s²/0.18), square s², noisy 0.6·sin(π·s) + noise in ±0.15
// from the seed (a hash of the seed and the sample index, the same on every platform).
Eigen::ArrayXd presetSamples(TargetPreset p, const Eigen::Ref<const Eigen::ArrayXd>& x, double lo,
                             double hi, std::uint64_t seed = 1);

struct TargetPoint {
    double x = 0.0, y = 0.0;
    bool operator==(const TargetPoint&) const = default;
};

struct Stroke {
    std::vector<TargetPoint> points;
    bool erase = false;
    bool operator==(const Stroke&) const = default;
};

// Gaussian noise added to the target's values (core/data/Noise.h): its standard deviation
// (0 = none) and the seed of the std::mt19937_64 that draws it.
struct TargetNoise {
    double sd = 0.0;
    std::uint64_t seed = 1;
    bool operator==(const TargetNoise&) const = default;
};

// Held-out points (core/data/DataSet.h): the share of the points kept for testing (0 = none) and
// the seed of the std::mt19937_64 that chooses them.
struct TestSplit {
    double fraction = 0.0;
    std::uint64_t seed = 1;
    bool operator==(const TestSplit&) const = default;
};

struct TargetCurve {
    std::optional<TargetPreset> preset;
    std::uint64_t noiseSeed = 1; // the "noisy" preset's seed (not the one of `noise`)
    std::vector<Stroke> strokes;
    int smoothing = 0; // moving-average radius in samples, 0 = off
    // Measured points. When there are any, they are what the network learns (the loss is the mean
    // over them) and the curve, if any, is only drawn; core/data/DataSet.h has the rule.
    std::vector<TargetPoint> points;
    TargetNoise noise;
    TestSplit split;

    bool empty() const { return !preset && strokes.empty() && points.empty(); }
    bool operator==(const TargetCurve&) const = default;
};

// The samples of the target on x (evenly spaced over [lo, hi]), or an empty array when the
// curve defines no sample. Never contains a non-finite value.
Eigen::ArrayXd sampleTarget(const TargetCurve& curve, const Eigen::Ref<const Eigen::ArrayXd>& x,
                            double lo, double hi);

// The curve as drawn, before gap filling: defined[i] says whether sample i was set.
void rasterizeTarget(const TargetCurve& curve, const Eigen::Ref<const Eigen::ArrayXd>& x, double lo,
                     double hi, Eigen::ArrayXd& value, std::vector<bool>& defined);

// A target that is exactly the given samples on the grid x ("use the current output").
TargetCurve targetFromSamples(const Eigen::Ref<const Eigen::ArrayXd>& x,
                              const Eigen::Ref<const Eigen::ArrayXd>& y);

} // namespace stepwise

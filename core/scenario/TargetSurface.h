// TargetSurface: a target over two inputs (x₁, x₂) ∈ [lo, hi]², for a network of two inputs
// (core/deep, a version 3 scenario). A preset, and painted strokes on top of it.
//
// Presets are defined on s_k = 2(x_k − lo)/(hi − lo) − 1 ∈ [−1, 1], so they fill any domain:
//   tower         1 where |s₁| < 0.4 and |s₂| < 0.4, else 0      (Nielsen's tower)
//   ring          1 where 0.4 ≤ √(s₁² + s₂²) < 0.8, else 0
//   saddle        s₁² − s₂²
//   ramp          (s₁ + s₂) / 2
//   checkerboard  1 on the squares of a 4 × 4 board where ⌊2s₁⌋ + ⌊2s₂⌋ is even, else 0
//   two-bumps     e^(−|s − (0.4, 0.4)|²/0.08) + e^(−|s + (0.4, 0.4)|²/0.08)
//   noisy         the tower plus noise in ±0.15 from the seed (a portable hash, as the curve's)
//
// Painting: a stroke is a brush of radius r (in x units) dragged through points p_i. Its mark at
// x is m(x) = max_i (1 − |x − p_i|²/r²)₊, a round dome that is 1 under the brush's centre and 0
// at its rim; a stroke dragged back and forth marks no more than once. Strokes are applied in
// order to a painted layer P that starts at 0: a raise or lower stroke adds strength·m(x) (a
// negative strength lowers), an erase stroke takes the layer back towards 0, P ← P·(1 − m(x)).
// The target is preset (or 0) + P, clamped to ±kTargetLimit.
#pragma once

#include "core/scenario/TargetCurve.h"

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace stepwise {

enum class SurfacePreset { Tower, Ring, Saddle, Ramp, Checkerboard, TwoBumps, Noisy };
inline constexpr int kSurfacePresetCount = 7;
std::string_view surfacePresetName(SurfacePreset p); // "tower", "ring", …
std::optional<SurfacePreset> surfacePresetFromName(std::string_view name);

// The samples per side of the grid a surface is learned on: kSurfaceSide² points.
inline constexpr int kSurfaceSide = 41;
inline constexpr int kMaxBrushStrokes = 10000;
inline constexpr double kMaxBrushStrength = 1.0e3; // |strength|

struct PlanePoint {
    double x1 = 0.0, x2 = 0.0;
    bool operator==(const PlanePoint&) const = default;
};

struct BrushStroke {
    std::vector<PlanePoint> points;
    double radius = 0.2;
    double strength = 0.5; // raise (> 0) or lower (< 0)
    bool erase = false;
    bool operator==(const BrushStroke&) const = default;
};

struct TargetSurface {
    std::optional<SurfacePreset> preset;
    std::uint64_t noiseSeed = 1;
    std::vector<BrushStroke> strokes;
    bool empty() const { return !preset && strokes.empty(); }
    bool operator==(const TargetSurface&) const = default;
};

// The grid a surface is learned on: a 2 × side² matrix of (x₁, x₂) in columns, x₂ the slower.
Eigen::MatrixXd planeGrid(double lo, double hi, int side = kSurfaceSide);

// The target at the columns of x (2 × N). Never contains a non-finite value.
Eigen::ArrayXd sampleSurface(const TargetSurface& surface,
                             const Eigen::Ref<const Eigen::MatrixXd>& x, double lo, double hi);

} // namespace stepwise

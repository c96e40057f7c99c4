#include "core/scenario/TargetSurface.h"

#include "core/scenario/EnumNames.h"

#include <algorithm>
#include <cmath>

namespace stepwise {

namespace {

constexpr std::array<std::string_view, kSurfacePresetCount> kSurfacePresetNames = {
    "tower", "ring", "saddle", "ramp", "checkerboard", "two-bumps", "noisy"};

// SplitMix64, as TargetCurve's noisy preset: the same noise on every platform.
std::uint64_t mix(std::uint64_t v) {
    v += 0x9E3779B97F4A7C15ULL;
    v = (v ^ (v >> 30)) * 0xBF58476D1CE4E5B9ULL;
    v = (v ^ (v >> 27)) * 0x94D049BB133111EBULL;
    return v ^ (v >> 31);
}

double presetAt(SurfacePreset p, double s1, double s2, std::uint64_t seed, Eigen::Index i) {
    const bool inTower = std::abs(s1) < 0.4 && std::abs(s2) < 0.4;
    switch (p) {
    case SurfacePreset::Tower:
        return inTower ? 1.0 : 0.0;
    case SurfacePreset::Ring: {
        const double r = std::sqrt(s1 * s1 + s2 * s2);
        return r >= 0.4 && r < 0.8 ? 1.0 : 0.0;
    }
    case SurfacePreset::Saddle:
        return s1 * s1 - s2 * s2;
    case SurfacePreset::Ramp:
        return 0.5 * (s1 + s2);
    case SurfacePreset::Checkerboard: {
        // Four squares a side: s = 1 (the right and top edges) counts with the last square.
        const auto square = [](double s) { return std::min(3.0, std::floor(2.0 * (s + 1.0))); };
        return static_cast<long long>(square(s1) + square(s2)) % 2 == 0 ? 1.0 : 0.0;
    }
    case SurfacePreset::TwoBumps: {
        const double a = (s1 - 0.4) * (s1 - 0.4) + (s2 - 0.4) * (s2 - 0.4);
        const double b = (s1 + 0.4) * (s1 + 0.4) + (s2 + 0.4) * (s2 + 0.4);
        return std::exp(-a / 0.08) + std::exp(-b / 0.08);
    }
    case SurfacePreset::Noisy: {
        const double u =
            static_cast<double>(mix(seed * 1000003ULL + static_cast<std::uint64_t>(i)) >> 11) *
            0x1.0p-53;
        return (inTower ? 1.0 : 0.0) + 0.3 * (u - 0.5);
    }
    }
    return 0.0;
}

} // namespace

std::string_view surfacePresetName(SurfacePreset p) {
    return enumName(kSurfacePresetNames, p);
}

std::optional<SurfacePreset> surfacePresetFromName(std::string_view name) {
    return enumFromName<SurfacePreset>(kSurfacePresetNames, name);
}

Eigen::MatrixXd planeGrid(double lo, double hi, int side) {
    side = std::max(2, side);
    Eigen::MatrixXd x(2, static_cast<Eigen::Index>(side) * side);
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i) {
            const Eigen::Index c = static_cast<Eigen::Index>(j) * side + i;
            x(0, c) = lo + (hi - lo) * i / (side - 1);
            x(1, c) = lo + (hi - lo) * j / (side - 1);
        }
    return x;
}

Eigen::ArrayXd sampleSurface(const TargetSurface& surface,
                             const Eigen::Ref<const Eigen::MatrixXd>& x, double lo, double hi) {
    const Eigen::Index n = x.rows() == 2 ? x.cols() : 0;
    Eigen::ArrayXd y = Eigen::ArrayXd::Zero(n);
    const double width = hi - lo;
    if (surface.preset && std::isfinite(width) && width > 0.0)
        for (Eigen::Index i = 0; i < n; ++i)
            y[i] = presetAt(*surface.preset, 2.0 * (x(0, i) - lo) / width - 1.0,
                            2.0 * (x(1, i) - lo) / width - 1.0, surface.noiseSeed, i);
    Eigen::ArrayXd painted = Eigen::ArrayXd::Zero(n);
    for (const BrushStroke& s : surface.strokes) {
        if (!(s.radius > 0.0) || !std::isfinite(s.radius) || !std::isfinite(s.strength)) continue;
        const double r2 = s.radius * s.radius;
        for (Eigen::Index i = 0; i < n; ++i) {
            double mark = 0.0;
            for (const PlanePoint& p : s.points) {
                const double d1 = x(0, i) - p.x1, d2 = x(1, i) - p.x2;
                mark = std::max(mark, 1.0 - (d1 * d1 + d2 * d2) / r2);
            }
            if (mark <= 0.0) continue;
            painted[i] = s.erase ? painted[i] * (1.0 - mark) : painted[i] + s.strength * mark;
        }
    }
    y += painted;
    for (Eigen::Index i = 0; i < n; ++i)
        y[i] = std::isfinite(y[i]) ? std::clamp(y[i], -kTargetLimit, kTargetLimit) : 0.0;
    return y;
}

} // namespace stepwise

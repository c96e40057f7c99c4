#include "core/scenario/TargetCurve.h"
#include "core/scenario/EnumNames.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stepwise {

namespace {
constexpr std::array<std::string_view, 8> kCurvePresetNames = {
    "sine", "step", "bump", "abs", "sawtooth", "gaussian", "square", "noisy"};

// SplitMix64: a portable hash, so a noisy target is the same on every platform.
std::uint64_t splitmix(std::uint64_t v) {
    v += 0x9E3779B97F4A7C15ULL;
    v = (v ^ (v >> 30)) * 0xBF58476D1CE4E5B9ULL;
    v = (v ^ (v >> 27)) * 0x94D049BB133111EBULL;
    return v ^ (v >> 31);
}

double clampY(double y) {
    return std::clamp(y, -kTargetLimit, kTargetLimit);
}
} // namespace

std::string_view targetPresetName(TargetPreset p) {
    return enumName(kCurvePresetNames, p);
}

std::optional<TargetPreset> targetPresetFromName(std::string_view name) {
    return enumFromName<TargetPreset>(kCurvePresetNames, name);
}

Eigen::ArrayXd presetSamples(TargetPreset p, const Eigen::Ref<const Eigen::ArrayXd>& x, double lo,
                             double hi, std::uint64_t seed) {
    const double width = hi > lo ? hi - lo : 1.0;
    const Eigen::ArrayXd s = 2.0 * (x - lo) / width - 1.0;
    const double pi = std::numbers::pi;
    switch (p) {
    case TargetPreset::Sine:
        return (pi * s).sin();
    case TargetPreset::Step:
        return (s >= 0.0).cast<double>();
    case TargetPreset::Bump:
        return (s.abs() < 0.4).cast<double>();
    case TargetPreset::Abs:
        return s.abs();
    case TargetPreset::Sawtooth: {
        const Eigen::ArrayXd u = (s + 1.0) * 1.0; // two ramps across [−1, 1]
        return u - u.floor();
    }
    case TargetPreset::Gaussian:
        return (-s.square() / 0.18).exp();
    case TargetPreset::Square:
        return s.square();
    case TargetPreset::Noisy: {
        Eigen::ArrayXd y = 0.6 * (pi * s).sin();
        for (Eigen::Index i = 0; i < y.size(); ++i) {
            const double u = static_cast<double>(splitmix(seed * 1000003ULL + i) >> 11) * 0x1.0p-53;
            y[i] += 0.3 * (u - 0.5);
        }
        return y;
    }
    }
    return Eigen::ArrayXd::Zero(x.size());
}

void rasterizeTarget(const TargetCurve& curve, const Eigen::Ref<const Eigen::ArrayXd>& x, double lo,
                     double hi, Eigen::ArrayXd& value, std::vector<bool>& defined) {
    const Eigen::Index n = x.size();
    if (curve.preset) {
        value = presetSamples(*curve.preset, x, lo, hi, curve.noiseSeed);
        defined.assign(n, true);
    } else {
        value = Eigen::ArrayXd::Zero(n);
        defined.assign(n, false);
    }
    if (n == 0) return;
    const double* xs = x.data();
    const double spacing = n > 1 ? (x[n - 1] - x[0]) / static_cast<double>(n - 1) : 1.0;
    auto firstAtOrAbove = [&](double v) {
        return std::lower_bound(xs, xs + n, v - 1e-12 * spacing) - xs;
    };
    auto lastAtOrBelow = [&](double v) {
        return std::upper_bound(xs, xs + n, v + 1e-12 * spacing) - xs - 1;
    };
    auto set = [&](Eigen::Index i, double y, bool erase) {
        defined[i] = !erase;
        value[i] = erase ? 0.0 : y;
    };

    for (const Stroke& stroke : curve.strokes) {
        std::vector<TargetPoint> pts;
        pts.reserve(stroke.points.size());
        for (const TargetPoint& p : stroke.points)
            if (std::isfinite(p.x) && std::isfinite(p.y)) pts.push_back({p.x, clampY(p.y)});
        if (pts.size() == 1) {
            const TargetPoint& p = pts.front();
            if (p.x < lo || p.x > hi) continue;
            const Eigen::Index i =
                std::clamp<Eigen::Index>(std::llround((p.x - x[0]) / spacing), 0, n - 1);
            if (std::abs(x[i] - p.x) <= 0.5 * spacing + 1e-12) set(i, p.y, stroke.erase);
            continue;
        }
        for (std::size_t k = 0; k + 1 < pts.size(); ++k) {
            const TargetPoint a = pts[k], b = pts[k + 1];
            const double x0 = std::max(std::min(a.x, b.x), lo);
            const double x1 = std::min(std::max(a.x, b.x), hi);
            if (x0 > x1) continue; // entirely outside the domain
            const Eigen::Index i0 = firstAtOrAbove(x0), i1 = lastAtOrBelow(x1);
            for (Eigen::Index i = i0; i <= i1; ++i) {
                double y;
                if (a.x == b.x) {
                    y = b.y;
                } else {
                    const double t = (x[i] - a.x) / (b.x - a.x);
                    y = a.y + std::clamp(t, 0.0, 1.0) * (b.y - a.y);
                }
                set(i, y, stroke.erase);
            }
        }
    }
}

Eigen::ArrayXd sampleTarget(const TargetCurve& curve, const Eigen::Ref<const Eigen::ArrayXd>& x,
                            double lo, double hi) {
    Eigen::ArrayXd value;
    std::vector<bool> defined;
    rasterizeTarget(curve, x, lo, hi, value, defined);
    const Eigen::Index n = x.size();
    Eigen::Index first = -1, last = -1;
    for (Eigen::Index i = 0; i < n; ++i)
        if (defined[i]) {
            if (first < 0) first = i;
            last = i;
        }
    if (first < 0) return {};
    for (Eigen::Index i = 0; i < first; ++i)
        value[i] = value[first];
    for (Eigen::Index i = last + 1; i < n; ++i)
        value[i] = value[last];
    // Interpolate each gap between two defined samples.
    Eigen::Index prev = first;
    for (Eigen::Index i = first + 1; i <= last; ++i) {
        if (!defined[i]) continue;
        for (Eigen::Index g = prev + 1; g < i; ++g) {
            const double t = (x[g] - x[prev]) / (x[i] - x[prev]);
            value[g] = value[prev] + t * (value[i] - value[prev]);
        }
        prev = i;
    }
    if (curve.smoothing > 0 && n > 2) {
        const Eigen::Index r = std::min<Eigen::Index>(curve.smoothing, n / 2);
        Eigen::ArrayXd smoothed(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const Eigen::Index a = std::max<Eigen::Index>(0, i - r), b = std::min(n - 1, i + r);
            smoothed[i] = value.segment(a, b - a + 1).mean();
        }
        value = smoothed;
    }
    return value;
}

TargetCurve targetFromSamples(const Eigen::Ref<const Eigen::ArrayXd>& x,
                              const Eigen::Ref<const Eigen::ArrayXd>& y) {
    TargetCurve c;
    Stroke s;
    s.points.reserve(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i)
        s.points.push_back({x[i], y[i]});
    c.strokes.push_back(std::move(s));
    return c;
}

} // namespace stepwise

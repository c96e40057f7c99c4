#include "core/data/DataSet.h"
#include "core/data/Noise.h"
#include "core/network/Backprop.h"
#include "core/scenario/ScenarioFile.h" // kMaxCoordinate, kMinDomainWidth
#include "core/training/Trainer.h"      // uniformIndex

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stepwise {

std::vector<bool> chooseTestPoints(std::size_t n, double fraction, std::mt19937_64& rng) {
    std::vector<bool> isTest(n, false);
    if (n < 2 || !(fraction > 0.0)) return isTest;
    const double wanted = std::floor(std::min(fraction, 1.0) * static_cast<double>(n) + 0.5);
    const std::size_t k = std::clamp<std::size_t>(static_cast<std::size_t>(wanted), 1, n - 1);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = 0; i < k; ++i) {
        std::swap(order[i], order[i + uniformIndex(rng, n - i)]);
        isTest[order[i]] = true;
    }
    return isTest;
}

DataSet makeDataSet(std::vector<TargetPoint> points, const TargetNoise& noise,
                    const TestSplit& split) {
    DataSet d;
    d.points = std::move(points);
    std::mt19937_64 noiseRng(noise.seed);
    addNoise(d.points, noise.sd, noiseRng);
    std::mt19937_64 splitRng(split.seed);
    d.isTest = chooseTestPoints(d.points.size(), split.fraction, splitRng);
    for (std::size_t i = 0; i < d.points.size(); ++i)
        (d.isTest[i] ? d.test : d.train).push_back(d.points[i]);
    return d;
}

DataSet makeDataSet(const TargetCurve& target, const Domain& domain) {
    std::vector<TargetPoint> points = target.points;
    if (points.empty()) {
        const Eigen::ArrayXd x = grid(domain.lo, domain.hi, domain.samples);
        const Eigen::ArrayXd t = sampleTarget(target, x, domain.lo, domain.hi);
        points.reserve(static_cast<std::size_t>(t.size()));
        for (Eigen::Index i = 0; i < t.size(); ++i)
            points.push_back({x[i], t[i]});
    }
    return makeDataSet(std::move(points), target.noise, target.split);
}

std::optional<Domain> domainForPoints(const std::vector<TargetPoint>& points, double margin,
                                      int samples) {
    if (points.empty()) return std::nullopt;
    double lo = points.front().x, hi = lo;
    for (const TargetPoint& p : points) {
        lo = std::min(lo, p.x);
        hi = std::max(hi, p.x);
    }
    const double w = hi > lo ? hi - lo : 1.0;
    const double m = std::max(margin, 0.0) * w;
    Domain d;
    d.lo = std::clamp(lo - m, -kMaxCoordinate, kMaxCoordinate - 1.0);
    d.hi = std::clamp(hi + m, d.lo + 1.0e-3, kMaxCoordinate);
    if (!(d.hi - d.lo >= kMinDomainWidth)) d.hi = d.lo + 1.0; // near ±1e6, rounding
    d.samples = std::clamp(samples, kMinSamples, kMaxSamples);
    return d;
}

ViewRect viewForPoints(const std::vector<TargetPoint>& points, const Domain& domain) {
    ViewRect v;
    v.xLo = domain.lo;
    v.xHi = domain.hi;
    if (points.empty()) return v;
    double lo = points.front().y, hi = lo;
    for (const TargetPoint& p : points) {
        lo = std::min(lo, p.y);
        hi = std::max(hi, p.y);
    }
    const double pad = std::max(0.12 * (hi - lo), 0.1);
    v.yLo = lo - pad;
    v.yHi = hi + pad;
    return v;
}

PointArrays toArrays(const std::vector<TargetPoint>& points) {
    PointArrays a;
    const auto n = static_cast<Eigen::Index>(points.size());
    a.x.resize(n);
    a.y.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        a.x[i] = points[static_cast<std::size_t>(i)].x;
        a.y[i] = points[static_cast<std::size_t>(i)].y;
    }
    return a;
}

std::optional<double> pointsLoss(const Network& net, const std::vector<TargetPoint>& points) {
    if (points.empty()) return std::nullopt;
    const PointArrays a = toArrays(points);
    return loss(net, a.x, a.y);
}

} // namespace stepwise

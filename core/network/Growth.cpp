#include "core/network/Growth.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace stepwise {

namespace {

// At most this many candidate switching points are tried (evenly thinned from the midpoints).
constexpr std::size_t kMaxCandidates = 512;
// A new switching point keeps this fraction of the samples' span from the ones already there.
constexpr double kMinSeparation = 0.01;

// The candidates: midpoints between neighbouring distinct samples.
std::vector<double> candidatePoints(const Eigen::Ref<const Eigen::ArrayXd>& x) {
    std::vector<double> sorted(x.data(), x.data() + x.size());
    sorted.erase(
        std::remove_if(sorted.begin(), sorted.end(), [](double v) { return !std::isfinite(v); }),
        sorted.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<double> mids;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        mids.push_back(0.5 * (sorted[i - 1] + sorted[i]));
    if (mids.size() <= kMaxCandidates) return mids;
    std::vector<double> thinned;
    for (std::size_t k = 0; k < kMaxCandidates; ++k)
        thinned.push_back(mids[k * (mids.size() - 1) / (kMaxCandidates - 1)]);
    return thinned;
}

Network withNeuron(const Network& net, double slope, double point) {
    Network n = net;
    const int h = n.hidden();
    n.w.conservativeResize(h + 1);
    n.b.conservativeResize(h + 1);
    n.v.conservativeResize(h + 1);
    n.w[h] = slope;
    n.b[h] = -slope * point;
    n.v[h] = 0.0;
    return n;
}

} // namespace

Network addNeuronWhereItHelps(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                              const Eigen::Ref<const Eigen::ArrayXd>& t, double lo, double hi) {
    if (net.hidden() >= kMaxHidden) return net;
    if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo)) {
        lo = -1.0;
        hi = 1.0;
    }
    double slope = 8.0 / (hi - lo);
    double best = 0.0, bestPoint = 0.0;
    if (x.size() >= 2 && t.size() == x.size()) {
        const Eigen::ArrayXd e = evaluateOutput(net, x) - t;
        const double span = x.maxCoeff() - x.minCoeff();
        if (e.allFinite() && std::isfinite(span) && span > 0.0) {
            slope = 8.0 / span;
            std::vector<double> taken;
            for (int j = 0; j < net.hidden(); ++j)
                if (const auto p = stepPoint(net, j)) taken.push_back(*p);
            const double apart = kMinSeparation * span;
            Eigen::ArrayXd a(x.size());
            for (const double s : candidatePoints(x)) {
                if (std::any_of(taken.begin(), taken.end(),
                                [&](double p) { return std::abs(p - s) < apart; }))
                    continue;
                for (Eigen::Index i = 0; i < x.size(); ++i)
                    a[i] = net.activation(slope * x[i] - slope * s);
                const double aa = a.square().sum();
                if (!(aa > 0.0)) continue;
                const double ea = (e * a).sum();
                const double gain = ea * ea / aa;
                if (gain > best) {
                    best = gain;
                    bestPoint = s;
                }
            }
        }
    }
    if (!(best > 0.0)) {
        slope = 8.0 / (hi - lo);
        bestPoint = spreadSwitchingPoints(net, 1, lo, hi).front();
    }
    return withNeuron(net, slope, bestPoint);
}

} // namespace stepwise

#include "core/deep/Pieces.h"

#include <algorithm>
#include <cmath>

namespace stepwise {

bool piecewiseLinear(const LayeredNetwork& net) {
    if (net.inputs != 1 || net.depth() == 0) return false;
    return std::all_of(net.layers.begin(), net.layers.end(), [](const Layer& l) {
        return l.activation.kind == ActivationKind::ReLU ||
               l.activation.kind == ActivationKind::Identity;
    });
}

std::optional<std::vector<double>> outputBends(const LayeredNetwork& net, double lo, double hi,
                                               int samples) {
    if (!piecewiseLinear(net) || !(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi) ||
        networkProblem(net))
        return std::nullopt;
    samples = std::max(samples, 3);
    const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(samples, lo, hi);
    const Eigen::ArrayXd y = evaluateOutput(net, x.matrix().transpose());
    if (!y.allFinite()) return std::nullopt;
    const double h = (hi - lo) / (samples - 1);
    const Eigen::ArrayXd slope = (y.tail(samples - 1) - y.head(samples - 1)) / h;
    const double scale = 1.0 + slope.abs().maxCoeff();
    auto same = [&](double a, double b) { return std::abs(a - b) <= 1e-7 * scale; };

    // Runs of cells of one slope: [start, end) in cell indices.
    struct Run {
        Eigen::Index start, end;
    };
    std::vector<Run> runs;
    for (Eigen::Index i = 0; i < slope.size(); ++i) {
        if (!runs.empty() && same(slope[runs.back().start], slope[i]))
            runs.back().end = i + 1;
        else
            runs.push_back({i, i + 1});
    }
    std::vector<double> bends;
    for (std::size_t r = 0; r + 1 < runs.size(); ++r) {
        const Run& a = runs[r];
        const Run& b = runs[r + 1];
        const bool lone = b.end - b.start == 1 && r + 2 < runs.size();
        if (lone) {
            // A mixed cell: the bend lies inside it, where the lines of its neighbours meet.
            const Run& c = runs[r + 2];
            const double sa = slope[a.start], sc = slope[c.start];
            const Eigen::Index cell = b.start;
            double xb = x[cell] + 0.5 * h;
            if (!same(sa, sc)) {
                // y_a(t) = y[cell] + sa·(t − x[cell]) meets y_c(t) = y[cell+1] + sc·(t −
                // x[cell+1]).
                const double t =
                    (y[cell + 1] - y[cell] + sa * x[cell] - sc * x[cell + 1]) / (sa - sc);
                if (t >= x[cell] && t <= x[cell + 1]) xb = t;
            }
            bends.push_back(xb); // the same slope either side: two bends in one cell, as one
            ++r;                 // the lone cell and the run after it are done
        } else {
            bends.push_back(x[a.end]); // the bend sits on a sample
        }
    }
    return bends;
}

std::optional<int> linearPieces(const LayeredNetwork& net, double lo, double hi, int samples) {
    const auto bends = outputBends(net, lo, hi, samples);
    if (!bends) return std::nullopt;
    return static_cast<int>(bends->size()) + 1;
}

LayeredNetwork foldNetwork(int layers) {
    const Activation relu{ActivationKind::ReLU, 1.0};
    std::vector<LayerShape> shape(static_cast<std::size_t>(std::max(layers, 0)), {2, relu});
    LayeredNetwork net = layeredNetwork(1, shape);
    if (net.depth() == 0) return net;
    net.layers[0].w << 1.0, -1.0; // ReLU(x), ReLU(−x): their sum is |x|
    net.layers[0].b << 0.0, 0.0;
    for (int l = 1; l < layers; ++l) {
        // ReLU(u) and ReLU(−u) of u = T(previous) = 1 − 2·(a₁ + a₂).
        net.layers[l].w << -2.0, -2.0, 2.0, 2.0;
        net.layers[l].b << 1.0, -1.0;
    }
    net.v = Eigen::Vector2d(-2.0, -2.0); // y = 1 − 2·(a₁ + a₂) = T(…)
    net.c = 1.0;
    return net;
}

} // namespace stepwise

#include "core/deep/Reshape.h"

#include "core/deep/RandomLayered.h"

#include <algorithm>

namespace stepwise {

LayeredNetwork reshape(const LayeredNetwork& net, int inputs, const std::vector<LayerShape>& layers,
                       double lo, double hi, std::mt19937_64& rng) {
    LayeredNetwork out = randomLayeredNetwork(inputs, layers, lo, hi, rng);
    if (out.depth() == 0 || net.depth() == 0 || networkProblem(net)) return out;
    const int kept = std::min(net.depth(), out.depth());
    for (int l = 0; l < kept; ++l) {
        const Layer& old = net.layers[static_cast<std::size_t>(l)];
        Layer& layer = out.layers[static_cast<std::size_t>(l)];
        const Eigen::Index rows = std::min(old.w.rows(), layer.w.rows());
        const Eigen::Index cols = std::min(old.w.cols(), layer.w.cols());
        // Kept neurons: their old weights, 0 from anything new feeding them.
        layer.w.topRows(rows).setZero();
        layer.w.topLeftCorner(rows, cols) = old.w.topLeftCorner(rows, cols);
        layer.b.head(rows) = old.b.head(rows);
    }
    if (net.depth() == out.depth()) {
        const Eigen::Index n = std::min(net.v.size(), out.v.size());
        out.v.setZero();
        out.v.head(n) = net.v.head(n);
    }
    out.c = net.c;
    return out;
}

} // namespace stepwise

#include "core/deep/Pieces.h"

#include <algorithm>
#include <cmath>

namespace stepwise {

bool piecewiseLinear(const LayeredNetwork& net) {
    if (net.depth() == 0 || net.inputs != 1) return false;
    return std::all_of(net.layers.begin(), net.layers.end(), [](const Layer& l) {
        return l.activation.kind == ActivationKind::ReLU ||
               l.activation.kind == ActivationKind::Identity;
    });
}

namespace {

// The sums of layer `upTo` (0-based) at the points xs.
Eigen::ArrayXXd sumsAt(const LayeredNetwork& net, int upTo, const std::vector<double>& xs) {
    Eigen::MatrixXd in =
        Eigen::Map<const Eigen::VectorXd>(xs.data(), static_cast<Eigen::Index>(xs.size()))
            .transpose();
    for (int l = 0;; ++l) {
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        Eigen::ArrayXXd z = ((layer.w * in).colwise() + layer.b).array();
        if (l == upTo) return z;
        Eigen::ArrayXXd a(z.rows(), z.cols());
        layer.activation.apply(z, a);
        in = a.matrix();
    }
}

// Sorted, without points closer than tol to the one before (the ends stay).
void tidy(std::vector<double>& xs, double tol) {
    std::sort(xs.begin(), xs.end());
    std::vector<double> out;
    out.reserve(xs.size());
    for (double x : xs)
        if (out.empty() || x - out.back() > tol) out.push_back(x);
    if (out.size() > 1 && xs.back() != out.back()) out.back() = xs.back(); // keep hi exact
    xs = std::move(out);
}

} // namespace

std::optional<std::vector<double>> outputBends(const LayeredNetwork& net, double lo, double hi) {
    if (net.inputs != 1 || !piecewiseLinear(net) || networkProblem(net) || !allFinite(net))
        return std::nullopt;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo)) return std::nullopt;
    const double tol = 1e-12 * (hi - lo) + 1e-300;
    std::vector<double> xs = {lo, hi};
    for (int l = 0; l < net.depth(); ++l) {
        if (net.layers[static_cast<std::size_t>(l)].activation.kind != ActivationKind::ReLU)
            continue; // an identity layer bends nowhere
        const Eigen::ArrayXXd z = sumsAt(net, l, xs);
        std::vector<double> next = xs;
        for (Eigen::Index j = 0; j < z.rows(); ++j)
            for (std::size_t k = 0; k + 1 < xs.size(); ++k) {
                const double za = z(j, static_cast<Eigen::Index>(k)),
                             zb = z(j, static_cast<Eigen::Index>(k + 1));
                if ((za < 0.0 && zb > 0.0) || (za > 0.0 && zb < 0.0)) {
                    const double t = za / (za - zb);
                    next.push_back(xs[k] + t * (xs[k + 1] - xs[k]));
                    if (static_cast<long>(next.size()) > kMaxBreakpoints) return std::nullopt;
                }
            }
        tidy(next, tol);
        xs = std::move(next);
    }
    // The output's slope on every interval between breakpoints, at its middle, by the chain
    // rule forward (dy/dx = v·D_L·W_L ⋯ D_1·W_1, D_l the 0/1 slopes of layer l's neurons there):
    // exact for each piece, without the rounding a difference quotient on a short piece has.
    const std::size_t n = xs.size();
    Eigen::RowVectorXd mid(static_cast<Eigen::Index>(n - 1));
    for (std::size_t k = 0; k + 1 < n; ++k)
        mid[static_cast<Eigen::Index>(k)] = 0.5 * (xs[k] + xs[k + 1]);
    Eigen::MatrixXd in = mid, g = Eigen::MatrixXd::Ones(1, mid.size());
    for (const Layer& layer : net.layers) {
        const Eigen::ArrayXXd z = ((layer.w * in).colwise() + layer.b).array();
        g = layer.w * g;
        if (layer.activation.kind == ActivationKind::ReLU) {
            g = (z > 0.0).cast<double>() * g.array();
            in = z.max(0.0).matrix();
        } else {
            in = z.matrix();
        }
    }
    const Eigen::RowVectorXd slopes = net.v.transpose() * g;
    const double scale = slopes.cwiseAbs().maxCoeff();
    std::vector<double> slope(slopes.begin(), slopes.end());
    // Slopes that differ by rounding alone are one line.
    const double same = 1e-9 * (scale + 1e-12);
    std::vector<double> bends;
    for (std::size_t k = 1; k + 1 < n; ++k)
        if (std::abs(slope[k] - slope[k - 1]) > same) bends.push_back(xs[k]);
    return bends;
}

std::optional<int> linearPieces(const LayeredNetwork& net, double lo, double hi) {
    const auto bends = outputBends(net, lo, hi);
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

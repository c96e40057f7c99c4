#include "core/deep/RandomLayered.h"

#include "core/training/Trainer.h"

#include <algorithm>
#include <cmath>

namespace stepwise {

namespace {

// The points of the domain over which deeper layers are placed (d × P).
Eigen::MatrixXd domainPoints(int inputs, double lo, double hi, std::mt19937_64& rng) {
    if (inputs == 1) return grid(lo, hi, 65).matrix().transpose();
    Eigen::MatrixXd p(inputs, 256);
    for (Eigen::Index k = 0; k < p.cols(); ++k)
        for (Eigen::Index i = 0; i < inputs; ++i)
            p(i, k) = lo + (hi - lo) * uniform01(rng);
    return p;
}

// A direction in d dimensions: ±1 for d = 1, else a random unit vector.
Eigen::VectorXd direction(int inputs, double sign, std::mt19937_64& rng) {
    Eigen::VectorXd u(inputs);
    if (inputs == 1) {
        u[0] = sign;
        return u;
    }
    do {
        for (Eigen::Index i = 0; i < inputs; ++i)
            u[i] = 2.0 * uniform01(rng) - 1.0;
    } while (u.norm() < 1e-3 || u.norm() > 1.0);
    return sign * u / u.norm();
}

} // namespace

LayeredNetwork randomLayeredNetwork(int inputs, const std::vector<LayerShape>& layers, double lo,
                                    double hi, std::mt19937_64& rng) {
    LayeredNetwork net = layeredNetwork(inputs, layers);
    if (net.depth() == 0) return net;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) {
        lo = -1.0;
        hi = 1.0;
    }
    const double width = hi - lo;

    // First layer: the switching levels spread over the box's extent along each direction.
    Layer& first = net.layers[0];
    const int n1 = first.width();
    for (int j = 0; j < n1; ++j) {
        const double slope = (2.0 + 4.0 * uniform01(rng)) * 2.0 / width;
        const double sign = uniform01(rng) < 0.5 ? -1.0 : 1.0;
        const double jitter = j + 0.25 + 0.5 * uniform01(rng);
        const Eigen::VectorXd u = direction(inputs, sign, rng);
        // Over the box, u·x runs from Σ min(u_i·lo, u_i·hi) to Σ max(u_i·lo, u_i·hi).
        const double m = (u * lo).cwiseMin(u * hi).sum(), M = (u * lo).cwiseMax(u * hi).sum();
        // (d = 1, u = −1: the switching point lo + width·f, as randomNetwork() places it.)
        const double level =
            inputs == 1 ? sign * (lo + width * jitter / n1) : m + (M - m) * jitter / n1;
        first.w.row(j) = slope * u.transpose();
        first.b[j] = -slope * level;
        if (net.depth() == 1) net.v[j] = uniform01(rng) - 0.5; // in randomNetwork()'s order
    }

    // Deeper layers: placed by the values their inputs take over points of the domain.
    if (net.depth() > 1) {
        const Eigen::MatrixXd points = domainPoints(inputs, lo, hi, rng);
        Eigen::ArrayXXd a(first.width(), points.cols());
        first.activation.apply(((first.w * points).colwise() + first.b).array(), a);
        for (int l = 1; l < net.depth(); ++l) {
            Layer& layer = net.layers[static_cast<std::size_t>(l)];
            const int n = layer.width();
            for (int j = 0; j < n; ++j) {
                Eigen::RowVectorXd r(layer.w.cols());
                for (Eigen::Index i = 0; i < r.size(); ++i)
                    r[i] = 2.0 * uniform01(rng) - 1.0;
                const double span = (2.0 + 4.0 * uniform01(rng)) * 2.0;
                const double f = (j + 0.25 + 0.5 * uniform01(rng)) / n;
                Eigen::RowVectorXd q = r * a.matrix();
                std::sort(q.begin(), q.end());
                const double spread = q[q.size() - 1] - q[0];
                const double level = q[static_cast<Eigen::Index>(f * (q.size() - 1))];
                // Inputs that do not vary over the domain: switch at their value, slope 1.
                const double scale = spread > 1e-9 ? span / spread : 1.0;
                layer.w.row(j) = scale * r;
                layer.b[j] = -scale * level;
            }
            Eigen::ArrayXXd next(n, points.cols());
            layer.activation.apply(((layer.w * a.matrix()).colwise() + layer.b).array(), next);
            a = std::move(next);
        }
    }

    if (net.depth() > 1)
        for (Eigen::Index j = 0; j < net.v.size(); ++j)
            net.v[j] = uniform01(rng) - 0.5;
    net.c = 0.0;
    return net;
}

} // namespace stepwise

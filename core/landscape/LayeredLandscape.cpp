#include "core/landscape/LayeredLandscape.h"

#include "core/deep/LayeredNames.h"
#include "core/landscape/LossLandscape.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace stepwise {

namespace {

using Kind = LayeredParam::Kind;

bool isOutput(const LayeredParam& p) {
    return p.kind == Kind::OutputWeight || p.kind == Kind::OutputBias;
}

// A loss that overflowed (or became NaN on the way, ∞ − ∞) is +∞; below 0 only by rounding.
double tidy(double l) {
    return std::isnan(l) ? std::numeric_limits<double>::infinity() : std::max(0.0, l);
}

// One layer's sums and activations for the input in (fan-in × N).
void forward(const Layer& l, const Eigen::Ref<const Eigen::MatrixXd>& in, Eigen::ArrayXXd& z,
             Eigen::ArrayXXd& a) {
    z = ((l.w * in).colwise() + l.b).array();
    a.resize(z.rows(), z.cols());
    l.activation.apply(z, a);
}

// Layers from..depth−1 of net on in; returns the last hidden layer's activations (in itself
// when from = depth).
Eigen::MatrixXd forwardFrom(const LayeredNetwork& net, int from, Eigen::MatrixXd in) {
    Eigen::ArrayXXd z, a;
    for (int l = from; l < net.depth(); ++l) {
        forward(net.layers[l], in, z, a);
        in = a.matrix();
    }
    return in;
}

// The feature an output parameter multiplies: neuron j's activation for vⱼ, 1 for c.
Eigen::ArrayXd outputFeature(const LayeredParam& p, const Eigen::MatrixXd& last) {
    if (p.kind == Kind::OutputBias) return Eigen::ArrayXd::Ones(last.cols());
    return last.row(p.from).transpose().array();
}

struct Grid {
    const LayeredLandscapeAxes& axes;
    bool swapped; // a is q (the lower layer's parameter is q)
    int countA() const { return swapped ? axes.ny : axes.nx; }
    int countB() const { return swapped ? axes.nx : axes.ny; }
    double valueA(int i) const {
        return swapped ? landscapeAxisValue(axes.qLo, axes.qHi, axes.ny, i)
                       : landscapeAxisValue(axes.pLo, axes.pHi, axes.nx, i);
    }
    double valueB(int k) const {
        return swapped ? landscapeAxisValue(axes.pLo, axes.pHi, axes.nx, k)
                       : landscapeAxisValue(axes.qLo, axes.qHi, axes.ny, k);
    }
    double& at(Eigen::MatrixXd& loss, int i, int k) const {
        return swapped ? loss(k, i) : loss(i, k);
    }
};

} // namespace

double LayeredLandscape::valueP(int i) const {
    return landscapeAxisValue(axes.pLo, axes.pHi, axes.nx, i);
}
double LayeredLandscape::valueQ(int k) const {
    return landscapeAxisValue(axes.qLo, axes.qHi, axes.ny, k);
}

void setLayeredParamValue(LayeredNetwork& net, long flatIndex, double value) {
    const auto p = layeredParamAt(net, flatIndex);
    if (!p) return;
    switch (p->kind) {
    case Kind::Weight:
        net.layers[p->layer].w(p->to, p->from) = value;
        break;
    case Kind::Bias:
        net.layers[p->layer].b(p->to) = value;
        break;
    case Kind::OutputWeight:
        net.v(p->from) = value;
        break;
    case Kind::OutputBias:
        net.c = value;
        break;
    }
}

bool layeredLandscapeIsQuadratic(const LayeredNetwork& net, long p, long q) {
    const auto a = layeredParamAt(net, p), b = layeredParamAt(net, q);
    return a && b && p != q && isOutput(*a) && isOutput(*b);
}

LayeredLandscapeAxes defaultLayeredAxes(const LayeredNetwork& net, long p, long q, int resolution) {
    LayeredLandscapeAxes a;
    a.p = p;
    a.q = q;
    auto range = [&](long id, double& lo, double& hi) {
        const double v = layeredParamValue(net, id);
        const double half = std::max(2.0, 1.5 * std::abs(v));
        lo = v - half;
        hi = v + half;
    };
    range(p, a.pLo, a.pHi);
    range(q, a.qLo, a.qHi);
    a.nx = a.ny = std::clamp(resolution, 2, kMaxLandscapeGrid);
    return a;
}

LayeredLandscape computeLayeredLandscape(const LayeredNetwork& net,
                                         const Eigen::Ref<const Eigen::MatrixXd>& x,
                                         const Eigen::Ref<const Eigen::ArrayXd>& t,
                                         LayeredLandscapeAxes axes,
                                         const std::function<bool(double)>& progress) {
    axes.nx = std::clamp(axes.nx, 2, kMaxLandscapeGrid);
    axes.ny = std::clamp(axes.ny, 2, kMaxLandscapeGrid);
    LayeredLandscape out;
    out.axes = axes;
    out.loss.setZero(axes.nx, axes.ny);
    const Eigen::Index n = t.size();
    const auto pp = layeredParamAt(net, axes.p), qq = layeredParamAt(net, axes.q);
    if (networkProblem(net) || !pp || !qq || axes.p == axes.q || n == 0 || x.cols() != n ||
        x.rows() != net.inputs)
        return out;
    const int depth = net.depth();
    const Grid grid{out.axes, qq->layer < pp->layer};
    const LayeredParam a = grid.swapped ? *qq : *pp, b = grid.swapped ? *pp : *qq;
    const long aIndex = grid.swapped ? axes.q : axes.p, bIndex = grid.swapped ? axes.p : axes.q;
    const double b0 = layeredParamValue(net, bIndex);
    const double mean = 1.0 / static_cast<double>(n);

    if (isOutput(a)) { // both on the output layer: one quadratic
        const Eigen::MatrixXd last = forwardFrom(net, 0, x);
        const Eigen::ArrayXd fa = outputFeature(a, last), fb = outputFeature(b, last);
        const Eigen::ArrayXd y = (net.v.transpose() * last).transpose().array() + net.c;
        const Eigen::ArrayXd r = y - t - layeredParamValue(net, aIndex) * fa - b0 * fb;
        const double r0 = r.square().sum() * mean, ra = (r * fa).sum() * mean,
                     rb = (r * fb).sum() * mean, faa = fa.square().sum() * mean,
                     fbb = fb.square().sum() * mean, fab = (fa * fb).sum() * mean;
        for (int i = 0; i < grid.countA(); ++i)
            for (int k = 0; k < grid.countB(); ++k) {
                const double u = grid.valueA(i), w = grid.valueB(k);
                grid.at(out.loss, i, k) = tidy(r0 + 2 * u * ra + 2 * w * rb + u * u * faa +
                                               2 * u * w * fab + w * w * fbb);
            }
        out.complete = true;
        return out;
    }

    // The input of a's layer, the same at every grid point.
    const Eigen::MatrixXd belowA = forwardFrom(
        [&] {
            LayeredNetwork lower = net;
            lower.layers.resize(a.layer);
            return lower;
        }(),
        0, x);
    const int lb = isOutput(b) ? depth : b.layer;

    std::atomic<int> nextRow{0}, rowsDone{0};
    std::atomic<bool> cancelled{false};
    double reported = 0.0;
    auto report = [&] { // from the calling thread only
        const double fraction = static_cast<double>(rowsDone.load()) / grid.countA();
        if (!progress || fraction <= reported) return;
        reported = fraction;
        if (!progress(fraction)) cancelled = true;
    };

    auto worker = [&](bool reportProgress) {
        LayeredNetwork m = net;
        Eigen::ArrayXXd z, act, zNext, zMoved, aNext, zRow(1, n), aRow(1, n);
        Eigen::ArrayXd y(n), base(n);
        Eigen::MatrixXd inB, in;
        for (int i; (i = nextRow.fetch_add(1)) < grid.countA() && !cancelled.load();) {
            setLayeredParamValue(m, aIndex, grid.valueA(i));
            // b's layer's input, with a at its value.
            inB = belowA;
            for (int l = a.layer; l < lb; ++l) {
                forward(m.layers[l], inB, z, act);
                inB = act.matrix();
            }
            if (lb == depth) { // b on the output layer: L is a quadratic in b
                const Eigen::ArrayXd f = outputFeature(b, inB);
                base = (m.v.transpose() * inB).transpose().array() + m.c - t - b0 * f;
                const double r0 = base.square().sum() * mean, r1 = (base * f).sum() * mean,
                             r2 = f.square().sum() * mean;
                for (int k = 0; k < grid.countB(); ++k) {
                    const double w = grid.valueB(k);
                    grid.at(out.loss, i, k) = tidy(r0 + 2 * w * r1 + w * w * r2);
                }
            } else {
                const Layer& layer = m.layers[lb];
                forward(layer, inB, z, act); // b at its own value
                const bool last = lb == depth - 1;
                if (last)
                    base = (m.v.transpose() * act.matrix()).transpose().array() + m.c;
                else
                    zNext = ((m.layers[lb + 1].w * act.matrix()).colwise() + m.layers[lb + 1].b)
                                .array();
                const int j = b.to;
                for (int k = 0; k < grid.countB(); ++k) {
                    const double shift = grid.valueB(k) - b0;
                    if (b.kind == Kind::Bias)
                        zRow = z.row(j) + shift;
                    else
                        zRow = z.row(j) + shift * inB.row(b.from).array();
                    layer.activation.apply(zRow, aRow);
                    aRow -= act.row(j); // the change of neuron j's activation
                    if (last) {
                        y = base + m.v(j) * aRow.row(0).transpose();
                    } else {
                        const Layer& next = m.layers[lb + 1];
                        zMoved = (zNext.matrix() + next.w.col(j) * aRow.matrix()).array(); // rank 1
                        aNext.resize(zMoved.rows(), n);
                        next.activation.apply(zMoved, aNext);
                        in = forwardFrom(m, lb + 2, aNext.matrix());
                        y = (m.v.transpose() * in).transpose().array() + m.c;
                    }
                    grid.at(out.loss, i, k) = tidy((y - t).square().sum() * mean);
                }
            }
            ++rowsDone;
            if (reportProgress) report();
        }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const bool parallel = cores > 1 && static_cast<double>(axes.nx) * axes.ny * n > 2.0e5;
    if (parallel) {
        std::thread helper(worker, false);
        worker(true);
        helper.join();
        if (!cancelled.load()) report(); // the helper may have done the last rows
    } else {
        worker(true);
    }
    out.complete = !cancelled.load();
    return out;
}

} // namespace stepwise

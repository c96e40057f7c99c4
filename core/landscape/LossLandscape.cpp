#include "core/landscape/LossLandscape.h"

#include "core/kernels/KernelTable.h"
#include "core/network/KernelSet.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace stepwise {

namespace {

// The hidden neuron a parameter belongs to, or −1 for the output bias.
int unitOf(ParamId id) {
    return id.kind == ParamKind::OutputBias ? -1 : id.neuron;
}

// Contribution of neuron j (or of the bias when j = −1) over x, with one parameter replaced.
void unitContribution(const Network& net, int j, const Eigen::Ref<const Eigen::ArrayXd>& x,
                      Eigen::Ref<Eigen::ArrayXd> out) {
    if (j < 0) {
        out.setConstant(net.c);
        return;
    }
    Eigen::ArrayXXd z = (net.w[j] * x + net.b[j]).matrix();
    Eigen::ArrayXXd a(z.rows(), 1);
    net.activation.apply(z, a);
    out = net.v[j] * a.col(0);
}

// The feature multiplying an output parameter: a_j(x) for v_j, 1 for c.
Eigen::ArrayXd feature(const Network& net, ParamId id, const Eigen::Ref<const Eigen::ArrayXd>& x) {
    if (id.kind == ParamKind::OutputBias) return Eigen::ArrayXd::Ones(x.size());
    Network unit = net;
    unit.v[id.neuron] = 1.0;
    Eigen::ArrayXd f(x.size());
    unitContribution(unit, id.neuron, x, f);
    return f;
}

struct Quadratic {
    double r = 0, rp = 0, rq = 0, fpp = 0, fqq = 0, fpq = 0;
    double at(double a, double b) const {
        return r + 2 * a * rp + 2 * b * rq + a * a * fpp + 2 * a * b * fpq + b * b * fqq;
    }
};

// Residual without the two output parameters' terms, and the quadratic's coefficients.
Quadratic quadraticOf(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                      const Eigen::Ref<const Eigen::ArrayXd>& t, ParamId p, ParamId q) {
    const Eigen::ArrayXd fp = feature(net, p, x), fq = feature(net, q, x);
    const Eigen::ArrayXd r = evaluateOutput(net, x) - t - param(net, p) * fp - param(net, q) * fq;
    Quadratic k;
    k.r = r.square().mean();
    k.rp = (r * fp).mean();
    k.rq = (r * fq).mean();
    k.fpp = fp.square().mean();
    k.fqq = fq.square().mean();
    k.fpq = (fp * fq).mean();
    return k;
}

} // namespace

double Landscape::valueP(int i) const {
    return landscapeAxisValue(axes.pLo, axes.pHi, axes.nx, i);
}
double Landscape::valueQ(int k) const {
    return landscapeAxisValue(axes.qLo, axes.qHi, axes.ny, k);
}

bool landscapeIsQuadratic(ParamId p, ParamId q) {
    return p.isOutput() && q.isOutput() && !(p == q);
}

LandscapeAxes defaultAxes(const Network& net, ParamId p, ParamId q, int resolution) {
    LandscapeAxes a;
    a.p = p;
    a.q = q;
    auto range = [&](ParamId id, double& lo, double& hi) {
        const double v = param(net, id);
        const double half = std::max(2.0, 1.5 * std::abs(v));
        lo = v - half;
        hi = v + half;
    };
    range(p, a.pLo, a.pHi);
    range(q, a.qLo, a.qHi);
    a.nx = a.ny = std::clamp(resolution, 2, kMaxLandscapeGrid);
    return a;
}

Landscape computeLandscape(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                           const Eigen::Ref<const Eigen::ArrayXd>& t, LandscapeAxes axes,
                           const std::function<bool(double)>& progress) {
    axes.nx = std::clamp(axes.nx, 2, kMaxLandscapeGrid);
    axes.ny = std::clamp(axes.ny, 2, kMaxLandscapeGrid);
    Landscape out;
    out.axes = axes;
    const int nx = axes.nx, ny = axes.ny;
    out.loss.resize(nx, ny);
    const Eigen::Index n = x.size();
    if (n == 0 || t.size() != n || axes.p == axes.q) {
        out.loss.setZero();
        out.complete = n > 0 && t.size() == n;
        return out;
    }
    const ParamId p = axes.p, q = axes.q;

    if (landscapeIsQuadratic(p, q)) {
        const Quadratic k = quadraticOf(net, x, t, p, q);
        for (int i = 0; i < nx; ++i)
            for (int j = 0; j < ny; ++j)
                out.loss(i, j) = std::max(0.0, k.at(out.valueP(i), out.valueQ(j)));
        out.complete = true;
        return out;
    }

    const int up = unitOf(p), uq = unitOf(q);
    const Eigen::ArrayXd y = evaluateOutput(net, x);

    if (up != uq) {
        // Residual without both units, then one column per value of each parameter.
        Eigen::ArrayXd cp(n), cq(n);
        unitContribution(net, up, x, cp);
        unitContribution(net, uq, x, cq);
        const Eigen::ArrayXd base = y - t - cp - cq;
        Eigen::MatrixXd U(n, nx), Q(n, ny);
        Network m = net;
        for (int i = 0; i < nx; ++i) {
            setParam(m, p, out.valueP(i));
            unitContribution(m, up, x, U.col(i).array());
            U.col(i).array() += base;
        }
        m = net;
        for (int k = 0; k < ny; ++k) {
            setParam(m, q, out.valueQ(k));
            unitContribution(m, uq, x, Q.col(k).array());
        }
        if (progress && !progress(0.5)) return out;
        const Eigen::VectorXd uu = U.colwise().squaredNorm().transpose();
        const Eigen::VectorXd qq = Q.colwise().squaredNorm().transpose();
        out.loss.noalias() = 2.0 * U.transpose() * Q;
        out.loss.colwise() += uu;
        out.loss.rowwise() += qq.transpose();
        out.loss = (out.loss / static_cast<double>(n)).cwiseMax(0.0);
        out.complete = true;
        return out;
    }

    // Same neuron. If one of the two is its output weight, each row is quadratic in it.
    const bool pIsV = p.kind == ParamKind::OutputWeight, qIsV = q.kind == ParamKind::OutputWeight;
    Eigen::ArrayXd own(n);
    unitContribution(net, up, x, own);
    const Eigen::ArrayXd base = y - t - own;
    if (pIsV || qIsV) {
        const ParamId hiddenParam = pIsV ? q : p;
        const int count = pIsV ? ny : nx;
        Network m = net;
        m.v[up] = 1.0;
        Eigen::ArrayXd a(n);
        for (int r = 0; r < count; ++r) {
            setParam(m, hiddenParam, pIsV ? out.valueQ(r) : out.valueP(r));
            unitContribution(m, up, x, a);
            const double r0 = base.square().mean(), r1 = (base * a).mean(), r2 = a.square().mean();
            const int other = pIsV ? nx : ny;
            for (int s = 0; s < other; ++s) {
                const double v = pIsV ? out.valueP(s) : out.valueQ(s);
                const double l = std::max(0.0, r0 + 2 * v * r1 + v * v * r2);
                if (pIsV)
                    out.loss(s, r) = l;
                else
                    out.loss(r, s) = l;
            }
        }
        out.complete = true;
        return out;
    }

    // w_j and b_j: every grid point needs the neuron's activation afresh. Rows are shared between
    // the cores; each row is independent, so the result does not depend on the thread count.
    std::atomic<int> nextRow{0}, rowsDone{0};
    std::atomic<bool> cancelled{false};
    // Progress is reported from the calling thread only, as the fraction of rows done by both.
    double reported = 0.0;
    auto report = [&] {
        const double fraction = static_cast<double>(rowsDone.load()) / nx;
        if (!progress || fraction <= reported) return;
        reported = fraction;
        if (!progress(fraction)) cancelled = true;
    };
    auto worker = [&](bool reportProgress) {
        Network m = net;
        const kernels::Table& kernel = kernels::active(); // one fused pass per grid point
        for (int i; (i = nextRow.fetch_add(1)) < nx && !cancelled.load();) {
            setParam(m, p, out.valueP(i));
            for (int k = 0; k < ny; ++k) {
                setParam(m, q, out.valueQ(k));
                out.loss(i, k) =
                    kernel.unitLoss(x.data(), base.data(), n, static_cast<int>(m.activation.kind),
                                    m.activation.steepness, m.w[up], m.b[up], m.v[up]);
            }
            ++rowsDone;
            if (reportProgress) report();
        }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const bool parallel = cores > 1 && static_cast<double>(nx) * ny * n > 2.0e5;
    if (parallel) {
        std::thread helper(worker, false);
        worker(true);
        helper.join();
        // The helper may have done the last rows (or all of them): report the end, so progress
        // is always called and a cancel is always heard.
        if (!cancelled.load()) report();
    } else {
        worker(true);
    }
    out.complete = !cancelled.load();
    return out;
}

std::optional<std::pair<double, double>> quadraticMinimum(const Network& net,
                                                          const Eigen::Ref<const Eigen::ArrayXd>& x,
                                                          const Eigen::Ref<const Eigen::ArrayXd>& t,
                                                          ParamId p, ParamId q) {
    if (!landscapeIsQuadratic(p, q) || x.size() == 0 || t.size() != x.size()) return std::nullopt;
    const Quadratic k = quadraticOf(net, x, t, p, q);
    const double det = k.fpp * k.fqq - k.fpq * k.fpq;
    const double scale = std::max({k.fpp * k.fqq, 1e-300});
    if (!(det > 1e-12 * scale)) return std::nullopt;
    const double a = (-k.rp * k.fqq + k.rq * k.fpq) / det;
    const double b = (-k.rq * k.fpp + k.rp * k.fpq) / det;
    if (!std::isfinite(a) || !std::isfinite(b)) return std::nullopt;
    return std::make_pair(a, b);
}

} // namespace stepwise

#include "core/network/Network.h"

#include "core/kernels/KernelTable.h"
#include "core/kernels/NetworkView.h"
#include "core/network/KernelSet.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace stepwise {

Network::Network(int hidden, Activation g) : activation(g) {
    resize(hidden);
}

void Network::resize(int hidden) {
    resize(hidden, -1.0, 1.0);
}

void Network::resize(int hidden, double lo, double hi) {
    hidden = std::clamp(hidden, kMinHidden, kMaxHidden);
    if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo)) {
        lo = -1.0;
        hi = 1.0;
    }
    const int old = this->hidden();
    const std::vector<double> points =
        hidden > old ? spreadSwitchingPoints(*this, hidden - old, lo, hi) : std::vector<double>{};
    w.conservativeResize(hidden);
    b.conservativeResize(hidden);
    v.conservativeResize(hidden);
    const double slope = 8.0 / (hi - lo);
    for (int j = old; j < hidden; ++j) {
        w[j] = slope;
        b[j] = -slope * points[static_cast<std::size_t>(j - old)];
        v[j] = 0.0;
    }
}

std::vector<double> spreadSwitchingPoints(const Network& net, int count, double lo, double hi) {
    std::vector<double> taken = {lo, hi}, placed;
    for (int j = 0; j < net.hidden(); ++j)
        if (const auto p = stepPoint(net, j); p && *p >= lo && *p <= hi) taken.push_back(*p);
    std::sort(taken.begin(), taken.end());
    for (int k = 0; k < count; ++k) {
        std::size_t widest = 0;
        for (std::size_t i = 1; i + 1 < taken.size(); ++i)
            if (taken[i + 1] - taken[i] > taken[widest + 1] - taken[widest]) widest = i;
        const double x = 0.5 * (taken[widest] + taken[widest + 1]);
        placed.push_back(x);
        taken.insert(taken.begin() + static_cast<std::ptrdiff_t>(widest) + 1, x);
    }
    return placed;
}

bool Network::operator==(const Network& o) const {
    return activation == o.activation && w.size() == o.w.size() && w == o.w && b == o.b &&
           v == o.v && c == o.c;
}

int paramCount(int hidden) {
    return 3 * hidden + 1;
}

int flatIndex(ParamId id, int hidden) {
    switch (id.kind) {
    case ParamKind::HiddenWeight:
        return id.neuron;
    case ParamKind::HiddenBias:
        return hidden + id.neuron;
    case ParamKind::OutputWeight:
        return 2 * hidden + id.neuron;
    case ParamKind::OutputBias:
        return 3 * hidden;
    }
    return 3 * hidden;
}

ParamId paramAt(int index, int hidden) {
    if (index >= 3 * hidden) return {ParamKind::OutputBias, 0};
    return {static_cast<ParamKind>(index / hidden), index % hidden};
}

bool paramValid(ParamId id, int hidden) {
    return id.kind == ParamKind::OutputBias || (id.neuron >= 0 && id.neuron < hidden);
}

std::string paramName(ParamId id, int hidden) {
    const std::string n = std::to_string(id.neuron + 1);
    switch (id.kind) {
    case ParamKind::HiddenWeight:
        return "w" + n;
    case ParamKind::HiddenBias:
        return "b" + n;
    case ParamKind::OutputWeight:
        return hidden <= 9 ? "w" + n + "1" : "v" + n;
    case ParamKind::OutputBias:
        return "c";
    }
    return {};
}

std::optional<ParamId> paramFromName(std::string_view name, int hidden) {
    if (name == "c") return ParamId{ParamKind::OutputBias, 0};
    // Try every parameter: there are at most 3·256 + 1 names, and this is not a hot path.
    for (int i = 0; i < paramCount(hidden); ++i) {
        const ParamId id = paramAt(i, hidden);
        if (paramName(id, hidden) == name) return id;
    }
    return std::nullopt;
}

double param(const Network& net, ParamId id) {
    switch (id.kind) {
    case ParamKind::HiddenWeight:
        return net.w[id.neuron];
    case ParamKind::HiddenBias:
        return net.b[id.neuron];
    case ParamKind::OutputWeight:
        return net.v[id.neuron];
    case ParamKind::OutputBias:
        return net.c;
    }
    return 0.0;
}

void setParam(Network& net, ParamId id, double value) {
    switch (id.kind) {
    case ParamKind::HiddenWeight:
        net.w[id.neuron] = value;
        break;
    case ParamKind::HiddenBias:
        net.b[id.neuron] = value;
        break;
    case ParamKind::OutputWeight:
        net.v[id.neuron] = value;
        break;
    case ParamKind::OutputBias:
        net.c = value;
        break;
    }
}

Eigen::VectorXd packParams(const Network& net) {
    const int h = net.hidden();
    Eigen::VectorXd p(paramCount(h));
    p << net.w, net.b, net.v, net.c;
    return p;
}

void unpackParams(Network& net, const Eigen::Ref<const Eigen::VectorXd>& p) {
    const int h = net.hidden();
    net.w = p.segment(0, h);
    net.b = p.segment(h, h);
    net.v = p.segment(2 * h, h);
    net.c = p[3 * h];
}

bool allFinite(const Network& net) {
    return net.w.allFinite() && net.b.allFinite() && net.v.allFinite() && std::isfinite(net.c) &&
           std::isfinite(net.activation.steepness);
}

std::optional<double> stepPoint(const Network& net, int j) {
    if (net.w[j] == 0.0) return std::nullopt;
    const double x = -net.b[j] / net.w[j];
    if (!std::isfinite(x)) return std::nullopt;
    return x;
}

void setStepPoint(Network& net, int j, double x) {
    if (net.w[j] == 0.0 || !std::isfinite(x)) return;
    net.b[j] = -net.w[j] * x;
}

Eigen::ArrayXd grid(double lo, double hi, int n) {
    return Eigen::ArrayXd::LinSpaced(std::max(n, 2), lo, hi);
}

int nearestSample(double x, double lo, double hi, int n) {
    if (n < 2 || !(lo < hi) || std::isnan(x)) return 0;
    const double f = std::clamp((x - lo) / (hi - lo), 0.0, 1.0) * (n - 1);
    return static_cast<int>(std::clamp<long long>(std::llround(f), 0, n - 1));
}

void evaluate(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x, Evaluation& out) {
    const Eigen::Index n = x.size(), h = net.hidden();
    out.z.resize(n, h);
    out.activation.resize(n, h);
    out.contribution.resize(n, h);
    out.output.resize(n);
    const kernels::NetView view = kernels::viewOf(net);
    // Column by column with the kernel set in use (core/network/KernelSet.h).
    kernels::active().evaluate(view, x.data(), n, out.z.data(), out.activation.data(),
                               out.contribution.data(), out.output.data());
}

Eigen::ArrayXd evaluateOutput(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x) {
    Evaluation e;
    evaluate(net, x, e);
    return e.output;
}

std::vector<Polyline> stepOutlines(const Network& net, double lo, double hi) {
    const int h = net.hidden();
    // Each neuron as a function of x, decided by comparing x with its step point s rather than by
    // the sign of the rounded w·x + b, which beside s (or at s on lo or hi) can land on the wrong
    // side of 0: facing up (w > 0) it is 1 from s on, facing down (w < 0) it is 1 up to s.
    std::vector<std::optional<double>> points(h);
    for (int j = 0; j < h; ++j)
        points[j] = stepPoint(net, j);
    auto activationAt = [&](int j, double x) {
        if (!points[j]) return net.activation(net.w[j] * x + net.b[j]); // w = 0: constant
        return (net.w[j] > 0.0 ? x >= *points[j] : x <= *points[j]) ? 1.0 : 0.0;
    };
    auto outputAt = [&](double x) {
        double y = net.c;
        for (int j = 0; j < h; ++j)
            y += net.v[j] * activationAt(j, x);
        return y;
    };

    std::vector<Polyline> curves(h + 1);
    // A neuron jumps where its value changes on [lo, hi]: at s ∈ (lo, hi] facing up, at
    // s ∈ [lo, hi) facing down.
    std::vector<double> jumps;
    for (int j = 0; j < h; ++j) {
        const auto& s = points[j];
        const bool up = net.w[j] > 0.0;
        Polyline& p = curves[j];
        if (s && (up ? *s > lo && *s <= hi : *s >= lo && *s < hi)) {
            jumps.push_back(*s);
            const double left = net.v[j] * (up ? 0.0 : 1.0), right = net.v[j] * (up ? 1.0 : 0.0);
            p.x = {lo, *s, *s, hi};
            p.y = {left, left, right, right};
        } else {
            const double y = net.v[j] * activationAt(j, lo);
            p.x = {lo, hi};
            p.y = {y, y};
        }
    }
    std::sort(jumps.begin(), jumps.end());
    jumps.erase(std::unique(jumps.begin(), jumps.end()), jumps.end());
    // Between consecutive jumps the output is constant: take it at the midpoint. A jump on lo or
    // hi has a piece of zero width on that side, whose value is the output at lo or hi.
    Polyline& out = curves[h];
    out.x.push_back(lo);
    out.y.push_back(outputAt(lo));
    for (std::size_t k = 0; k < jumps.size(); ++k) {
        const double s = jumps[k];
        const double prev = k > 0 ? jumps[k - 1] : lo;
        const double next = k + 1 < jumps.size() ? jumps[k + 1] : hi;
        out.x.insert(out.x.end(), {s, s});
        out.y.insert(out.y.end(), {outputAt(0.5 * (prev + s)), outputAt(0.5 * (s + next))});
    }
    out.x.push_back(hi);
    out.y.push_back(outputAt(hi));
    return curves;
}

} // namespace stepwise

#include "core/Network.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace stepwise {

Network::Network(int hidden, Activation g) : activation(g) {
    resize(hidden);
}

void Network::resize(int hidden) {
    hidden = std::clamp(hidden, kMinHidden, kMaxHidden);
    const int old = this->hidden();
    w.conservativeResize(hidden);
    b.conservativeResize(hidden);
    v.conservativeResize(hidden);
    for (int j = old; j < hidden; ++j) {
        w[j] = 1.0;
        b[j] = 0.0;
        v[j] = 0.0;
    }
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

std::string paramName(ParamId id) {
    const std::string n = std::to_string(id.neuron + 1);
    switch (id.kind) {
    case ParamKind::HiddenWeight:
        return "w" + n;
    case ParamKind::HiddenBias:
        return "b" + n;
    case ParamKind::OutputWeight:
        return id.neuron < 9 ? "w" + n + "1" : "w" + n + ",1";
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
        if (paramName(id) == name) return id;
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

void evaluate(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x, Evaluation& out) {
    const Eigen::Index n = x.size(), h = net.hidden();
    out.z.resize(n, h);
    out.activation.resize(n, h);
    out.contribution.resize(n, h);
    out.z.matrix().noalias() = x.matrix() * net.w.transpose();
    out.z.rowwise() += net.b.transpose().array();
    net.activation.apply(out.z, out.activation);
    out.contribution = out.activation.rowwise() * net.v.transpose().array();
    out.output = out.contribution.rowwise().sum() + net.c;
}

Eigen::ArrayXd evaluateOutput(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x) {
    Evaluation e;
    evaluate(net, x, e);
    return e.output;
}

std::vector<Polyline> stepOutlines(const Network& net, double lo, double hi) {
    const int h = net.hidden();
    std::vector<Polyline> curves(h + 1);
    const Activation& g = net.activation;
    // Jumps of the output: every step point strictly inside (lo, hi).
    std::vector<double> jumps;
    for (int j = 0; j < h; ++j) {
        const auto s = stepPoint(net, j);
        const double contributionAtLo = net.v[j] * g(net.w[j] * lo + net.b[j]);
        Polyline& p = curves[j];
        p.x.push_back(lo);
        p.y.push_back(contributionAtLo);
        if (s && *s > lo && *s < hi) {
            jumps.push_back(*s);
            // The value just right of s (for w < 0, H(0) = 1 holds only at s itself).
            const double right = net.v[j] * g(net.w[j] * std::nextafter(*s, hi) + net.b[j]);
            p.x.insert(p.x.end(), {*s, *s});
            p.y.insert(p.y.end(), {contributionAtLo, right});
        }
        p.x.push_back(hi);
        p.y.push_back(net.v[j] * g(net.w[j] * hi + net.b[j]));
    }
    std::sort(jumps.begin(), jumps.end());
    jumps.erase(std::unique(jumps.begin(), jumps.end()), jumps.end());
    auto outputAt = [&](double x) {
        double y = net.c;
        for (int j = 0; j < h; ++j)
            y += net.v[j] * g(net.w[j] * x + net.b[j]);
        return y;
    };
    Polyline& out = curves[h];
    out.x.push_back(lo);
    out.y.push_back(outputAt(lo));
    double prev = lo;
    for (double s : jumps) {
        // Value on (prev, s) is constant: sample its midpoint; then the value just after s.
        const double before = outputAt(0.5 * (prev + s));
        const double mid =
            0.5 *
            (s + std::min(hi, jumps.back() > s ? *std::upper_bound(jumps.begin(), jumps.end(), s)
                                               : hi));
        out.x.insert(out.x.end(), {s, s});
        out.y.insert(out.y.end(), {before, outputAt(mid)});
        prev = s;
    }
    out.x.push_back(hi);
    out.y.push_back(outputAt(hi));
    return curves;
}

} // namespace stepwise

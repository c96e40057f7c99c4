#include "core/lesson/LayeredWalkthrough.h"

#include <algorithm>
#include <cmath>

namespace stepwise {

namespace {

LayeredWalkStep step(LayeredWalkKind kind, int layer, int neuron, double value) {
    LayeredWalkStep s;
    s.kind = kind;
    s.layer = layer;
    s.neuron = neuron;
    s.value = value;
    return s;
}

std::vector<double> list(const Eigen::Ref<const Eigen::VectorXd>& v) {
    return {v.data(), v.data() + v.size()};
}

bool learns(const LayeredBackpropOptions& o, int layer) {
    return o.learns.empty() ||
           (layer < static_cast<int>(o.learns.size()) && o.learns[static_cast<std::size_t>(layer)]);
}

long layerEnd(const LayeredNetwork& net, int layer) {
    return layer < net.depth() ? layerOffset(net, layer + 1) : paramCount(net);
}

// One sample's ∂ℓ/∂θ (ℓ = (y − t)², no 1/N) in the flat layout, every layer's.
Eigen::VectorXd sampleGradient(const LayeredNetwork& net, const Eigen::VectorXd& x, double t,
                               const LayeredBackpropOptions& o) {
    const LayeredEvaluation e = evaluate(net, x);
    Eigen::VectorXd g(paramCount(net));
    const double dy = 2.0 * (e.output[0] - t);
    const int depth = net.depth();
    g.segment(layerOffset(net, depth), net.v.size()) = dy * e.a.back().matrix().col(0);
    g[g.size() - 1] = dy;
    Eigen::VectorXd back = dy * net.v;
    for (int l = depth - 1; l >= 0; --l) {
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        const auto ul = static_cast<std::size_t>(l);
        Eigen::VectorXd delta(layer.width());
        for (int j = 0; j < layer.width(); ++j)
            delta[j] = back[j] * layeredSlope(layer.activation, e.z[ul](j, 0), o);
        const Eigen::VectorXd in = l == 0 ? x : Eigen::VectorXd(e.a[ul - 1].matrix().col(0));
        const Eigen::MatrixXd gw = delta * in.transpose();
        const long off = layerOffset(net, l);
        g.segment(off, gw.size()) = Eigen::Map<const Eigen::VectorXd>(gw.data(), gw.size());
        g.segment(off + gw.size(), delta.size()) = delta;
        back = layer.w.transpose() * delta;
    }
    return g;
}

} // namespace

LayeredWalkPhase layeredWalkPhase(LayeredWalkKind kind) {
    switch (kind) {
    case LayeredWalkKind::Input:
    case LayeredWalkKind::Forward:
    case LayeredWalkKind::Output:
    case LayeredWalkKind::LossTerm:
        return LayeredWalkPhase::Forward;
    case LayeredWalkKind::BatchMean:
    case LayeredWalkKind::DescentStep:
    case LayeredWalkKind::LossAfter:
        return LayeredWalkPhase::Batch;
    default:
        return LayeredWalkPhase::Backward;
    }
}

double layeredSlope(const Activation& g, double z, const LayeredBackpropOptions& o) {
    if (g.kind == ActivationKind::Step && o.stepSurrogate) {
        const double ks = o.surrogateSteepness;
        const double s = 1.0 / (1.0 + std::exp(-ks * z));
        return ks * s * (1.0 - s);
    }
    return g.derivative(z);
}

std::vector<LayeredWalkStep> layeredWalkSample(const LayeredNetwork& net,
                                               const Eigen::Ref<const Eigen::VectorXd>& xIn,
                                               double t, int samples,
                                               const LayeredBackpropOptions& o) {
    std::vector<LayeredWalkStep> steps;
    const int depth = net.depth();
    if (depth == 0 || xIn.size() != net.inputs) return steps;
    const Eigen::VectorXd x = xIn;
    const int n = std::max(samples, 1);
    const LayeredEvaluation e = evaluate(net, x);
    const auto in = [&](int l) -> Eigen::VectorXd {
        return l == 0 ? x : Eigen::VectorXd(e.a[static_cast<std::size_t>(l - 1)].matrix().col(0));
    };

    LayeredWalkStep input = step(LayeredWalkKind::Input, -1, -1, t);
    input.values = list(x);
    steps.push_back(input);
    for (int l = 0; l < depth; ++l) {
        const auto ul = static_cast<std::size_t>(l);
        const Layer& layer = net.layers[ul];
        const Eigen::VectorXd z = e.z[ul].matrix().col(0), a = e.a[ul].matrix().col(0);
        LayeredWalkStep whole = step(LayeredWalkKind::Forward, l, -1, 0.0);
        whole.values = list(z);
        whole.second = list(a);
        steps.push_back(whole);
        const Eigen::VectorXd from = in(l);
        for (int j = 0; j < layer.width(); ++j) {
            LayeredWalkStep s = step(LayeredWalkKind::Forward, l, j, a[j]);
            s.operands.push_back(z[j]);
            for (int i = 0; i < from.size(); ++i) {
                s.operands.push_back(layer.w(j, i));
                s.operands.push_back(from[i]);
            }
            s.operands.push_back(layer.b[j]);
            steps.push_back(s);
        }
    }
    const Eigen::VectorXd last = in(depth);
    const double y = e.output[0];
    LayeredWalkStep out = step(LayeredWalkKind::Output, -1, -1, y);
    for (int j = 0; j < last.size(); ++j) {
        out.operands.push_back(net.v[j]);
        out.operands.push_back(last[j]);
    }
    out.operands.push_back(net.c);
    steps.push_back(out);
    LayeredWalkStep lossTerm = step(LayeredWalkKind::LossTerm, -1, -1, (y - t) * (y - t));
    lossTerm.operands = {y, t};
    steps.push_back(lossTerm);

    const double dy = 2.0 * (y - t) / static_cast<double>(n);
    LayeredWalkStep dLdy = step(LayeredWalkKind::DLdy, -1, -1, dy);
    dLdy.operands = {y, t, static_cast<double>(n)};
    dLdy.flowStops = dy == 0.0;
    steps.push_back(dLdy);
    LayeredWalkStep outGrad = step(LayeredWalkKind::OutputGradient, depth, -1, dy);
    outGrad.values = list(dy * last);
    steps.push_back(outGrad);
    for (int j = 0; j < last.size(); ++j) {
        LayeredWalkStep s = step(LayeredWalkKind::OutputGradient, depth, j, dy * last[j]);
        s.operands = {dy, last[j]};
        steps.push_back(s);
    }

    // back: the error reaching each a of layer l (∂L/∂a), from the layer after it.
    Eigen::VectorXd back = dy * net.v;
    Eigen::VectorXd deltaAfter = Eigen::VectorXd::Constant(1, dy);
    for (int l = depth - 1; l >= 0; --l) {
        const auto ul = static_cast<std::size_t>(l);
        const Layer& layer = net.layers[ul];
        const int w = layer.width();
        const Eigen::VectorXd z = e.z[ul].matrix().col(0);
        Eigen::VectorXd slope(w), delta(w);
        for (int j = 0; j < w; ++j) {
            slope[j] = layeredSlope(layer.activation, z[j], o);
            delta[j] = back[j] * slope[j];
        }
        LayeredWalkStep whole = step(LayeredWalkKind::Delta, l, -1, 0.0);
        whole.values = list(delta);
        whole.second = list(slope);
        whole.flowStops = (delta.array() == 0.0).all();
        steps.push_back(whole);
        for (int j = 0; j < w; ++j) {
            LayeredWalkStep s = step(LayeredWalkKind::Delta, l, j, delta[j]);
            s.operands = {z[j], slope[j]};
            if (l == depth - 1) {
                s.operands.push_back(net.v[j]);
                s.operands.push_back(dy);
            } else {
                const Layer& next = net.layers[ul + 1];
                for (int k = 0; k < next.width(); ++k) {
                    s.operands.push_back(next.w(k, j));
                    s.operands.push_back(deltaAfter[k]);
                }
            }
            s.flowStops = delta[j] == 0.0;
            steps.push_back(s);
        }
        const Eigen::VectorXd from = in(l);
        const Eigen::MatrixXd gw = delta * from.transpose();
        LayeredWalkStep grads = step(LayeredWalkKind::Gradient, l, -1, 0.0);
        grads.values.assign(gw.data(), gw.data() + gw.size());
        grads.values.insert(grads.values.end(), delta.data(), delta.data() + delta.size());
        steps.push_back(grads);
        for (int j = 0; j < w; ++j) {
            LayeredWalkStep s = step(LayeredWalkKind::Gradient, l, j, delta[j]);
            s.operands.push_back(delta[j]);
            for (int i = 0; i < from.size(); ++i) {
                s.operands.push_back(from[i]);
                s.values.push_back(gw(j, i));
            }
            s.values.push_back(delta[j]);
            steps.push_back(s);
        }
        back = layer.w.transpose() * delta;
        deltaAfter = delta;
    }
    return steps;
}

LayeredBatch layeredWalkBatch(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                              const Eigen::Ref<const Eigen::ArrayXd>& t, double learningRate,
                              const LayeredBackpropOptions& o) {
    LayeredBatch b;
    const int n = static_cast<int>(t.size());
    b.samples = n;
    b.learningRate = learningRate;
    b.sampleSums = Eigen::VectorXd::Zero(paramCount(net));
    for (int i = 0; i < n; ++i)
        b.sampleSums += sampleGradient(net, x.col(i), t[i], o);
    for (int l = 0; l <= net.depth(); ++l)
        if (!learns(o, l)) {
            const long from = layerOffset(net, l);
            b.sampleSums.segment(from, layerEnd(net, l) - from).setZero();
        }
    LayeredGradient kernel;
    b.lossBefore = kernel.compute(net, x, t, b.gradient, o);
    b.before = packParams(net);
    b.after = b.before - learningRate * b.gradient;
    b.networkAfter = net;
    unpackParams(b.networkAfter, b.after);
    b.lossAfter = n > 0 ? kernel.loss(b.networkAfter, x, t) : 0.0;
    return b;
}

std::vector<LayeredWalkStep> layeredBatchSteps(const LayeredNetwork& net, const LayeredBatch& b) {
    std::vector<LayeredWalkStep> steps;
    if (b.gradient.size() != paramCount(net) || b.sampleSums.size() != b.gradient.size())
        return steps;
    const auto part = [&](const Eigen::VectorXd& v, int l) {
        const long from = layerOffset(net, l);
        return list(v.segment(from, layerEnd(net, l) - from));
    };
    for (int l = 0; l <= net.depth(); ++l) {
        LayeredWalkStep s = step(LayeredWalkKind::BatchMean, l, -1, b.samples);
        s.values = part(b.gradient, l);
        s.second = part(b.sampleSums, l);
        steps.push_back(s);
    }
    for (int l = 0; l <= net.depth(); ++l) {
        LayeredWalkStep s = step(LayeredWalkKind::DescentStep, l, -1, b.learningRate);
        s.values = part(b.after, l);
        s.second = part(b.before, l);
        steps.push_back(s);
    }
    LayeredWalkStep after = step(LayeredWalkKind::LossAfter, -1, -1, b.lossAfter);
    after.operands = {b.lossBefore};
    steps.push_back(after);
    return steps;
}

LayeredWalk layeredWalk(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                        const Eigen::Ref<const Eigen::ArrayXd>& t, int sample, double learningRate,
                        const LayeredBackpropOptions& o) {
    LayeredWalk w;
    if (sample < 0 || sample >= t.size() || x.cols() != t.size() || x.rows() != net.inputs)
        return w;
    for (const Layer& l : net.layers)
        w.borrowedSlope =
            w.borrowedSlope || (l.activation.kind == ActivationKind::Step && o.stepSurrogate);
    w.steps = layeredWalkSample(net, x.col(sample), t[sample], static_cast<int>(t.size()), o);
    w.batch = layeredWalkBatch(net, x, t, learningRate, o);
    std::vector<LayeredWalkStep> rest = layeredBatchSteps(net, w.batch);
    w.steps.insert(w.steps.end(), rest.begin(), rest.end());
    return w;
}

int layeredSkipNeurons(const std::vector<LayeredWalkStep>& steps, int i) {
    const int n = static_cast<int>(steps.size());
    if (i < 0) return 0;
    for (int k = i + 1; k < n; ++k)
        if (steps[static_cast<std::size_t>(k)].neuron < 0) return k;
    return n;
}

} // namespace stepwise

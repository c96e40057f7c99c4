#include "core/lesson/Walkthrough.h"

#include <algorithm>

namespace stepwise {

namespace {

bool usesSurrogate(const Network& net, const BackpropOptions& o) {
    return o.stepSurrogate && net.activation.kind == ActivationKind::Step;
}

WalkStep step(WalkKind kind, int neuron, double value, std::vector<double> operands,
              std::optional<ParamId> param = std::nullopt) {
    WalkStep s;
    s.kind = kind;
    s.neuron = neuron;
    s.param = param;
    s.value = value;
    s.operands = std::move(operands);
    return s;
}

// Steps of one block: a neuron's forward pair, the output weights' gradients, a neuron's backward
// four, the batch means, the descent steps. skipNeurons() leaves the block.
int blockOf(WalkKind kind) {
    switch (kind) {
    case WalkKind::PreActivation:
    case WalkKind::Activation:
        return 1;
    case WalkKind::DLdv:
        return 2;
    case WalkKind::GPrime:
    case WalkKind::Delta:
    case WalkKind::DLdw:
    case WalkKind::DLdb:
        return 3;
    case WalkKind::BatchMean:
        return 4;
    case WalkKind::DescentStep:
        return 5;
    default:
        return 0;
    }
}

// The batch's parameters in the walk's order: neuron by neuron (w_j, b_j, v_j), then c.
std::vector<ParamId> walkOrder(int hidden) {
    std::vector<ParamId> ids;
    for (int j = 0; j < hidden; ++j) {
        ids.push_back({ParamKind::HiddenWeight, j});
        ids.push_back({ParamKind::HiddenBias, j});
        ids.push_back({ParamKind::OutputWeight, j});
    }
    ids.push_back({ParamKind::OutputBias, 0});
    return ids;
}

} // namespace

WalkPhase walkPhase(WalkKind kind) {
    switch (kind) {
    case WalkKind::Input:
    case WalkKind::PreActivation:
    case WalkKind::Activation:
    case WalkKind::Output:
    case WalkKind::LossTerm:
        return WalkPhase::Forward;
    case WalkKind::BatchMean:
    case WalkKind::DescentStep:
    case WalkKind::LossAfter:
        return WalkPhase::Batch;
    default:
        return WalkPhase::Backward;
    }
}

std::vector<WalkStep> walkSample(const Network& net, double x, double t, int samples,
                                 const BackpropOptions& options) {
    const int h = net.hidden();
    const int n = std::max(samples, 1);
    // One formula, one place: the numbers are backpropAt's, arranged in the walk's order.
    const SampleBreakdown s = backpropAt(net, x, t, n, options);
    std::vector<WalkStep> steps;
    steps.reserve(static_cast<std::size_t>(9 * h + 6));

    steps.push_back(step(WalkKind::Input, -1, x, {x, t}));
    for (int j = 0; j < h; ++j) {
        steps.push_back(step(WalkKind::PreActivation, j, s.z[j], {net.w[j], x, net.b[j]}));
        steps.push_back(step(WalkKind::Activation, j, s.a[j], {s.z[j]}));
    }
    std::vector<double> sum;
    sum.reserve(static_cast<std::size_t>(2 * h + 1));
    for (int j = 0; j < h; ++j) {
        sum.push_back(net.v[j]);
        sum.push_back(s.a[j]);
    }
    sum.push_back(net.c);
    steps.push_back(step(WalkKind::Output, -1, s.output, std::move(sum)));
    steps.push_back(step(WalkKind::LossTerm, -1, s.error * s.error, {s.output, t}));

    WalkStep dLdy = step(WalkKind::DLdy, -1, s.dLdy, {s.output, t, static_cast<double>(n)});
    dLdy.flowStops = s.dLdy == 0.0;
    steps.push_back(dLdy);
    for (int j = 0; j < h; ++j)
        steps.push_back(step(WalkKind::DLdv, j,
                             s.gradient[flatIndex({ParamKind::OutputWeight, j}, h)],
                             {s.dLdy, s.a[j]}, ParamId{ParamKind::OutputWeight, j}));
    steps.push_back(
        step(WalkKind::DLdc, -1, s.gradient[3 * h], {s.dLdy}, ParamId{ParamKind::OutputBias, 0}));
    for (int j = 0; j < h; ++j) {
        WalkStep slope = step(WalkKind::GPrime, j, s.slope[j], {s.z[j], s.a[j]});
        slope.flowStops = s.slope[j] == 0.0;
        steps.push_back(slope);
        WalkStep delta = step(WalkKind::Delta, j, s.delta[j], {s.dLdy, net.v[j], s.slope[j]});
        delta.flowStops = s.delta[j] == 0.0;
        steps.push_back(delta);
        steps.push_back(step(WalkKind::DLdw, j, s.gradient[j], {s.delta[j], x},
                             ParamId{ParamKind::HiddenWeight, j}));
        steps.push_back(step(WalkKind::DLdb, j, s.gradient[h + j], {s.delta[j]},
                             ParamId{ParamKind::HiddenBias, j}));
    }
    return steps;
}

BatchSummary walkBatch(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                       const Eigen::Ref<const Eigen::ArrayXd>& t, double learningRate,
                       const BackpropOptions& options) {
    const int h = net.hidden();
    const int n = static_cast<int>(x.size());
    BatchSummary b;
    b.samples = n;
    b.learningRate = learningRate;
    // The per-sample gradients ∂ℓ_i/∂θ = N·(term of sample i), added up sample by sample.
    b.sampleSums = Eigen::VectorXd::Zero(paramCount(h));
    for (int i = 0; i < n; ++i)
        b.sampleSums += backpropAt(net, x[i], t[i], 1, options).gradient;
    b.meanOfSamples = n > 0 ? Eigen::VectorXd(b.sampleSums / static_cast<double>(n))
                            : Eigen::VectorXd(b.sampleSums);
    GradientKernel kernel;
    b.lossBefore = kernel.compute(net, x, t, b.gradient, options);
    b.before = packParams(net);
    b.after = b.before - learningRate * b.gradient;
    b.networkAfter = net;
    unpackParams(b.networkAfter, b.after);
    b.lossAfter = loss(b.networkAfter, x, t);
    return b;
}

std::vector<WalkStep> batchSteps(const Network& net, const BatchSummary& b) {
    const int h = net.hidden();
    std::vector<WalkStep> steps;
    if (b.gradient.size() != paramCount(h)) return steps;
    const std::vector<ParamId> order = walkOrder(h);
    const auto neuronOf = [](ParamId id) {
        return id.kind == ParamKind::OutputBias ? -1 : id.neuron;
    };
    for (const ParamId id : order) {
        const int i = flatIndex(id, h);
        steps.push_back(step(WalkKind::BatchMean, neuronOf(id), b.gradient[i],
                             {b.sampleSums[i], static_cast<double>(b.samples)}, id));
    }
    for (const ParamId id : order) {
        const int i = flatIndex(id, h);
        steps.push_back(step(WalkKind::DescentStep, neuronOf(id), b.after[i],
                             {b.before[i], b.learningRate, b.gradient[i]}, id));
    }
    steps.push_back(step(WalkKind::LossAfter, -1, b.lossAfter, {b.lossBefore}));
    return steps;
}

Walkthrough walkthrough(const Network& net, double x, double t,
                        const Eigen::Ref<const Eigen::ArrayXd>& batchX,
                        const Eigen::Ref<const Eigen::ArrayXd>& batchT, double learningRate,
                        const BackpropOptions& options) {
    Walkthrough w;
    w.borrowedSlope = usesSurrogate(net, options);
    w.steps = walkSample(net, x, t, static_cast<int>(batchX.size()), options);
    w.batch = walkBatch(net, batchX, batchT, learningRate, options);
    std::vector<WalkStep> rest = batchSteps(net, w.batch);
    w.steps.insert(w.steps.end(), rest.begin(), rest.end());
    return w;
}

std::vector<int> stepsFollowing(const std::vector<WalkStep>& steps, int neuron) {
    std::vector<int> shown;
    for (int i = 0; i < static_cast<int>(steps.size()); ++i)
        if (steps[i].neuron < 0 || steps[i].neuron == neuron) shown.push_back(i);
    return shown;
}

int skipNeurons(const std::vector<WalkStep>& steps, int i) {
    const int n = static_cast<int>(steps.size());
    if (i < 0) return 0;
    if (i >= n) return n;
    const int block = blockOf(steps[i].kind);
    for (int k = i + 1; k < n; ++k)
        if (steps[k].neuron < 0 || blockOf(steps[k].kind) != block) return k;
    return n;
}

} // namespace stepwise

#include "core/network/Backprop.h"

#include "core/kernels/KernelTable.h"
#include "core/kernels/NetworkView.h"
#include "core/network/KernelSet.h"
#include "core/training/WorkerPool.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stepwise {

double meanSquaredError(const Eigen::Ref<const Eigen::ArrayXd>& y,
                        const Eigen::Ref<const Eigen::ArrayXd>& t) {
    if (y.size() == 0) return 0.0;
    return (y - t).square().mean();
}

namespace {
bool usesSurrogate(const Network& net, const BackpropOptions& o) {
    return o.stepSurrogate && net.activation.kind == ActivationKind::Step;
}

// Below this many sample × neuron products a step is too short to share: waking the helper and
// waiting for its last chunk cost more than they save. Measured on 2 shared cores with AVX-512
// (docs/performance.md): H = 64, N = 1024 (about 120 µs a step) ran 7 % slower on two threads,
// H = 256, N = 4096 ran 1.86 times faster.
constexpr double kParallelWork = 256.0 * 1024.0;

// The job of a forward (and backward) pass over all of x.
kernels::GradientJob jobFor(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    kernels::GradientJob job;
    job.net = kernels::viewOf(net);
    job.x = x.data();
    job.t = t.data();
    job.n = x.size();
    return job;
}

enum class Pass { Forward, Backward, Both };

struct ChunkWork {
    const kernels::Table* table;
    const kernels::GradientJob* job;
    Pass pass;
};

void runChunk(void* context, long c) {
    const ChunkWork& w = *static_cast<const ChunkWork*>(context);
    if (w.pass != Pass::Backward) w.table->forward(*w.job, c);
    if (w.pass != Pass::Forward) w.table->backward(*w.job, c);
}

// Every chunk of the job, on as many threads as pay.
void runChunks(const kernels::GradientJob& job, Pass pass) {
    ChunkWork work{&kernels::active(), &job, pass};
    WorkerPool::shared().run(kernels::chunkCount(job.n), runChunk, &work,
                             GradientKernel::threadsFor(job.net.hidden, job.n));
}

double sumOfChunkLosses(const kernels::GradientJob& job) {
    double sum = 0.0;
    for (long c = 0; c < kernels::chunkCount(job.n); ++c)
        sum += job.chunkLoss[c];
    return sum / static_cast<double>(job.n);
}

// The forward pass: L = mean(e²), e = Σ_j v_j·g(w_j·x + b_j) + c − t, the chunks' Σ e² added in
// order. Every loss in the program comes from here, so the same network gives the same bits
// whether the loss is reported by loss(), by a Trainer or inside a gradient.
double forwardLoss(kernels::GradientJob& job, AlignedBuffer& e, AlignedBuffer& chunkLoss) {
    job.e = e.reserve(static_cast<std::size_t>(job.n));
    job.chunkLoss = chunkLoss.reserve(static_cast<std::size_t>(kernels::chunkCount(job.n)));
    runChunks(job, Pass::Forward);
    return sumOfChunkLosses(job);
}
} // namespace

int GradientKernel::threadsFor(Eigen::Index hidden, Eigen::Index samples) {
    const bool large = static_cast<double>(hidden) * static_cast<double>(samples) >= kParallelWork;
    return large && kernels::chunkCount(samples) > 1 ? kernelThreads() : 1;
}

double GradientKernel::loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    forwardValid_ = false;
    if (x.size() == 0) return 0.0;
    kernels::GradientJob job = jobFor(net, x, t);
    job.a = a_.reserve(static_cast<std::size_t>(job.n * job.net.hidden));
    const double l = forwardLoss(job, e_, chunkLoss_);
    forwardNet_ = net;
    forwardX_ = x;
    forwardT_ = t;
    forwardLoss_ = l;
    forwardValid_ = true;
    return l;
}

double GradientKernel::compute(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                               const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd& gradient,
                               const BackpropOptions& options) {
    const Eigen::Index n = x.size(), h = net.hidden();
    gradient.resize(paramCount(static_cast<int>(h)));
    if (n == 0) {
        gradient.setZero();
        forwardValid_ = false;
        return 0.0;
    }
    // Forward, unless loss() has just done it for exactly these inputs (bit for bit the same).
    const bool reuse = forwardValid_ && forwardNet_ == net && forwardX_.size() == n &&
                       forwardT_.size() == t.size() && (forwardX_ == x).all() &&
                       (forwardT_ == t).all();
    forwardValid_ = false;
    const long chunks = kernels::chunkCount(n);
    const long terms = 3 * h + 1;
    kernels::GradientJob job = jobFor(net, x, t);
    job.a = a_.reserve(static_cast<std::size_t>(n * h));
    job.e = e_.reserve(static_cast<std::size_t>(n));
    job.chunkLoss = chunkLoss_.reserve(static_cast<std::size_t>(chunks));
    job.chunkGradient = chunkGradient_.reserve(static_cast<std::size_t>(chunks * terms));
    job.surrogate = usesSurrogate(net, options);
    job.surrogateSteepness = options.surrogateSteepness;
    // Each chunk goes forward and straight back while its activations are in cache.
    runChunks(job, reuse ? Pass::Backward : Pass::Both);
    const double l = reuse ? forwardLoss_ : sumOfChunkLosses(job);
    gradient = Eigen::Map<const Eigen::VectorXd>(job.chunkGradient, terms);
    for (long c = 1; c < chunks; ++c)
        gradient += Eigen::Map<const Eigen::VectorXd>(job.chunkGradient + c * terms, terms);
    return l;
}

double loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    if (x.size() == 0) return 0.0;
    kernels::GradientJob job = jobFor(net, x, t);
    AlignedBuffer e, chunkLoss;
    return forwardLoss(job, e, chunkLoss);
}

WorstCase worstCaseError(const Eigen::Ref<const Eigen::ArrayXd>& y,
                         const Eigen::Ref<const Eigen::ArrayXd>& t) {
    WorstCase w;
    for (Eigen::Index i = 0; i < std::min(y.size(), t.size()); ++i) {
        const double d = std::abs(y[i] - t[i]);
        if (std::isnan(d)) return {std::numeric_limits<double>::infinity(), i};
        if (w.index < 0 || d > w.error) w = {d, i};
    }
    return w;
}

WorstCase worstCaseError(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                         const Eigen::Ref<const Eigen::ArrayXd>& t) {
    if (x.size() == 0) return {};
    return worstCaseError(evaluateOutput(net, x), t);
}

SampleBreakdown backpropAt(const Network& net, double x, double target, int samples,
                           const BackpropOptions& options) {
    const int h = net.hidden();
    SampleBreakdown s;
    s.x = x;
    s.target = target;
    s.z = net.w * x + net.b;
    s.a.resize(h);
    s.slope.resize(h);
    const Activation surrogate{ActivationKind::Sigmoid, options.surrogateSteepness}; // σ′(k·z)
    for (int j = 0; j < h; ++j) {
        s.a[j] = net.activation(s.z[j]);
        s.slope[j] = usesSurrogate(net, options) ? surrogate.derivative(s.z[j])
                                                 : net.activation.derivative(s.z[j]);
    }
    s.contribution = s.a.cwiseProduct(net.v);
    s.output = s.contribution.sum() + net.c;
    s.error = s.output - target;
    s.dLdy = 2.0 * s.error / static_cast<double>(std::max(samples, 1));
    s.delta = s.dLdy * net.v.cwiseProduct(s.slope);
    s.gradient.resize(paramCount(h));
    s.gradient << s.delta * x, s.delta, s.dLdy * s.a, s.dLdy;
    return s;
}

} // namespace stepwise

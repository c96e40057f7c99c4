#include "core/deep/LayeredGradient.h"

#include "core/kernels/KernelTable.h"
#include "core/network/KernelSet.h"
#include "core/training/WorkerPool.h"

#include <algorithm>

namespace stepwise {

namespace {

// Below this many multiply-adds a step (forward and backward: about 3 per weight per sample) is
// too short to share between threads: waking the helper costs more than it saves.
constexpr double kDeepParallelWork = 1024.0 * 1024.0;

struct DeepChunkWork {
    const kernels::Table* table;
    const kernels::DeepJob* job;
    bool backward;
};

long deepChunkCount(long n, long chunk) {
    return (n + chunk - 1) / chunk;
}

void runDeepChunk(void* context, long c) {
    const DeepChunkWork& w = *static_cast<const DeepChunkWork*>(context);
    w.table->deepForward(*w.job, c);
    if (w.backward) w.table->deepBackward(*w.job, c);
}

} // namespace

int LayeredGradient::threadsFor(const LayeredNetwork& net, Eigen::Index samples) {
    double weights = 0.0;
    for (const Layer& l : net.layers)
        weights += static_cast<double>(l.w.size() + l.b.size());
    const bool large = 3.0 * weights * static_cast<double>(samples) >= kDeepParallelWork;
    return large && deepChunkCount(samples, deepChunk(net)) > 1 ? kernelThreads() : 1;
}

double LayeredGradient::run(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                            const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd* gradient,
                            const LayeredBackpropOptions& options) {
    const long n = static_cast<long>(t.size());
    const long params = paramCount(net);
    if (gradient) gradient->setZero(params);
    if (n == 0) return 0.0;
    const long chunk = deepChunk(net), chunks = deepChunkCount(n, chunk);
    // x may be a strided view: the kernels want d×N contiguous columns.
    const bool contiguous = x.outerStride() == x.rows() || x.cols() == 1;
    Eigen::MatrixXd copy;
    if (!contiguous) copy = x;
    kernels::DeepJob job;
    job.chunk = chunk;
    describeNetwork(net, job);
    job.x = contiguous ? x.data() : copy.data();
    job.t = t.data();
    job.n = n;
    job.params = params;
    z_.resize(net.layers.size());
    a_.resize(net.layers.size());
    long offset = 0, widest = 1;
    auto learns = [&](int l) {
        return options.learns.empty() || (l < static_cast<int>(options.learns.size()) &&
                                          options.learns[static_cast<std::size_t>(l)]);
    };
    for (int l = 0; l < job.layers; ++l) {
        kernels::DeepLayer& d = job.layer[l];
        d.z = z_[static_cast<std::size_t>(l)].reserve(static_cast<std::size_t>(d.width * n));
        d.a = a_[static_cast<std::size_t>(l)].reserve(static_cast<std::size_t>(d.width * n));
        d.learns = learns(l);
        d.gradientOffset = offset;
        offset += d.width * (d.fanIn + 1);
        widest = std::max(widest, d.width);
    }
    job.outputLearns = learns(job.layers);
    job.outputOffset = offset;
    job.e = e_.reserve(static_cast<std::size_t>(n));
    job.chunkLoss = chunkLoss_.reserve(static_cast<std::size_t>(chunks));
    if (gradient) {
        job.chunkGradient = chunkGradient_.reserve(static_cast<std::size_t>(chunks * params));
        job.scratchRows = widest;
        job.scratch = scratch_.reserve(static_cast<std::size_t>(chunks * widest * chunk));
        job.surrogate = options.stepSurrogate;
        job.surrogateSteepness = options.surrogateSteepness;
    }
    DeepChunkWork work{&kernels::active(), &job, gradient != nullptr};
    const int threads = options.threads > 0 ? options.threads : threadsFor(net, n);
    WorkerPool::shared().run(chunks, runDeepChunk, &work, threads);
    // The chunks' sums, added in chunk order.
    double sum = 0.0;
    for (long c = 0; c < chunks; ++c)
        sum += job.chunkLoss[c];
    if (gradient) {
        *gradient = Eigen::Map<const Eigen::VectorXd>(job.chunkGradient, params);
        for (long c = 1; c < chunks; ++c)
            *gradient += Eigen::Map<const Eigen::VectorXd>(job.chunkGradient + c * params, params);
    }
    return sum / static_cast<double>(n);
}

double LayeredGradient::compute(const LayeredNetwork& net,
                                const Eigen::Ref<const Eigen::MatrixXd>& x,
                                const Eigen::Ref<const Eigen::ArrayXd>& t,
                                Eigen::VectorXd& gradient, const LayeredBackpropOptions& options) {
    return run(net, x, t, &gradient, options);
}

double LayeredGradient::loss(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                             const Eigen::Ref<const Eigen::ArrayXd>& t, int threads) {
    LayeredBackpropOptions options;
    options.threads = threads;
    return run(net, x, t, nullptr, options);
}

double loss(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
            const Eigen::Ref<const Eigen::ArrayXd>& t) {
    LayeredGradient g;
    return g.loss(net, x, t);
}

void describeNetwork(const LayeredNetwork& net, kernels::DeepJob& job) {
    job.layers = net.depth();
    job.inputs = net.inputs;
    job.v = net.v.data();
    job.c = net.c;
    long fanIn = net.inputs;
    for (int l = 0; l < job.layers; ++l) {
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        kernels::DeepLayer& d = job.layer[l];
        d.width = layer.width();
        d.fanIn = fanIn;
        d.w = layer.w.data();
        d.b = layer.b.data();
        d.activation = static_cast<int>(layer.activation.kind);
        d.steepness = layer.activation.steepness;
        fanIn = d.width;
    }
}

// Samples per chunk: as many as keep each of the chunk's width × samples matrices near 128 KiB
// (16384 doubles), between 256 and 2048 and a multiple of 8. Measured on the benchmark's
// workloads (one core, AVX-512): 1→16→16→1 on 512 samples ran 1.9 times faster in one chunk of
// 512 than in two of 256 (per-product overhead); 1→64→64→1 ran 3.5 times slower in chunks of 512
// than of 256 (the chunk no longer stays in cache). Depends on the network alone, never on the
// thread count.
long deepChunk(const LayeredNetwork& net) {
    long widest = 1;
    for (const Layer& l : net.layers)
        widest = std::max<long>(widest, l.width());
    return std::clamp<long>(16384 / widest / 8 * 8, 256, 2048);
}

} // namespace stepwise

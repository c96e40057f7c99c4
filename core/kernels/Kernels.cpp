// Kernels: the hot loops behind GradientKernel, evaluate() and the landscape's point-by-point path.
// This one file is compiled once per instruction set with STEPWISE_KERNEL_NS set to the set's name
// (baseline, avx2, avx512); everything in it except the table at the end is private to that copy.
//
//   forward   per chunk, neuron by neuron: z = w_j·x + b_j, a_j = g(z), e += v_j·a_j  (e = c − t
//             to start with); the chunk's Σ e²
//   backward  g = 2e/n; ∂L/∂v_j += Σ g·a_j; d = g'(z_j)·g·v_j; ∂L/∂w_j += Σ d·x; ∂L/∂b_j += Σ d;
//             ∂L/∂c += Σ g   (the maths is written out in core/network/Backprop.h)
//
// A chunk's a_j columns (256 samples × H neurons) are still in the core's cache when backward()
// reads them right after forward().
#include "core/kernels/DeepKernels.h"
#include "core/kernels/KernelActivation.h"
#include "core/kernels/KernelTable.h"
#include "core/network/ActivationTable.h"

#include <Eigen/Core>
#include <algorithm>

#ifndef STEPWISE_KERNEL_NS
#define STEPWISE_KERNEL_NS baseline
#endif
#define STEPWISE_CONCAT2(a, b) a##b
#define STEPWISE_CONCAT(a, b) STEPWISE_CONCAT2(a, b)
#define STEPWISE_STRING2(a) #a
#define STEPWISE_STRING(a) STEPWISE_STRING2(a)
#define STEPWISE_KERNEL_TABLE STEPWISE_CONCAT(stepwise_kernels_, STEPWISE_KERNEL_NS)

#if defined(__GNUC__)
#define STEPWISE_KERNEL_EXPORT __attribute__((visibility("default")))
#else
#define STEPWISE_KERNEL_EXPORT
#endif

namespace stepwise::kernels::STEPWISE_KERNEL_NS {
namespace {

using Column = Eigen::Map<Eigen::ArrayXd>;
using ConstColumn = Eigen::Map<const Eigen::ArrayXd>;

struct ChunkRange {
    long i0, len;
};
ChunkRange rangeOf(long n, long c) {
    const long i0 = c * kChunk;
    return {i0, std::min(kChunk, n - i0)};
}

void forward(const GradientJob& job, long c) {
    const NetView& net = job.net;
    const auto [i0, len] = rangeOf(job.n, c);
    const long h = net.hidden;
    const ConstColumn x(job.x + i0, len), t(job.t + i0, len);
    Column e(job.e + i0, len);
    alignas(64) double aStore[kChunk];
    e = net.c - t;
    for (long j = 0; j < h; ++j) {
        Column a(job.a ? job.a + i0 * h + j * len : aStore, len);
        activate(net.activation, net.steepness, net.w[j] * x + net.b[j], a); // z is never stored
        e += net.v[j] * a;
    }
    job.chunkLoss[c] = e.square().sum();
}

void backward(const GradientJob& job, long c) {
    const NetView& net = job.net;
    const auto [i0, len] = rangeOf(job.n, c);
    const long h = net.hidden;
    const ConstColumn x(job.x + i0, len);
    alignas(64) double gStore[kChunk], zStore[kChunk], dStore[kChunk];
    Column g(gStore, len), z(zStore, len), d(dStore, len);
    g = ConstColumn(job.e + i0, len) * (2.0 / static_cast<double>(job.n));
    double* grad = job.chunkGradient + c * (3 * h + 1);
    const ActivationKind kind = kindOf(net.activation);
    const bool surrogate = job.surrogate && kind == ActivationKind::Step;
    // The sigmoid and tanh derivatives come from a alone; the others may need z again.
    const bool needsZ = surrogate || withActivation(kind, [](auto act) { return act.slopeReadsZ; });
    const double k = net.steepness, ks = job.surrogateSteepness;
    for (long j = 0; j < h; ++j) {
        const ConstColumn a(job.a + i0 * h + j * len, len);
        grad[2 * h + j] = (a * g).sum(); // ∂L/∂v_j
        if (needsZ) z = net.w[j] * x + net.b[j];
        if (surrogate) { // σ′(ks·z) in place of the step's 0
            d = activations::Sigmoid::f(z, ks);
            d = activations::Sigmoid::slope(z, d, ks);
        } else {
            withActivation(kind, [&](auto act) { d = act.slope(z, a, k); });
        }
        d *= g * net.v[j];
        grad[j] = (d * x).sum(); // ∂L/∂w_j
        grad[h + j] = d.sum();   // ∂L/∂b_j
    }
    grad[3 * h] = g.sum();
}

void evaluate(const NetView& net, const double* xData, long n, double* zData, double* aData,
              double* contributionData, double* outputData) {
    const ConstColumn x(xData, n);
    Column out(outputData, n);
    out.setZero();
    for (long j = 0; j < net.hidden; ++j) {
        Column z(zData + j * n, n), a(aData + j * n, n), contribution(contributionData + j * n, n);
        z = x * net.w[j] + net.b[j];
        activate(net.activation, net.steepness, z, a);
        contribution = a * net.v[j];
        out += contribution;
    }
    out += net.c;
}

double unitLoss(const double* xData, const double* baseData, long n, int activation,
                double steepness, double w, double b, double v) {
    const ConstColumn x(xData, n), base(baseData, n);
    // One fused pass: no array is written.
    const auto z = w * x + b;
    return withActivation(kindOf(activation),
                          [&](auto g) { return (base + v * g.f(z, steepness)).square().sum(); }) /
           static_cast<double>(n);
}

} // namespace
} // namespace stepwise::kernels::STEPWISE_KERNEL_NS

extern "C" STEPWISE_KERNEL_EXPORT const stepwise::kernels::Table STEPWISE_KERNEL_TABLE = {
    STEPWISE_STRING(STEPWISE_KERNEL_NS),
    &stepwise::kernels::STEPWISE_KERNEL_NS::forward,
    &stepwise::kernels::STEPWISE_KERNEL_NS::backward,
    &stepwise::kernels::STEPWISE_KERNEL_NS::evaluate,
    &stepwise::kernels::STEPWISE_KERNEL_NS::unitLoss,
    &stepwise::kernels::STEPWISE_KERNEL_NS::deepForward,
    &stepwise::kernels::STEPWISE_KERNEL_NS::deepBackward,
};

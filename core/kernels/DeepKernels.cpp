// DeepKernels: the layered network's hot loops, one chunk of samples (columns) at a time, as
// matrix products on the chunk's block of columns (the maths is in core/deep/LayeredGradient.h):
//
//   forward   A_0 = X;  Z_l = W_l·A_{l−1} + b_l·1ᵀ,  A_l = g_l(Z_l);  e = v·A_L + c − t;  Σ e²
//   backward  G = 2e/n;  ∂L/∂c = Σ G;  ∂L/∂v = A_L·Gᵀ;  Δ_L = (v·G) ⊙ g_L'(Z_L)
//             ∂L/∂W_l = Δ_l·A_{l−1}ᵀ,  ∂L/∂b_l = Δ_l·1,  Δ_{l−1} = (W_lᵀ·Δ_l) ⊙ g_{l−1}'(Z_{l−1})
//
// Δ_l is written over Z_l (Z_l is not needed after its slope has been taken). Below the lowest
// layer that learns, nothing is propagated.
#include "core/kernels/DeepKernels.h"

#include "core/kernels/KernelActivation.h"

#include <Eigen/Core>
#include <algorithm>

namespace stepwise::kernels::STEPWISE_KERNEL_NS {
namespace {

using Matrix = Eigen::Map<Eigen::MatrixXd>;
using ConstMatrix = Eigen::Map<const Eigen::MatrixXd>;
using Row = Eigen::Map<Eigen::RowVectorXd>;
using ConstRow = Eigen::Map<const Eigen::RowVectorXd>;
using Vector = Eigen::Map<Eigen::VectorXd>;
using ConstVector = Eigen::Map<const Eigen::VectorXd>;

struct Block {
    long i0, len;
};
Block blockOf(const DeepJob& job, long c) {
    const long i0 = c * job.chunk;
    return {i0, std::min(job.chunk, job.n - i0)};
}

} // namespace

void deepForward(const DeepJob& job, long c) {
    const auto [i0, len] = blockOf(job, c);
    const double* in = job.x + i0 * job.inputs;
    long rows = job.inputs;
    for (int l = 0; l < job.layers; ++l) {
        const DeepLayer& layer = job.layer[l];
        const ConstMatrix w(layer.w, layer.width, layer.fanIn);
        const ConstVector b(layer.b, layer.width);
        Matrix z(layer.z + i0 * layer.width, layer.width, len);
        Matrix a(layer.a + i0 * layer.width, layer.width, len);
        if (rows == 1) {
            z.noalias() = ConstVector(layer.w, layer.width) * ConstRow(in, len); // outer product
            z.colwise() += b;
        } else {
            z.colwise() = b; // the product is added to it (a plain = would zero z first)
            z.noalias() += w * ConstMatrix(in, rows, len);
        }
        activate(layer.activation, layer.steepness, z.array(), a.array());
        in = layer.a + i0 * layer.width;
        rows = layer.width;
    }
    Row e(job.e + i0, len);
    e.noalias() = ConstRow(job.v, rows) * ConstMatrix(in, rows, len);
    e.array() += job.c - ConstRow(job.t + i0, len).array();
    job.chunkLoss[c] = e.squaredNorm();
}

void deepBackward(const DeepJob& job, long c) {
    const auto [i0, len] = blockOf(job, c);
    double* grad = job.chunkGradient + c * job.params;
    const DeepLayer& last = job.layer[job.layers - 1];
    Matrix scratch(job.scratch + c * job.scratchRows * job.chunk, job.scratchRows, len);
    const ConstRow e(job.e + i0, len);
    const double scale = 2.0 / static_cast<double>(job.n); // G = scale·e
    const ConstMatrix aLast(last.a + i0 * last.width, last.width, len);
    if (job.outputLearns) {
        Vector(grad + job.outputOffset, last.width).noalias() = scale * (aLast * e.transpose());
        grad[job.outputOffset + last.width] = scale * e.sum();
    } else {
        std::fill(grad + job.outputOffset, grad + job.outputOffset + last.width + 1, 0.0);
    }
    int lowest = job.layers;
    for (int l = job.layers - 1; l >= 0; --l)
        if (job.layer[l].learns) lowest = l;
    for (int l = 0; l < job.layers; ++l)
        if (!job.layer[l].learns) {
            const DeepLayer& layer = job.layer[l];
            std::fill(grad + layer.gradientOffset,
                      grad + layer.gradientOffset + layer.width * (layer.fanIn + 1), 0.0);
        }
    if (lowest == job.layers) return;

    // Δ_L = (v·G) ⊙ g'(Z_L): v·G into the scratch first (an outer product; broadcasting it inside
    // the slope's expression measured 3 times slower).
    scratch.topRows(last.width).noalias() = (scale * ConstVector(job.v, last.width)) * e;
    for (int l = job.layers - 1; l >= lowest; --l) {
        const DeepLayer& layer = job.layer[l];
        Matrix z(layer.z + i0 * layer.width, layer.width, len);
        const ConstMatrix a(layer.a + i0 * layer.width, layer.width, len);
        // Δ_l = S ⊙ g'(Z_l), written over Z_l; S (v·G, or W_{l+1}ᵀ·Δ_{l+1}) is in the scratch.
        timesSlope(layer.activation, layer.steepness, job.surrogate, job.surrogateSteepness,
                   scratch.topRows(layer.width).array(), z.array(), a.array(), z.array());
        const double* in = l > 0 ? job.layer[l - 1].a + i0 * layer.fanIn : job.x + i0 * job.inputs;
        const ConstMatrix previous(in, layer.fanIn, len);
        if (layer.learns) {
            if (layer.fanIn == 1)
                Vector(grad + layer.gradientOffset, layer.width).noalias() =
                    z * ConstRow(in, len).transpose();
            else
                Matrix(grad + layer.gradientOffset, layer.width, layer.fanIn).noalias() =
                    z * previous.transpose();
            Vector(grad + layer.gradientOffset + layer.width * layer.fanIn, layer.width) =
                z.rowwise().sum();
        }
        if (l > lowest) {
            const ConstMatrix w(layer.w, layer.width, layer.fanIn);
            scratch.topRows(layer.fanIn).noalias() = w.transpose() * z;
        }
    }
}

} // namespace stepwise::kernels::STEPWISE_KERNEL_NS

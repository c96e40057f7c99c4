// LayeredGradient: the mean squared error of a LayeredNetwork and its exact gradient, by
// backpropagation through every layer, with the samples as the columns of matrices.
//
//   L = (1/N) Σ_i (y_i − t_i)²          (as core/network/Backprop.h: the mean over the samples)
//   e = y − t (1×N),   G = ∂L/∂y = 2e/N
//   ∂L/∂c = Σ_i G_i,     ∂L/∂v = A_L·Gᵀ
//   Δ_L = (v·G) ⊙ g_L'(Z_L)                       (n_L×N: the error reaching each sum z)
//   Δ_l = (W_{l+1}ᵀ·Δ_{l+1}) ⊙ g_l'(Z_l)           (the chain rule, one layer back)
//   ∂L/∂W_l = Δ_l·A_{l−1}ᵀ,   ∂L/∂b_l = Δ_l·1     (A_0 = X)
//
// A step layer has g' = 0 almost everywhere, so no gradient passes through it. With the step
// surrogate on (the default, as the one-layer Trainer does), Δ of a step layer uses σ'(k_s·z) =
// k_s·σ(k_s·z)·(1 − σ(k_s·z)) in place of g'(z) while the forward pass stays a step: the
// gradient of a network whose steps were steep sigmoids, taken at the step network's values
// (straight-through). Parameters of layers that do not learn get 0, and nothing is propagated
// below the lowest layer that learns.
//
// The samples are cut into chunks of 256 to 2048 columns (as many as keep a chunk's matrices in
// cache; the number depends on the widest layer alone). Each chunk is computed from start to end
// by one thread (the kernel set in use, core/network/KernelSet.h) into its own slot, and the
// chunks' sums are added in chunk order, so the result has the same bits whatever the number of
// threads.
#pragma once

#include "core/deep/LayeredNetwork.h"
#include "core/network/AlignedBuffer.h"

#include <Eigen/Core>
#include <vector>

namespace stepwise {

struct LayeredBackpropOptions {
    bool stepSurrogate = true;
    double surrogateSteepness = 10.0;
    // Per layer, hidden layers input side first, then the output layer: whether its gradient is
    // wanted. Empty: every layer's.
    std::vector<bool> learns;
    // Threads to share the chunks (caller included); 0: kernelThreads() when the batch is large
    // enough to pay for it (threadsFor), else 1. The result does not depend on it.
    int threads = 0;
};

class LayeredGradient {
public:
    // L and ∂L/∂θ (flat layout of packParams) for inputs x (d×N) and targets t (N). net must be
    // accepted by networkProblem() and x must have net.inputs rows and t.size() columns.
    double compute(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                   const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd& gradient,
                   const LayeredBackpropOptions& options = {});
    // L alone (the forward pass); the same bits as compute() returns.
    double loss(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                const Eigen::Ref<const Eigen::ArrayXd>& t, int threads = 0);

    // How many threads a batch of this network and size uses by default.
    static int threadsFor(const LayeredNetwork& net, Eigen::Index samples);

private:
    double run(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
               const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd* gradient,
               const LayeredBackpropOptions& options);

    std::vector<AlignedBuffer> z_, a_; // per layer, width × N
    AlignedBuffer e_, chunkLoss_, chunkGradient_, scratch_;
};

// L alone, for checks.
double loss(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
            const Eigen::Ref<const Eigen::ArrayXd>& t);

namespace kernels {
struct DeepJob;
}
// The deep kernels' view of net (core/kernels/KernelTable.h): its depth, inputs, output weights
// and bias, and each layer's width, fan-in, weights, biases and activation. The caller gives each
// layer its z and a, and the rest of the job.
void describeNetwork(const LayeredNetwork& net, kernels::DeepJob& job);
// Samples per chunk for the deep kernels: a chunk's matrices of the widest layer stay in cache.
long deepChunk(const LayeredNetwork& net);

} // namespace stepwise

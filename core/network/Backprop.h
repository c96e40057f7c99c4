// Backprop: the mean squared error and its exact gradient for every parameter.
//
//   L = (1/N) Σ_i (y_i − t_i)²,   e_i = y_i − t_i,   g_i = ∂L/∂y_i = 2·e_i / N
//   ∂L/∂c   = Σ_i g_i
//   ∂L/∂v_j = Σ_i g_i · a_j(x_i)
//   δ_ij    = g_i · v_j · g'(z_ij)            (the error reaching neuron j's sum)
//   ∂L/∂w_j = Σ_i δ_ij · x_i
//   ∂L/∂b_j = Σ_i δ_ij
//
// For a step neuron g'(z) = 0 almost everywhere, so δ = 0 and the hidden layer gets no gradient.
// A surrogate gradient replaces g'(z) in δ by the derivative of σ(k·z) while the forward pass
// stays a step; the output weights and bias keep their exact gradient.
#pragma once

#include "core/network/AlignedBuffer.h"
#include "core/network/Network.h"

#include <Eigen/Core>

namespace stepwise {

double meanSquaredError(const Eigen::Ref<const Eigen::ArrayXd>& y,
                        const Eigen::Ref<const Eigen::ArrayXd>& t);

struct BackpropOptions {
    // When the activation is a step: use σ'(k·z) with this k in place of the zero derivative.
    bool stepSurrogate = false;
    double surrogateSteepness = 10.0;
};

// Computes L and ∂L/∂θ in the flat layout of packParams(). Holds its work arrays so that
// repeated calls (a training loop) allocate nothing. The samples are cut into fixed chunks of
// kernels::kChunk, each computed by one thread with the kernel set in use
// (core/network/KernelSet.h) and added up in chunk order, so large batches use every core and still
// give the same bits as one.
class GradientKernel {
public:
    double compute(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                   const Eigen::Ref<const Eigen::ArrayXd>& t, Eigen::VectorXd& gradient,
                   const BackpropOptions& options = {});
    // L alone (the forward pass), equal to stepwise::loss(). The next compute() with the same
    // network, x and t reuses this forward pass, so a trainer that reports the loss after every
    // few steps does not pay for it twice.
    double loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                const Eigen::Ref<const Eigen::ArrayXd>& t);

    // How many threads compute() and loss() use for a batch of this size (kernelThreads() when
    // the batch is large enough to pay for sharing, else 1).
    static int threadsFor(Eigen::Index hidden, Eigen::Index samples);

private:
    AlignedBuffer a_, e_;                     // N×H activations, chunk by chunk; the error
    AlignedBuffer chunkLoss_, chunkGradient_; // per chunk: Σ e², its terms of ∂L/∂θ
    // The inputs of the forward pass loss() left in a_ and e_.
    bool forwardValid_ = false;
    Network forwardNet_;
    Eigen::ArrayXd forwardX_, forwardT_;
    double forwardLoss_ = 0.0;
};

// Loss only (no gradient), for landscapes and checks.
double loss(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
            const Eigen::Ref<const Eigen::ArrayXd>& t);

// The worst-case error beside the mean: max_i |y(x_i) − t_i| over the samples, and the first
// sample where it is reached (index −1 and error 0 for no samples; error +∞ when an output is not
// finite). Where the loss is the mean of the squares, this is the "as close as you want" of the
// universal approximation theorem: every sample within ε when error ≤ ε. sqrt(L) ≤ error always.
struct WorstCase {
    double error = 0.0;
    Eigen::Index index = -1;
};
WorstCase worstCaseError(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                         const Eigen::Ref<const Eigen::ArrayXd>& t);
WorstCase worstCaseError(const Eigen::Ref<const Eigen::ArrayXd>& y,
                         const Eigen::Ref<const Eigen::ArrayXd>& t);

// One sample's share of the batch gradient, for the "show me the backprop" view: the forward
// values at x, the error, and the term each parameter receives from this sample (the batch
// gradient is the sum of these terms over all N samples).
struct SampleBreakdown {
    double x = 0.0, target = 0.0, output = 0.0, error = 0.0;
    double dLdy = 0.0;                  // 2·e / N
    Eigen::VectorXd z, a, contribution; // per hidden neuron
    Eigen::VectorXd slope;              // g'(z_j) used by backprop (surrogate when enabled)
    Eigen::VectorXd delta;              // δ_j = dLdy · v_j · slope_j
    Eigen::VectorXd gradient;           // flat layout: this sample's term of ∂L/∂θ
};
SampleBreakdown backpropAt(const Network& net, double x, double target, int samples,
                           const BackpropOptions& options = {});

} // namespace stepwise

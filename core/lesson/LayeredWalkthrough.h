// LayeredWalkthrough: the backprop walkthrough (core/lesson/Walkthrough.h) for a LayeredNetwork of
// d inputs and 1 to 3 hidden layers. One sample (x ∈ ℝᵈ, t) is walked forward layer by layer and
// backward layer by layer, every number of the chain rule in the order the lesson shows it, then
// the mean over the batch and one step of plain gradient descent.
//
// Forward, a⁽⁰⁾ = x, for each hidden layer l = 1 … L and each of its neurons j:
//   z⁽ˡ⁾ⱼ = Σᵢ w⁽ˡ⁾ᵢⱼ·a⁽ˡ⁻¹⁾ᵢ + b⁽ˡ⁾ⱼ,   a⁽ˡ⁾ⱼ = g_l(z⁽ˡ⁾ⱼ)
//   y = Σⱼ vⱼ·a⁽ᴸ⁾ⱼ + c,   ℓ = (y − t)²
// The loss is the mean over the N samples, L = (1/N) Σ ℓ_i (core/deep/LayeredGradient.h), so every
// derivative one sample carries has the factor 1/N:
//   ∂L/∂y = 2·(y − t)/N,   ∂L/∂vⱼ = ∂L/∂y · a⁽ᴸ⁾ⱼ,   ∂L/∂c = ∂L/∂y
//   δ⁽ᴸ⁾ⱼ = ∂L/∂y · vⱼ · g_L′(z⁽ᴸ⁾ⱼ)                       (the error reaching the sum z)
//   δ⁽ˡ⁾ᵢ = (Σⱼ w⁽ˡ⁺¹⁾ᵢⱼ·δ⁽ˡ⁺¹⁾ⱼ) · g_l′(z⁽ˡ⁾ᵢ)            (one layer back)
//   ∂L/∂w⁽ˡ⁾ᵢⱼ = δ⁽ˡ⁾ⱼ · a⁽ˡ⁻¹⁾ᵢ,   ∂L/∂b⁽ˡ⁾ⱼ = δ⁽ˡ⁾ⱼ
// A step's true slope g′ is 0 wherever it is defined (everywhere but z = 0), so the exact gradient
// never passes a step layer. With the surrogate on (as training uses it, the default) the walk
// borrows σ′(k_s·z) = k_s·σ(k_s·z)·(1 − σ(k_s·z)) for g′ while the forward pass keeps the step:
// the same numbers LayeredGradient computes. Then over the batch:
//   ∂L/∂θ = (1/N) Σ_i ∂ℓ_i/∂θ   (= LayeredGradient::compute),   θ ← θ − η·∂L/∂θ
//
// Steps come per layer: a step with neuron −1 holds the whole layer's numbers in lists, and is
// followed by one step per neuron with its arithmetic (the window shows those of a wide layer only
// when the learner opens it). Qt-free; nothing here knows how a number is written.
#pragma once

#include "core/deep/LayeredGradient.h"
#include "core/deep/LayeredNetwork.h"

#include <Eigen/Core>
#include <vector>

namespace stepwise {

// The steps, and what their fields hold (layer: hidden layer 0-based, depth() for the output
// layer; a layer step has neuron −1, a neuron step its neuron j, 0-based):
//   Input          x enters                     values = x (d), value = t
//   Forward        layer:  values = z, second = a (width each)
//                  neuron: value = a_j, operands = {z_j, w_1j, a_1, …, w_nj, a_n, b_j}
//   Output         y = Σ vⱼ·aⱼ + c               value = y, operands = {v_1, a_1, …, c}
//   LossTerm       ℓ = (y − t)²                  value = ℓ, operands = {y, t}
//   DLdy           ∂L/∂y = 2·(y − t)/N           value = ∂L/∂y, operands = {y, t, N}
//   OutputGradient layer:  values = ∂L/∂v, value = ∂L/∂c
//                  neuron: value = ∂L/∂v_j, operands = {∂L/∂y, a_j}
//   Delta          layer:  values = δ, second = g′(z)
//                  neuron: value = δ_j, operands = {z_j, g′(z_j), w_j1, δ_1, …, w_jm, δ_m}: the
//                  weights out of neuron j with the δ they carry back (for the last hidden layer
//                  the one pair v_j, ∂L/∂y)
//   Gradient       layer:  values = the layer's ∂L/∂w then ∂L/∂b, in the flat layout's order
//                  neuron: values = {∂L/∂w_1j, …, ∂L/∂w_nj, ∂L/∂b_j}, operands = {δ_j, a_1, …, a_n}
//   BatchMean      per layer (and the output's): values = ∂L/∂θ of its parameters, second =
//                  Σ_i ∂ℓ_i/∂θ, value = N
//   DescentStep    per layer: values = θ after, second = θ before, value = η
//   LossAfter      value = L after, operands = {L before}
enum class LayeredWalkKind {
    Input,
    Forward,
    Output,
    LossTerm,
    DLdy,
    OutputGradient,
    Delta,
    Gradient,
    BatchMean,
    DescentStep,
    LossAfter,
};

enum class LayeredWalkPhase { Forward, Backward, Batch };
LayeredWalkPhase layeredWalkPhase(LayeredWalkKind kind);

struct LayeredWalkStep {
    LayeredWalkKind kind = LayeredWalkKind::Input;
    int layer = -1;  // hidden layer (0-based), depth() for the output layer, −1 for none
    int neuron = -1; // −1: the whole layer (or a step about no layer)
    double value = 0.0;
    std::vector<double> operands;
    std::vector<double> values, second;
    bool flowStops = false; // nothing flows back past here: ∂L/∂y = 0, or δ_j = 0 (every δ of a
                            // layer step)
};

struct LayeredBatch {
    int samples = 0;            // N
    double learningRate = 0.0;  // η
    Eigen::VectorXd sampleSums; // Σ_i ∂ℓ_i/∂θ, added sample by sample (packParams layout)
    Eigen::VectorXd gradient;   // ∂L/∂θ from LayeredGradient
    Eigen::VectorXd before, after; // θ and θ − η·∂L/∂θ
    LayeredNetwork networkAfter;
    double lossBefore = 0.0, lossAfter = 0.0;
};

struct LayeredWalk {
    std::vector<LayeredWalkStep> steps; // forward, backward, then the batch
    LayeredBatch batch;
    bool borrowedSlope = false; // some layer is a step and g′ there is the borrowed σ′(k_s·z)
};

// The forward and backward steps of one sample (x has net.inputs values) in a batch of `samples`.
// options.learns is ignored here: one sample's derivatives are shown for every parameter.
std::vector<LayeredWalkStep> layeredWalkSample(const LayeredNetwork& net,
                                               const Eigen::Ref<const Eigen::VectorXd>& x, double t,
                                               int samples,
                                               const LayeredBackpropOptions& options = {});
// The mean over the batch (x is d×N) and one descent step of rate η. Parameters of layers that
// options.learns freezes get 0 in sampleSums and gradient, as in LayeredGradient.
LayeredBatch layeredWalkBatch(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                              const Eigen::Ref<const Eigen::ArrayXd>& t, double learningRate,
                              const LayeredBackpropOptions& options = {});
// BatchMean for every layer (hidden layers input side first, then the output's), DescentStep for
// every layer, then LossAfter.
std::vector<LayeredWalkStep> layeredBatchSteps(const LayeredNetwork& net, const LayeredBatch& b);

// The whole walk of sample `sample` (a column of x).
LayeredWalk layeredWalk(const LayeredNetwork& net, const Eigen::Ref<const Eigen::MatrixXd>& x,
                        const Eigen::Ref<const Eigen::ArrayXd>& t, int sample, double learningRate,
                        const LayeredBackpropOptions& options = {});

// A layer of at most this many neurons shows its neurons' steps without being opened.
inline constexpr int kLayeredWalkOpenWidth = 4;

// From step i, the first later step about the whole layer or about no layer (a key that steps
// over the neurons' own steps). Returns steps.size() past the end.
int layeredSkipNeurons(const std::vector<LayeredWalkStep>& steps, int i);

// The slope the walk uses for g′ at z: the activation's, or for a step with the surrogate on
// σ′(k_s·z).
double layeredSlope(const Activation& g, double z, const LayeredBackpropOptions& options);

} // namespace stepwise

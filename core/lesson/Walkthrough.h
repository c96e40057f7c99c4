// Walkthrough: backpropagation as data. One sample walked forward and backward through the
// network, every number of the chain rule in the order the lesson shows it, then the mean over
// the batch and one step of gradient descent. The window steps through the list and writes each
// formula with the numbers plugged in; nothing here knows how a number is formatted.
//
// Forward, for the sample (x, t):
//   z_j = w_j·x + b_j,   a_j = g(z_j),   y = Σ_j v_j·a_j + c,   ℓ = (y − t)²
// The loss is the mean over the N samples of the batch, L = (1/N) Σ_i ℓ_i
// (core/network/Backprop.h), so every derivative of L this one sample carries has the factor 1/N:
//   ∂L/∂y   = 2·(y − t) / N
//   ∂L/∂v_j = ∂L/∂y · a_j                ∂L/∂c = ∂L/∂y
//   g′(z_j)                               the true slope: 0 for a step (and for ReLU at z ≤ 0)
//   δ_j     = ∂L/∂y · v_j · g′(z_j)       the error reaching neuron j's sum z_j
//   ∂L/∂w_j = δ_j · x                     ∂L/∂b_j = δ_j
// These are the sample's terms of the batch gradient, exactly backpropAt(). Over the batch:
//   ∂L/∂θ = Σ_i (term of sample i) = (1/N) Σ_i ∂ℓ_i/∂θ    (the mean of the per-sample gradients)
// which is what GradientKernel computes and the arrows beside the sliders show; then
//   θ ← θ − η·∂L/∂θ                       (plain gradient descent, learning rate η)
// and the loss before and after the step.
//
// Where g′(z_j) = 0 or δ_j = 0 nothing flows back past neuron j: its step says flowStops, and
// its ∂L/∂w_j and ∂L/∂b_j are 0.
#pragma once

#include "core/network/Backprop.h"
#include "core/network/Network.h"

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace stepwise {

// The lesson walks networks of up to this many hidden neurons (the functions accept more).
inline constexpr int kWalkthroughMaxNeurons = 64;

// The steps, their value and their operands (in the order the formula writes them):
//   Input          x enters                       x         {x, t}
//   PreActivation  z_j = w_j·x + b_j              z_j       {w_j, x, b_j}
//   Activation     a_j = g(z_j)                   a_j       {z_j}
//   Output         y = Σ_j v_j·a_j + c            y         {v_1, a_1, …, v_H, a_H, c}
//   LossTerm       ℓ = (y − t)²                   ℓ         {y, t}
//   DLdy           ∂L/∂y = 2·(y − t)/N            ∂L/∂y     {y, t, N}
//   DLdv           ∂L/∂v_j = ∂L/∂y · a_j          ∂L/∂v_j   {∂L/∂y, a_j}
//   DLdc           ∂L/∂c = ∂L/∂y                  ∂L/∂c     {∂L/∂y}
//   GPrime         g′(z_j)                        g′(z_j)   {z_j, a_j}
//   Delta          δ_j = ∂L/∂y · v_j · g′(z_j)    δ_j       {∂L/∂y, v_j, g′(z_j)}
//   DLdw           ∂L/∂w_j = δ_j · x              ∂L/∂w_j   {δ_j, x}
//   DLdb           ∂L/∂b_j = δ_j                  ∂L/∂b_j   {δ_j}
//   BatchMean      ∂L/∂θ = (1/N) Σ_i ∂ℓ_i/∂θ      ∂L/∂θ     {Σ_i ∂ℓ_i/∂θ, N}
//   DescentStep    θ ← θ − η·∂L/∂θ                new θ     {θ, η, ∂L/∂θ}
//   LossAfter      L after the step               L after   {L before}
enum class WalkKind {
    Input,
    PreActivation,
    Activation,
    Output,
    LossTerm,
    DLdy,
    DLdv,
    DLdc,
    GPrime,
    Delta,
    DLdw,
    DLdb,
    BatchMean,
    DescentStep,
    LossAfter,
};

// Which part of the walk a step belongs to.
enum class WalkPhase { Forward, Backward, Batch };
WalkPhase walkPhase(WalkKind kind);

struct WalkStep {
    WalkKind kind = WalkKind::Input;
    int neuron = -1;              // hidden neuron j (0-based); −1 when the step is about none
    std::optional<ParamId> param; // the parameter a gradient or descent step is about
    double value = 0.0;
    std::vector<double> operands; // in the order the formula above writes them
    bool flowStops = false; // g′ = 0 or δ = 0 (or ∂L/∂y = 0): nothing flows back past here
};

struct BatchSummary {
    int samples = 0;               // N
    double learningRate = 0.0;     // η
    Eigen::VectorXd sampleSums;    // Σ_i ∂ℓ_i/∂θ, sample by sample (packParams layout)
    Eigen::VectorXd meanOfSamples; // sampleSums / N
    Eigen::VectorXd gradient;      // ∂L/∂θ from GradientKernel: what the slider arrows show
    Eigen::VectorXd before, after; // θ and θ − η·∂L/∂θ
    Network networkAfter;
    double lossBefore = 0.0, lossAfter = 0.0;
};

struct Walkthrough {
    std::vector<WalkStep> steps; // forward, backward, then the batch
    BatchSummary batch;
    // A step network trained with the surrogate: g′ is the borrowed slope σ′(k·z), not the true 0.
    bool borrowedSlope = false;
};

// The forward and backward steps of one sample (x, t) in a batch of `samples` samples.
std::vector<WalkStep> walkSample(const Network& net, double x, double t, int samples,
                                 const BackpropOptions& options = {});

// The mean over the batch (x_i, t_i) and one descent step of rate η from net.
BatchSummary walkBatch(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                       const Eigen::Ref<const Eigen::ArrayXd>& t, double learningRate,
                       const BackpropOptions& options = {});
// Its steps: BatchMean for every parameter, DescentStep for every parameter, then LossAfter.
// Parameters come neuron by neuron (w_j, b_j, v_j), the output bias c last.
std::vector<WalkStep> batchSteps(const Network& net, const BatchSummary& batch);

// The whole walk: sample (x, t), whose N is the batch's size, then the batch.
Walkthrough walkthrough(const Network& net, double x, double t,
                        const Eigen::Ref<const Eigen::ArrayXd>& batchX,
                        const Eigen::Ref<const Eigen::ArrayXd>& batchT, double learningRate,
                        const BackpropOptions& options = {});

// Moving through the walk with many neurons. The indices of the steps a walk that follows neuron
// j shows (every step about no neuron, and neuron j's own); and from step i, the first later step
// that is about no neuron or belongs to another part of the walk (a key that steps over the other
// neurons). Returns steps.size() past the end.
std::vector<int> stepsFollowing(const std::vector<WalkStep>& steps, int neuron);
int skipNeurons(const std::vector<WalkStep>& steps, int i);

} // namespace stepwise

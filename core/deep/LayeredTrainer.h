// LayeredTrainer: gradient descent on a LayeredNetwork, one step at a time, as Trainer does for
// the one-layer network.
//
// Each step: L and ∂L/∂θ on the batch (all samples, or a mini-batch drawn without replacement
// from a shuffled epoch, the same Fisher–Yates draw as Trainer), then the optimizer
// (core/training/Optimizer.h: SGD, momentum or Adam) updates θ. Each layer, and the output
// layer, learns or is frozen (TrainSettings-like flags, per layer); a frozen layer's parameters
// never change and its optimizer state stays 0.
//
// Step layers train by the surrogate gradient (core/deep/LayeredGradient.h): the forward pass
// keeps the step, the backward pass uses σ'(k_s·z), k_s = surrogateSteepness. (The one-layer
// Trainer's annealing is not offered here.)
//
// Divergence: if the loss or the gradient is not finite, the loss exceeds kExplodeFactor times
// max(initial loss, 1), or an update makes a parameter non-finite, the step is undone, the last
// finite parameters are restored, and the run stops with diverged = true and a reason. Nothing
// non-finite ever leaves the trainer.
//
// Randomness comes only from the engine handed to the constructor, and the gradient's bits do
// not depend on the thread count: the same seed gives a bit-identical run on any machine with
// the same kernel set.
#pragma once

#include "core/deep/LayeredGradient.h"
#include "core/deep/LayeredNetwork.h"
#include "core/training/Optimizer.h"
#include "core/training/Trainer.h"

#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace stepwise {

struct LayeredTrainSettings {
    OptimizerSettings optimizer;
    int batchSize = 0; // 0 = full batch
    // Per layer, hidden layers input side first, then the output layer: whether it learns.
    // Empty (or shorter than depth + 1): the missing layers learn.
    std::vector<bool> learns;
    double surrogateSteepness = 10.0;
    double stopLoss = 0.0; // stop when the loss falls to this value (0 = never)
    int threads = 0;       // 0 = as LayeredGradient chooses; the result does not depend on it
    bool operator==(const LayeredTrainSettings&) const = default;
};

class LayeredTrainer {
public:
    // x is d×N (samples in columns), target has N values.
    LayeredTrainer(LayeredNetwork initial, Eigen::MatrixXd x, Eigen::ArrayXd target,
                   LayeredTrainSettings settings, std::mt19937_64 rng);

    // Why this trainer cannot train (a network networkProblem() rejects, inputs of the wrong
    // size, a non-finite or otherwise unusable setting), in one line naming the field; nothing
    // when it can. A trainer with a problem takes no step: run() returns at once with the problem
    // as its reason.
    const std::optional<std::string>& problem() const { return problem_; }

    // Takes up to `steps` steps. progress(stepsDone) is called every progressEvery steps and may
    // return false to cancel.
    TrainReport run(long steps, const std::function<bool(long)>& progress = {},
                    long progressEvery = 1000);
    TrainReport step() { return run(1); }

    const LayeredNetwork& network() const { return network_; }
    // Replaces the parameters (same shape: the optimizer state is kept; another shape: reset).
    void setNetwork(const LayeredNetwork& net);
    void setSettings(const LayeredTrainSettings& s);
    const LayeredTrainSettings& settings() const { return settings_; }

    long steps() const { return steps_; }
    double loss(); // of the current parameters
    const std::vector<double>& lossHistory() const { return lossHistory_; }
    void clearHistory() { lossHistory_.clear(); } // a long run keeps memory flat
    const Eigen::VectorXd& lastGradient() const { return gradient_; } // 0 for frozen layers

private:
    void check();
    void updateMask();
    LayeredBackpropOptions backpropOptions() const;

    LayeredNetwork network_;
    Eigen::MatrixXd x_;
    Eigen::ArrayXd t_;
    LayeredTrainSettings settings_;
    std::mt19937_64 rng_;
    Optimizer optimizer_;
    LayeredGradient kernel_;
    std::optional<std::string> problem_;
    Eigen::VectorXd params_, gradient_, mask_, lastGood_;
    Eigen::MatrixXd batchX_;
    Eigen::ArrayXd batchT_;
    std::vector<Eigen::Index> order_;
    Eigen::Index orderPos_ = 0;
    double initialLoss_ = -1.0;
    long steps_ = 0;
    std::vector<double> lossHistory_;
};

} // namespace stepwise

// Trainer: gradient descent on the network's parameters, one step at a time.
//
// Each step: compute L and ∂L/∂θ on the batch (all samples, or a mini-batch drawn without
// replacement from a shuffled epoch), then let the optimizer update θ. Only the masked layers
// learn (all, or the output layer only).
//
// A step network cannot learn its hidden layer by plain backprop (g' = 0). Two remedies:
//   surrogate  forward pass with the step, backward pass with σ'(k·z)        (straight-through)
//   anneal     train a sigmoid σ(k_t·z) whose steepness grows geometrically from kStart to
//              kEnd over annealSteps steps: k_t = kStart·(kEnd/kStart)^min(1, t/annealSteps).
//              network() keeps the step activation; trainingNetwork() is the sigmoid in use.
//
// Divergence: if the loss or the gradient is not finite, the loss exceeds kExplodeFactor times
// max(initial loss, 1), or an update makes a parameter non-finite, the run stops with
// diverged = true and a reason, and the parameters with the lowest loss the run reached are put
// back (not merely the last finite ones, which a blow-up has often already ruined: issue 15) and
// the optimizer's state is cleared. The
// run is everything since the network or the target was last set, across calls of run() and
// changes of settings; its losses are those the steps computed (the mini-batch's loss with
// mini-batches, the sigmoid's while annealing). Nothing non-finite ever leaves the trainer.
//
// Weight decay (L2 regularisation, weightDecay = λ > 0): the step descends
//   J(θ) = L(θ) + λ·Σ_j (w_j² + v_j²),   ∂J/∂w_j = ∂L/∂w_j + 2λ·w_j,   ∂J/∂v_j = ∂L/∂v_j + 2λ·v_j.
// The biases b_j and c are not decayed: a bias only shifts a curve, and pulling it to zero would
// drag the fit towards the origin instead of making it smoother. lastGradient() is ∂J/∂θ; the
// reported loss and lossHistory() stay L, the mean squared error on the training samples, so they
// compare with the test loss.
//
// Held-out points (setTestSet): the trainer never learns from them. Each step also computes the
// test loss of the parameters it starts from (the same parameters whose training loss goes into
// lossHistory()), kept in testLossHistory(). With earlyStopping, the parameters with the lowest
// test loss seen so far are kept (bestNetwork()); with patience P > 0 the run stops once P steps
// have gone by without a lower test loss, and the network is set back to the best parameters.
//
// Randomness comes only from the engine handed to the constructor: the same seed gives a
// bit-identical run. With weight decay off and no test set, nothing of the above runs.
#pragma once

#include "core/network/Backprop.h"
#include "core/network/Network.h"
#include "core/training/Optimizer.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise {

enum class StepTraining { Surrogate, Anneal };
enum class LearningLayers { All, OutputOnly };

std::string_view stepTrainingName(StepTraining s);
std::optional<StepTraining> stepTrainingFromName(std::string_view name);
std::string_view learningLayersName(LearningLayers l);
std::optional<LearningLayers> learningLayersFromName(std::string_view name);

struct TrainSettings {
    OptimizerSettings optimizer;
    int batchSize = 0; // 0 = full batch
    LearningLayers layers = LearningLayers::All;
    StepTraining stepTraining = StepTraining::Surrogate;
    double surrogateSteepness = 10.0;
    double annealStart = 2.0, annealEnd = 200.0;
    long annealSteps = 3000;
    double stopLoss = 0.0; // stop when the loss falls to this value (0 = never)
    std::uint64_t seed = 1;
    double weightDecay = 0.0;   // λ of L2 regularisation on w and v (0 = off)
    bool earlyStopping = false; // keep the parameters with the lowest test loss
    long patience = 0;          // with earlyStopping: stop after this many steps without a new
                                // lowest test loss and go back to it (0 = keep training)
    bool operator==(const TrainSettings&) const = default;
};

inline constexpr double kExplodeFactor = 1.0e6;

struct TrainReport {
    long steps = 0;    // total steps taken by this trainer
    double loss = 0.0; // loss of the current parameters (training activation)
    bool diverged = false;
    bool reachedStopLoss = false;
    bool cancelled = false;
    bool stoppedEarly = false;      // early stopping ran out of patience (network() is the best)
    std::optional<double> testLoss; // of the current parameters, when there is a test set
    std::string reason;             // why it diverged and what was put back, in plain words
    // On divergence: the parameters with the lowest loss of the run are back, and that loss.
    bool restoredBest = false;
    double bestLoss = 0.0;
};

// λ·Σ_j (w_j² + v_j²): the weight decay term of the objective (biases are not decayed).
double weightPenalty(const Network& net, double lambda);

// Portable helpers on a 64-bit Mersenne Twister, so runs are identical on every platform
// (std::uniform_*_distribution differ between standard libraries).
double uniform01(std::mt19937_64& rng);
std::uint64_t uniformIndex(std::mt19937_64& rng, std::uint64_t n); // in [0, n)

class Trainer {
public:
    Trainer(Network initial, Eigen::ArrayXd x, Eigen::ArrayXd target, TrainSettings settings,
            std::mt19937_64 rng);

    // Takes up to `steps` steps. progress(stepsDone) is called every progressEvery steps and
    // may return false to cancel.
    TrainReport run(long steps, const std::function<bool(long)>& progress = {},
                    long progressEvery = 1000);
    TrainReport step() { return run(1); }

    const Network& network() const { return network_; }
    Network trainingNetwork() const; // with the activation used for the gradient (annealing)
    // Replaces the parameters (a learner moved a slider); the optimizer state is kept.
    void setNetwork(const Network& net);
    void setSettings(const TrainSettings& s);
    const TrainSettings& settings() const { return settings_; }
    void setTarget(Eigen::ArrayXd target);
    // Held-out points: scored every step, never learnt from. Empty arrays (or arrays of different
    // lengths) remove them. Forgets the best parameters kept so far.
    void setTestSet(Eigen::ArrayXd x, Eigen::ArrayXd target);
    bool hasTestSet() const { return testX_.size() > 0; }
    std::optional<double> testLoss() const; // of the current parameters (training activation)
    const std::vector<double>& testLossHistory() const { return testLossHistory_; }
    // With earlyStopping: the parameters with the lowest test loss so far, that loss, and the
    // step count at which they were the current parameters (-1: none yet; then bestNetwork() is
    // network()).
    const Network& bestNetwork() const { return bestStep_ >= 0 ? bestTest_ : network_; }
    double bestTestLoss() const { return bestTestLoss_; }
    long bestStep() const { return bestStep_; }

    long steps() const { return steps_; }
    double loss() const; // loss of the current parameters with the training activation
    double currentSteepness() const;
    const std::vector<double>& lossHistory() const { return lossHistory_; }
    // The lowest loss a step of this run computed (+∞ before the first step), and its parameters
    // (packParams layout; empty before the first step).
    double bestLoss() const { return bestLoss_; }
    const Eigen::VectorXd& bestParams() const { return best_; }
    // The parameters before each step (packParams layout), when recording is on.
    void setRecordParams(bool on) { recordParams_ = on; }
    const std::vector<Eigen::VectorXd>& paramHistory() const { return paramHistory_; }
    const Eigen::VectorXd& lastGradient() const { return gradient_; }
    // Forgets the recorded losses and parameters (a long-running caller that has copied them).
    void clearHistory() {
        lossHistory_.clear();
        testLossHistory_.clear();
        paramHistory_.clear();
    }

private:
    void updateMask();
    void keepIfBest(double testLoss, const Eigen::VectorXd& params);

    Network network_;
    Eigen::ArrayXd x_, t_;
    TrainSettings settings_;
    std::mt19937_64 rng_;
    Optimizer optimizer_;
    GradientKernel kernel_;
    void forgetBest();
    void restoreBest(TrainReport& report);

    Eigen::VectorXd params_, gradient_, mask_, best_;
    double bestLoss_ = std::numeric_limits<double>::infinity();
    Eigen::ArrayXd batchX_, batchT_;
    std::vector<Eigen::Index> order_;
    Eigen::Index orderPos_ = 0;
    double initialLoss_ = -1.0;
    long steps_ = 0;
    std::vector<double> lossHistory_;
    Eigen::ArrayXd testX_, testT_;
    GradientKernel testKernel_;
    std::vector<double> testLossHistory_;
    Network bestTest_; // early stopping: the parameters of the lowest test loss
    double bestTestLoss_ = 0.0;
    long bestStep_ = -1;
    bool recordParams_ = false;
    std::vector<Eigen::VectorXd> paramHistory_;
};

} // namespace stepwise

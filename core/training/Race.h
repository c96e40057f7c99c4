// Race: several optimizers (or learning rates) trained side by side, step for step, from the same
// starting weights on the same samples, so that their losses can be compared fairly.
//
// Fair means: every racer is a Trainer of its own built from the same network, the same samples
// and a random engine seeded with the same seed (so a mini-batch run draws the same batches in
// every racer), and every call of run(n) takes n steps in each racer still going. Only the
// optimizer settings differ. Results depend only on the number of steps taken, never on how they
// are split between calls (a caller stepping in display frames gets the same numbers at any
// frame rate).
//
// A racer that diverges (Trainer's rules: a non-finite or exploding loss) stops where it diverged,
// its parameters set back to the lowest loss it reached; the others go on. The race ends when
// every racer has taken `steps` steps or stopped. The winner is the racer, of those that did not
// diverge, with the lowest loss at the end (the mean squared error on the training samples of its
// current parameters); bestStep() says at which step it first came within 1 % of that loss.
#pragma once

#include "core/training/Trainer.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stepwise {

struct RacerSpec {
    std::string name;            // "Adam", "η = 0.01": for the caller to show
    OptimizerSettings optimizer; // the only setting that differs between racers
};

struct RacerState {
    long steps = 0;
    double loss = 0.0; // loss of the current parameters (finite)
    bool diverged = false;
    std::string reason;         // why it diverged, from the Trainer
    std::vector<double> losses; // the loss before each step it took
};

class Race {
public:
    // settings: what every racer shares (batch size, layers, weight decay, seed …); each racer
    // replaces its optimizer settings. Stop-at-loss and early stopping are off in a race (a racer
    // runs its steps or diverges). steps: the length of the race, > 0.
    Race(const Network& start, const Eigen::ArrayXd& x, const Eigen::ArrayXd& target,
         const TrainSettings& settings, std::vector<RacerSpec> racers, long steps);
    ~Race();
    Race(const Race&) = delete;
    Race& operator=(const Race&) = delete;

    // Takes up to n steps in every racer still going (never past the race's length).
    void run(long n);
    bool finished() const;
    long length() const { return length_; }
    long stepsDone() const; // the steps of the racers still going, or the length when finished

    int size() const { return static_cast<int>(specs_.size()); }
    const RacerSpec& spec(int i) const { return specs_[i]; }
    const RacerState& state(int i) const { return states_[i]; }
    const Network& network(int i) const;

    // The winner once finished (or now, when asked early): nullopt when every racer diverged.
    std::optional<int> winner() const;
    // The step at which racer i's loss first came within 1 % of its final loss.
    long bestStep(int i) const;

private:
    std::vector<RacerSpec> specs_;
    std::vector<std::unique_ptr<Trainer>> trainers_;
    std::vector<RacerState> states_;
    long length_;
};

} // namespace stepwise

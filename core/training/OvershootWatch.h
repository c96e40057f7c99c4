// OvershootWatch: notices a run whose loss, once well down, keeps leaping back up and settling
// again. That is what a learning rate too big for the bottom of the valley does (Adam with a
// constant rate does it near convergence): each step near the minimum overshoots, and every few
// hundred steps the loss spikes tenfold or more. The window says so and suggests a smaller rate.
// It reads full-batch losses only: a mini-batch loss jumps about by itself.
#pragma once

#include <limits>

namespace stepwise {

class OvershootWatch {
public:
    // A spike: after the run has brought the loss below a tenth of where it started, it climbs
    // above kFactor times the lowest loss so far, and to a size one would see on the loss curve
    // (kVisible of where it started; leaps among losses of 1e-7 are rounding). Overshooting:
    // kEnough spikes.
    static constexpr double kFactor = 10.0;
    static constexpr double kVisible = 0.01;
    static constexpr int kEnough = 3;

    void add(double loss);
    void reset() { *this = OvershootWatch(); }

    int spikes() const { return spikes_; }
    bool overshooting() const { return spikes_ >= kEnough; }

private:
    double first_ = -1.0;
    double best_ = std::numeric_limits<double>::infinity();
    bool inSpike_ = false;
    int spikes_ = 0;
};

} // namespace stepwise

#include "core/training/Race.h"

#include <algorithm>
#include <cmath>

namespace stepwise {

Race::Race(const Network& start, const Eigen::ArrayXd& x, const Eigen::ArrayXd& target,
           const TrainSettings& settings, std::vector<RacerSpec> racers, long steps)
    : specs_(std::move(racers)), length_(std::max(1L, steps)) {
    for (const RacerSpec& r : specs_) {
        TrainSettings s = settings;
        s.optimizer = r.optimizer;
        s.stopLoss = 0.0;
        s.earlyStopping = false;
        s.patience = 0;
        // The same starting weights, samples and seed for every racer.
        trainers_.push_back(
            std::make_unique<Trainer>(start, x, target, s, std::mt19937_64(settings.seed)));
        RacerState st;
        st.loss = trainers_.back()->loss();
        if (!std::isfinite(st.loss)) st.loss = 0.0;
        states_.push_back(std::move(st));
    }
}

Race::~Race() = default;

void Race::run(long n) {
    for (std::size_t i = 0; i < trainers_.size(); ++i) {
        RacerState& st = states_[i];
        if (st.diverged || st.steps >= length_) continue;
        Trainer& t = *trainers_[i];
        const TrainReport r = t.run(std::min(n, length_ - st.steps));
        st.steps = r.steps;
        st.loss = r.loss;
        const std::vector<double>& h = t.lossHistory();
        st.losses.insert(st.losses.end(), h.begin(), h.end());
        t.clearHistory();
        if (r.diverged) {
            st.diverged = true;
            st.reason = r.reason;
            // The trainer put back the lowest-loss parameters: their loss, finite.
            st.loss = r.restoredBest ? r.bestLoss : t.loss();
        }
        if (!std::isfinite(st.loss)) st.loss = 0.0; // never happens: the trainer guards it
    }
}

bool Race::finished() const {
    return std::all_of(states_.begin(), states_.end(),
                       [this](const RacerState& s) { return s.diverged || s.steps >= length_; });
}

long Race::stepsDone() const {
    if (finished()) return length_;
    long done = length_;
    for (const RacerState& s : states_)
        if (!s.diverged) done = std::min(done, s.steps);
    return done;
}

const Network& Race::network(int i) const {
    return trainers_[static_cast<std::size_t>(i)]->network();
}

std::optional<int> Race::winner() const {
    std::optional<int> best;
    for (int i = 0; i < size(); ++i) {
        const RacerState& s = states_[static_cast<std::size_t>(i)];
        if (s.diverged) continue;
        if (!best || s.loss < states_[static_cast<std::size_t>(*best)].loss) best = i;
    }
    return best;
}

long Race::bestStep(int i) const {
    const RacerState& s = states_[static_cast<std::size_t>(i)];
    const double goal = s.loss * 1.01;
    for (std::size_t k = 0; k < s.losses.size(); ++k)
        if (s.losses[k] <= goal) return static_cast<long>(k);
    return s.steps;
}

} // namespace stepwise

#include "ui/training/TrainingHistory.h"

#include <algorithm>

namespace stepwise::ui {

TrainingHistory::TrainingHistory(std::size_t maxPoints)
    : max_(std::max<std::size_t>(maxPoints, 2)) {}

void TrainingHistory::add(long step, double loss, const Eigen::VectorXd* params) {
    if (step % stride_ != 0) return;
    const bool withParams = params && params_.size() == losses_.size();
    steps_.push_back(static_cast<double>(step));
    losses_.push_back(loss);
    if (withParams) params_.push_back(*params);
    if (losses_.size() > max_) thin();
}

void TrainingHistory::append(const TrainingHistory& later) {
    for (std::size_t i = 0; i < later.losses_.size(); ++i)
        add(static_cast<long>(later.steps_[i]), later.losses_[i],
            i < later.params_.size() ? &later.params_[i] : nullptr);
}

void TrainingHistory::thin() {
    while (losses_.size() > max_) {
        const std::size_t before = losses_.size(), withParams = params_.size();
        const long keep = 2 * stride_;
        // Steps that repeat (a run restarted from 0) may all be multiples: then every second.
        const bool byStep = std::any_of(steps_.begin(), steps_.end(),
                                        [keep](double s) { return static_cast<long>(s) % keep; });
        std::size_t k = 0, kp = 0;
        for (std::size_t m = 0; m < before; ++m) {
            if (byStep ? static_cast<long>(steps_[m]) % keep != 0 : m % 2 != 0) continue;
            steps_[k] = steps_[m];
            losses_[k] = losses_[m];
            if (m < withParams) params_[kp++] = std::move(params_[m]);
            ++k;
        }
        steps_.resize(k);
        losses_.resize(k);
        params_.resize(kp);
        stride_ = keep;
    }
}

void TrainingHistory::clear() {
    stride_ = 1;
    steps_.clear();
    losses_.clear();
    params_.clear();
}

} // namespace stepwise::ui

#include "core/training/OvershootWatch.h"

#include <cmath>

namespace stepwise {

void OvershootWatch::add(double loss) {
    if (!std::isfinite(loss) || loss < 0.0) return;
    if (first_ < 0.0) first_ = loss;
    const bool settled = best_ < 0.1 * first_;
    if (inSpike_) {
        if (loss < 2.0 * best_) inSpike_ = false; // back down: the spike is over
    } else if (settled && loss > kFactor * best_ && loss > kVisible * first_) {
        inSpike_ = true;
        ++spikes_;
    }
    if (loss < best_) best_ = loss;
}

} // namespace stepwise

#include "core/data/Noise.h"
#include "core/training/Trainer.h" // uniform01

#include <cmath>
#include <numbers>

namespace stepwise {

double standardNormal(std::mt19937_64& rng) {
    const double u1 = 1.0 - uniform01(rng); // (0, 1]: the logarithm stays finite
    const double u2 = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void addNoise(std::vector<TargetPoint>& points, double sd, std::mt19937_64& rng) {
    if (!(sd > 0.0)) return;
    for (TargetPoint& p : points)
        p.y += sd * standardNormal(rng);
}

void addNoise(Eigen::Ref<Eigen::ArrayXd> y, double sd, std::mt19937_64& rng) {
    if (!(sd > 0.0)) return;
    for (Eigen::Index i = 0; i < y.size(); ++i)
        y[i] += sd * standardNormal(rng);
}

} // namespace stepwise

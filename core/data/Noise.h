// Noise: Gaussian noise of a given standard deviation, drawn the same way on every platform.
//
// std::normal_distribution is not used: each standard library draws it differently. Instead,
// Box–Muller over the project's uniform01 (core/training/Trainer.h):
//   u1 = 1 − uniform01(rng) ∈ (0, 1],   u2 = uniform01(rng) ∈ [0, 1)
//   z  = √(−2·ln u1) · cos(2π·u2)                                    z ~ N(0, 1)
// Each normal takes the engine's next two outputs (the sine partner is not kept), so the k-th
// value depends only on outputs 2k and 2k + 1. std::mt19937_64 is specified bit for bit by the
// standard; ln, cos and √ come from <cmath> (correctly rounded √, and ln and cos within an ulp
// of each other on the usual platforms).
#pragma once

#include "core/scenario/TargetCurve.h"

#include <Eigen/Core>
#include <random>
#include <vector>

namespace stepwise {

// One draw from N(0, 1).
double standardNormal(std::mt19937_64& rng);

// y_i += sd·z_i for i = 0, 1, … in order. sd ≤ 0 leaves the values alone and draws nothing.
void addNoise(std::vector<TargetPoint>& points, double sd, std::mt19937_64& rng);
void addNoise(Eigen::Ref<Eigen::ArrayXd> y, double sd, std::mt19937_64& rng);

} // namespace stepwise

// DataSet: the points a network learns from and the points held out to test it, and the loss on
// a set of points.
//
// From a target (makeDataSet):
//   1. the points: the target's measured points when it has any; otherwise the curve's samples
//      (x_i, t_i) on the domain grid; none when the target defines nothing;
//   2. noise: y_i += sd·z_i in point order, z from std::mt19937_64(noise.seed) (core/data/Noise.h);
//   3. the split: k = round(fraction·n) test points, at least 1 when fraction > 0 and n ≥ 2, at
//      most n − 1 (one point is always left to learn from). A partial Fisher–Yates shuffle with
//      std::mt19937_64(split.seed) picks them: order = 0, 1, …, n − 1; for i = 0 … k − 1 swap
//      order[i] with order[i + uniformIndex(rng, n − i)]; order[0 … k − 1] are the test points.
//      The choice depends only on n, k and the seed, not on the values, so changing a point's
//      value (or the noise) never changes which points are held out.
// Noise and split have seeds of their own, so a new split leaves the noise as it was.
// train and test keep the points' order.
//
// The loss on points is the trainer's: the mean squared error (1/N)·Σ(y(x_i) − y_i)², computed by
// the same kernels (stepwise::loss), without any weight decay term.
#pragma once

#include "core/network/Network.h"
#include "core/scenario/Scenario.h"

#include <Eigen/Core>
#include <cstddef>
#include <optional>
#include <random>
#include <vector>

namespace stepwise {

struct DataSet {
    std::vector<TargetPoint> points; // every point, noise added
    std::vector<bool> isTest;        // one per point: held out
    std::vector<TargetPoint> train, test;
};

// Which of n points are held out, by the rule above (rng is std::mt19937_64(seed)).
std::vector<bool> chooseTestPoints(std::size_t n, double fraction, std::mt19937_64& rng);

DataSet makeDataSet(std::vector<TargetPoint> points, const TargetNoise& noise,
                    const TestSplit& split);
DataSet makeDataSet(const TargetCurve& target, const Domain& domain);

// The domain that follows the points: [min x − margin·w, max x + margin·w] with w = max x − min x
// (w = 1 when every x is the same), clamped to ±kMaxCoordinate as a scenario's domain is (points
// farther out then lie outside it). The samples are left as given. Without points, nothing.
std::optional<Domain> domainForPoints(const std::vector<TargetPoint>& points, double margin = 0.05,
                                      int samples = kDefaultSamples);

// A view that shows the points: x over the domain, y over the points' range with 12 % of it
// (at least 0.1) above and below.
ViewRect viewForPoints(const std::vector<TargetPoint>& points, const Domain& domain);

struct PointArrays {
    Eigen::ArrayXd x, y;
};
PointArrays toArrays(const std::vector<TargetPoint>& points);

// The mean squared error of the network on the points; none for no points.
std::optional<double> pointsLoss(const Network& net, const std::vector<TargetPoint>& points);

} // namespace stepwise

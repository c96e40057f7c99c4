// RandomLayered: a seeded starting network for training on the box [lo, hi]^d, spread over the
// domain as randomNetwork() (core/scenario/Presets.h) spreads one layer.
//
// First layer, neuron j of n: a slope s = (2 + 4u)·2/(hi − lo) and a direction u_j (d = 1: ±1;
// d > 1: a random unit vector); over the box, u_j·x runs from m to M, and the neuron switches at
// the level p_j = m + (M − m)·(j + 0.25 + 0.5u)/n, so w_j = s·u_j, b_j = −s·p_j. The switching
// points are thus spread evenly over the domain with a little jitter, every one inside it; for
// d = 1 the first layer is exactly randomNetwork()'s, draw for draw.
//
// Deeper layers, neuron j of n: weights r uniform in [−1, 1]; over a fixed set of points of the
// domain (65 evenly spaced for d = 1, 256 drawn uniformly for d > 1) the weighted input
// q = r·a_{l−1}(x) takes values from m to M; the neuron switches at the quantile
// (j + 0.25 + 0.5u)/n of those values and its weights are scaled so that z spans (2 + 4u)·2 over
// them, as the first layer's does over the domain. So every layer starts with its switching
// points inside the range its inputs take on the domain.
//
// Output: weights uniform in [−0.5, 0.5), bias 0 (as randomNetwork()).
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <random>
#include <vector>

namespace stepwise {

// An empty network (depth 0) when shapeProblem() rejects the shape.
LayeredNetwork randomLayeredNetwork(int inputs, const std::vector<LayerShape>& layers, double lo,
                                    double hi, std::mt19937_64& rng);

} // namespace stepwise

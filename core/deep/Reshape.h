// Reshape: a LayeredNetwork given a new shape (inputs, hidden layers, widths, activations) that
// keeps what it can of the old one's parameters.
//
// For every hidden layer that both shapes have (layer l of the old and of the new, counted from
// the input side), the overlapping block of W_l (the first min(old, new) rows and columns) and
// of b_l is kept and the layer takes its new activation. A neuron that is new gets its incoming
// weights and bias as a fresh randomLayeredNetwork() of the new shape on [lo, hi] gives that
// neuron (so its switching point lies inside the range its inputs take there); a weight from a
// new neuron or a new input into a kept neuron, and the output weight of a new neuron, are 0. So
// when neurons or inputs are only added (same depth, same activations), every kept neuron and
// the output compute exactly what they did: nothing jumps, and training grows the new weights.
//
// A layer past the old depth is wholly fresh, and when the depth changes the output weights v
// are fresh too (they would weigh neurons of another layer); the output bias c is always kept.
// The random draws are those of randomLayeredNetwork(inputs, layers, lo, hi, rng).
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <random>
#include <vector>

namespace stepwise {

// An empty network (depth 0) when shapeProblem() rejects the new shape. `net` must be accepted
// by networkProblem() (an empty network gives the fresh random one).
LayeredNetwork reshape(const LayeredNetwork& net, int inputs, const std::vector<LayerShape>& layers,
                       double lo, double hi, std::mt19937_64& rng);

} // namespace stepwise

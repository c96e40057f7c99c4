// Pieces: where a network of one input bends, and how many straight pieces its output has.
//
// A network whose every hidden layer is ReLU or identity has an output that is continuous and
// piecewise linear in x: it bends only where some neuron's sum z crosses 0. A hidden layer of n
// ReLU neurons fed by x alone bends in at most n places, so one hidden layer of n neurons gives
// at most n + 1 pieces; a deeper layer acts on the bent curves of the layer before and can bend
// every piece again, so the count can multiply with depth (chapter 10, "What depth buys").
//
// Counted numerically on `samples` evenly spaced points of [lo, hi]: the slope of each cell
// between neighbours; cells of one slope (to a relative 1e-7) run together; a lone cell between
// two runs of different slopes holds a bend (its slope is a mix of its neighbours'), as does the
// border between two runs. Bends closer together than two cells are counted as one; with the
// default 8192 samples on the domain that is a two-thousandth of its width.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <optional>
#include <vector>

namespace stepwise {

inline constexpr int kPieceSamples = 8192;

// Whether every hidden layer is ReLU or identity and there is one input: the output is then
// piecewise linear and pieces are well defined.
bool piecewiseLinear(const LayeredNetwork& net);

// The x of each bend of the output inside (lo, hi), in increasing order; nothing when the network
// is not piecewiseLinear or the interval is empty.
std::optional<std::vector<double>> outputBends(const LayeredNetwork& net, double lo, double hi,
                                               int samples = kPieceSamples);

// The number of straight pieces of the output on [lo, hi] (bends + 1), or nothing as above.
std::optional<int> linearPieces(const LayeredNetwork& net, double lo, double hi,
                                int samples = kPieceSamples);

// Folding the line: `layers` (1 to 3) hidden layers of two ReLU neurons that compute the tent
// T(s) = 1 − 2|s| (|s| = ReLU(s) + ReLU(−s)) and feed it on, so the output is T applied `layers`
// times: T maps [−1, 1] onto itself twice over, and T∘…∘T has 2^layers pieces from 2·layers
// neurons, where one hidden layer needs 2^layers − 1 neurons for as many. An empty network for
// another number of layers.
LayeredNetwork foldNetwork(int layers);

} // namespace stepwise

// Pieces: where a network of one input bends, and how many straight pieces its output has.
//
// A network whose every hidden layer is ReLU or identity has an output that is continuous and
// piecewise linear in x: it bends only where some neuron's sum z crosses 0. A hidden layer of n
// ReLU neurons fed by x alone bends in at most n places, so one hidden layer of n neurons gives
// at most n + 1 pieces; a deeper layer acts on the bent curves of the layer before and can bend
// every piece again, so the count can multiply with depth (chapter 10, "What depth buys").
//
// Found exactly, layer by layer: the sums z of layer 1 are straight lines in x, and a ReLU neuron
// bends only where its z crosses 0 (x = −b/w). Between two consecutive breakpoints found so far,
// every sum of the next layer is again a straight line, so where it changes sign is where the
// line through its two end values crosses 0. After the last layer, the output's slope on each
// piece is taken by the chain rule forward at the piece's middle (dy/dx = v·D_L·W_L ⋯ D_1·W_1,
// D_l the 0/1 slopes of layer l's neurons there), exact for each piece; a bend is a breakpoint
// where that slope changes (by more than 1e-9 of the largest slope): a neuron that bends there
// but whose bend the output weights cancel, or whose output weight is 0, makes none.
//
// A ReLU layer of n neurons can cut each piece n times, so three layers of 64 could in principle
// give about 280 000 places to look at: past kMaxBreakpoints the count gives up (nothing).
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <optional>
#include <vector>

namespace stepwise {

inline constexpr long kMaxBreakpoints = 20000;

// Whether every hidden layer is ReLU or identity and there is one input: the output is then
// piecewise linear and pieces are well defined.
bool piecewiseLinear(const LayeredNetwork& net);

// The x of each bend of the output inside (lo, hi), in increasing order; nothing when the network
// is not piecewiseLinear, the interval is empty or not finite, or there are more than
// kMaxBreakpoints places to look at.
std::optional<std::vector<double>> outputBends(const LayeredNetwork& net, double lo, double hi);

// The number of straight pieces of the output on [lo, hi] (bends + 1), or nothing as above.
std::optional<int> linearPieces(const LayeredNetwork& net, double lo, double hi);

// Folding the line: `layers` (1 to 3) hidden layers of two ReLU neurons that compute the tent
// T(s) = 1 − 2|s| (|s| = ReLU(s) + ReLU(−s)) and feed it on, so the output is T applied `layers`
// times: T maps [−1, 1] onto itself twice over, and T∘…∘T has 2^layers pieces from 2·layers
// neurons, where one hidden layer needs 2^layers − 1 neurons for as many. An empty network for
// another number of layers.
LayeredNetwork foldNetwork(int layers);

} // namespace stepwise

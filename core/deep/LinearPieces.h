// LinearPieces: where the output of a one-input network of ReLU (and identity) layers bends, and
// so into how many straight pieces it falls on a domain.
//
// Each such layer is piecewise linear in x, so the output is too. The breakpoints are found
// exactly, layer by layer: the sums z of layer 1 are straight lines, and each neuron can bend only
// where its z crosses 0 (x = −b/w). Between two consecutive breakpoints found so far, every sum
// of the next layer is again a straight line, so where it changes sign is where the line through
// its two end values crosses 0. After the last layer, the output's slope is compared on each side
// of every breakpoint: a kink is a breakpoint where the slope changes (a neuron that bends there
// but whose bend the output weights cancel, or whose output weight is 0, makes none). The
// pieces are the kinks inside the domain plus one.
//
// A ReLU layer of n neurons at most multiplies the pieces by n + 1 (each piece is cut at most
// once per neuron), so three layers of 64 could in principle make about 280 000 pieces: the
// count gives up (returns nothing) past kMaxBreakpoints.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <optional>
#include <vector>

namespace stepwise {

struct LinearPieces {
    std::vector<double> kinks; // inside (lo, hi), ascending
    long pieces() const { return static_cast<long>(kinks.size()) + 1; }
};

// Whether every hidden layer is ReLU or identity (the output of such a network is piecewise
// linear in its inputs).
bool piecewiseLinear(const LayeredNetwork& net);

inline constexpr long kMaxBreakpoints = 20000;

// The kinks of the output on [lo, hi]; nothing when the network has more than one input, is not
// piecewise linear, the domain is empty or not finite, or there are more than kMaxBreakpoints
// places to look at.
std::optional<LinearPieces> linearPieces(const LayeredNetwork& net, double lo, double hi);

} // namespace stepwise

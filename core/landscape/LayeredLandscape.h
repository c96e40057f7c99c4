// LayeredLandscape: the loss of a LayeredNetwork (core/deep, any depth, one or two inputs) over a
// grid of values of two of its parameters, every other parameter held at its value. Parameters
// are named by their flat index (packParams layout; core/deep/LayeredNames.h names them).
//
// The loss is the one the layered trainer minimises (core/deep/LayeredGradient.h):
//   L = (1/N) Σ_i (y_i − t_i)²
// over the columns of X (d×N) and the targets T (N).
//
// How it is computed:
// - Both parameters on the output layer (vⱼ or c): y is linear in them, so L is an exact
//   quadratic (as core/landscape/LossLandscape.h), O(N) once and O(1) per grid point.
// - Otherwise call a the parameter of the lower layer (input side) and b the other. The layers
//   below a's are computed once. For each value of a the layers from a's up to b's input are
//   computed once; then, for each value of b, only what b changes: b moves one row of its
//   layer's sums (one neuron), so the next layer gets a rank-one update and the layers above a
//   plain forward pass. When b is on the output layer, L is a quadratic in b for each value of a,
//   so a row costs one forward pass.
// The values of a are shared between the cores (std::thread); each row of the grid is computed
// the same way by whichever thread takes it, so the result does not depend on the thread count.
// A loss too large for a double is +∞ (never NaN).
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <Eigen/Core>

#include <functional>

namespace stepwise {

struct LayeredLandscapeAxes {
    long p = 0, q = 1; // flat indices
    double pLo = -3.0, pHi = 3.0, qLo = -3.0, qHi = 3.0;
    int nx = 100, ny = 100; // grid points along p and q (2 … kMaxLandscapeGrid)
    bool operator==(const LayeredLandscapeAxes&) const = default;
    bool sameWindow(const LayeredLandscapeAxes& o) const {
        return p == o.p && q == o.q && pLo == o.pLo && pHi == o.pHi && qLo == o.qLo && qHi == o.qHi;
    }
};

struct LayeredLandscape {
    LayeredLandscapeAxes axes;
    Eigen::MatrixXd loss; // loss(i, k): p at its i-th value, q at its k-th value
    bool complete = false;
    double valueP(int i) const;
    double valueQ(int k) const;
};

// Both are output parameters (vⱼ or c) of net: the landscape is an exact quadratic bowl.
bool layeredLandscapeIsQuadratic(const LayeredNetwork& net, long p, long q);

// Axes centred on the current values of p and q, wide enough to show the surface around them.
LayeredLandscapeAxes defaultLayeredAxes(const LayeredNetwork& net, long p, long q,
                                        int resolution = 100);

// The landscape over axes for inputs x (net.inputs × N) and targets t (N). progress(fraction
// done) may return false to cancel; the result then has complete = false, as it has when net is
// not a valid network, p or q is not one of its parameters, p = q, or x and t do not match.
LayeredLandscape computeLayeredLandscape(const LayeredNetwork& net,
                                         const Eigen::Ref<const Eigen::MatrixXd>& x,
                                         const Eigen::Ref<const Eigen::ArrayXd>& t,
                                         LayeredLandscapeAxes axes,
                                         const std::function<bool(double)>& progress = {});

// One parameter set by flat index (nothing happens for an index outside the network).
void setLayeredParamValue(LayeredNetwork& net, long flatIndex, double value);

} // namespace stepwise

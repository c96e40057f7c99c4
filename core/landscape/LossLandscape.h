// LossLandscape: the loss over a grid of values of two parameters, the others held fixed.
//
// Both parameters on the output layer (weights v_j or the bias c): y is linear in them, so with
// f_p, f_q their features (a_p(x) for a weight, 1 for the bias) and r the residual without them,
//   L(α, β) = R + 2α·Rp + 2β·Rq + α²·Fpp + 2αβ·Fpq + β²·Fqq
// where R = ⟨r²⟩, Rp = ⟨r·f_p⟩, Fpq = ⟨f_p·f_q⟩ (⟨·⟩ the mean over samples): a quadratic bowl
// computed in O(N) once and O(1) per grid point, whose minimum solves the 2×2 system
//   [Fpp Fpq; Fpq Fqq]·[α; β] = −[Rp; Rq]   (the least-squares point).
// Parameters of two different neurons: with u_i the residual with p at its i-th value and q_k
// neuron q's contribution at its k-th value, L = (‖u_i‖² + 2·u_iᵀq_k + ‖q_k‖²)/N, one matrix
// product for the whole grid. Two parameters of one neuron: evaluated point by point (with
// both cores), except when one of them is the neuron's output weight, which is again quadratic.
#pragma once

#include "core/network/Network.h"

#include <functional>
#include <optional>

namespace stepwise {

inline constexpr int kMaxLandscapeGrid = 1024;

// The i-th of n values spread evenly from lo to hi (lo alone when n = 1): a landscape's axis.
inline double landscapeAxisValue(double lo, double hi, int n, int i) {
    return n > 1 ? lo + (hi - lo) * i / static_cast<double>(n - 1) : lo;
}

struct LandscapeAxes {
    ParamId p, q;
    double pLo = -3.0, pHi = 3.0, qLo = -3.0, qHi = 3.0;
    int nx = 100, ny = 100; // grid points along p and q (2 … kMaxLandscapeGrid)
    bool operator==(const LandscapeAxes&) const = default; // the grid size included
    // The same two parameters over the same ranges, whatever the grid size (a coarse and a fine
    // landscape of one view).
    bool sameWindow(const LandscapeAxes& o) const {
        return p == o.p && q == o.q && pLo == o.pLo && pHi == o.pHi && qLo == o.qLo && qHi == o.qHi;
    }
};

struct Landscape {
    LandscapeAxes axes;
    Eigen::MatrixXd loss; // loss(i, k): p at its i-th value, q at its k-th value
    bool complete = false;
    double valueP(int i) const;
    double valueQ(int k) const;
};

bool landscapeIsQuadratic(ParamId p, ParamId q);

// Axes centred on the current values, wide enough to show the surface around them.
LandscapeAxes defaultAxes(const Network& net, ParamId p, ParamId q, int resolution = 100);

// progress(fraction done) may return false to cancel; the result then has complete = false.
Landscape computeLandscape(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                           const Eigen::Ref<const Eigen::ArrayXd>& t, LandscapeAxes axes,
                           const std::function<bool(double)>& progress = {});

// The exact minimum of the bowl over two output parameters (the least-squares point with the
// other parameters fixed); none when the bowl is flat along some direction or p, q are not both
// output parameters.
std::optional<std::pair<double, double>> quadraticMinimum(const Network& net,
                                                          const Eigen::Ref<const Eigen::ArrayXd>& x,
                                                          const Eigen::Ref<const Eigen::ArrayXd>& t,
                                                          ParamId p, ParamId q);

} // namespace stepwise

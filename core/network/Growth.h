// Growth: adding a hidden neuron to a network a learner already has, without raising the loss.
//
// The new neuron n gets output weight v_n = 0, so y(x) = Σ_j v_j·a_j(x) + c + 0·a_n(x) is the
// same number for every x, and so is the loss, bit for bit. Where it goes decides whether
// training can use it: with v_n = 0 the loss's slope along v_n is
//   ∂L/∂v_n = (2/N) Σ_i e_i·a_n(x_i),    e_i = y(x_i) − t_i,
// and the best output weight for it alone would lower the loss by
//   ΔL = (Σ_i e_i·a_n(x_i))² / (N·Σ_i a_n(x_i)²).
// addNeuronWhereItHelps puts the switching point s (a_n(x) = g(w·(x − s)), w = 8/(x_max − x_min),
// the lesson's w = 4 on [−1, 1]) where ΔL is largest, trying the midpoints between neighbouring
// samples: the place the residual says one more neuron helps most. It keeps at least 1 % of the
// samples' span away from every switching point already there, so adding again before training
// (the residual is the same) never stacks a clone on the last one. When no place helps (a perfect
// fit, or no samples) it falls back to the middle of the widest gap between the switching points
// (spreadSwitchingPoints), on [lo, hi]. A network that already has kMaxHidden neurons comes back
// as it is.
#pragma once

#include "core/network/Network.h"

#include <Eigen/Core>

namespace stepwise {

Network addNeuronWhereItHelps(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                              const Eigen::Ref<const Eigen::ArrayXd>& t, double lo, double hi);

} // namespace stepwise

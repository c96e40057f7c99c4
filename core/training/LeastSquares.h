// LeastSquares: the best output layer for a fixed hidden layer, in closed form.
//
// With the hidden activations fixed, y = A·v + c is linear in (v, c), so minimising
// L = (1/N)‖A·v + c·1 − t‖² is an ordinary least-squares problem: [v; c] = argmin ‖M·θ − t‖²
// with M = [A 1]. It is solved with a complete orthogonal decomposition, which also handles a
// rank-deficient M (two identical step neurons, a neuron that never fires) by returning the
// minimum-norm solution.
#pragma once

#include "core/network/Network.h"

namespace stepwise {

struct OutputFit {
    Eigen::VectorXd v;
    double c = 0.0;
    double loss = 0.0;
};

OutputFit fitOutputLayer(const Network& net, const Eigen::Ref<const Eigen::ArrayXd>& x,
                         const Eigen::Ref<const Eigen::ArrayXd>& t);

} // namespace stepwise

// KernelActivation: an activation and its slope over whole arrays, for the kernel sources only
// (core/kernels/*.cpp, compiled once per instruction set). The formulas are those of
// core/network/Activation.h:
//
//   step      g(z) = 1 if z >= 0, else 0       g'(z) = 0, or σ'(k_s·z) as the step's surrogate
//   sigmoid   g(z) = σ(k·z)                     g'(z) = k·a·(1 − a)
//   tanh      g(z) = tanh(z)                    g'(z) = 1 − a²
//   relu      g(z) = max(0, z)                  g'(z) = 1 if z > 0, else 0
//   identity  g(z) = z                          g'(z) = 1
//
// with a = g(z). Included inside each set's own namespace, so that no two sets share a copy.
#pragma once

#include "core/kernels/KernelTable.h"

#include <Eigen/Core>

#ifndef STEPWISE_KERNEL_NS
#define STEPWISE_KERNEL_NS baseline
#endif

namespace stepwise::kernels::STEPWISE_KERNEL_NS {

// out = g(z) for the activation code.
template <typename Z, typename Out> void activate(int kind, double k, const Z& z, Out&& out) {
    switch (kind) {
    case kStep:
        out = (z >= 0.0).template cast<double>();
        break;
    case kSigmoid:
        out = (1.0 + ((-k) * z).exp()).inverse();
        break;
    case kTanh:
        out = z.tanh();
        break;
    case kReLU:
        out = z.max(0.0);
        break;
    default:
        out = z;
        break;
    }
}

// out = s ⊙ g'(z), given z and a = g(z); a step uses σ'(ks·z) when surrogate is set, else 0. out
// may be the storage of z itself: each coefficient is read before it is written.
template <typename S, typename Z, typename A, typename Out>
void timesSlope(int kind, double k, bool surrogate, double ks, const S& s, const Z& z, const A& a,
                Out&& out) {
    switch (kind) {
    case kStep:
        if (surrogate)
            out = s * ks * (1.0 + ((-ks) * z).exp()).inverse() *
                  (1.0 - (1.0 + ((-ks) * z).exp()).inverse());
        else
            out.setZero();
        break;
    case kSigmoid:
        out = s * (k * a * (1.0 - a));
        break;
    case kTanh:
        out = s * (1.0 - a.square());
        break;
    case kReLU:
        out = s * (z > 0.0).template cast<double>();
        break;
    default:
        out = s;
        break;
    }
}

} // namespace stepwise::kernels::STEPWISE_KERNEL_NS

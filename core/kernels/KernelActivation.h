// KernelActivation: an activation and its slope over whole arrays, for the kernel sources only
// (core/kernels/*.cpp, compiled once per instruction set). The formulas are written once, in
// core/network/ActivationTable.h:
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
#include "core/network/ActivationTable.h"

#include <Eigen/Core>

#ifndef STEPWISE_KERNEL_NS
#define STEPWISE_KERNEL_NS baseline
#endif

namespace stepwise::kernels::STEPWISE_KERNEL_NS {

inline ActivationKind kindOf(int code) {
    return static_cast<ActivationKind>(code);
}

// out = g(z) for the activation code (an ActivationKind): the table's formula.
template <typename Z, typename Out> void activate(int code, double k, const Z& z, Out&& out) {
    withActivation(static_cast<ActivationKind>(code), [&](auto g) { out = g.f(z, k); });
}

// out = s ⊙ g'(z), given z and a = g(z), from the table; a step uses σ'(ks·z) when surrogate is
// set, else its true slope 0. out may be the storage of z itself: each coefficient is read
// before it is written.
template <typename S, typename Z, typename A, typename Out>
void timesSlope(int code, double k, bool surrogate, double ks, const S& s, const Z& z, const A& a,
                Out&& out) {
    const auto kind = static_cast<ActivationKind>(code);
    if (kind == ActivationKind::Step && surrogate) {
        out = s * ks * (1.0 + ((-ks) * z).exp()).inverse() *
              (1.0 - (1.0 + ((-ks) * z).exp()).inverse());
        return;
    }
    withActivation(kind, [&](auto g) { out = s * g.slope(z, a, k); });
}

} // namespace stepwise::kernels::STEPWISE_KERNEL_NS

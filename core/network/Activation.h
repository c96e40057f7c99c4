// Activation: the function g a neuron applies to its sum z = w·x + b, paired with its derivative.
// The formulas, and how to add an activation, are in core/network/ActivationTable.h; this is the
// plain (out-of-line) way to use them on a double or on whole arrays.
#pragma once

#include "core/network/ActivationTable.h"

#include <Eigen/Core>
#include <optional>
#include <string_view>

namespace stepwise {

std::string_view activationName(ActivationKind kind);
std::optional<ActivationKind> activationFromName(std::string_view name);

struct Activation {
    ActivationKind kind = ActivationKind::Step;
    double steepness = 1.0; // k of the sigmoid

    double operator()(double z) const;
    double derivative(double z) const;

    // Whole arrays at a time (vectorised by Eigen): out = g(z).
    void apply(const Eigen::Ref<const Eigen::ArrayXXd>& z, Eigen::Ref<Eigen::ArrayXXd> out) const;
    // out = g'(z), given z and a = g(z) (sigmoid and tanh reuse a).
    void derivative(const Eigen::Ref<const Eigen::ArrayXXd>& z,
                    const Eigen::Ref<const Eigen::ArrayXXd>& a,
                    Eigen::Ref<Eigen::ArrayXXd> out) const;

    bool operator==(const Activation&) const = default;
};

// The sigmoid σ(k·z), shared by the sigmoid activation and the step's surrogate gradient.
inline double sigmoid(double z, double k) {
    return activations::Sigmoid::f(z, k);
}

} // namespace stepwise

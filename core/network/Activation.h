// Activation: the function g a neuron applies to its sum z = w·x + b, paired with its derivative.
//
//   step      g(z) = 1 if z >= 0, else 0        g'(z) = 0   (Heaviside; H(0) = 1, so a neuron
//                                                            fires exactly at its threshold)
//   sigmoid   g(z) = σ(k·z) = 1 / (1 + e^(−k·z))  g'(z) = k·g(z)·(1 − g(z))   (k = steepness)
//   tanh      g(z) = tanh(z)                    g'(z) = 1 − g(z)²
//   relu      g(z) = max(0, z)                  g'(z) = 1 if z > 0, else 0
//   identity  g(z) = z                          g'(z) = 1
//
// As k grows, σ(k·z) approaches the step; that is why a steep sigmoid is "a step you can
// differentiate", and why the trainer can use it as the step's surrogate gradient.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string_view>

namespace stepwise {

enum class ActivationKind { Step, Sigmoid, Tanh, ReLU, Identity };

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

// The sigmoid σ(k·z) and its derivative, shared by the sigmoid activation and the step's
// surrogate gradient.
inline double sigmoid(double z, double k) {
    return 1.0 / (1.0 + std::exp(-k * z));
}

} // namespace stepwise

// Optimizer: turns a gradient into a parameter update, θ ← update(θ, ∂L/∂θ).
//
//   SGD       θ ← θ − η·g
//   momentum  u ← μ·u − η·g;  θ ← θ + u                 (Polyak 1964, heavy ball)
//   Adam      m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²
//             θ ← θ − η·m̂ / (√ŝ + ε),  m̂ = m/(1−β1^t), ŝ = s/(1−β2^t)   (Kingma & Ba 2015)
//
// A mask restricts learning to some parameters (for example the output layer only): masked-out
// parameters keep their value and their optimizer state stays zero.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string_view>

namespace stepwise {

enum class OptimizerKind { SGD, Momentum, Adam };

std::string_view optimizerName(OptimizerKind kind);
std::optional<OptimizerKind> optimizerFromName(std::string_view name);

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Adam;
    double learningRate = 0.05;
    double momentum = 0.9;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    bool operator==(const OptimizerSettings&) const = default;
};

class Optimizer {
public:
    explicit Optimizer(OptimizerSettings settings = {}) : settings_(settings) {}

    const OptimizerSettings& settings() const { return settings_; }
    void setSettings(const OptimizerSettings& s) { settings_ = s; }
    void reset();

    // Applies one update to params in place. mask (optional) holds 1 for parameters that learn.
    void update(Eigen::VectorXd& params, const Eigen::VectorXd& gradient,
                const Eigen::VectorXd* mask = nullptr);

private:
    OptimizerSettings settings_;
    Eigen::VectorXd m_, s_;
    long t_ = 0;
};

} // namespace stepwise

// ReferenceTrainer: the benchmark's yardstick, a tight hand-written full-batch gradient descent
// for the same network (1 → H sigmoid σ(k·z) → 1 linear, mean squared error, plain SGD) with no
// Trainer, no optimizer object and no checks: every array is allocated once, and each hidden
// neuron is handled one column at a time while the column is still in cache.
//
//   forward   a_ij = σ(k·(w_j·x_i + b_j)),   y_i = Σ_j v_j·a_ij + c,   e_i = y_i − t_i
//   loss      L = (1/N) Σ_i e_i²,             g_i = 2·e_i / N
//   backward  ∂L/∂v_j = Σ_i g_i·a_ij,          s_ij = g_i·k·a_ij·(1 − a_ij)
//             ∂L/∂w_j = v_j·Σ_i s_ij·x_i,     ∂L/∂b_j = v_j·Σ_i s_ij,   ∂L/∂c = Σ_i g_i
//   update    θ ← θ − η·∂L/∂θ
#pragma once

#include <Eigen/Core>

namespace stepwise::bench {

// The starting network: hidden weights, biases, output weights, output bias, sigmoid steepness.
// (Plain arrays, not stepwise::Network: stepwise-bench-native builds this file with -march=native,
// and must not share Eigen objects with core, whose alignment assumptions differ.)
struct ReferenceStart {
    Eigen::ArrayXd w, b, v;
    double c = 0.0, k = 1.0;
};

class ReferenceTrainer {
public:
    ReferenceTrainer(ReferenceStart start, Eigen::ArrayXd x, Eigen::ArrayXd t, double learningRate);

    // One gradient-descent step; returns the loss before the update.
    double step();
    // The loss of the current parameters.
    double loss();

private:
    double forward(); // fills a_ and e_, returns L

    double k_, learningRate_;
    Eigen::ArrayXd x_, t_;
    Eigen::ArrayXd w_, b_, v_;
    double c_ = 0.0;
    Eigen::ArrayXXd a_; // N×H activations
    Eigen::ArrayXd e_, s_;
    Eigen::ArrayXd dw_, db_, dv_;
};

} // namespace stepwise::bench

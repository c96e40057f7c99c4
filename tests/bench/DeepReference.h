// DeepReference: the yardstick for the layered engine, a plain hand-written full-batch gradient
// descent for 1 → n_1 → … → n_L → 1 with sigmoid σ(k·z) layers, one Eigen matrix expression per
// line of the maths and no chunks, threads, optimizer object or checks (every array allocated
// once):
//
//   forward   Z_l = W_l·A_{l−1} + b_l,  A_l = σ(k·Z_l),  y = v·A_L + c,  e = y − t  (A_0 = x)
//   loss      L = (1/N) Σ e²,  G = 2e/N
//   backward  ∂v = A_L·Gᵀ,  ∂c = Σ G,  Δ_L = (vᵀ·G) ⊙ k·A_L ⊙ (1 − A_L)
//             ∂W_l = Δ_l·A_{l−1}ᵀ,  ∂b_l = Δ_l·1,  Δ_{l−1} = (W_lᵀ·Δ_l) ⊙ k·A_{l−1} ⊙ (1 − A_{l−1})
//   update    θ ← θ − η·∂θ
//
// Built twice: into stepwise-bench with the default flags, and into stepwise-bench-native with
// -march=native (the two never share an Eigen object).
#pragma once

#include <Eigen/Core>
#include <vector>

namespace stepwise::bench {

struct DeepReferenceStart {
    std::vector<Eigen::MatrixXd> w; // n_l × n_{l−1}
    std::vector<Eigen::VectorXd> b;
    Eigen::VectorXd v;
    double c = 0.0, k = 1.0;
};

class DeepReference {
public:
    DeepReference(DeepReferenceStart start, Eigen::RowVectorXd x, Eigen::RowVectorXd t,
                  double learningRate);
    double step(); // one step; returns the loss before it
    double loss();

private:
    double forward();

    DeepReferenceStart p_;
    double learningRate_;
    Eigen::RowVectorXd x_, t_, e_;
    std::vector<Eigen::MatrixXd> a_, d_, dw_;
    std::vector<Eigen::VectorXd> db_;
    Eigen::VectorXd dv_;
};

} // namespace stepwise::bench

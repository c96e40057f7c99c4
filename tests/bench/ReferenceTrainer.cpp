#include "ReferenceTrainer.h"

namespace stepwise::bench {

ReferenceTrainer::ReferenceTrainer(ReferenceStart start, Eigen::ArrayXd x, Eigen::ArrayXd t,
                                   double learningRate)
    : k_(start.k), learningRate_(learningRate), x_(std::move(x)), t_(std::move(t)),
      w_(std::move(start.w)), b_(std::move(start.b)), v_(std::move(start.v)), c_(start.c) {
    const Eigen::Index n = x_.size(), h = w_.size();
    a_.resize(n, h);
    e_.resize(n);
    s_.resize(n);
    dw_.resize(h);
    db_.resize(h);
    dv_.resize(h);
}

double ReferenceTrainer::forward() {
    const Eigen::Index h = w_.size();
    e_ = c_ - t_;
    for (Eigen::Index j = 0; j < h; ++j) {
        auto a = a_.col(j);
        a = (1.0 + (-k_ * (w_[j] * x_ + b_[j])).exp()).inverse();
        e_ += v_[j] * a;
    }
    return e_.square().mean();
}

double ReferenceTrainer::step() {
    const Eigen::Index n = x_.size(), h = w_.size();
    const double l = forward();
    e_ *= 2.0 / static_cast<double>(n); // e becomes g = ∂L/∂y
    for (Eigen::Index j = 0; j < h; ++j) {
        const auto a = a_.col(j);
        dv_[j] = (e_ * a).sum();
        s_ = e_ * a * (1.0 - a);
        dw_[j] = k_ * v_[j] * (s_ * x_).sum();
        db_[j] = k_ * v_[j] * s_.sum();
    }
    const double dc = e_.sum();
    w_ -= learningRate_ * dw_;
    b_ -= learningRate_ * db_;
    v_ -= learningRate_ * dv_;
    c_ -= learningRate_ * dc;
    return l;
}

double ReferenceTrainer::loss() {
    return forward();
}

} // namespace stepwise::bench

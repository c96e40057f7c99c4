#include "DeepReference.h"

namespace stepwise::bench {

DeepReference::DeepReference(DeepReferenceStart start, Eigen::RowVectorXd x, Eigen::RowVectorXd t,
                             double learningRate)
    : p_(std::move(start)), learningRate_(learningRate), x_(std::move(x)), t_(std::move(t)) {
    const Eigen::Index n = x_.size();
    for (const Eigen::MatrixXd& w : p_.w) {
        a_.emplace_back(w.rows(), n);
        d_.emplace_back(w.rows(), n);
        dw_.emplace_back(w.rows(), w.cols());
        db_.emplace_back(w.rows());
    }
    e_.resize(n);
    dv_.resize(p_.v.size());
}

double DeepReference::forward() {
    const double k = p_.k;
    for (std::size_t l = 0; l < p_.w.size(); ++l) {
        Eigen::MatrixXd& a = a_[l];
        if (l == 0)
            a.noalias() = p_.w[0] * x_;
        else
            a.noalias() = p_.w[l] * a_[l - 1];
        a.colwise() += p_.b[l];
        a = (1.0 + (-k * a.array()).exp()).inverse().matrix();
    }
    e_.noalias() = p_.v.transpose() * a_.back();
    e_.array() += p_.c - t_.array();
    return e_.squaredNorm() / static_cast<double>(e_.size());
}

double DeepReference::step() {
    const double l = forward();
    const double k = p_.k;
    const std::size_t depth = p_.w.size();
    e_ *= 2.0 / static_cast<double>(e_.size()); // e becomes G
    dv_.noalias() = a_.back() * e_.transpose();
    const double dc = e_.sum();
    d_.back().noalias() = p_.v * e_;
    for (std::size_t l = depth; l-- > 0;) {
        d_[l].array() *= k * a_[l].array() * (1.0 - a_[l].array());
        if (l == 0)
            dw_[0].noalias() = d_[0] * x_.transpose();
        else
            dw_[l].noalias() = d_[l] * a_[l - 1].transpose();
        db_[l] = d_[l].rowwise().sum();
        if (l > 0) d_[l - 1].noalias() = p_.w[l].transpose() * d_[l];
    }
    for (std::size_t l = 0; l < depth; ++l) {
        p_.w[l] -= learningRate_ * dw_[l];
        p_.b[l] -= learningRate_ * db_[l];
    }
    p_.v -= learningRate_ * dv_;
    p_.c -= learningRate_ * dc;
    return l;
}

double DeepReference::loss() {
    return forward();
}

} // namespace stepwise::bench

#include "core/training/Optimizer.h"
#include "core/scenario/EnumNames.h"

#include <cmath>

namespace stepwise {

namespace {
constexpr std::array<std::string_view, 3> kOptimizerNames = {"sgd", "momentum", "adam"};
}

std::string_view optimizerName(OptimizerKind kind) {
    return enumName(kOptimizerNames, kind);
}

std::optional<OptimizerKind> optimizerFromName(std::string_view name) {
    return enumFromName<OptimizerKind>(kOptimizerNames, name);
}

void Optimizer::reset() {
    m_.resize(0);
    s_.resize(0);
    t_ = 0;
}

void Optimizer::update(Eigen::VectorXd& params, const Eigen::VectorXd& gradient,
                       const Eigen::VectorXd* mask) {
    const double lr = settings_.learningRate;
    if (m_.size() != params.size()) {
        m_ = Eigen::VectorXd::Zero(params.size());
        s_ = Eigen::VectorXd::Zero(params.size());
        t_ = 0;
    }
    ++t_;
    // Every branch works in place: a training step allocates nothing here.
    switch (settings_.kind) {
    case OptimizerKind::SGD:
        if (mask)
            params.array() -= lr * gradient.array() * mask->array();
        else
            params.noalias() -= lr * gradient;
        break;
    case OptimizerKind::Momentum:
        m_ = settings_.momentum * m_ - lr * gradient;
        if (mask) m_.array() *= mask->array();
        params += m_;
        break;
    case OptimizerKind::Adam: {
        const double b1 = settings_.beta1, b2 = settings_.beta2;
        m_ = b1 * m_ + (1.0 - b1) * gradient;
        s_ = b2 * s_ + (1.0 - b2) * gradient.cwiseAbs2();
        if (mask) {
            m_.array() *= mask->array();
            s_.array() *= mask->array();
        }
        const double c1 = 1.0 - std::pow(b1, static_cast<double>(t_));
        const double c2 = 1.0 - std::pow(b2, static_cast<double>(t_));
        params.array() -= lr * (m_.array() / c1) / ((s_.array() / c2).sqrt() + settings_.epsilon);
        break;
    }
    }
}

} // namespace stepwise

#include "core/network/Activation.h"
#include "core/scenario/EnumNames.h"

#include <cmath>

namespace stepwise {

namespace {
constexpr std::array<std::string_view, 5> kNames = {"step", "sigmoid", "tanh", "relu", "identity"};
}

std::string_view activationName(ActivationKind kind) {
    return enumName(kNames, kind);
}

std::optional<ActivationKind> activationFromName(std::string_view name) {
    return enumFromName<ActivationKind>(kNames, name);
}

double Activation::operator()(double z) const {
    switch (kind) {
    case ActivationKind::Step:
        return z >= 0.0 ? 1.0 : 0.0;
    case ActivationKind::Sigmoid:
        return sigmoid(z, steepness);
    case ActivationKind::Tanh:
        return std::tanh(z);
    case ActivationKind::ReLU:
        return z > 0.0 ? z : 0.0;
    case ActivationKind::Identity:
        return z;
    }
    return 0.0;
}

double Activation::derivative(double z) const {
    switch (kind) {
    case ActivationKind::Step:
        return 0.0;
    case ActivationKind::Sigmoid: {
        const double s = sigmoid(z, steepness);
        return steepness * s * (1.0 - s);
    }
    case ActivationKind::Tanh: {
        const double t = std::tanh(z);
        return 1.0 - t * t;
    }
    case ActivationKind::ReLU:
        return z > 0.0 ? 1.0 : 0.0;
    case ActivationKind::Identity:
        return 1.0;
    }
    return 0.0;
}

void Activation::apply(const Eigen::Ref<const Eigen::ArrayXXd>& z,
                       Eigen::Ref<Eigen::ArrayXXd> out) const {
    switch (kind) {
    case ActivationKind::Step:
        out = (z >= 0.0).cast<double>();
        break;
    case ActivationKind::Sigmoid:
        out = (1.0 + ((-steepness) * z).exp()).inverse();
        break;
    case ActivationKind::Tanh:
        out = z.tanh();
        break;
    case ActivationKind::ReLU:
        out = z.max(0.0);
        break;
    case ActivationKind::Identity:
        out = z;
        break;
    }
}

void Activation::derivative(const Eigen::Ref<const Eigen::ArrayXXd>& z,
                            const Eigen::Ref<const Eigen::ArrayXXd>& a,
                            Eigen::Ref<Eigen::ArrayXXd> out) const {
    switch (kind) {
    case ActivationKind::Step:
        out.setZero();
        break;
    case ActivationKind::Sigmoid:
        out = steepness * a * (1.0 - a);
        break;
    case ActivationKind::Tanh:
        out = 1.0 - a.square();
        break;
    case ActivationKind::ReLU:
        out = (z > 0.0).cast<double>();
        break;
    case ActivationKind::Identity:
        out.setConstant(1.0);
        break;
    }
}

} // namespace stepwise

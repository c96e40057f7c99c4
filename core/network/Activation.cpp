#include "core/network/Activation.h"
#include "core/scenario/EnumNames.h"

namespace stepwise {

std::string_view activationName(ActivationKind kind) {
    return enumName(kActivationNames, kind);
}

std::optional<ActivationKind> activationFromName(std::string_view name) {
    return enumFromName<ActivationKind>(kActivationNames, name);
}

double Activation::operator()(double z) const {
    return withActivation(kind, [&](auto g) { return g.f(z, steepness); });
}

double Activation::derivative(double z) const {
    return withActivation(kind, [&](auto g) { return g.slope(z, g.f(z, steepness), steepness); });
}

void Activation::apply(const Eigen::Ref<const Eigen::ArrayXXd>& z,
                       Eigen::Ref<Eigen::ArrayXXd> out) const {
    withActivation(kind, [&](auto g) { out = g.f(z, steepness); });
}

void Activation::derivative(const Eigen::Ref<const Eigen::ArrayXXd>& z,
                            const Eigen::Ref<const Eigen::ArrayXXd>& a,
                            Eigen::Ref<Eigen::ArrayXXd> out) const {
    withActivation(kind, [&](auto g) { out = g.slope(z, a, steepness); });
}

} // namespace stepwise

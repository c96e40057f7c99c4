#include "ui/base/ActivationLabel.h"

#include <QObject>

namespace stepwise::ui {

QString activationLabel(ActivationKind kind) {
    switch (kind) { // no default: the compiler names an activation that has no label yet
    case ActivationKind::Step:
        return QObject::tr("Step");
    case ActivationKind::Sigmoid:
        return QObject::tr("Sigmoid");
    case ActivationKind::Tanh:
        return QObject::tr("Tanh");
    case ActivationKind::ReLU:
        return QObject::tr("ReLU");
    case ActivationKind::Identity:
        return QObject::tr("Identity");
    }
    return {};
}

std::vector<ActivationKind> menuActivations() {
    std::vector<ActivationKind> kinds;
    forEachActivation([&](auto g) {
        if (g.inMenus) kinds.push_back(g.kind);
    });
    return kinds;
}

} // namespace stepwise::ui

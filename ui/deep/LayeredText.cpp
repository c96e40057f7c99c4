#include "ui/deep/LayeredText.h"

#include "core/deep/LayeredNames.h"
#include "ui/base/Format.h"

#include <QObject>

#include <cmath>

namespace stepwise::ui {

QString paramRole(const LayeredNetwork& net, long flatIndex) {
    const auto p = layeredParamAt(net, flatIndex);
    if (!p) return {};
    const auto from = [&](int i) {
        if (p->layer > 0) return QObject::tr("neuron %1 of layer %2").arg(i + 1).arg(p->layer);
        if (net.inputs == 1) return QObject::tr("the input x");
        return QObject::tr("input x%1").arg(QString::fromStdString(subscript(i + 1)));
    };
    switch (p->kind) {
    case LayeredParam::Kind::Weight:
        return QObject::tr("the weight from %1 to neuron %2 of layer %3")
            .arg(from(p->from))
            .arg(p->to + 1)
            .arg(p->layer + 1);
    case LayeredParam::Kind::Bias:
        return QObject::tr("the bias of neuron %1 of layer %2").arg(p->to + 1).arg(p->layer + 1);
    case LayeredParam::Kind::OutputWeight:
        return QObject::tr("the weight from neuron %1 of layer %2 to the output")
            .arg(p->from + 1)
            .arg(net.depth());
    case LayeredParam::Kind::OutputBias:
        return QObject::tr("the output's bias");
    }
    return {};
}

QString describeParam(const LayeredNetwork& net, long flatIndex) {
    const QString role = paramRole(net, flatIndex);
    if (role.isEmpty()) return {};
    const double v = layeredParamValue(net, flatIndex);
    return QStringLiteral("%1 = %2: %3")
        .arg(QString::fromStdString(layeredParamName(net, flatIndex)),
             formatFixed(v, std::abs(v) >= 100 ? 0 : 2), role);
}

} // namespace stepwise::ui

#include "ui/graph/modes/PickMode.h"

#include "core/network/Network.h"
#include "ui/document/Document.h"

#include <QMouseEvent>

namespace stepwise::ui {

bool PickMode::press(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return false;
    const Document& doc = host().document();
    const Eigen::ArrayXd& xs = doc.x();
    const Domain& d = doc.scenario().domain;
    const double x = host().toGraph(e->position()).x;
    emit samplePicked(xs[nearestSample(x, d.lo, d.hi, static_cast<int>(xs.size()))]);
    return true;
}

} // namespace stepwise::ui

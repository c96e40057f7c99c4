#include "ui/graph/modes/InspectMode.h"

#include "ui/graph/StepHandles.h"
#include "ui/graph/modes/StepDragMode.h"

#include <QMouseEvent>

namespace stepwise::ui {

bool InspectMode::press(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return false;
    if (host().stepHandles().press(e->position())) { // a step point was grabbed
        host().beginGesture(std::make_unique<StepDragMode>());
        return true;
    }
    host().requestInspect(host().toGraph(e->position()).x);
    return true;
}

bool InspectMode::move(QMouseEvent* e) {
    host().stepHandles().move(e->position()); // not dragging: only the highlight under the mouse
    return GraphMode::move(e);
}

void InspectMode::leave() {
    host().stepHandles().move(QPointF(-1e6, -1e6)); // no handle hovered
    GraphMode::leave();
}

} // namespace stepwise::ui

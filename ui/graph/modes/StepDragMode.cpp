#include "ui/graph/modes/StepDragMode.h"

#include "ui/graph/StepHandles.h"

#include <QMouseEvent>

namespace stepwise::ui {

bool StepDragMode::press(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return false;
    // A second press without the release of the first (a lost grab): the drag ends there, and
    // the press counts as a fresh one in the mode in use (which may grab a handle again).
    host().stepHandles().release(); // ends this gesture: the view keeps it alive until we return
    return host().currentMode().press(e);
}

bool StepDragMode::move(QMouseEvent* e) {
    return host().stepHandles().move(e->position());
}

bool StepDragMode::release(QMouseEvent* e) {
    return e->button() == Qt::LeftButton && host().stepHandles().release();
}

} // namespace stepwise::ui

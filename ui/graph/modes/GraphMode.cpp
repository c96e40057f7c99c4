#include "ui/graph/modes/GraphMode.h"

#include <QMouseEvent>

namespace stepwise::ui {

bool GraphMode::press(QMouseEvent*) {
    return false;
}

bool GraphMode::move(QMouseEvent* e) {
    host().hoverAt(host().toGraph(e->position()).x);
    return false;
}

bool GraphMode::release(QMouseEvent*) {
    return false;
}

bool GraphMode::key(QKeyEvent*) {
    return false;
}

void GraphMode::leave() {
    host().hoverAt(std::nullopt);
}

} // namespace stepwise::ui

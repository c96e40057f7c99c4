#include "ui/graph/modes/DrawMode.h"

#include <QMouseEvent>

namespace stepwise::ui {

bool DrawMode::press(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return false;
    drawing_ = true;
    current_ = {};
    current_.erase = erase_;
    current_.points.push_back(host().toGraph(e->position()));
    host().clearStrokePreview();
    host().addStrokePreviewPoint(current_.points.back());
    host().replotAll();
    return true;
}

bool DrawMode::move(QMouseEvent* e) {
    if (!drawing_) return GraphMode::move(e);
    const TargetPoint p = host().toGraph(e->position());
    if (static_cast<int>(current_.points.size()) < kMaxStrokePoints) { // the rest is dropped
        current_.points.push_back(p);
        host().addStrokePreviewPoint(p);
    }
    host().replotCurves();
    return true;
}

bool DrawMode::release(QMouseEvent* e) {
    if (!drawing_ || e->button() != Qt::LeftButton) return false;
    drawing_ = false;
    host().clearStrokePreview();
    Stroke s = std::move(current_);
    current_ = {};
    finish(s);
    host().replotAll();
    return true;
}

void DrawMode::cancel() {
    if (!drawing_) return;
    drawing_ = false;
    current_ = {};
    host().clearStrokePreview();
    host().replotAll();
}

void DrawMode::finish(const Stroke& s) {
    host().finishStroke(s, false);
}

} // namespace stepwise::ui

#include "ui/graph/modes/PointsMode.h"

#include "ui/document/Document.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>

#include <cmath>

namespace stepwise::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("PointsMode", text);
}
} // namespace

int PointsMode::pointAt(QPointF pixel) const {
    const Document& doc = host().document();
    if (!doc.hasPoints()) return -1;
    // The dots are the data set's points (noise added), in the order of the target's points.
    const std::vector<TargetPoint>& shown = doc.dataSet().points;
    int best = -1;
    double bestDistance = kGrabPixels;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const QPointF p = host().toPixel(shown[i]);
        const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

void PointsMode::remove(int index) {
    Document& doc = host().document();
    std::vector<TargetPoint> points = doc.scenario().target.points;
    if (index < 0 || index >= static_cast<int>(points.size())) return;
    points.erase(points.begin() + index);
    hovered_ = -1;
    doc.setPoints(points, tr("Remove a point"));
}

bool PointsMode::press(QMouseEvent* e) {
    Document& doc = host().document();
    const int hit = pointAt(e->position());
    if (e->button() == Qt::RightButton) {
        if (hit < 0) return false;
        remove(hit);
        return true;
    }
    if (e->button() != Qt::LeftButton) return false;
    const TargetPoint at = host().toGraph(e->position());
    if (!std::isfinite(at.x) || !std::isfinite(at.y)) return true;
    if (hit < 0) {
        std::vector<TargetPoint> points = doc.scenario().target.points;
        points.push_back(at);
        doc.setPoints(points, tr("Add a point"));
        hovered_ = static_cast<int>(points.size()) - 1;
        return true;
    }
    dragged_ = hit;
    pressedAt_ = at;
    at_ = doc.scenario().target.points;
    startPoint_ = at_[static_cast<std::size_t>(hit)];
    doc.beginDrag(); // the drag is one undo step; training holds until the release
    return true;
}

bool PointsMode::move(QMouseEvent* e) {
    if (dragged_ < 0) {
        hovered_ = pointAt(e->position());
        return GraphMode::move(e);
    }
    const TargetPoint now = host().toGraph(e->position());
    if (!std::isfinite(now.x) || !std::isfinite(now.y)) return true;
    std::vector<TargetPoint> points = at_;
    TargetPoint& p = points[static_cast<std::size_t>(dragged_)];
    p.x = startPoint_.x + (now.x - pressedAt_.x);
    p.y = startPoint_.y + (now.y - pressedAt_.y);
    host().document().setPoints(points, tr("Move a point"));
    return true;
}

bool PointsMode::release(QMouseEvent* e) {
    if (dragged_ < 0 || e->button() != Qt::LeftButton) return false;
    hovered_ = dragged_;
    dragged_ = -1;
    host().document().endDrag();
    return true;
}

bool PointsMode::key(QKeyEvent* e) {
    if (e->key() != Qt::Key_Delete && e->key() != Qt::Key_Backspace) return false;
    if (dragged_ >= 0 || hovered_ < 0) return false;
    remove(hovered_);
    return true;
}

void PointsMode::leave() {
    if (dragged_ < 0) hovered_ = -1;
    GraphMode::leave();
}

void PointsMode::cancel() {
    if (dragged_ < 0) return;
    dragged_ = -1;
    host().document().endDrag(); // what was moved so far stays, as one undo step
}

} // namespace stepwise::ui

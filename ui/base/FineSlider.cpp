#include "ui/base/FineSlider.h"

#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

FineSlider::FineSlider(Qt::Orientation o, QWidget* parent) : QSlider(o, parent) {}

double FineSlider::along(const QPointF& p) const {
    return orientation() == Qt::Horizontal ? p.x() : p.y();
}

int FineSlider::valueAt(double pixel) const {
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect groove =
        style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    const bool horizontal = orientation() == Qt::Horizontal;
    const int len = horizontal ? handle.width() : handle.height();
    const int start = horizontal ? groove.x() : groove.y();
    const int span = (horizontal ? groove.width() : groove.height()) - len;
    if (span <= 0) return value();
    // The handle's centre at `pixel`: the fraction of the span, rounded to the nearest value.
    const double f = std::clamp((pixel - len / 2.0 - start) / span, 0.0, 1.0);
    const double v = invertedAppearance() != (!horizontal) ? 1.0 - f : f;
    return minimum() + static_cast<int>(std::lround(v * (maximum() - minimum())));
}

void FineSlider::mousePressEvent(QMouseEvent* e) {
    QSlider::mousePressEvent(e); // a press on the handle starts a drag (sliderPressed)
    dragging_ = isSliderDown();
    if (!dragging_) return;
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    // The drag keeps the pointer's offset on the handle.
    handle_ = along(QPointF(handle.center())) + 0.5;
    lastPointer_ = along(e->position());
}

void FineSlider::mouseMoveEvent(QMouseEvent* e) {
    if (!dragging_ || !isSliderDown()) {
        QSlider::mouseMoveEvent(e);
        return;
    }
    const double now = along(e->position());
    const double moved = now - lastPointer_;
    lastPointer_ = now;
    handle_ += (e->modifiers() & Qt::ShiftModifier) ? moved / kFineFactor : moved;
    setSliderPosition(valueAt(handle_)); // tracking: valueChanged follows at once
    e->accept();
}

void FineSlider::mouseReleaseEvent(QMouseEvent* e) {
    dragging_ = false;
    QSlider::mouseReleaseEvent(e);
}

} // namespace stepwise::ui

#include "ui/graph/StepHandles.h"

#include "core/network/Network.h"
#include "ui/base/Format.h"
#include "ui/document/Document.h"

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

StepHandles::StepHandles(QCustomPlot* plot, Document* doc)
    : QCPLayerable(plot, QStringLiteral("main")), doc_(doc) {}

void StepHandles::setEnabled(bool on) {
    if (on == enabled_) return;
    enabled_ = on;
    if (!on) {
        if (dragged_) release();
        hovered_.reset();
    }
    setVisible(on);
}

std::optional<double> StepHandles::switchPoint(int j) const {
    const Network& net = doc_->network();
    if (j < 0 || j >= net.hidden() || net.w[j] == 0.0) return std::nullopt;
    const double s = -net.b[j] / net.w[j];
    if (!std::isfinite(s)) return std::nullopt;
    return s;
}

std::optional<QPointF> StepHandles::handlePosition(int j) const {
    const auto s = switchPoint(j);
    if (!s) return std::nullopt;
    QCPAxis* x = mParentPlot->xAxis;
    if (!x->range().contains(*s)) return std::nullopt;
    const double size = 11.0 * palette_.fontScale;
    return QPointF(x->coordToPixel(*s), mParentPlot->axisRect()->bottom() - size);
}

std::optional<int> StepHandles::handleAt(const QPointF& pos) const {
    if (!enabled_ || !visible()) return std::nullopt;
    const double reach = 8.0 * palette_.fontScale, size = 11.0 * palette_.fontScale;
    const double bottom = mParentPlot->axisRect()->bottom();
    if (pos.y() < bottom - size - 6.0 || pos.y() > bottom + 4.0) return std::nullopt;
    std::optional<int> best;
    double nearest = reach;
    for (int j = 0; j < doc_->network().hidden(); ++j) {
        const auto at = handlePosition(j);
        if (!at) continue;
        const double d = std::abs(at->x() - pos.x());
        if (d <= nearest) {
            nearest = d;
            best = j;
        }
    }
    return best;
}

bool StepHandles::press(const QPointF& pos) {
    release(); // a press without the release of the last one (another button, a lost grab)
    const auto j = handleAt(pos);
    if (!j) return false;
    dragged_ = j;
    doc_->select(ParamId{ParamKind::HiddenBias, *j});
    doc_->beginDrag();
    emit grabbed();
    emit changed();
    return true;
}

bool StepHandles::move(const QPointF& pos) {
    if (!dragged_) {
        const auto j = handleAt(pos);
        if (j != hovered_) {
            hovered_ = j;
            emit changed();
        }
        return false;
    }
    const QCPRange r = mParentPlot->xAxis->range();
    const double x = std::clamp(mParentPlot->xAxis->pixelToCoord(pos.x()), r.lower, r.upper);
    doc_->setStepPoint(*dragged_, snapped(x));
    return true;
}

bool StepHandles::release() {
    if (!dragged_) return false;
    dragged_.reset();
    doc_->endDrag();
    emit released();
    emit changed();
    return true;
}

double StepHandles::snapped(double x) {
    // Step points land on hundredths, as the diagram's drags do: 0.5, not 0.4987.
    return toHundredths(x);
}

void StepHandles::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, mAntialiased, QCP::aeOther);
}

void StepHandles::draw(QCPPainter* painter) {
    const int h = doc_->network().hidden();
    const double size = 11.0 * palette_.fontScale;
    const QRect area = mParentPlot->axisRect()->rect();
    painter->setClipRect(area.adjusted(-1, 0, 1, 1));
    // The highlighted one last, so it is on top of any it overlaps.
    const auto active = dragged_ ? dragged_ : hovered_;
    for (int pass = 0; pass < 2; ++pass) {
        for (int j = 0; j < h; ++j) {
            const bool on = active && *active == j;
            if (on != (pass == 1)) continue;
            const auto tip = handlePosition(j);
            if (!tip) continue;
            const QColor colour = palette_.neuron(j);
            if (on) {
                // A guide up the whole graph, and the number.
                QPen guide(colour, 1.0 * palette_.lineScale, Qt::DashLine);
                painter->setPen(guide);
                painter->drawLine(QLineF(tip->x(), area.top(), tip->x(), area.bottom()));
                const double s = *switchPoint(j);
                const QString text = QString("n%1: x = %2").arg(j + 1).arg(formatFixed(s, 2));
                QFont f = mParentPlot->font();
                f.setPointSizeF(f.pointSizeF() * palette_.fontScale);
                painter->setFont(f);
                const QFontMetricsF fm(f);
                QRectF box(0, 0, fm.horizontalAdvance(text) + 8, fm.height() + 2);
                box.moveBottomLeft(QPointF(tip->x() + 6, tip->y() - 2));
                if (box.right() > area.right()) box.moveRight(tip->x() - 6);
                QColor back = palette_.background;
                back.setAlpha(225);
                painter->fillRect(box, back);
                painter->setPen(palette_.foreground);
                painter->drawText(box, Qt::AlignCenter, text);
            }
            const double half = (on ? 8.0 : 6.0) * palette_.fontScale;
            const QPointF tri[3] = {QPointF(tip->x() - half, area.bottom()),
                                    QPointF(tip->x() + half, area.bottom()),
                                    QPointF(tip->x(), area.bottom() - (on ? size * 1.3 : size))};
            painter->setPen(QPen(on ? palette_.foreground : colour.darker(150), on ? 1.5 : 1.0));
            painter->setBrush(colour);
            painter->drawConvexPolygon(tri, 3);
        }
    }
}

} // namespace stepwise::ui

#include "ui/surface/SurfaceMouse.h"

#include "ui/surface/SurfacePlot.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include <cmath>

namespace stepwise::ui {

namespace {

constexpr double kLineReach = 6.0, kHandleReach = 9.0, kSectionReach = 5.0; // pixels

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

double distance(QPointF a, QPointF b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

PlanePoint plane(const SurfacePlot* plot, QPointF pixel) {
    const QPointF p = plot->planeAt(pixel);
    return {p.x(), p.y()};
}

} // namespace

SurfaceMouse::SurfaceMouse(SurfaceMouseHost* host, QObject* parent) : QObject(parent), view_(host) {
    host->outputPlot()->installEventFilter(this);
    host->targetPlot()->installEventFilter(this);
}

SurfaceMouse::Hit SurfaceMouse::hitAt(const SurfacePlot* plot, QPointF pixel) const {
    // A handle on the map's rim reaches out past it.
    if (!plot->onMap(pixel, static_cast<int>(kHandleReach))) return {};
    if (view_->newStroke({})) return plot->onMap(pixel) ? Hit{Grab::Paint, -1} : Hit{};
    if (plot == view_->outputPlot()) {
        const auto& lines = plot->switchingLines();
        // Handles first (they sit on the lines' ends), the picked neuron's before the others.
        for (int pass = 0; pass < 2; ++pass)
            for (const SurfacePlot::Segment& s : lines) {
                if ((pass == 0) != (s.neuron == view_->selectedNeuron())) continue;
                const QPointF a = plot->pixelAt(s.p.x(), s.p.y());
                const QPointF b = plot->pixelAt(s.q.x(), s.q.y());
                if (distance(pixel, a) <= kHandleReach || distance(pixel, b) <= kHandleReach)
                    return {Grab::Turn, s.neuron};
            }
        int best = -1;
        double nearest = kLineReach;
        for (const SurfacePlot::Segment& s : lines) {
            const double d = distanceToSegment(pixel, plot->pixelAt(s.p.x(), s.p.y()),
                                               plot->pixelAt(s.q.x(), s.q.y()));
            if (d <= nearest) {
                nearest = d;
                best = s.neuron;
            }
        }
        if (best >= 0) return {Grab::Move, best};
    }
    if (!plot->onMap(pixel)) return {};
    const QPointF sa = plot->pixelAt(view_->sectionX1(), view_->sectionX2());
    if (std::abs(pixel.x() - sa.x()) <= kSectionReach) return {Grab::SectionX1, -1};
    if (std::abs(pixel.y() - sa.y()) <= kSectionReach) return {Grab::SectionX2, -1};
    return {};
}

bool SurfaceMouse::eventFilter(QObject* watched, QEvent* e) {
    auto* plot = qobject_cast<SurfacePlot*>(watched);
    if (!plot) return false;
    switch (e->type()) {
    case QEvent::MouseButtonPress: {
        auto* m = static_cast<QMouseEvent*>(e);
        if (m->button() != Qt::LeftButton) return false;
        press(plot, m->position());
        return grab_ != Grab::None;
    }
    case QEvent::MouseMove: {
        auto* m = static_cast<QMouseEvent*>(e);
        if (grab_ != Grab::None && plot == plot_)
            move(plot, m->position());
        else
            hover(plot, m->position());
        return grab_ != Grab::None;
    }
    case QEvent::MouseButtonRelease: {
        auto* m = static_cast<QMouseEvent*>(e);
        if (m->button() != Qt::LeftButton || grab_ == Grab::None) return false;
        release();
        return true;
    }
    case QEvent::Leave:
        if (grab_ == Grab::None) {
            plot->setBrush(std::nullopt, 0.0);
            plot->replotOverlay();
        }
        return false;
    case QEvent::KeyPress:
        return key(static_cast<QKeyEvent*>(e)->key());
    default:
        return false;
    }
}

void SurfaceMouse::press(SurfacePlot* plot, QPointF pixel) {
    const Hit hit = hitAt(plot, pixel);
    grab_ = hit.grab;
    if (grab_ == Grab::None) return;
    plot_ = plot;
    neuron_ = hit.neuron;
    started_ = false;
    start_ = plane(plot, pixel);
    if (grab_ == Grab::Move || grab_ == Grab::Turn) {
        line0_ = line_ = *view_->switchingLine(neuron_);
        const auto seg = switchingSegment(line0_, view_->lo(), view_->hi());
        if (!seg) {
            grab_ = Grab::None;
            return;
        }
        pivot_ = {0.5 * ((*seg)[0].x1 + (*seg)[1].x1), 0.5 * ((*seg)[0].x2 + (*seg)[1].x2)};
        view_->selectNeuron(neuron_);
    } else if (grab_ == Grab::Paint) {
        stroke_ = *view_->newStroke(start_);
        view_->previewStroke(stroke_);
    } else {
        move(plot, pixel);
    }
}

void SurfaceMouse::move(SurfacePlot* plot, QPointF pixel) {
    const PlanePoint p = plane(plot, pixel);
    switch (grab_) {
    case Grab::SectionX1:
        view_->setSections(p.x1, view_->sectionX2());
        view_->showReadoutAt(view_->sectionX1(), p.x2);
        break;
    case Grab::SectionX2:
        view_->setSections(view_->sectionX1(), p.x2);
        view_->showReadoutAt(p.x1, view_->sectionX2());
        break;
    case Grab::Move:
    case Grab::Turn: {
        if (!started_) {
            started_ = true;
            view_->beginLineEdit(neuron_, grab_ == Grab::Turn);
        }
        line_ = grab_ == Grab::Move ? movedLine(line0_, start_, p) : turnedLine(line_, pivot_, p);
        view_->editLine(neuron_, line_, grab_ == Grab::Turn);
        break;
    }
    case Grab::Paint: {
        const PlanePoint last = stroke_.points.back();
        plot->setBrush(QPointF(p.x1, p.x2), stroke_.radius);
        plot->replotOverlay();
        // Points a quarter of the radius apart (filled in along a fast move): the marks overlap
        // into a smooth band.
        const double gap = 0.25 * stroke_.radius;
        const double d = std::hypot(p.x1 - last.x1, p.x2 - last.x2);
        if (d < gap) break;
        const int n = std::min(200, static_cast<int>(std::ceil(d / gap)));
        for (int k = 1; k <= n && static_cast<int>(stroke_.points.size()) < kMaxPointsPerStroke;
             ++k) {
            const double t = static_cast<double>(k) / n;
            stroke_.points.push_back(
                {last.x1 + t * (p.x1 - last.x1), last.x2 + t * (p.x2 - last.x2)});
        }
        view_->previewStroke(stroke_);
        break;
    }
    case Grab::None:
        break;
    }
}

void SurfaceMouse::release() {
    const Grab g = grab_;
    grab_ = Grab::None;
    if ((g == Grab::Move || g == Grab::Turn) && started_) {
        view_->endLineEdit();
    } else if (g == Grab::Paint) {
        view_->finishStroke(stroke_);
    }
    started_ = false;
    plot_ = nullptr;
}

void SurfaceMouse::hover(SurfacePlot* plot, QPointF pixel) {
    if (!plot->onMap(pixel, static_cast<int>(kHandleReach))) {
        plot->unsetCursor();
        return;
    }
    const PlanePoint p = plane(plot, pixel);
    if (plot->onMap(pixel)) view_->showReadoutAt(p.x1, p.x2);
    const Hit hit = hitAt(plot, pixel);
    // The cursor says what a press would take hold of; the tooltip says it in words.
    QString hint;
    switch (hit.grab) {
    case Grab::SectionX1:
        plot->setCursor(Qt::SizeHorCursor);
        hint = QObject::tr("Drag to move the cross-section along x₁ (its graph is below).");
        break;
    case Grab::SectionX2:
        plot->setCursor(Qt::SizeVerCursor);
        hint = QObject::tr("Drag to move the cross-section along x₂ (its graph is below).");
        break;
    case Grab::Move:
        plot->setCursor(Qt::SizeAllCursor);
        hint = QObject::tr("Neuron %1 switches on this line, where w₁x₁ + w₂x₂ + b = 0. Drag "
                           "it to move the line: that changes b.")
                   .arg(hit.neuron + 1);
        break;
    case Grab::Turn:
        plot->setCursor(Qt::PointingHandCursor);
        hint = QObject::tr("Drag this end to turn neuron %1's switching line about its "
                           "middle: that changes w₁, w₂ and b, and keeps the length of (w₁, w₂).")
                   .arg(hit.neuron + 1);
        break;
    default:
        plot->setCursor(Qt::CrossCursor);
    }
    if (plot->toolTip() != hint) plot->setToolTip(hint);
    if (hit.grab == Grab::Paint) {
        plot->setBrush(QPointF(p.x1, p.x2), view_->brushRadius());
        plot->replotOverlay();
    }
}

bool SurfaceMouse::key(int key) {
    const double step = (view_->hi() - view_->lo()) / 64.0;
    double a = view_->sectionX1(), b = view_->sectionX2();
    switch (key) {
    case Qt::Key_Left:
        a -= step;
        break;
    case Qt::Key_Right:
        a += step;
        break;
    case Qt::Key_Down:
        b -= step;
        break;
    case Qt::Key_Up:
        b += step;
        break;
    default:
        return false;
    }
    view_->setSections(a, b);
    view_->showReadoutAt(view_->sectionX1(), view_->sectionX2());
    return true;
}

} // namespace stepwise::ui

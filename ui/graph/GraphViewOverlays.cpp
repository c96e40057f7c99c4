// GraphView's overlays — the walkthrough's sample marker and dashed curve, earlier runs' ghosts,
// the tolerance band, the answer, the legend and the readout under the mouse — and its exports
// (the curves, the modes and the look are in GraphView.cpp).
#include "ui/graph/GraphView.h"

#include "core/network/Network.h"
#include "ui/base/Format.h"
#include "ui/document/Document.h"
#include "ui/graph/BoldGraph.h"
#include "ui/graph/GhostCurves.h"
#include "ui/graph/PlotLegend.h"
#include "ui/graph/PointDots.h"
#include "ui/graph/StepHandles.h"
#include "ui/graph/modes/DrawMode.h"
#include "ui/graph/modes/GuessMode.h"
#include "ui/graph/modes/InspectMode.h"
#include "ui/graph/modes/PointsMode.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

void GraphView::setSampleMarker(std::optional<SampleMarker> m) {
    marker_ = m;
    markerY_->setVisible(m.has_value());
    markerT_->setVisible(m.has_value());
    markerError_->setVisible(m.has_value());
    if (m) {
        markerY_->setData(QVector<double>{m->x}, QVector<double>{m->y}, true);
        markerT_->setData(QVector<double>{m->x}, QVector<double>{m->t}, true);
        markerError_->start->setCoords(m->x, m->y);
        markerError_->end->setCoords(m->x, m->t);
    }
    replotCurves(false);
}

void GraphView::setDashedCurve(const std::vector<double>& x, const std::vector<double>& y,
                               const QString& name) {
    const bool show = !x.empty() && x.size() == y.size();
    dashed_->setData(QVector<double>(x.begin(), x.end()), QVector<double>(y.begin(), y.end()),
                     true);
    dashed_->setName(name);
    dashed_->setVisible(show);
    if (show != plot_->legend->hasItemWithPlottable(dashed_)) {
        if (show)
            dashed_->addToLegend();
        else
            dashed_->removeFromLegend();
        fitLegend();
    }
    replotCurves(false);
}

bool GraphView::dashedCurveShown() const {
    return dashed_->visible();
}

void GraphView::setGhosts(const std::vector<GhostCurve>& ghosts) {
    ghosts_->set(ghosts, palette_);
    ghosts_->moveToLegendEnd();
    fitLegend();
    shownLook_.reset(); // the layer under the curves changed: the next frame draws it all
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int GraphView::ghostCount() const {
    return ghosts_->count();
}

QCPGraph* GraphView::ghostGraph(int i) const {
    return ghosts_->graph(i);
}

void GraphView::fitLegend(int width) {
    fitLegendColumns(plot_, width);
}

void GraphView::setToleranceBand(std::optional<double> epsilon) {
    if (epsilon && !(std::isfinite(*epsilon) && *epsilon >= 0.0)) epsilon.reset();
    if (epsilon == epsilon_) return;
    epsilon_ = epsilon;
    refresh();
}

void GraphView::setAnswerVisible(bool on) {
    answerVisible_ = on;
    updateHandles();
    updateLegend();
    refresh();
}

void GraphView::updateLegend() {
    // The output first, then up to eight contributions; a hidden answer (the exercise) keeps
    // its curves out of the legend too. Done on changes only: legend items are widgets of a kind.
    for (QCPGraph* g : neurons_)
        g->removeFromLegend();
    if (output_) output_->removeFromLegend();
    if (answerVisible_) {
        if (output_) output_->addToLegend();
        for (int j = 0; j < neurons_.size() && j < 8; ++j)
            neurons_[j]->addToLegend();
    }
    ghosts_->moveToLegendEnd();
    fitLegend();
}

QString GraphView::readoutText() const {
    return readout_->visible() ? readout_->text() : QString();
}

void GraphView::showReadoutAt(double x) {
    hoverX_ = x;
    updateReadout();
    replotCurves(false);
}

void GraphView::updateReadout() {
    if (!hoverX_ || !current_->showsReadout() || !answerVisible_) {
        readout_->setVisible(false);
        cursor_->setVisible(false);
        return;
    }
    const Network& net = doc_->network();
    const double x = *hoverX_;
    QStringList lines;
    lines << QString("x = %1").arg(formatFixed(x, 3));
    double sum = net.c;
    for (int j = 0; j < net.hidden() && j < 12; ++j) {
        const double a = net.activation(net.w[j] * x + net.b[j]);
        sum += net.v[j] * a;
        lines << QString("n%1 = %2   %3·n%1 = %4")
                     .arg(j + 1)
                     .arg(formatFixed(a, 3, 7))
                     .arg(QString::fromStdString(
                         paramName({ParamKind::OutputWeight, j}, net.hidden())))
                     .arg(formatFixed(net.v[j] * a, 3, 7));
    }
    for (int j = 12; j < net.hidden(); ++j)
        sum += net.v[j] * net.activation(net.w[j] * x + net.b[j]);
    if (net.hidden() > 12) lines << tr("… %n more neuron(s)", nullptr, net.hidden() - 12);
    if (net.c != 0.0) lines << QString("c = %1").arg(formatFixed(net.c, 3));
    lines << tr("output y = %1").arg(formatFixed(sum, 3));
    const Eigen::ArrayXd& t = doc_->targetSamples();
    if (t.size() > 0) {
        const Domain& d = doc_->scenario().domain;
        const int i = nearestSample(x, d.lo, d.hi, static_cast<int>(t.size()));
        lines << tr("target = %1").arg(formatFixed(t[i], 3));
    }
    readout_->setText(lines.join('\n'));
    // In the top corner away from the point being read: the cursor's half of the plot stays
    // clear (the readout is narrower than half the plot).
    const QCPRange xr = plot_->xAxis->range();
    const bool leftHalf = x < xr.center();
    readout_->setPositionAlignment((leftHalf ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    readout_->position->setCoords(leftHalf ? 0.99 : 0.01, 0.01);
    readout_->setVisible(true);
    cursor_->point1->setCoords(x, 0);
    cursor_->point2->setCoords(x, 1);
    cursor_->setVisible(true);
}

bool GraphView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != plot_) return QWidget::eventFilter(watched, event);
    // The mouse and the keys go to the mode in use, or to the gesture that holds the mouse.
    bool used = false;
    ++dispatching_; // a handler may run a nested event loop (a dialog): that comes back here
    switch (event->type()) {
    case QEvent::Resize: // seen before the plot takes its new size
        fitLegend(static_cast<QResizeEvent*>(event)->size().width());
        break;
    case QEvent::MouseButtonPress:
        used = activeMode().press(static_cast<QMouseEvent*>(event));
        break;
    case QEvent::MouseMove:
        used = activeMode().move(static_cast<QMouseEvent*>(event));
        break;
    case QEvent::MouseButtonRelease:
        used = activeMode().release(static_cast<QMouseEvent*>(event));
        break;
    case QEvent::KeyPress:
        used = activeMode().key(static_cast<QKeyEvent*>(event));
        break;
    case QEvent::Leave:
        activeMode().leave();
        break;
    default:
        break;
    }
    if (--dispatching_ == 0) retired_.clear(); // modes replaced while handling this event
    if (used) return true;
    return QWidget::eventFilter(watched, event);
}

void GraphView::layOutFor(int width, int height) {
    // The target band's width is set in pixels, so lay the plot out at the picture's size first
    // (a hidden widget gets no resize event).
    plot_->setViewport(QRect(0, 0, width, height));
    fitLegend(width); // its columns for this width (every export lays out its own legend)
    plot_->replot(QCustomPlot::rpImmediateRefresh);
    refresh();
}

bool GraphView::exportTo(const QString& path, int width, int height, double scale) {
    if (!isVisible()) layOutFor(width, height);
    const QString lower = path.toLower();
    // The legend laid out for the picture's width, whatever the window's (then put back).
    fitLegend(width);
    struct Restore {
        GraphView* v;
        ~Restore() { v->fitLegend(); }
    } restore{this};
    if (lower.endsWith(".png")) return plot_->savePng(path, width, height, scale);
    if (lower.endsWith(".pdf")) return plot_->savePdf(path, width, height);
    if (lower.endsWith(".svg")) {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(QSize(width, height));
        gen.setViewBox(QRect(0, 0, width, height));
        gen.setTitle(tr("Stepwise graph"));
        QCPPainter painter;
        if (!painter.begin(&gen)) return false;
        plot_->toPainter(&painter, width, height);
        return painter.end();
    }
    return false;
}

} // namespace stepwise::ui

#include "ui/deep/DeepGraph.h"

#include "core/deep/LayeredNames.h"
#include "core/deep/LayeredNetwork.h"
#include "ui/document/Document.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {
constexpr int kMaxDrawn = 800; // samples of x drawn (the document's grid, thinned)

QVector<double> toVector(const Eigen::ArrayXd& a) {
    return QVector<double>(a.data(), a.data() + a.size());
}
} // namespace

DeepGraph::DeepGraph(Document* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName("deepGraph");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    plot_ = new QCustomPlot(this);
    plot_->setAccessibleName(tr("Output of the network over x"));
    plot_->setAccessibleDescription(
        tr("Bold: the network's output y over x. Thin: each neuron of the last hidden layer "
           "times its output weight; these add up, with the output bias c, to y. Grey band or "
           "dots: the target (hollow dots are test points)."));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->xAxis->setLabel(QStringLiteral("x"));
    plot_->yAxis->setLabel(QStringLiteral("y"));
    layout->addWidget(plot_);
    // The target and the points on a layer of their own under the curves, both buffered: a frame
    // that moves only the network (a drag, training) redraws the curves' layer alone.
    plot_->addLayer("target", plot_->layer("grid"), QCustomPlot::limAbove);
    plot_->layer("target")->setMode(QCPLayer::lmBuffered);
    plot_->layer("main")->setMode(QCPLayer::lmBuffered);
    connect(doc_, &Document::networkChanged, this, [this] { refresh(false); });
    connect(doc_, &Document::targetChanged, this, [this] {
        fitted_ = false;
        refresh(true);
    });
    connect(doc_, &Document::structureChanged, this, &DeepGraph::rebuild);
    connect(doc_, &Document::scenarioReplaced, this, [this] {
        fitted_ = false;
        rebuild();
    });
    rebuild();
}

void DeepGraph::setPalette(const Palette& p) {
    palette_ = p;
    rebuild();
}

void DeepGraph::rebuild() {
    plot_->clearGraphs();
    parts_.clear();
    const Palette& p = palette_;
    plot_->setBackground(p.background);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setBasePen(QPen(p.foreground));
        axis->setTickPen(QPen(p.foreground));
        axis->setSubTickPen(QPen(p.foreground));
        axis->setTickLabelColor(p.foreground);
        axis->setLabelColor(p.foreground);
        axis->grid()->setPen(QPen(p.grid));
    }
    const int parts = doc_->isLayered() && doc_->inputs() == 1
                          ? std::min(doc_->layered().layers.back().width(), kMaxContributions)
                          : 0;
    plot_->setCurrentLayer("main");
    for (int j = 0; j < parts; ++j) {
        QCPGraph* g = plot_->addGraph();
        g->setPen(QPen(p.neuron(j), 1.0 * p.lineScale));
        // As the parameter tree and the diagram name them: vⱼ·a⁽ᴸ⁾ⱼ, neuron j of the last layer
        // L times its output weight.
        const int last = doc_->layered().depth();
        g->setName(QString::fromStdString("v" + subscript(j + 1) + "·a⁽" + superscript(last) + "⁾" +
                                          subscript(j + 1)));
        parts_.push_back(g);
    }
    plot_->setCurrentLayer("target");
    target_ = plot_->addGraph();
    QColor band = p.target;
    target_->setPen(QPen(band, 8.0 * p.lineScale, Qt::SolidLine, Qt::RoundCap));
    target_->setName(tr("target"));
    points_ = plot_->addGraph();
    points_->setLineStyle(QCPGraph::lsNone);
    points_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, p.foreground, p.foreground, 6 * p.lineScale));
    testPoints_ = plot_->addGraph();
    testPoints_->setLineStyle(QCPGraph::lsNone);
    testPoints_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(p.foreground),
                                                 Qt::NoBrush, 7 * p.lineScale));
    plot_->setCurrentLayer("main");
    output_ = plot_->addGraph();
    output_->setPen(QPen(p.output, 3.0 * p.lineScale));
    output_->setName(tr("output"));
    refresh(true);
}

void DeepGraph::refresh(bool targetToo) {
    if (!doc_->isLayered() || doc_->inputs() != 1 || !output_) return;
    const Domain& d = doc_->scenario().domain;
    // Live frames (a drag, training) draw half as many points; the frame after them all.
    const int n = std::clamp(d.samples, 2, doc_->live() ? kMaxDrawn / 2 : kMaxDrawn);
    const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(n, d.lo, d.hi);
    const LayeredNetwork& net = doc_->layered();
    const LayeredEvaluation e = evaluate(net, x.matrix().transpose());
    const QVector<double> xs = toVector(x);
    if (e.output.allFinite()) output_->setData(xs, toVector(e.output), true);
    const Eigen::ArrayXXd& last = e.a.back();
    for (int j = 0; j < parts_.size() && j < last.rows(); ++j) {
        const Eigen::ArrayXd part = net.v[j] * last.row(j).transpose();
        if (part.allFinite()) parts_[j]->setData(xs, toVector(part), true);
    }
    const bool live = doc_->live();
    // Live frames (a drag, training) skip antialiasing, as the lesson's graph does: most of a
    // frame's cost; the frame after the drag or the run is drawn in full quality.
    plot_->setNotAntialiasedElements(live ? QCP::aeAll : QCP::aeNone);
    if (live && !targetToo && fitted_ && live_) {
        // Only the curves moved: their layer alone (QCustomPlot replots everything if its
        // buffers went stale, say after a resize).
        plot_->layer("main")->replot();
        emit plot_->afterReplot(); // whoever waits for a new picture hears of this one too
        return;
    }
    live_ = live;
    if (doc_->hasPoints()) {
        target_->data()->clear();
        points_->setData(toVector(doc_->sampleX()), toVector(doc_->sampleT()));
        QVector<double> tx, ty;
        for (const TargetPoint& q : doc_->testPoints()) {
            tx.push_back(q.x);
            ty.push_back(q.y);
        }
        testPoints_->setData(tx, ty);
    } else {
        points_->data()->clear();
        testPoints_->data()->clear();
        const Eigen::ArrayXd& t = doc_->targetSamples();
        if (t.size() == doc_->x().size() && t.size() > 0) {
            const Eigen::Index step = std::max<Eigen::Index>(1, t.size() / kMaxDrawn);
            QVector<double> tx, ty;
            for (Eigen::Index i = 0; i < t.size(); i += step) {
                tx.push_back(doc_->x()[i]);
                ty.push_back(t[i]);
            }
            target_->setData(tx, ty, true);
        } else {
            target_->data()->clear();
        }
    }
    plot_->xAxis->setRange(d.lo, d.hi);
    if (!fitted_) fitY();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DeepGraph::fitY() {
    double lo = -1.0, hi = 1.0;
    bool any = false;
    for (QCPGraph* g : {target_, points_, testPoints_, output_}) {
        bool found = false;
        const QCPRange r = g->getValueRange(found);
        if (!found) continue;
        lo = any ? std::min(lo, r.lower) : r.lower;
        hi = any ? std::max(hi, r.upper) : r.upper;
        any = true;
    }
    if (!(hi > lo)) {
        lo -= 1.0;
        hi += 1.0;
    }
    const double margin = 0.15 * (hi - lo);
    plot_->yAxis->setRange(lo - margin, hi + margin);
    fitted_ = true;
}

} // namespace stepwise::ui

#include "ui/training/RacePlots.h"

#include <QApplication>
#include <QHBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {
constexpr int kFirstRacerGraph = 1; // graph 0 of the output plot is the points
} // namespace

RacePlots::RacePlots(QWidget* parent) : QWidget(parent) {
    output_ = new QCustomPlot(this);
    output_->setObjectName("raceOutputPlot");
    output_->setAccessibleName(tr("Race: output curves"));
    output_->setAccessibleDescription(tr("Each racer's output curve over the training points"));
    loss_ = new QCustomPlot(this);
    loss_->setObjectName("raceLossPlot");
    loss_->setAccessibleName(tr("Race: loss curves"));
    loss_->setAccessibleDescription(
        tr("Each racer's mean squared error on the training points after each step, log scale"));
    for (QCustomPlot* p : {output_, loss_}) {
        p->setMinimumSize(300, 220);
        p->legend->setVisible(true);
        p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    }
    output_->xAxis->setLabel("x");
    output_->yAxis->setLabel("y");
    output_->addGraph();
    output_->graph(0)->setName(tr("training points"));
    output_->graph(0)->removeFromLegend(); // (the legend is the loss plot's)
    output_->graph(0)->setLineStyle(QCPGraph::lsNone);
    loss_->xAxis->setLabel(tr("step"));
    loss_->yAxis->setLabel(tr("loss"));
    loss_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    loss_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    loss_->yAxis->setNumberFormat("eb");
    loss_->yAxis->setNumberPrecision(0);
    // One legend names the racers for both pictures: the loss plot's top right, where falling
    // loss curves leave the most room (over the output curves it hid a curve's peak).
    output_->legend->setVisible(false);
    auto* l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(output_, 1);
    l->addWidget(loss_, 1);
    applyPalette();
}

void RacePlots::setPalette(const Palette& p) {
    palette_ = p;
    applyPalette();
}

void RacePlots::applyPalette() {
    const Palette& p = palette_;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * p.fontScale);
    for (QCustomPlot* plot : {output_, loss_}) {
        plot->setBackground(p.background);
        for (QCPAxis* a : {plot->xAxis, plot->yAxis}) {
            a->setBasePen(QPen(p.foreground, 1));
            a->setTickPen(QPen(p.foreground, 1));
            a->setSubTickPen(QPen(p.foreground, 1));
            a->setTickLabelColor(p.foreground);
            a->setLabelColor(p.foreground);
            a->grid()->setPen(QPen(p.grid, 1, Qt::DotLine));
            a->setTickLabelFont(f);
            a->setLabelFont(f);
        }
        plot->legend->setTextColor(p.foreground);
        plot->legend->setBorderPen(QPen(p.grid));
        QColor box = p.background;
        box.setAlpha(220);
        plot->legend->setBrush(box);
        QFont lf = f;
        lf.setPointSizeF(lf.pointSizeF() * 0.9);
        plot->legend->setFont(lf);
    }
    output_->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                       QPen(p.background, 1.0 * p.lineScale),
                                                       p.foreground, 6.0 * p.lineScale));
    if (race_)
        for (int i = 0; i < race_->size(); ++i) {
            const bool diverged = race_->state(i).diverged;
            const QPen pen(p.neuron(i), 2.0 * p.lineScale, diverged ? Qt::DotLine : Qt::SolidLine);
            output_->graph(kFirstRacerGraph + i)->setPen(pen);
            loss_->graph(i)->setPen(QPen(p.neuron(i), 1.5 * p.lineScale));
        }
    output_->replot(QCustomPlot::rpQueuedReplot);
    loss_->replot(QCustomPlot::rpQueuedReplot);
}

void RacePlots::setSamples(const Eigen::ArrayXd& x, const Eigen::ArrayXd& t,
                           const Eigen::ArrayXd& grid) {
    grid_ = grid;
    QVector<double> px, py;
    for (Eigen::Index i = 0; i < x.size() && i < t.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(t[i])) {
            px.push_back(x[i]);
            py.push_back(t[i]);
        }
    output_->graph(0)->setData(px, py);
    // Left out when there are many: the dots are a backdrop, not data to read one by one.
    output_->graph(0)->setVisible(px.size() <= 400);
}

QString RacePlots::legendText(int racer) const {
    if (!race_ || racer < 0 || racer >= race_->size()) return {};
    const RacerState& s = race_->state(racer);
    const QString name = QString::fromStdString(race_->spec(racer).name);
    if (s.diverged) return tr("%1 — diverged at step %2").arg(name).arg(s.steps);
    return name;
}

void RacePlots::setRace(const Race* race) {
    race_ = race;
    while (output_->graphCount() > kFirstRacerGraph)
        output_->removeGraph(output_->graphCount() - 1);
    loss_->clearGraphs();
    plotted_.assign(race ? static_cast<std::size_t>(race->size()) : 0, 0);
    if (race)
        for (int i = 0; i < race->size(); ++i) {
            output_->addGraph();
            loss_->addGraph();
        }
    applyPalette();
    update();
}

void RacePlots::update() {
    if (!race_) return;
    double lo = 1e300, hi = 0.0, yLo = 1e300, yHi = -1e300;
    for (int i = 0; i < output_->graph(0)->dataCount(); ++i) {
        const double v = output_->graph(0)->data()->at(i)->value;
        yLo = std::min(yLo, v);
        yHi = std::max(yHi, v);
    }
    // Loss points: one per `stride` steps keeps even a long race light to draw.
    const long stride = std::max(1L, race_->length() / 2000);
    for (int i = 0; i < race_->size(); ++i) {
        const RacerState& s = race_->state(i);
        QCPGraph* out = output_->graph(kFirstRacerGraph + i);
        const Eigen::ArrayXd y = evaluateOutput(race_->network(i), grid_);
        QVector<double> keys(grid_.data(), grid_.data() + grid_.size());
        QVector<double> values(y.data(), y.data() + y.size());
        for (double& v : values)
            if (!std::isfinite(v)) v = 0.0; // never happens: the trainer hands out nothing else
        out->setData(keys, values, true);
        out->setName(legendText(i));
        loss_->graph(i)->setName(legendText(i));
        if (y.size() > 0) {
            yLo = std::min(yLo, y.minCoeff());
            yHi = std::max(yHi, y.maxCoeff());
        }
        QCPGraph* lg = loss_->graph(i);
        std::size_t& done = plotted_[static_cast<std::size_t>(i)];
        for (; done < s.losses.size(); ++done)
            if (done % static_cast<std::size_t>(stride) == 0 && std::isfinite(s.losses[done]))
                lg->addData(static_cast<double>(done), std::max(s.losses[done], 1e-12));
        bool found = false;
        const QCPRange r = lg->getValueRange(found);
        if (found) {
            lo = std::min(lo, r.lower);
            hi = std::max(hi, r.upper);
        }
    }
    applyPalette(); // a racer that diverged is drawn dotted from now on
    if (grid_.size() > 1) output_->xAxis->setRange(grid_[0], grid_[grid_.size() - 1]);
    if (yHi >= yLo) {
        const double pad = 0.1 * std::max(yHi - yLo, 1e-3);
        output_->yAxis->setRange(yLo - pad, yHi + pad);
    }
    loss_->xAxis->setRange(0, std::max(10.0, static_cast<double>(race_->length())));
    if (hi >= lo) loss_->yAxis->setRange(lo / 2, hi * 2);
    output_->replot(QCustomPlot::rpQueuedReplot);
    loss_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace stepwise::ui

#include "ui/graph/GhostCurves.h"

#include "ui/base/GhostColour.h"

#include <QCoreApplication>

#include <cmath>

namespace stepwise::ui {

GhostCurves::GhostCurves(QCustomPlot* plot, QCPLayer* below) : plot_(plot) {
    plot_->addLayer("ghosts", below, QCustomPlot::limAbove);
    layer_ = plot_->layer("ghosts");
}

void GhostCurves::set(const std::vector<GhostCurve>& ghosts, const Palette& p) {
    for (QCPGraph* g : graphs_)
        plot_->removeGraph(g);
    graphs_.clear();
    colours_.clear();
    for (const GhostCurve& c : ghosts) {
        QVector<double> x, y;
        x.reserve(static_cast<int>(c.x.size()));
        y.reserve(static_cast<int>(c.y.size()));
        for (std::size_t i = 0; i < c.x.size() && i < c.y.size(); ++i)
            if (std::isfinite(c.x[i]) && std::isfinite(c.y[i])) {
                x.push_back(c.x[i]);
                y.push_back(c.y[i]);
            }
        auto* g = new QCPGraph(plot_->xAxis, plot_->yAxis);
        g->setLayer(layer_);
        g->setData(x, y, true);
        g->setName(QCoreApplication::translate("GhostCurves", "earlier run: %1").arg(c.label));
        g->setSelectable(QCP::stNone);
        graphs_.push_back(g);
        colours_.push_back(c.colour);
    }
    setPalette(p);
}

void GhostCurves::setPalette(const Palette& p) {
    for (int i = 0; i < graphs_.size(); ++i)
        graphs_[i]->setPen(QPen(ghostColour(p, colours_[static_cast<std::size_t>(i)]),
                                2.0 * p.lineScale, Qt::DashLine));
}

void GhostCurves::moveToLegendEnd() {
    for (QCPGraph* g : graphs_) {
        g->removeFromLegend();
        g->addToLegend();
    }
}

} // namespace stepwise::ui

#include "ui/graph/PointDots.h"

#include <QCoreApplication>

namespace stepwise::ui {

PointDots::PointDots(QCustomPlot* plot, QCPLayer* below) : plot_(plot) {
    plot_->addLayer("points", below, QCustomPlot::limAbove);
    QCPLayer* previous = plot_->currentLayer();
    plot_->setCurrentLayer("points");
    train_ = plot_->addGraph();
    test_ = plot_->addGraph();
    plot_->setCurrentLayer(previous);
    train_->setName(QCoreApplication::translate("PointDots", "training points"));
    test_->setName(QCoreApplication::translate("PointDots", "test points"));
    for (QCPGraph* g : {train_, test_}) {
        g->setLineStyle(QCPGraph::lsNone);
        g->removeFromLegend();
    }
    setPalette(Palette::light());
}

void PointDots::setPalette(const Palette& p) {
    const double s = p.lineScale;
    // Training points: a solid dot ringed in the background colour, so it stays apart from a
    // curve it sits on. Test points: a ring of the same colour, hollow (the background inside).
    train_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(p.background, 1.0 * s),
                                            p.foreground, 7.0 * s));
    test_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(p.foreground, 1.6 * s),
                                           p.background, 8.0 * s));
}

bool PointDots::update(const DataSet& data, bool show, bool* legendChanged) {
    if (legendChanged) *legendChanged = false;
    if (show == shown_ && (!show || (data.points == shownPoints_ && data.isTest == shownIsTest_)))
        return false;
    if (show) {
        shownPoints_ = data.points;
        shownIsTest_ = data.isTest;
    } else {
        shownPoints_.clear();
        shownIsTest_.clear();
    }
    shown_ = show;
    QVector<double> tx, ty, sx, sy;
    for (std::size_t i = 0; i < shownPoints_.size(); ++i) {
        const bool test = i < shownIsTest_.size() && shownIsTest_[i];
        (test ? sx : tx).push_back(shownPoints_[i].x);
        (test ? sy : ty).push_back(shownPoints_[i].y);
    }
    train_->setData(tx, ty); // not sorted: the points keep the order they came in
    test_->setData(sx, sy);
    for (QCPGraph* g : {train_, test_}) {
        const bool want = !g->data()->isEmpty();
        if (want == plot_->legend->hasItemWithPlottable(g)) continue;
        if (want)
            g->addToLegend();
        else
            g->removeFromLegend();
        if (legendChanged) *legendChanged = true;
    }
    return true;
}

} // namespace stepwise::ui

// GhostCurves: faint output curves of earlier training runs on the graph, each in its ghost colour
// (ui/base/GhostColour.h), dashed, with a legend entry naming what differed from the run after it.
// They sit on a layer of their own under the curves' layer, so a live frame (which redraws the
// curves' layer alone) never draws them again: they cost only when the whole plot is redrawn.
#pragma once

#include "ui/base/Palette.h"
#include "ui/graph/GhostCurve.h"

#include <QString>
#include <qcustomplot.h>

#include <vector>

namespace stepwise::ui {

class GhostCurves {
public:
    // Adds its layer ("ghosts", above `below`) to the plot.
    GhostCurves(QCustomPlot* plot, QCPLayer* below);

    void set(const std::vector<GhostCurve>& ghosts, const Palette& p);
    void setPalette(const Palette& p);
    // Takes the ghosts' legend entries out and puts them back last (after the graph's own).
    void moveToLegendEnd();
    int count() const { return static_cast<int>(graphs_.size()); }
    QCPGraph* graph(int i) const { return graphs_.value(i, nullptr); }
    QCPLayer* layer() const { return layer_; }

private:
    QCustomPlot* plot_;
    QCPLayer* layer_;
    QVector<QCPGraph*> graphs_;
    std::vector<int> colours_;
};

} // namespace stepwise::ui

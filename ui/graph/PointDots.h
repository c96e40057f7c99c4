// PointDots: the points the network learns from, drawn on the graph as dots — training points
// filled, test points hollow — on a layer above the curves, with their own legend entries.
// Shown when the target has measured points, or when noise or a test split makes the samples
// differ from the curve; a plain curve is drawn as its band alone.
#pragma once

#include "core/data/DataSet.h"
#include "ui/base/Palette.h"

#include <qcustomplot.h>

namespace stepwise::ui {

class PointDots {
public:
    // Adds its layer ("points", above `below`) and its two graphs to the plot.
    PointDots(QCustomPlot* plot, QCPLayer* below);

    void setPalette(const Palette& p);
    // Shows the data set's points (nothing when `show` is false). Returns whether anything
    // changed; *legendChanged says whether legend entries came or went.
    bool update(const DataSet& data, bool show, bool* legendChanged);

    QCPGraph* trainGraph() const { return train_; }
    QCPGraph* testGraph() const { return test_; }
    int shownTrain() const { return train_->dataCount(); }
    int shownTest() const { return test_->dataCount(); }

private:
    QCustomPlot* plot_;
    QCPGraph* train_;
    QCPGraph* test_;
    std::vector<TargetPoint> shownPoints_;
    std::vector<bool> shownIsTest_;
    bool shown_ = false;
};

} // namespace stepwise::ui

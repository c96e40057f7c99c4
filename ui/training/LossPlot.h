// LossPlot: the loss curve of the training run so far, on a log scale; with held-out points, the
// test loss beside it (dashed), and a legend that names the two. Under them, faint, the loss
// curves of earlier runs (RunGhosts), in the colours the Training tab's list of them shows.
#pragma once

#include "ui/base/Palette.h"
#include "ui/training/RunGhosts.h"

#include <QPixmap>
#include <QWidget>
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace stepwise::ui {

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);
    void setData(const std::vector<double>& steps, const std::vector<double>& loss);
    // The loss on the test points at the same steps; empty: none (the legend goes too). Call
    // after setData: the axes take both curves in.
    void setTestData(const std::vector<double>& steps, const std::vector<double>& loss);
    bool showsTestLoss() const;
    // Earlier runs' loss curves, on a layer under the live ones (the axes take them in).
    void setGhosts(const std::vector<RunGhost>& ghosts);
    int ghostCount() const { return static_cast<int>(ghosts_.size()); }
    void setPalette(const Palette& p);
    QPixmap toPixmap(int width, int height);    // a picture of the plot at this size (exports)
    QCustomPlot* plot() const { return plot_; } // for tests only
    QSize sizeHint() const override { return {300, 150}; }

private:
    void applyGhostPens();
    // The axes' ranges: the live curves (lo, hi, last step; hi < lo when none) and the ghosts.
    void fitRanges(double lo, double hi, double lastStep);

    QCustomPlot* plot_;
    Palette palette_ = Palette::light();
    std::vector<QCPGraph*> ghosts_;
    std::vector<int> ghostColours_;
    double ghostLo_ = 1e300, ghostHi_ = 0.0, ghostLast_ = 0.0;
};

} // namespace stepwise::ui

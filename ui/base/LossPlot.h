// LossPlot: the loss curve of the training run so far, on a log scale; with held-out points, the
// test loss beside it (dashed), and a legend that names the two.
#pragma once

#include "ui/base/Palette.h"

#include <QPixmap>
#include <QWidget>
#include <vector>

class QCustomPlot;

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
    void setPalette(const Palette& p);
    QPixmap toPixmap(int width, int height);    // a picture of the plot at this size (exports)
    QCustomPlot* plot() const { return plot_; } // for tests only
    QSize sizeHint() const override { return {300, 150}; }

private:
    QCustomPlot* plot_;
};

} // namespace stepwise::ui

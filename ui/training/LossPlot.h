// LossPlot: the loss curve of the training run so far, on a log scale.
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
    void setPalette(const Palette& p);
    QPixmap toPixmap(int width, int height);    // a picture of the plot at this size (exports)
    QCustomPlot* plot() const { return plot_; } // for tests only
    QSize sizeHint() const override { return {300, 150}; }

private:
    QCustomPlot* plot_;
};

} // namespace stepwise::ui

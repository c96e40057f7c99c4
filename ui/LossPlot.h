// LossPlot: the loss curve of the training run so far, on a log scale.
#pragma once

#include "ui/Palette.h"

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
    QCustomPlot* plot() const { return plot_; }
    QSize sizeHint() const override { return {300, 150}; }

private:
    QCustomPlot* plot_;
};

} // namespace stepwise::ui

#include "ui/base/LossPlot.h"

#include <QApplication>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {
// Powers of ten on a wide range; on a range narrower than about a decade QCustomPlot's log ticker
// falls back to evenly spaced ticks (0.15, 0.2, 0.25), which one significant digit labels alike
// ("2·10⁻¹" four times). Here every label gets as many digits as it takes to tell the ticks
// apart, and no more.
class LossTicker : public QCPAxisTickerLog {
protected:
    QVector<QString> createLabelVector(const QVector<double>& ticks, const QLocale& locale,
                                       QChar formatChar, int precision) override {
        QVector<QString> labels;
        for (int p = precision; p <= 8; ++p) {
            labels = QCPAxisTickerLog::createLabelVector(ticks, locale, formatChar, p);
            QVector<QString> sorted = labels;
            std::sort(sorted.begin(), sorted.end());
            if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) break;
        }
        return labels;
    }
};
} // namespace

LossPlot::LossPlot(QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName("lossPlot");
    plot_->setAccessibleName(tr("Loss curve"));
    plot_->setAccessibleDescription(
        tr("The mean squared error after each training step, log scale"));
    plot_->setMinimumHeight(110);
    plot_->addGraph();
    plot_->graph(0)->setName(tr("training loss"));
    plot_->addGraph(); // the test loss
    plot_->graph(1)->setName(tr("test loss"));
    plot_->legend->setVisible(false);
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new LossTicker));
    plot_->yAxis->setNumberFormat("eb");
    plot_->yAxis->setNumberPrecision(0);
    plot_->xAxis->setLabel(tr("step"));
    plot_->yAxis->setLabel(tr("loss"));
    plot_->xAxis->setRange(0, 100);
    plot_->yAxis->setRange(1e-4, 1);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(plot_);
    setPalette(Palette::light());
}

QPixmap LossPlot::toPixmap(int width, int height) {
    return plot_->toPixmap(width, height);
}

void LossPlot::setPalette(const Palette& p) {
    plot_->setBackground(p.background);
    for (QCPAxis* a : {plot_->xAxis, plot_->yAxis}) {
        a->setBasePen(QPen(p.foreground, p.lineScale));
        a->setTickPen(QPen(p.foreground, p.lineScale));
        a->setSubTickPen(QPen(p.foreground));
        a->setTickLabelColor(p.foreground);
        a->setLabelColor(p.foreground);
        a->grid()->setPen(QPen(p.grid, 1, Qt::DotLine));
        // Larger on a projector, as the graph's axes (from the application's font: the panel
        // around the plot has its own presentation size).
        QFont f = QApplication::font();
        f.setPointSizeF(f.pointSizeF() * p.fontScale);
        a->setTickLabelFont(f);
        a->setLabelFont(f);
    }
    // A 1-pixel pen keeps Qt on its fast stroking path: the curve has up to 20 000 points and
    // is redrawn every frame while training.
    plot_->graph(0)->setPen(QPen(p.negative, 1.0 * p.lineScale));
    plot_->graph(1)->setPen(QPen(p.positive, 1.0 * p.lineScale, Qt::DashLine));
    plot_->legend->setTextColor(p.foreground);
    plot_->legend->setBorderPen(QPen(p.grid));
    QColor box = p.background;
    box.setAlpha(220);
    plot_->legend->setBrush(box);
    QFont lf = font();
    lf.setPointSizeF(lf.pointSizeF() * 0.85 * p.fontScale);
    plot_->legend->setFont(lf);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::setData(const std::vector<double>& steps, const std::vector<double>& loss) {
    QVector<double> x, y;
    x.reserve(static_cast<int>(steps.size()));
    y.reserve(static_cast<int>(steps.size()));
    double lo = 1e300, hi = 0;
    for (std::size_t i = 0; i < steps.size() && i < loss.size(); ++i) {
        const double v = std::max(loss[i], 1e-12); // a log axis cannot show 0
        if (!std::isfinite(v)) continue;
        x.push_back(steps[i]);
        y.push_back(v);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    plot_->graph(0)->setData(x, y, true);
    if (!x.isEmpty()) {
        plot_->xAxis->setRange(0, std::max(10.0, x.back() * 1.05));
        plot_->yAxis->setRange(lo / 2, hi * 2);
    } else {
        plot_->xAxis->setRange(0, 100);
        plot_->yAxis->setRange(1e-4, 1);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::setTestData(const std::vector<double>& steps, const std::vector<double>& loss) {
    QVector<double> x, y;
    x.reserve(static_cast<int>(steps.size()));
    y.reserve(static_cast<int>(steps.size()));
    for (std::size_t i = 0; i < steps.size() && i < loss.size(); ++i) {
        const double v = std::max(loss[i], 1e-12);
        if (!std::isfinite(v)) continue;
        x.push_back(steps[i]);
        y.push_back(v);
    }
    plot_->graph(1)->setData(x, y, true);
    const bool any = !x.isEmpty();
    plot_->legend->setVisible(any);
    if (any) {
        // Both curves in view: widen the ranges setData chose to take the test loss in.
        bool found = false;
        const QCPRange yr = plot_->graph(1)->getValueRange(found);
        if (found && !plot_->graph(0)->data()->isEmpty()) {
            const QCPRange cur = plot_->yAxis->range();
            plot_->yAxis->setRange(std::min(cur.lower, yr.lower / 2),
                                   std::max(cur.upper, yr.upper * 2));
        } else if (found) {
            plot_->yAxis->setRange(yr.lower / 2, yr.upper * 2);
        }
        plot_->xAxis->setRange(0, std::max({10.0, x.back() * 1.05, plot_->xAxis->range().upper}));
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool LossPlot::showsTestLoss() const {
    return plot_->legend->visible() && !plot_->graph(1)->data()->isEmpty();
}

} // namespace stepwise::ui

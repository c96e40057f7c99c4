#include "ui/deep/LayerView.h"

#include "core/deep/LayeredNames.h"
#include "core/deep/Pieces.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

LayerView::LayerView(QWidget* parent) : QWidget(parent) {
    setObjectName("layerView");
    setAccessibleName(tr("Every layer"));
    setAccessibleDescription(tr("One small plot per hidden layer with each neuron's activation "
                                "over x, then the output."));
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    row_ = new QHBoxLayout;
    row_->setSpacing(4);
    box->addLayout(row_, 1);
    message_ = new QLabel(tr("With two inputs every neuron is a surface over the plane, not a "
                             "curve: the plots of each layer show one input only."),
                          this);
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    message_->hide();
    box->addWidget(message_, 1);
    pieces_ = new QLabel(this);
    pieces_->setObjectName("linearPieces");
    pieces_->setWordWrap(true);
    box->addWidget(pieces_);
}

void LayerView::setPalette(const Palette& p) {
    palette_ = p;
    builtShape_.clear(); // restyle everything
    builtInputs_ = 0;
    rebuild();
    fill();
}

void LayerView::setNetwork(const LayeredNetwork& net, double lo, double hi) {
    net_ = net;
    if (std::isfinite(lo) && std::isfinite(hi) && hi > lo) {
        lo_ = lo;
        hi_ = hi;
    }
    if (net_.shape() != builtShape_ || net_.inputs != builtInputs_) rebuild();
    fill();
}

int LayerView::curveCount(int plot) const {
    int n = 0;
    QCustomPlot* p = plots_[static_cast<std::size_t>(plot)];
    for (int g = 0; g < p->graphCount(); ++g)
        if (p->graph(g) != kinkDots_) ++n;
    return n;
}

QString LayerView::piecesText() const {
    return pieces_->isHidden() ? QString() : pieces_->text();
}

bool LayerView::showsMessage() const {
    return !message_->isHidden();
}

void LayerView::styleOne(QCustomPlot* plot, const QString& title) {
    plot->setBackground(palette_.background);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85 * palette_.fontScale);
    for (QCPAxis* a : {plot->xAxis, plot->yAxis}) {
        a->setBasePen(QPen(palette_.foreground, 1));
        a->setTickPen(QPen(palette_.foreground, 1));
        a->setSubTickPen(Qt::NoPen);
        a->setTickLabelColor(palette_.foreground);
        a->setTickLabelFont(small);
        a->grid()->setPen(QPen(palette_.grid, 1));
        a->ticker()->setTickCount(3);
    }
    plot->plotLayout()->insertRow(0);
    auto* text = new QCPTextElement(plot, title, small);
    text->setTextColor(palette_.foreground);
    plot->plotLayout()->addElement(0, 0, text);
    plot->setMinimumSize(120, 110);
    plot->setAccessibleName(title);
    // The curves on a buffer of their own: a live frame that keeps the axes redraws them alone.
    plot->layer("main")->setMode(QCPLayer::lmBuffered);
}

void LayerView::rebuild() {
    for (QCustomPlot* p : plots_)
        delete p;
    plots_.clear();
    shown_.clear();
    kinkDots_ = nullptr;
    builtShape_ = net_.shape();
    builtInputs_ = net_.inputs;
    const bool curves = net_.inputs == 1 && net_.depth() > 0;
    message_->setVisible(net_.depth() > 0 && !curves);
    if (!curves) return;
    for (int l = 0; l <= net_.depth(); ++l) {
        auto* plot = new QCustomPlot(this);
        const bool output = l == net_.depth();
        const QString title =
            output ? tr("Output y(x)")
                   : tr("Layer %1: a%2ⱼ(x)")
                         .arg(l + 1)
                         .arg(QString::fromStdString("⁽" + superscript(l + 1) + "⁾"));
        styleOne(plot, title);
        const int curves = output ? 1 : net_.layers[static_cast<std::size_t>(l)].width();
        const double thin = (curves > 8 ? 1.0 : 1.6) * palette_.lineScale;
        for (int j = 0; j < curves; ++j) {
            QCPGraph* g = plot->addGraph();
            g->setPen(output ? QPen(palette_.output, 2.2 * palette_.lineScale)
                             : QPen(palette_.neuron(j), thin));
            g->setAdaptiveSampling(false);
        }
        if (output) {
            kinkDots_ = plot->addGraph();
            kinkDots_->setLineStyle(QCPGraph::lsNone);
            kinkDots_->setScatterStyle(QCPScatterStyle(
                QCPScatterStyle::ssCircle, QPen(palette_.negative, 1.8), palette_.background, 7.0));
        }
        plots_.push_back(plot);
        row_->addWidget(plot, 1);
    }
}

void LayerView::fill() {
    pieces_->setVisible(false);
    kinks_.clear();
    if (plots_.empty()) return;
    const int n = kSamples;
    Eigen::MatrixXd x(1, n);
    QVector<double> xs(n);
    for (int k = 0; k < n; ++k)
        xs[k] = x(0, k) = lo_ + (hi_ - lo_) * k / (n - 1);
    const LayeredEvaluation e = evaluate(net_, x);
    // Per plot: whether its curves changed since the last fill, and whether its axes did.
    std::vector<char> moved(plots_.size(), 1), rescaled(plots_.size(), 1);
    // Between two live frames a plot whose values are as drawn is left alone (a weight further
    // up moved); the first frame after the drag or the run fits and draws every plot.
    const bool comparable = live_ && liveShown_ && shown_.size() == plots_.size();
    auto show = [&](std::size_t i, const Eigen::ArrayXXd& rows) {
        QCustomPlot* plot = plots_[i];
        const Eigen::ArrayXXd& was = comparable ? shown_[i] : rows;
        if (comparable && was.rows() == rows.rows() && was.cols() == rows.cols() &&
            (was == rows || (was.isNaN() && rows.isNaN())).all()) {
            moved[i] = 0;
            rescaled[i] = 0;
            return;
        }
        double ylo = 0.0, yhi = 0.0;
        bool any = false;
        for (Eigen::Index j = 0; j < rows.rows(); ++j) {
            QVector<double> ys(n);
            for (int k = 0; k < n; ++k) {
                const double y = rows(j, k);
                ys[k] = std::isfinite(y) ? y : std::nan(""); // a gap, never a spike
                if (!std::isfinite(y)) continue;
                ylo = any ? std::min(ylo, y) : y;
                yhi = any ? std::max(yhi, y) : y;
                any = true;
            }
            plot->graph(static_cast<int>(j))->setData(xs, ys, true);
        }
        // At least a unit of height, so a flat layer does not blow its rounding up to full size.
        const double mid = 0.5 * (ylo + yhi), half = std::max(0.5, 0.55 * (yhi - ylo));
        plot->xAxis->setRange(lo_, hi_);
        // While something drags or trains the range only grows: the axis keeps its numbers
        // (their text is what costs most to draw again) unless a curve leaves it.
        const QCPRange now = plot->yAxis->range();
        if (live_ && now.lower <= mid - half && now.upper >= mid + half &&
            now.size() < 4.0 * half) {
            rescaled[i] = 0;
            return;
        }
        plot->yAxis->setRange(mid - half, mid + half);
    };
    shown_.resize(plots_.size());
    for (int l = 0; l < net_.depth(); ++l) {
        const auto i = static_cast<std::size_t>(l);
        show(i, e.a[i]);
        shown_[i] = e.a[i];
    }
    show(plots_.size() - 1, e.output.transpose());
    shown_.back() = e.output.transpose();

    QVector<double> kx, ky;
    if (piecewiseLinear(net_)) {
        if (const auto bends = outputBends(net_, lo_, hi_)) {
            kinks_ = *bends;
            if (!kinks_.empty()) {
                Eigen::MatrixXd at(1, static_cast<Eigen::Index>(kinks_.size()));
                for (std::size_t k = 0; k < kinks_.size(); ++k)
                    at(0, static_cast<Eigen::Index>(k)) = kinks_[k];
                const Eigen::ArrayXd y = evaluateOutput(net_, at);
                for (std::size_t k = 0; k < kinks_.size(); ++k) {
                    kx.push_back(kinks_[k]);
                    ky.push_back(y[static_cast<Eigen::Index>(k)]);
                }
            }
            pieces_->setText(
                kinks_.empty()
                    ? tr("The output is one straight line on the domain: it bends nowhere.")
                    : tr("The output is made of %1 straight pieces on the domain (the circles "
                         "mark where it bends).")
                          .arg(kinks_.size() + 1));
        } else {
            pieces_->setText(tr("The output is made of straight pieces, more than can be "
                                "counted here."));
        }
        pieces_->setVisible(true);
    }
    if (kinkDots_) {
        // Many bends: smaller circles, so the curve still shows between them.
        const double size = kx.size() > 60 ? 3.5 : kx.size() > 20 ? 5.0 : 7.0;
        QCPScatterStyle dots = kinkDots_->scatterStyle();
        if (dots.size() != size) {
            dots.setSize(size);
            kinkDots_->setScatterStyle(dots);
        }
        kinkDots_->setData(kx, ky, true);
    }
    // The output plot also carries the bends. A live frame after a live frame redraws only the
    // curves of the plots that moved and kept their axes (all of a plot when its buffers are
    // stale); any other frame draws every plot in full.
    moved.back() = 1;
    const bool onlyCurves = comparable;
    liveShown_ = live_;
    for (std::size_t i = 0; i < plots_.size(); ++i) {
        QCustomPlot* p = plots_[i];
        if (onlyCurves && !moved[i]) continue;
        p->setNotAntialiasedElements(live_ ? QCP::aeAll : QCP::aeNone);
        if (onlyCurves && !rescaled[i])
            p->layer("main")->replot();
        else
            p->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace stepwise::ui

// LayerView: every layer of a one-input network seen at once, as small multiples — one plot per
// hidden layer holding each of its neurons' activations a⁽ˡ⁾ⱼ(x) over the domain, then the
// output y(x) — so a learner sees layer 2 build its curves out of layer 1's. When every layer is
// ReLU (or identity) the output is piecewise linear: its kinks are marked and the count of its
// straight pieces on the domain is printed (core/deep/Pieces.h).
//
// The curves are drawn from at most kSamples values of x, evaluated by core/deep's evaluate(),
// so the view can redraw every training frame; the kinks are found exactly, not from the samples.
// With two inputs a neuron is a surface, not a curve: the view says so and draws nothing.
#pragma once

#include "core/deep/LayeredNetwork.h"
#include "ui/base/Palette.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QHBoxLayout;
class QLabel;

namespace stepwise::ui {

class LayerView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSamples = 240;

    explicit LayerView(QWidget* parent = nullptr);

    void setNetwork(const LayeredNetwork& net, double lo, double hi);
    void setPalette(const Palette& p);
    // While something drags or trains: curves drawn without antialiasing (the next setNetwork).
    void setLive(bool on) { live_ = on; }

    // For tests: the plots (hidden layers, then the output), the curves of one, and the line
    // that counts the pieces (empty when the output is not piecewise linear).
    int plotCount() const { return static_cast<int>(plots_.size()); }
    QCustomPlot* plot(int i) const { return plots_[static_cast<std::size_t>(i)]; }
    int curveCount(int plot) const;
    QString piecesText() const;
    const std::vector<double>& kinks() const { return kinks_; }
    bool showsMessage() const; // two inputs: the note instead of plots

private:
    void rebuild();
    void styleOne(QCustomPlot* plot, const QString& title);
    void fill();

    LayeredNetwork net_;
    double lo_ = -1.0, hi_ = 1.0;
    Palette palette_ = Palette::light();
    std::vector<LayerShape> builtShape_;
    int builtInputs_ = 0;
    QHBoxLayout* row_;
    QLabel* message_;
    QLabel* pieces_;
    std::vector<QCustomPlot*> plots_;
    QCPGraph* kinkDots_ = nullptr;
    std::vector<double> kinks_;
    bool live_ = false;
    bool liveShown_ = false;             // the last fill was a live frame
    std::vector<Eigen::ArrayXXd> shown_; // what each plot draws (its curves' values by row)
};

} // namespace stepwise::ui

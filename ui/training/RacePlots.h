// RacePlots: a race's two pictures side by side — each racer's output curve over the training
// points, and each racer's loss curve (log scale) — in one colour per racer (the palette's neuron
// colours), with a legend (on the loss plot) that names the racers and marks a racer that
// diverged.
#pragma once

#include "core/training/Race.h"
#include "ui/base/Palette.h"

#include <QWidget>

#include <vector>

class QCustomPlot;

namespace stepwise::ui {

class RacePlots : public QWidget {
    Q_OBJECT
public:
    explicit RacePlots(QWidget* parent = nullptr);

    void setPalette(const Palette& p);
    // The points every racer learns from (drawn as dots), and the grid its curves are drawn on.
    void setSamples(const Eigen::ArrayXd& x, const Eigen::ArrayXd& t, const Eigen::ArrayXd& grid);
    // New racers (their names and curves); nothing when race is null.
    void setRace(const Race* race);
    // Draws where the race has got to.
    void update();

    QCustomPlot* outputPlot() const { return output_; } // for tests
    QCustomPlot* lossPlot() const { return loss_; }
    QString legendText(int racer) const; // the name a racer's legend entry shows

private:
    void applyPalette();

    QCustomPlot* output_;
    QCustomPlot* loss_;
    Palette palette_ = Palette::light();
    const Race* race_ = nullptr;
    Eigen::ArrayXd grid_;
    std::vector<std::size_t> plotted_; // losses already handed to each racer's loss curve
};

} // namespace stepwise::ui

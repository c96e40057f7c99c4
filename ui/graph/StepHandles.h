// StepHandles: a small triangle on the graph's bottom edge at each hidden neuron's switching
// point x = −b/w (where a step jumps, a sigmoid or tanh is half way, a ReLU bends), in the
// neuron's colour. Dragging one along the axis moves that neuron's step and keeps its weight:
// the lesson's "step point" handle, placed where the step is. Drawn in the graph's curves layer,
// so it moves in the same live frames as the curves.
#pragma once

#include "ui/base/Palette.h"

#include <qcustomplot.h>

#include <optional>

namespace stepwise::ui {

class Document;

class StepHandles : public QCPLayerable {
    Q_OBJECT
public:
    StepHandles(QCustomPlot* plot, Document* doc);

    void setPalette(const Palette& p) { palette_ = p; }
    // Off when the lesson keeps the biases fixed, or the network's curves are hidden.
    void setEnabled(bool on);
    bool enabled() const { return enabled_; }

    // The handle under a point of the plot (widget pixels), if any: the nearest one.
    std::optional<int> handleAt(const QPointF& pos) const;
    // Where neuron j's handle is drawn (its tip), if it is in view.
    std::optional<QPointF> handlePosition(int j) const;

    // Mouse handling, called by the graph's event filter. press() returns true when it took the
    // press (a drag began); move() returns true while a drag is on.
    bool press(const QPointF& pos);
    bool move(const QPointF& pos);
    bool release();
    bool dragging() const { return dragged_.has_value(); }
    std::optional<int> hovered() const { return hovered_; }
    // Where a drag to x puts the step: on a hundredth.
    static double snapped(double x);

signals:
    void grabbed();  // a drag began (training holds)
    void released(); // it ended
    void changed();  // the hover or drag highlight changed: replot

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    std::optional<double> switchPoint(int j) const;

    Document* doc_;
    Palette palette_ = Palette::light();
    bool enabled_ = true;
    std::optional<int> hovered_, dragged_;
};

} // namespace stepwise::ui

// LandscapePlot: the one class that draws a loss landscape with QCustomPlot — the loss as a
// viridis colour map on a log scale with its colour bar, contour lines (marching squares, see
// core/landscape/Contours.h), the current point, the bowl's lowest point, the −∇L arrow and the
// training trail, with a legend below. It draws what it is given and computes no maths.
#pragma once

#include "core/landscape/LossLandscape.h"
#include "ui/base/Palette.h"

#include <qcustomplot.h>

#include <optional>

namespace stepwise::ui {

class LandscapePlot : public QCustomPlot {
    Q_OBJECT
public:
    static constexpr int kContourLevels = 9;

    explicit LandscapePlot(QWidget* parent = nullptr);

    void setLabels(const QString& p, const QString& q);
    void setView(double pLo, double pHi, double qLo, double qHi);
    void setSurface(const Landscape& l); // colour map, colour range and contours
    void clearSurface();
    double colourSpan() const; // the width of the loss range the colours span (upper − lower)
    void setPoint(QPointF p);
    // The lowest point, when there is one; `applicable` keeps its legend entry.
    void setMinimum(std::optional<QPointF> m, bool applicable);
    void setArrow(std::optional<QLineF> arrow); // in parameter units
    void setTrail(const QVector<double>& p, const QVector<double>& q);
    void setPalette(const Palette& p);

    // Between the map's pixels (this widget's) and parameter values (p, q).
    QPointF pixelAt(double p, double q) const;
    QPointF paramsAt(QPointF pixel) const;
    bool onMap(QPointF pixel) const; // inside the map's rectangle (not the axes or the legend)
    void replotSoon();               // on the next frame
    void layOut();                   // now, so pixelAt and paramsAt hold for the current size

    QPointF point() const;
    std::optional<QPointF> minimum() const;
    QVector<QPointF> trail() const;
    int contourSegmentCount() const;
    double cell(int i, int k) const; // the value the colour map holds at grid point (i, k)

    // What an arrow key moves the point by on a map spanning these widths: a fortieth of the
    // span, along p for ← and →, along q for ↓ and ↑; nothing for another key.
    static std::optional<QPointF> arrowStep(int key, double pSpan, double qSpan);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitLegend(int width);
    void applyStyle();

    Palette palette_ = Palette::light();
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QVector<QCPCurve*> contours_;
    QCPCurve* trailHalo_;
    QCPCurve* trail_;
    QCPGraph* arrowKey_;
    QCPGraph* point_;
    QCPGraph* minimum_;
    QCPItemLine* arrowHalo_;
    QCPItemLine* arrow_;
};

} // namespace stepwise::ui

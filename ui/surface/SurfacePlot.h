// SurfacePlot: the one class that draws a function of two inputs with QCustomPlot — its values
// over [lo, hi]² as a viridis colour map with a colour bar, its contour lines (marching squares,
// core/landscape/Contours.h), a second set of dashed contours (another function over the same
// plane, the target), and on top of them the marks the surface view lets a learner drag: the
// two cross-section lines, the first layer's switching lines with a handle at each end, and the
// brush. It draws what it is given and computes no maths of the network.
#pragma once

#include "ui/base/Palette.h"

#include <Eigen/Core>
#include <qcustomplot.h>

#include <optional>
#include <vector>

namespace stepwise::ui {

class SurfacePlot : public QCustomPlot {
    Q_OBJECT
public:
    static constexpr int kContourLevels = 9;

    explicit SurfacePlot(QWidget* parent = nullptr);
    // kContourLevels levels evenly spaced strictly inside [lo, hi].
    static std::vector<double> levels(double lo, double hi);

    void setTitle(const QString& title);
    void setDomain(double lo, double hi); // the axes' ranges
    // Values f(i, j) at x₁ = lo + (hi − lo)·i/(side − 1), x₂ likewise (a side × side matrix),
    // coloured over [cLo, cHi]. An empty matrix clears the map and shows `empty` in its place.
    void setValues(const Eigen::Ref<const Eigen::MatrixXd>& f, double cLo, double cHi,
                   const QString& empty = {});
    void setColourRange(double cLo, double cHi); // a flat range (cLo = cHi) is widened by ±0.5
    // Contour lines of f at levels (solid), and of g (dashed); an empty matrix removes them.
    void setContours(const Eigen::Ref<const Eigen::MatrixXd>& f, const std::vector<double>& levels);
    void setDashedContours(const Eigen::Ref<const Eigen::MatrixXd>& g,
                           const std::vector<double>& levels);
    void setColourBarVisible(bool on);
    void setColourBarLabel(const QString& label);

    // The chosen cross-sections: the vertical line x₁ = a and the horizontal line x₂ = b.
    void setSectionLines(double a, double b);
    // Switching lines (segments in plane coordinates, one per step neuron, in that neuron's
    // colour) with a handle at each end; `highlighted` is drawn thicker.
    struct Segment {
        QPointF p, q;
        QColor colour;
        int neuron = 0;
    };
    void setSwitchingLines(const std::vector<Segment>& lines, int highlighted);
    const std::vector<Segment>& switchingLines() const { return lines_; }
    // The brush's outline: a circle of radius r around c (plane coordinates), or none.
    void setBrush(std::optional<QPointF> centre, double radius);

    // Between this widget's pixels and the plane (x₁, x₂).
    QPointF pixelAt(double x1, double x2) const;
    QPointF planeAt(QPointF pixel) const;
    bool onMap(QPointF pixel, int margin = 0) const; // inside the map, or within margin of it
    void layOut(); // now, so pixelAt and planeAt hold for the current size

    // What is drawn (tests): the map's cell (i, j), and the contours' segments.
    bool hasValues() const { return hasValues_; }
    double cell(int i, int j) const;
    int mapSide() const { return side_; }
    QCPRange colourRange() const;
    int contourSegmentCount() const;
    int dashedSegmentCount() const;
    bool colourBarVisible() const;

    void setPalette(const Palette& p);
    void replotOverlay(); // the section lines, switching lines and brush alone, now
    // The map, its contours and the marks alone, now: for a frame in which the axes and the
    // colour range stay as they are.
    void replotSurface();

private:
    void applyStyle();
    void fillCurves(QVector<QCPCurve*>& curves, const Eigen::Ref<const Eigen::MatrixXd>& f,
                    const std::vector<double>& levels);

    Palette palette_ = Palette::light();
    double lo_ = -1.0, hi_ = 1.0;
    int side_ = 0;
    bool hasValues_ = false;
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPTextElement* title_;
    QCPItemText* empty_;
    QVector<QCPCurve*> contours_, dashed_, dashedHalo_;
    QCPItemStraightLine* sectionA_;
    QCPItemStraightLine* sectionB_;
    std::vector<Segment> lines_;
    int highlighted_ = -1;
    QVector<QCPItemLine*> lineHalos_, lineItems_;
    QCPGraph* handles_;
    QCPItemEllipse* brush_;
    QCPLayer* overlay_;
};

} // namespace stepwise::ui

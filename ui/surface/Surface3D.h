// Surface3D: the surface a network of two inputs draws, seen in space — the output as a height
// over the plane [lo, hi]² (x₁ across, x₂ in depth), coloured like the map (viridis over the same
// value range, ui/surface/SurfaceColours), and the target, when given, as a wire mesh over it. Drag
// to turn it, scroll to zoom (Qt Data Visualization's own mouse handling); "Reset view" brings the
// first camera back.
//
// It draws the values it is given (the samples SurfaceView's map already has: nothing is sampled
// twice). While something drags or trains (setLive) the surface is redrawn at most every
// kLiveInterval ms, the last values always; otherwise at once.
//
// It needs OpenGL and Qt Data Visualization: unavailableReason() says, in one line, why it cannot
// be made here (no OpenGL context on this display, or a build without Qt Data Visualization), and
// SurfaceView then keeps the map.
#pragma once

#include "ui/base/Palette.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QWidget>
#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QTimer;
class Q3DSurface;
class QSurface3DSeries;
QT_END_NAMESPACE

namespace stepwise::ui {

class Surface3D : public QWidget {
    Q_OBJECT
public:
    static constexpr int kLiveInterval = 50; // ms between two redraws while live
    static constexpr int kWireLines = 24;

    // Why no 3-D view can be made here, or nothing when it can (asked once a run: an OpenGL
    // context is made to see). Make a Surface3D only when this is empty.
    static std::optional<QString> unavailableReason();

    explicit Surface3D(QWidget* parent = nullptr);
    ~Surface3D() override;

    void setDomain(double lo, double hi);
    // The values over the grid of side × side points (x₁ the faster, as SurfaceSampler lays them
    // out); empty: nothing to draw, and whyNot says so above the picture.
    void setOutput(const Eigen::ArrayXd& values, int side, const QString& whyNot = {});
    // The target, drawn as a wire mesh of about kWireLines lines a side; empty: none.
    void setTarget(const Eigen::ArrayXd& values, int side);
    // The map's colour range: the colours span it as on the map; the height axis spans it, widened
    // to round numbers.
    void setValueRange(double lo, double hi);
    void setLive(bool on);
    void setPalette(const Palette& p);
    void resetView();
    // Draws what is waiting now (tests; the end of a live stretch).
    void flush();
    bool pending() const { return outputDirty_ || targetDirty_; }

    Q3DSurface* graph() const { return graph_; }
    QSurface3DSeries* outputSeries() const { return outputSeries_; }
    QSurface3DSeries* targetSeries() const { return targetSeries_; }
    QString message() const;

private:
    static QString hint();
    void schedule();
    void applyTheme();
    void applyTargetStyle();
    void applyHeights();

    Eigen::ArrayXd output_, target_;
    int outputSide_ = 0, targetSide_ = 0;
    bool outputDirty_ = false, targetDirty_ = false;
    double lo_ = -1.0, hi_ = 1.0;
    double valueLo_ = 0.0, valueHi_ = 1.0;
    bool live_ = false;
    Palette palette_ = Palette::light();
    QElapsedTimer sinceDrawn_;
    QTimer* timer_;
    QLabel* message_;
    Q3DSurface* graph_ = nullptr;
    QSurface3DSeries* outputSeries_ = nullptr;
    QSurface3DSeries* targetSeries_ = nullptr;
};

} // namespace stepwise::ui

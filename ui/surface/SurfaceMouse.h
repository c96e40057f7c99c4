// SurfaceMouse: what the mouse and the arrow keys do on the surface view's two maps. Over a
// dashed cross-section line, dragging moves that section; over a step neuron's switching line,
// dragging slides the line (its bias changes), and a handle at either end turns it about the
// middle of its visible part (w₁ and w₂ change with |w| kept, and b so the middle stays put; the
// maths is in core/deep/SwitchingLine.h); with a brush picked, dragging paints a stroke. Hovering
// shows the values under the pointer. The arrow keys move the cross-sections.
#pragma once

#include "core/deep/SwitchingLine.h"
#include "core/scenario/TargetSurface.h"

#include <QObject>
#include <QPointF>
#include <optional>

namespace stepwise::ui {

class SurfacePlot;

// What the mouse works on: the view that owns the two maps (SurfaceView). The mouse reads the
// view's state through it and hands every edit back to it.
class SurfaceMouseHost {
public:
    virtual SurfacePlot* outputPlot() const = 0;
    virtual SurfacePlot* targetPlot() const = 0;
    virtual double lo() const = 0;
    virtual double hi() const = 0;
    virtual double sectionX1() const = 0;
    virtual double sectionX2() const = 0;
    virtual void setSections(double a, double b) = 0;
    virtual int selectedNeuron() const = 0;
    virtual void selectNeuron(int neuron) = 0;
    virtual void showReadoutAt(double x1, double x2) = 0;
    // A first-layer step neuron's line, or nothing (not a step neuron).
    virtual std::optional<SwitchingLine> switchingLine(int neuron) const = 0;
    // A line dragged: begun, each new position, ended (one edit for the owner).
    virtual void beginLineEdit(int neuron, bool turning) = 0;
    virtual void editLine(int neuron, const SwitchingLine& line, bool turning) = 0;
    virtual void endLineEdit() = 0;
    // With a brush picked: a stroke starting at p with the brush's radius and strength (or
    // nothing without a brush), shown while painted and handed over at its end.
    virtual std::optional<BrushStroke> newStroke(PlanePoint p) const = 0;
    virtual double brushRadius() const = 0;
    virtual void previewStroke(const BrushStroke& stroke) = 0;
    virtual void finishStroke(const BrushStroke& stroke) = 0;

protected:
    ~SurfaceMouseHost() = default;
};

class SurfaceMouse : public QObject {
    Q_OBJECT
public:
    explicit SurfaceMouse(SurfaceMouseHost* host, QObject* parent); // watches the two maps

    // A stroke longer than this stops taking points (a file holds a bounded number of them).
    static constexpr int kMaxPointsPerStroke = 4000;

    enum class Grab { None, SectionX1, SectionX2, Move, Turn, Paint };
    struct Hit {
        Grab grab = Grab::None;
        int neuron = -1;
    };
    // What a press at this pixel of this map would take hold of.
    Hit hitAt(const SurfacePlot* plot, QPointF pixel) const;
    Grab grabbed() const { return grab_; }

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;

private:
    void press(SurfacePlot* plot, QPointF pixel);
    void move(SurfacePlot* plot, QPointF pixel);
    void release();
    void hover(SurfacePlot* plot, QPointF pixel);
    bool key(int key);

    SurfaceMouseHost* view_;
    Grab grab_ = Grab::None;
    SurfacePlot* plot_ = nullptr;
    int neuron_ = -1;
    bool started_ = false;
    PlanePoint start_, pivot_;
    SwitchingLine line0_, line_;
    BrushStroke stroke_;
};

} // namespace stepwise::ui

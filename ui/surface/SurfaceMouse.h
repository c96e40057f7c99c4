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

namespace stepwise::ui {

class SurfacePlot;
class SurfaceView;

class SurfaceMouse : public QObject {
    Q_OBJECT
public:
    explicit SurfaceMouse(SurfaceView* view); // watches the view's two maps

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

    SurfaceView* view_;
    Grab grab_ = Grab::None;
    SurfacePlot* plot_ = nullptr;
    int neuron_ = -1;
    bool started_ = false;
    PlanePoint start_, pivot_;
    SwitchingLine line0_, line_;
    BrushStroke stroke_;
};

} // namespace stepwise::ui

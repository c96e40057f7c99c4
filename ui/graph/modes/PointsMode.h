// PointsMode: editing the target's measured points with the mouse. A click on empty graph adds
// a point there; a press on a point and a drag moves it (the whole drag one undo step, and
// training holds meanwhile, as for a slider); a right-click on a point, or Delete or Backspace
// over it, removes it. Each edit is one undo step.
//
// With noise on, the dots are drawn where the noise puts them: the mouse finds a point by its
// dot, and a drag moves the measured point by as much as the mouse moved.
#pragma once

#include "ui/graph/modes/GraphMode.h"

#include <vector>

namespace stepwise::ui {

class PointsMode : public GraphMode {
public:
    static constexpr double kGrabPixels = 9.0; // how near a dot the mouse must be to take it

    bool press(QMouseEvent* e) override;
    bool move(QMouseEvent* e) override;
    bool release(QMouseEvent* e) override;
    bool key(QKeyEvent* e) override;
    void leave() override;
    void cancel() override;
    Qt::CursorShape cursor() const override { return Qt::PointingHandCursor; }
    bool dragging() const { return dragged_ >= 0; }

private:
    // The point whose dot lies within kGrabPixels of the pixel (the nearest), or −1.
    int pointAt(QPointF pixel) const;
    void remove(int index);

    int dragged_ = -1;
    TargetPoint pressedAt_;       // the mouse in graph coordinates at the press
    TargetPoint startPoint_;      // the dragged point before the drag
    std::vector<TargetPoint> at_; // the points when the drag began
    int hovered_ = -1;
};

} // namespace stepwise::ui

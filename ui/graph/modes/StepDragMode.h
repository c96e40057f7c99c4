// StepDragMode: the gesture of dragging a step handle, from the press on it to the release. The
// StepHandles hold the drag itself (one undo step, the document told of the drag); this mode
// hands them the mouse until they report the release, and the graph then goes back to the mode
// in use.
#pragma once

#include "ui/graph/modes/GraphMode.h"

namespace stepwise::ui {

class StepDragMode : public GraphMode {
public:
    bool press(QMouseEvent* e) override;
    bool move(QMouseEvent* e) override;
    bool release(QMouseEvent* e) override;
    bool showsReadout() const override { return true; }
    bool usesStepHandles() const override { return true; }
    Qt::CursorShape cursor() const override { return Qt::SizeHorCursor; }
};

} // namespace stepwise::ui

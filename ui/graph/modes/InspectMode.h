// InspectMode: the graph's default use of the mouse. Hovering shows every value at that x (the
// readout and its cursor line); a click asks for the breakdown of the sample there; a press on
// a step handle starts dragging that neuron's step (StepDragMode).
#pragma once

#include "ui/graph/modes/GraphMode.h"

namespace stepwise::ui {

class InspectMode : public GraphMode {
public:
    bool press(QMouseEvent* e) override;
    bool move(QMouseEvent* e) override;
    void leave() override;
    bool showsReadout() const override { return true; }
    bool usesStepHandles() const override { return true; }
    Qt::CursorShape cursor() const override { return Qt::ArrowCursor; }
};

} // namespace stepwise::ui

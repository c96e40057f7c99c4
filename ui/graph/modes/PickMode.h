// PickMode: choose one sample of the grid by clicking the graph (the backprop walkthrough walks
// that sample forward and backward). The hover readout follows the mouse as in inspecting; a
// left click emits the x of the grid sample nearest to it (clamped to the domain), and changes
// nothing in the document. Installed with GraphView::setInteraction; the view owns it (so it has no
// parent).
#pragma once

#include "ui/graph/modes/GraphMode.h"

#include <QObject>

namespace stepwise::ui {

class PickMode : public QObject, public GraphMode {
    Q_OBJECT
public:
    bool press(QMouseEvent* e) override;
    bool showsReadout() const override { return true; }

signals:
    void samplePicked(double x);
};

} // namespace stepwise::ui

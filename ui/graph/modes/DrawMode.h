// DrawMode: freehand strokes with the left button. One press … release is one stroke, shown as a
// dashed line while it is drawn and handed on when the button comes up (the document makes it
// one undo step). Draw and erase share it: an erasing stroke clears the target under it.
#pragma once

#include "ui/graph/modes/GraphMode.h"

namespace stepwise::ui {

class DrawMode : public GraphMode {
public:
    explicit DrawMode(bool erase = false) : erase_(erase) {}

    bool press(QMouseEvent* e) override;
    bool move(QMouseEvent* e) override;
    bool release(QMouseEvent* e) override;
    void cancel() override;
    bool drawing() const { return drawing_; }

protected:
    // What becomes of a finished stroke: the target's (draw, erase).
    virtual void finish(const Stroke& s);

private:
    bool erase_;
    bool drawing_ = false;
    Stroke current_;
};

} // namespace stepwise::ui

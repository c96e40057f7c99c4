// GuessMode: the lesson's predict-then-reveal exercise. The learner sketches what they expect the
// output to look like; the stroke becomes the guess shown on the graph (not the target).
#pragma once

#include "ui/graph/modes/DrawMode.h"

namespace stepwise::ui {

class GuessMode : public DrawMode {
protected:
    void finish(const Stroke& s) override;
};

} // namespace stepwise::ui

#include "ui/graph/modes/GuessMode.h"

namespace stepwise::ui {

void GuessMode::finish(const Stroke& s) {
    host().finishStroke(s, true);
}

} // namespace stepwise::ui

// GhostCurve: one earlier training run's output curve as the graph shows it (GhostCurves draws
// them; the shell hands them over from the training room's RunGhosts).
#pragma once

#include <QString>

#include <vector>

namespace stepwise::ui {

struct GhostCurve {
    std::vector<double> x, y;
    QString label;  // what differed from the run after it
    int colour = 0; // ghostColour slot (ui/base/GhostColour.h)
};

} // namespace stepwise::ui

// GhostColour: the colour of an earlier run's ghost (slot k) in a palette — a neuron colour taken
// from the end of the palette's list, so that the first ghosts rarely share one with the few
// neurons of a small network, made faint (less so on a projector). The graph, the loss plot and
// the Training tab's list of ghosts all draw a ghost in this colour.
#pragma once

#include "ui/base/Palette.h"

namespace stepwise::ui {

inline QColor ghostColour(const Palette& p, int k) {
    const int n = static_cast<int>(p.neurons.size());
    if (n == 0) return p.foreground;
    QColor c = p.neurons[((n - 1 - k % n) % n + n) % n];
    c.setAlpha(p.lineScale > 1.0 ? 190 : 150);
    return c;
}

} // namespace stepwise::ui

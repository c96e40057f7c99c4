// LayeredWalkView: what the backprop walkthrough shows on the layered workspace — its numbers on
// the layered diagram, the sample on the graph (one input: the answer y and the target t at x,
// and the output after the step, dashed) or on the output map (two inputs: the sample's point of
// the plane) — and the clicks there that pick the sample. The shell's glue between
// ui/walkthrough and the layered rooms, which know nothing of each other.
#pragma once

#include "ui/base/Palette.h"

namespace stepwise::ui {

class LayeredWorkspace;
class WalkthroughController;

// Draws the walk's state now (clears it all when the walk is not an active layered one).
void showLayeredWalk(const WalkthroughController* walk, LayeredWorkspace* space,
                     const Palette& palette);
// Clicks on the graph or the map pick the walk's sample while it runs.
void connectLayeredWalkPicking(WalkthroughController* walk, LayeredWorkspace* space);

} // namespace stepwise::ui

// PlotStyle: the palette's look for a QCustomPlot's axes and text — shared by the maps, the
// cross-sections and the landscape, so they read alike on a screen and on a projector.
#pragma once

#include "ui/base/Palette.h"

#include <QFont>

#include <initializer_list>

class QCPAxis;

namespace stepwise::ui {

// The fonts a plot's text uses at the palette's scale: plain for tick labels, bold for titles.
struct PlotFonts {
    QFont plain, bold;
};
PlotFonts plotFonts(const QFont& base, const Palette& p);

// Base line, ticks and labels in the palette's foreground, 1 pixel wide; tick labels in `tick`,
// the axis title in `label`. With `grid`, the grid in the palette's grid colour (the zero line a
// little darker); without, no grid.
void styleAxis(QCPAxis* axis, const Palette& p, const QFont& tick, const QFont& label, bool grid);

} // namespace stepwise::ui

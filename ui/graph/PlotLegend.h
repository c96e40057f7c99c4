// PlotLegend: the graph's legend under the plot rather than over it, so it never hides a curve
// (not even on a projector with large type and many neurons), its entries packed to the left in
// as many columns as the width takes.
#pragma once

#include <qcustomplot.h>

namespace stepwise::ui {

// Moves the plot's legend out of the axis rect into a row of its own under it.
void placeLegendUnder(QCustomPlot* plot);
// Sets the number of columns from the entries' widths and the plot's width (its viewport's, or
// `width` when given: a resize event knows the new width before the plot does); call after
// entries come or go, the font changes or the plot is resized.
void fitLegendColumns(QCustomPlot* plot, int width = -1);

} // namespace stepwise::ui

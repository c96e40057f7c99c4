// SurfaceExport: the surface view's picture — the output map, the target map when it is shown
// beside it, and the two cross-sections, laid out as on screen — written to a PNG, SVG or PDF
// file (by the name's ending), as the graph of one input is exported. The plots are drawn into
// the file as vectors (SVG, PDF) or at `scale` times the pixels (PNG); the file is written under
// a temporary name and renamed into place, so a failed export leaves an old file as it was. With
// the 3-D view on screen the file shows the maps all the same.
#pragma once

#include <QImage>
#include <QString>

namespace stepwise::ui {

class SurfaceView;

// False with *error set (one line saying why) when the file cannot be written or its name ends
// in none of .png, .svg, .pdf.
bool exportSurface(SurfaceView* view, const QString& path, int width, int height, QString* error,
                   double scale = 1.0);

// The same picture as an image of width × height pixels (times `scale`): a frame of an
// animation, the handout's figure. Null when the size is below 16 pixels.
QImage surfaceImage(SurfaceView* view, int width, int height, double scale = 1.0);

} // namespace stepwise::ui

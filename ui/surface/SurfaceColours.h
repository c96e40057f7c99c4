// SurfaceColours: the colours the surface pictures share — viridis (van der Walt and Smith,
// matplotlib) for values, perceptually uniform, readable in grey, on a projector and by the
// common forms of colour blindness (dark is low, yellow high; never a rainbow) — and the pens
// for contours over it.
#pragma once

#include <QColor>
#include <QVector>
#include <qcustomplot.h>

#include <array>

namespace stepwise::ui {

// The gradient for QCustomPlot's colour maps and colour scales.
QCPColorGradient surfaceGradient();

// The same gradient as 256 ready colours, for pictures painted pixel by pixel (the neurons'
// thumbnails): colour t ∈ [0, 1] is table[round(255·t)].
const std::array<QRgb, 256>& surfaceColourTable();
inline QRgb surfaceColour(double t) {
    const double c = !(t > 0.0) ? 0.0 : (t > 1.0 ? 1.0 : t); // NaN reads as 0
    return surfaceColourTable()[static_cast<int>(c * 255.0 + 0.5)];
}

// A contour line readable over the map at level position t ∈ [0, 1] of the colour range: light
// over the dark (low) part, dark over the bright part.
QColor contourColour(double t);

} // namespace stepwise::ui

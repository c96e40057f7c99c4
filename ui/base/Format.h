// Format: how numbers read on screen.
#pragma once

#include <QString>

#include <cmath>

namespace stepwise::ui {

// A loss with 4 significant digits; below 1e-12 it is shown as such (an exact fit, up to
// rounding), not as a meaningless 1e-269.
inline QString formatLoss(double loss) {
    if (loss < 1e-12) return QStringLiteral("< 1e-12");
    return QString::number(loss, 'g', 4);
}

// Where a drag lands: on hundredths (0.5, not 0.4987), so values read and compare cleanly.
inline double toHundredths(double v) {
    return std::round(v * 100.0) / 100.0;
}

} // namespace stepwise::ui

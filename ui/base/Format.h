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

// A value with a fixed number of decimals, as every view shows one: a value that rounds to zero
// reads "0.00", never "-0.00" (−0.001 shown to two decimals is no longer negative). `width` pads
// on the left as QString::arg does (a positive width right-aligns).
inline QString formatFixed(double v, int decimals = 2, int width = 0) {
    const double scale = std::pow(10.0, decimals);
    if (std::isfinite(v) && std::abs(v) * scale < 0.5) v = 0.0; // −0.004 → 0, and −0 → 0
    return QStringLiteral("%1").arg(v, width, 'f', decimals);
}

// A weight as the diagram labels it: two decimals, none from 100 up (the label stays short).
inline QString formatWeight(double v) {
    return formatFixed(v, std::abs(v) >= 100 ? 0 : 2);
}

// One sample's gradient terms are small (they carry the 1/N of the mean): 3 significant digits.
inline QString formatSmall(double v) {
    return v == 0.0 ? QStringLiteral("0") : QString::number(v, 'g', 3);
}

// Where a drag lands: on hundredths (0.5, not 0.4987), so values read and compare cleanly.
inline double toHundredths(double v) {
    return std::round(v * 100.0) / 100.0;
}

} // namespace stepwise::ui

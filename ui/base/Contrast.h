// Contrast: how well one colour stands out against another, as WCAG 2.x measures it. The
// relative luminance of an sRGB colour is L = 0.2126·R + 0.7152·G + 0.0722·B of its linearised
// channels (c ≤ 0.04045 ? c/12.92 : ((c + 0.055)/1.055)^2.4), and the contrast ratio of two colours
// is (L_lighter + 0.05) / (L_darker + 0.05), from 1:1 (the same) to 21:1 (black on white).
#pragma once

#include <QColor>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

// WCAG 2.1 success criterion 1.4.11 (non-text contrast): the parts of a graphic needed to
// understand it, and a control's focus indicator, reach at least 3:1 against what is next to
// them. Every curve colour of every palette and the focus ring are held to it.
inline constexpr double kMinGraphicContrast = 3.0;

inline double relativeLuminance(const QColor& c) {
    auto lin = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * lin(rgb.redF()) + 0.7152 * lin(rgb.greenF()) + 0.0722 * lin(rgb.blueF());
}

// The contrast ratio of two opaque colours (alpha is ignored), between 1 and 21.
inline double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace stepwise::ui

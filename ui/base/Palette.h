// Palette: the colours and line widths the views draw with. The neuron colours are the
// Okabe–Ito palette, which stays distinguishable for the common forms of colour blindness, its
// pale hues darkened on light backgrounds: every curve colour (neurons, output, guess) reaches
// kMinGraphicContrast (3:1, WCAG 1.4.11; ui/base/Contrast.h) against its palette's background.
#pragma once

#include <QColor>
#include <QVector>

namespace stepwise::ui {

struct Palette {
    QColor background{Qt::white};
    QColor foreground{QColor(0x22, 0x22, 0x22)};
    QColor grid{QColor(0xdd, 0xdd, 0xdd)};
    QColor output{QColor(0x11, 0x11, 0x11)};
    QColor target{QColor(0x99, 0x99, 0x99, 110)};
    QColor positive{QColor(0x00, 0x72, 0xB2)}; // blue
    QColor negative{QColor(0xD5, 0x5E, 0x00)}; // vermillion
    QColor guess{QColor(0xCC, 0x79, 0xA7)};
    QVector<QColor> neurons;
    double lineScale = 1.0; // presentation mode draws thicker
    double fontScale = 1.0;

    QColor neuron(int j) const { return neurons[j % neurons.size()]; }

    static Palette light();
    static Palette dark();
    static Palette projector(); // high contrast, thick lines, large type
};

// Presentation mode enlarges the panels' text (the lesson, the parameters, training) by this much;
// the plots take theirs from the projector palette's fontScale.
inline constexpr double kPresentationFontScale = 1.5;

} // namespace stepwise::ui

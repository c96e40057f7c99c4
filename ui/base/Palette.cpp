#include "ui/base/Palette.h"

namespace stepwise::ui {

namespace {
QVector<QColor> okabeIto() {
    return {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
            QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
            QColor(0xF0, 0xE4, 0x42), QColor(0x66, 0x66, 0x66)};
}
// On white, Okabe–Ito's orange (2.2:1), sky blue (2.3:1) and yellow (1.3:1) fall short of
// kMinGraphicContrast (ui/base/Contrast.h): the same hues, darker, reach about 3.3:1.
QVector<QColor> okabeItoOnLight() {
    QVector<QColor> c = okabeIto();
    c[1] = QColor(0xBB, 0x81, 0x00); // orange
    c[4] = QColor(0x1C, 0x95, 0xD9); // sky blue
    c[6] = QColor(0x97, 0x8E, 0x0C); // yellow, an olive on white
    return c;
}
} // namespace

Palette Palette::light() {
    Palette p;
    p.neurons = okabeItoOnLight();
    return p;
}

Palette Palette::dark() {
    Palette p;
    p.background = QColor(0x1e, 0x1f, 0x22);
    p.foreground = QColor(0xe8, 0xe8, 0xe8);
    p.grid = QColor(0x3a, 0x3b, 0x40);
    p.output = QColor(0xf5, 0xf5, 0xf5);
    p.target = QColor(0xaa, 0xaa, 0xaa, 90);
    p.positive = QColor(0x56, 0xB4, 0xE9);
    p.neurons = okabeIto();
    p.neurons[0] = QColor(0x56, 0xB4, 0xE9);
    p.neurons[4] = QColor(0x00, 0x72, 0xB2);
    p.neurons[7] = QColor(0xbb, 0xbb, 0xbb);
    return p;
}

Palette Palette::projector() {
    Palette p;
    p.background = Qt::white;
    p.foreground = Qt::black;
    p.grid = QColor(0xc8, 0xc8, 0xc8);
    p.output = Qt::black;
    p.target = QColor(0x80, 0x80, 0x80, 120);
    p.neurons = okabeItoOnLight();
    p.lineScale = 2.0;
    p.fontScale = 1.6;
    return p;
}

} // namespace stepwise::ui

#include "ui/base/Palette.h"

namespace stepwise::ui {

namespace {
QVector<QColor> okabeIto() {
    return {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
            QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
            QColor(0xF0, 0xE4, 0x42), QColor(0x66, 0x66, 0x66)};
}
} // namespace

Palette Palette::light() {
    Palette p;
    p.neurons = okabeIto();
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
    p.neurons = okabeIto();
    p.neurons[6] = QColor(0x99, 0x88, 0x00); // yellow is too pale on a projector
    p.lineScale = 2.0;
    p.fontScale = 1.6;
    return p;
}

} // namespace stepwise::ui

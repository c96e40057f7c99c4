#include "ui/surface/SurfaceColours.h"

namespace stepwise::ui {

namespace {

const QColor kViridis[] = {QColor(0x44, 0x01, 0x54), QColor(0x48, 0x28, 0x78),
                           QColor(0x3e, 0x4a, 0x89), QColor(0x31, 0x68, 0x8e),
                           QColor(0x26, 0x82, 0x8e), QColor(0x1f, 0x9e, 0x89),
                           QColor(0x35, 0xb7, 0x79), QColor(0x6d, 0xcd, 0x59),
                           QColor(0xb4, 0xde, 0x2c), QColor(0xfd, 0xe7, 0x25)};
constexpr int kStops = static_cast<int>(std::size(kViridis));

} // namespace

QCPColorGradient surfaceGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    for (int i = 0; i < kStops; ++i)
        g.setColorStopAt(static_cast<double>(i) / (kStops - 1), kViridis[i]);
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    g.setLevelCount(256);
    return g;
}

const std::array<QRgb, 256>& surfaceColourTable() {
    static const std::array<QRgb, 256> table = [] {
        std::array<QRgb, 256> t{};
        QCPColorGradient g = surfaceGradient(); // color() is not const
        for (int i = 0; i < 256; ++i)
            t[i] = g.color(i / 255.0, QCPRange(0.0, 1.0));
        return t;
    }();
    return table;
}

QColor contourColour(double t) {
    return t < 0.6 ? QColor(255, 255, 255, 150) : QColor(0, 0, 0, 120);
}

} // namespace stepwise::ui

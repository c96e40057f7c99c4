#include "ui/graph/BoldGraph.h"

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

void BoldGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const {
    const QPen pen = painter->pen();
    applyDefaultAntialiasingHint(painter);
    const double width = pen.widthF();
    if (painter->antialiasing() || painter->modes().testFlag(QCPPainter::pmVectorized) ||
        pen.style() != Qt::SolidLine || pen.color().alpha() == 0 || width < 1.5 || width > 8.0 ||
        painter->device()->devicePixelRatioF() != 1.0) {
        QCPGraph::drawLinePlot(painter, lines);
        return;
    }
    QPen thin = pen;
    thin.setWidth(0); // cosmetic: one pixel
    painter->setPen(thin);
    // A cross n pixels across: n copies side by side make a horizontal line n pixels thick, n
    // copies one above the other a vertical one, and both together any slope in between.
    const int n = std::max(2, static_cast<int>(std::floor(width + 0.25)));
    const int lo = -(n / 2);
    QVector<QPointF> shifted(lines.size());
    auto drawAt = [&](int dx, int dy) {
        const QPointF d(dx, dy);
        for (qsizetype i = 0; i < lines.size(); ++i)
            shifted[i] = lines[i] + d;
        drawPolyline(painter, shifted);
    };
    for (int k = lo; k < lo + n; ++k)
        drawAt(k, 0);
    for (int k = lo; k < lo + n; ++k)
        if (k != 0) drawAt(0, k);
    painter->setPen(pen);
}

} // namespace stepwise::ui

// BoldGraph: a QCPGraph whose wide pen stays cheap in live frames.
#pragma once

#include <qcustomplot.h>

namespace stepwise::ui {

// Qt strokes a wide pen by building its outline, joins and all (about 0.7 ms for a 1000-point
// curve). Without antialiasing (the live frames of a drag or a training run), BoldGraph draws the
// same line as the thin 1-px polyline (Qt's fast path) laid down at the pixel offsets of a cross
// as wide as the pen: a few times cheaper and, unsmoothed, much the same look. A resting frame
// (antialiased), an export and a high-density screen take Qt's way.
class BoldGraph : public QCPGraph {
public:
    using QCPGraph::QCPGraph;

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;
};

} // namespace stepwise::ui

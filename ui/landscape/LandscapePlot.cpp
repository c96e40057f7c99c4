#include "ui/landscape/LandscapePlot.h"

#include "core/landscape/Contours.h"
#include "ui/base/PlotStyle.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stepwise::ui {

namespace {

// Viridis (van der Walt and Smith, matplotlib): perceptually uniform, readable in grey and by
// the common forms of colour blindness. Dark is low loss, yellow high.
QCPColorGradient viridis() {
    QCPColorGradient g;
    g.clearColorStops();
    const QColor stops[] = {QColor(0x44, 0x01, 0x54), QColor(0x48, 0x28, 0x78),
                            QColor(0x3e, 0x4a, 0x89), QColor(0x31, 0x68, 0x8e),
                            QColor(0x26, 0x82, 0x8e), QColor(0x1f, 0x9e, 0x89),
                            QColor(0x35, 0xb7, 0x79), QColor(0x6d, 0xcd, 0x59),
                            QColor(0xb4, 0xde, 0x2c), QColor(0xfd, 0xe7, 0x25)};
    const int n = static_cast<int>(std::size(stops));
    for (int i = 0; i < n; ++i)
        g.setColorStopAt(static_cast<double>(i) / (n - 1), stops[i]);
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

const QColor kMinimumColour(0xE6, 0x9F, 0x00); // Okabe–Ito orange
const QColor kArrowColour(0xD5, 0x5E, 0x00);   // Okabe–Ito vermillion
const QColor kTrailColour(0xF0, 0x9C, 0xCB);   // Okabe–Ito reddish purple, lightened

QPointF firstPoint(const QCPGraph* g) {
    const auto it = g->data()->constBegin();
    return {it->key, it->value};
}

} // namespace

LandscapePlot::LandscapePlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName("landscapePlot");
    setAccessibleName(tr("Loss landscape"));
    setAccessibleDescription(
        tr("The loss over two parameters with the others held still; click to move both there, "
           "or use the arrow keys"));
    setMinimumSize(260, 240);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::CrossCursor);
    setAntialiasedElements(QCP::aePlottables | QCP::aeItems);

    map_ = new QCPColorMap(xAxis, yAxis);
    map_->setInterpolate(true);
    map_->setTightBoundary(true);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->setDataScaleType(QCPAxis::stLogarithmic);
    scale_->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    scale_->axis()->setNumberFormat("gb");
    scale_->axis()->setNumberPrecision(2);
    scale_->axis()->setLabel(tr("loss (log scale)"));
    scale_->setGradient(viridis());
    scale_->setBarWidth(14);
    map_->setColorScale(scale_);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    for (int m = 0; m < kContourLevels; ++m) {
        auto* c = new QCPCurve(xAxis, yAxis);
        c->removeFromLegend();
        contours_.push_back(c);
    }
    trailHalo_ = new QCPCurve(xAxis, yAxis);
    trailHalo_->removeFromLegend();
    trail_ = new QCPCurve(xAxis, yAxis);
    trail_->setName(tr("training trail"));
    arrowHalo_ = new QCPItemLine(this);
    arrow_ = new QCPItemLine(this);
    for (QCPItemLine* a : {arrowHalo_, arrow_}) {
        a->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 12, 14));
        a->setVisible(false);
    }
    arrowKey_ = addGraph(); // the legend entry for the arrow (an item has none)
    arrowKey_->setName(tr("downhill (−∇L)"));
    minimum_ = addGraph();
    minimum_->setName(tr("lowest point"));
    minimum_->setLineStyle(QCPGraph::lsNone);
    point_ = addGraph();
    point_->setName(tr("current weights"));
    point_->setLineStyle(QCPGraph::lsNone);

    // The markers sit above the arrow and the trail (items are drawn above plottables).
    addLayer("markers", layer("items"), QCustomPlot::limAbove);
    point_->setLayer("markers");
    minimum_->setLayer("markers"); // on top: at the bottom of the bowl it shows inside the ring

    legend->setVisible(true);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    legend->setWrap(2);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    legend->setMargins(QMargins(4, 2, 4, 2));
    legend->setIconSize(22, 18);
    legend->setIconTextPadding(5);
    legend->setColumnSpacing(6);
    applyStyle();
}

void LandscapePlot::setLabels(const QString& p, const QString& q) {
    xAxis->setLabel(p);
    yAxis->setLabel(q);
}

void LandscapePlot::setView(double pLo, double pHi, double qLo, double qHi) {
    xAxis->setRange(pLo, pHi);
    yAxis->setRange(qLo, qHi);
}

void LandscapePlot::setSurface(const Landscape& l) {
    const int nx = l.axes.nx, ny = l.axes.ny;
    if (l.loss.rows() != nx || l.loss.cols() != ny) return clearSurface();
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
    for (int i = 0; i < nx; ++i)
        for (int k = 0; k < ny; ++k) {
            const double v = l.loss(i, k);
            if (!std::isfinite(v)) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    // Colours span at most five decades below the highest loss (a log scale cannot reach 0).
    if (!(hi > 0.0)) hi = 1.0;
    lo = std::max({lo, hi * 1e-5, 1e-12});
    if (hi / lo < 1.02) { // flat: a narrow band around the value, so it reads as one colour
        lo = hi / 1.1;
        hi = hi * 1.1;
    }
    map_->data()->setSize(nx, ny);
    map_->data()->setRange(QCPRange(l.axes.pLo, l.axes.pHi), QCPRange(l.axes.qLo, l.axes.qHi));
    for (int i = 0; i < nx; ++i)
        for (int k = 0; k < ny; ++k)
            map_->data()->setCell(i, k, std::clamp(l.loss(i, k), lo, hi));
    scale_->setDataRange(QCPRange(lo, hi));

    const std::vector<double> levels = logLevels(lo, hi, kContourLevels);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int m = 0; m < contours_.size(); ++m) {
        QVector<double> t, x, y;
        if (m < static_cast<int>(levels.size())) {
            const auto segs =
                contourSegments(l.loss, l.axes.pLo, l.axes.pHi, l.axes.qLo, l.axes.qHi, levels[m]);
            t.reserve(static_cast<int>(segs.size()) * 3);
            x.reserve(t.capacity());
            y.reserve(t.capacity());
            for (const ContourSegment& s : segs) { // a NaN point between segments leaves a gap
                for (auto [px, py] : {std::pair{s.x0, s.y0}, {s.x1, s.y1}, {nan, nan}}) {
                    t.push_back(t.size());
                    x.push_back(px);
                    y.push_back(py);
                }
            }
        }
        contours_[m]->setData(t, x, y, true);
    }
}

void LandscapePlot::clearSurface() {
    map_->data()->clear();
    for (QCPCurve* c : contours_)
        c->data()->clear();
}

double LandscapePlot::colourSpan() const {
    return scale_->dataRange().size();
}

QPointF LandscapePlot::pixelAt(double p, double q) const {
    return {xAxis->coordToPixel(p), yAxis->coordToPixel(q)};
}

QPointF LandscapePlot::paramsAt(QPointF pixel) const {
    return {xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y())};
}

bool LandscapePlot::onMap(QPointF pixel) const {
    return axisRect()->rect().contains(pixel.toPoint());
}

void LandscapePlot::replotSoon() {
    replot(QCustomPlot::rpQueuedReplot);
}

void LandscapePlot::layOut() {
    replot(QCustomPlot::rpImmediateRefresh);
}

double LandscapePlot::cell(int i, int k) const {
    return map_->data()->cell(i, k);
}

void LandscapePlot::setPoint(QPointF p) {
    point_->setData(QVector<double>{p.x()}, QVector<double>{p.y()}, true);
}

void LandscapePlot::setMinimum(std::optional<QPointF> m, bool applicable) {
    minimum_->data()->clear();
    if (m) minimum_->setData(QVector<double>{m->x()}, QVector<double>{m->y()}, true);
    if (applicable)
        minimum_->addToLegend();
    else
        minimum_->removeFromLegend();
}

void LandscapePlot::setArrow(std::optional<QLineF> arrow) {
    for (QCPItemLine* a : {arrowHalo_, arrow_}) {
        a->setVisible(arrow.has_value());
        if (arrow) {
            a->start->setCoords(arrow->p1());
            a->end->setCoords(arrow->p2());
        }
    }
}

void LandscapePlot::setTrail(const QVector<double>& p, const QVector<double>& q) {
    QVector<double> t(p.size());
    for (int i = 0; i < t.size(); ++i)
        t[i] = i;
    trail_->setData(t, p, q, true);
    trailHalo_->setData(t, p, q, true);
}

QPointF LandscapePlot::point() const {
    return point_->data()->isEmpty() ? QPointF() : firstPoint(point_);
}

std::optional<QPointF> LandscapePlot::minimum() const {
    if (minimum_->data()->isEmpty()) return std::nullopt;
    return firstPoint(minimum_);
}

QVector<QPointF> LandscapePlot::trail() const {
    QVector<QPointF> out;
    for (auto it = trail_->data()->constBegin(); it != trail_->data()->constEnd(); ++it)
        out.push_back({it->key, it->value});
    return out;
}

int LandscapePlot::contourSegmentCount() const {
    int n = 0;
    for (QCPCurve* c : contours_)
        n += c->data()->size() / 3;
    return n;
}

void LandscapePlot::setPalette(const Palette& p) {
    palette_ = p;
    applyStyle();
    fitLegend(width());
    replot(QCustomPlot::rpQueuedReplot);
}

void LandscapePlot::applyStyle() {
    const Palette& p = palette_;
    const double s = p.lineScale;
    setBackground(p.background);
    const PlotFonts fonts = plotFonts(font(), p);
    const QFont& f = fonts.plain;
    const QFont& bold = fonts.bold;
    for (QCPAxis* a : {xAxis, yAxis, scale_->axis()})
        styleAxis(a, p, f, a == scale_->axis() ? f : bold, false);
    // Contours: white over the dark (low) part of the map, black over the bright part.
    for (int m = 0; m < contours_.size(); ++m) {
        const bool low = m < contours_.size() * 6 / 10;
        contours_[m]->setPen(
            QPen(low ? QColor(255, 255, 255, 140) : QColor(0, 0, 0, 110), 1.0 * s));
    }
    trailHalo_->setPen(
        QPen(QColor(0, 0, 0, 150), 4.5 * s, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    trail_->setPen(QPen(kTrailColour, 2.5 * s, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    arrowHalo_->setPen(QPen(QColor(0, 0, 0, 170), 6.0 * s, Qt::SolidLine, Qt::RoundCap));
    arrow_->setPen(QPen(kArrowColour, 3.0 * s, Qt::SolidLine, Qt::RoundCap));
    arrowKey_->setPen(QPen(kArrowColour, 3.0 * s));
    point_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.0 * s), Qt::white, 15 * s));
    minimum_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.2 * s),
                                              kMinimumColour, 11 * s));
    legend->setFont(f);
    legend->setTextColor(p.foreground);
    legend->setBrush(p.background);
    legend->setBorderPen(Qt::NoPen);
}

void LandscapePlot::resizeEvent(QResizeEvent* event) {
    fitLegend(event->size().width());
    QCustomPlot::resizeEvent(event);
}

// Two columns of legend entries where both fit across the plot, else one under the other (a
// narrow side panel), so no entry is cut.
void LandscapePlot::fitLegend(int width) {
    const QFontMetrics fm(legend->font());
    int widest = 0;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            widest = std::max(widest, fm.horizontalAdvance(item->plottable()->name()));
    const QMargins m = legend->margins();
    const int column = legend->iconSize().width() + legend->iconTextPadding() + widest + 8;
    const int wrap =
        2 * column + legend->columnSpacing() + m.left() + m.right() + 8 <= width ? 2 : 1;
    if (legend->wrap() == wrap) return;
    legend->setWrap(wrap);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

std::optional<QPointF> LandscapePlot::arrowStep(int key, double pSpan, double qSpan) {
    switch (key) {
    case Qt::Key_Left:
        return QPointF(-pSpan / 40.0, 0.0);
    case Qt::Key_Right:
        return QPointF(pSpan / 40.0, 0.0);
    case Qt::Key_Down:
        return QPointF(0.0, -qSpan / 40.0);
    case Qt::Key_Up:
        return QPointF(0.0, qSpan / 40.0);
    default:
        return std::nullopt;
    }
}

} // namespace stepwise::ui

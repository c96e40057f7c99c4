#include "ui/surface/SurfacePlot.h"

#include "core/landscape/Contours.h"
#include "ui/base/PlotStyle.h"
#include "ui/surface/SurfaceColours.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stepwise::ui {

SurfacePlot::SurfacePlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(220, 200);
    setCursor(Qt::CrossCursor);
    setMouseTracking(true);
    setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    // The plot keeps the map's pixels square where it can.
    QSizePolicy sp(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setSizePolicy(sp);

    // The map and its contours on a layer of their own, and the marks on another above it: a
    // frame of a drag draws those two again, not the axes and the colour bar.
    addLayer("surface", layer("main"), QCustomPlot::limAbove);
    layer("surface")->setMode(QCPLayer::lmBuffered);
    setCurrentLayer("surface");
    map_ = new QCPColorMap(xAxis, yAxis);
    map_->setInterpolate(true);
    map_->setTightBoundary(false);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->setGradient(surfaceGradient());
    scale_->setBarWidth(12);
    map_->setColorScale(scale_);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    plotLayout()->insertRow(0);
    title_ = new QCPTextElement(this, QString());
    plotLayout()->addElement(0, 0, title_);

    for (int m = 0; m < kContourLevels; ++m) {
        auto* c = new QCPCurve(xAxis, yAxis);
        c->removeFromLegend();
        contours_.push_back(c);
    }
    for (int m = 0; m < kContourLevels; ++m) {
        for (QVector<QCPCurve*>* set : {&dashedHalo_, &dashed_}) {
            auto* c = new QCPCurve(xAxis, yAxis);
            c->removeFromLegend();
            set->push_back(c);
        }
    }

    setCurrentLayer("main");
    // The marks sit on a layer of their own, so a section line dragged redraws them alone.
    addLayer("marks", layer("surface"), QCustomPlot::limAbove);
    overlay_ = layer("marks");
    overlay_->setMode(QCPLayer::lmBuffered);
    sectionA_ = new QCPItemStraightLine(this);
    sectionB_ = new QCPItemStraightLine(this);
    for (QCPItemStraightLine* s : {sectionA_, sectionB_})
        s->setLayer(overlay_);
    handles_ = addGraph();
    handles_->setLayer(overlay_);
    handles_->setLineStyle(QCPGraph::lsNone);
    handles_->removeFromLegend();
    brush_ = new QCPItemEllipse(this);
    brush_->setLayer(overlay_);
    brush_->setVisible(false);
    empty_ = new QCPItemText(this);
    empty_->setLayer(overlay_);
    empty_->position->setType(QCPItemPosition::ptAxisRectRatio);
    empty_->position->setCoords(0.5, 0.5);
    empty_->setTextAlignment(Qt::AlignCenter);
    empty_->setPadding(QMargins(8, 6, 8, 6));
    empty_->setVisible(false);
    setSectionLines(0.0, 0.0);
    applyStyle();
}

std::vector<double> SurfacePlot::levels(double lo, double hi) {
    std::vector<double> out;
    if (!(hi > lo)) return out;
    for (int m = 1; m <= kContourLevels; ++m)
        out.push_back(lo + (hi - lo) * m / (kContourLevels + 1));
    return out;
}

void SurfacePlot::setTitle(const QString& title) {
    title_->setText(title);
}

void SurfacePlot::setDomain(double lo, double hi) {
    lo_ = lo;
    hi_ = hi;
    xAxis->setRange(lo, hi);
    yAxis->setRange(lo, hi);
}

void SurfacePlot::setValues(const Eigen::Ref<const Eigen::MatrixXd>& f, double cLo, double cHi,
                            const QString& empty) {
    const int side = static_cast<int>(f.rows());
    if (side < 2 || f.cols() != side) {
        hasValues_ = false;
        side_ = 0;
        map_->data()->clear();
        map_->setVisible(false);
        empty_->setText(empty);
        empty_->setVisible(!empty.isEmpty());
        return;
    }
    QCPColorMapData* d = map_->data();
    if (side != side_) {
        d->setSize(side, side);
        side_ = side;
    }
    // The cells are centred on the samples: the outer cells reach half a cell past lo and hi,
    // which the axes cut off.
    d->setRange(QCPRange(lo_, hi_), QCPRange(lo_, hi_));
    for (int j = 0; j < side; ++j)
        for (int i = 0; i < side; ++i)
            d->setCell(i, j, f(i, j));
    setColourRange(cLo, cHi);
    hasValues_ = true;
    map_->setVisible(true);
    empty_->setVisible(false);
}

void SurfacePlot::setColourRange(double cLo, double cHi) {
    if (!(cHi > cLo)) {
        cLo -= 0.5;
        cHi += 0.5;
    }
    map_->setDataRange(QCPRange(cLo, cHi));
}

void SurfacePlot::fillCurves(QVector<QCPCurve*>& curves, const Eigen::Ref<const Eigen::MatrixXd>& f,
                             const std::vector<double>& levels) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int m = 0; m < curves.size(); ++m) {
        QSharedPointer<QCPCurveDataContainer> data = curves[m]->data();
        data->clear();
        if (f.rows() < 2 || f.cols() < 2 || m >= static_cast<int>(levels.size())) continue;
        const auto segs = contourSegments(f, lo_, hi_, lo_, hi_, levels[m]);
        QVector<QCPCurveData> pts;
        pts.reserve(static_cast<int>(segs.size()) * 3);
        for (const ContourSegment& s : segs) { // a NaN point between segments leaves a gap
            pts.push_back({static_cast<double>(pts.size()), s.x0, s.y0});
            pts.push_back({static_cast<double>(pts.size()), s.x1, s.y1});
            pts.push_back({static_cast<double>(pts.size()), nan, nan});
        }
        data->set(pts, true);
    }
}

void SurfacePlot::setContours(const Eigen::Ref<const Eigen::MatrixXd>& f,
                              const std::vector<double>& levels) {
    fillCurves(contours_, f, levels);
    const QCPRange r = map_->dataRange();
    for (int m = 0; m < contours_.size(); ++m) {
        if (m >= static_cast<int>(levels.size())) continue;
        QPen pen = contours_[m]->pen();
        pen.setColor(contourColour(r.size() > 0 ? (levels[m] - r.lower) / r.size() : 0.5));
        contours_[m]->setPen(pen);
    }
}

void SurfacePlot::setDashedContours(const Eigen::Ref<const Eigen::MatrixXd>& g,
                                    const std::vector<double>& levels) {
    fillCurves(dashed_, g, levels);
    fillCurves(dashedHalo_, g, levels);
}

void SurfacePlot::setColourBarVisible(bool on) {
    if (on == colourBarVisible()) return;
    if (on) {
        plotLayout()->addElement(1, 1, scale_);
    } else {
        plotLayout()->take(scale_);
        plotLayout()->simplify();
    }
    scale_->setVisible(on);
}

bool SurfacePlot::colourBarVisible() const {
    return scale_->layout() != nullptr;
}

void SurfacePlot::setColourBarLabel(const QString& label) {
    scale_->axis()->setLabel(label);
}

void SurfacePlot::setSectionLines(double a, double b) {
    sectionA_->point1->setCoords(a, 0.0);
    sectionA_->point2->setCoords(a, 1.0);
    sectionB_->point1->setCoords(0.0, b);
    sectionB_->point2->setCoords(1.0, b);
}

void SurfacePlot::setSwitchingLines(const std::vector<Segment>& lines, int highlighted) {
    lines_ = lines;
    highlighted_ = highlighted;
    while (lineItems_.size() < static_cast<int>(lines.size())) {
        auto* halo = new QCPItemLine(this);
        auto* line = new QCPItemLine(this);
        halo->setLayer(overlay_);
        line->setLayer(overlay_);
        lineHalos_.push_back(halo);
        lineItems_.push_back(line);
    }
    QVector<double> hx, hy;
    const double s = palette_.lineScale;
    for (int k = 0; k < lineItems_.size(); ++k) {
        const bool used = k < static_cast<int>(lines.size());
        lineItems_[k]->setVisible(used);
        lineHalos_[k]->setVisible(used);
        if (!used) continue;
        const Segment& seg = lines[k];
        const double width = (seg.neuron == highlighted ? 3.5 : 2.0) * s;
        for (QCPItemLine* item : {lineHalos_[k], lineItems_[k]}) {
            item->start->setCoords(seg.p);
            item->end->setCoords(seg.q);
        }
        lineHalos_[k]->setPen(
            QPen(QColor(0, 0, 0, 170), width + 2.5 * s, Qt::SolidLine, Qt::RoundCap));
        lineItems_[k]->setPen(QPen(seg.colour, width, Qt::SolidLine, Qt::RoundCap));
        hx << seg.p.x() << seg.q.x();
        hy << seg.p.y() << seg.q.y();
    }
    handles_->setData(hx, hy); // unsorted: a graph keeps its points in key order, fine for dots
}

void SurfacePlot::setBrush(std::optional<QPointF> centre, double radius) {
    brush_->setVisible(centre.has_value());
    if (!centre) return;
    brush_->topLeft->setCoords(centre->x() - radius, centre->y() + radius);
    brush_->bottomRight->setCoords(centre->x() + radius, centre->y() - radius);
}

QPointF SurfacePlot::pixelAt(double x1, double x2) const {
    return {xAxis->coordToPixel(x1), yAxis->coordToPixel(x2)};
}

QPointF SurfacePlot::planeAt(QPointF pixel) const {
    return {xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y())};
}

bool SurfacePlot::onMap(QPointF pixel, int margin) const {
    return axisRect()->rect().adjusted(-margin, -margin, margin, margin).contains(pixel.toPoint());
}

void SurfacePlot::layOut() {
    replot(QCustomPlot::rpImmediateRefresh);
}

double SurfacePlot::cell(int i, int j) const {
    return hasValues_ ? map_->data()->cell(i, j) : std::numeric_limits<double>::quiet_NaN();
}

QCPRange SurfacePlot::colourRange() const {
    return map_->dataRange();
}

int SurfacePlot::contourSegmentCount() const {
    int n = 0;
    for (QCPCurve* c : contours_)
        n += c->data()->size() / 3;
    return n;
}

int SurfacePlot::dashedSegmentCount() const {
    int n = 0;
    for (QCPCurve* c : dashed_)
        n += c->data()->size() / 3;
    return n;
}

void SurfacePlot::setPalette(const Palette& p) {
    palette_ = p;
    applyStyle();
    setSwitchingLines(lines_, highlighted_);
    replot(QCustomPlot::rpQueuedReplot);
}

void SurfacePlot::replotOverlay() {
    overlay_->replot();
}

void SurfacePlot::replotSurface() {
    layer("surface")->replot();
    overlay_->replot();
}

void SurfacePlot::applyStyle() {
    const Palette& p = palette_;
    const double s = p.lineScale;
    setBackground(p.background);
    const PlotFonts fonts = plotFonts(font(), p);
    const QFont& f = fonts.plain;
    const QFont& bold = fonts.bold;
    for (QCPAxis* a : {xAxis, yAxis, scale_->axis()})
        styleAxis(a, p, f, a == scale_->axis() ? f : bold, false);
    xAxis->setLabel(QStringLiteral("x₁"));
    yAxis->setLabel(QStringLiteral("x₂"));
    title_->setFont(bold);
    title_->setTextColor(p.foreground);
    for (QCPCurve* c : contours_)
        c->setPen(QPen(contourColour(0.0), 1.0 * s));
    // The target's contours: dashed white over a dark halo, readable over every colour.
    for (QCPCurve* c : dashedHalo_)
        c->setPen(QPen(QColor(0, 0, 0, 150), 3.0 * s));
    for (QCPCurve* c : dashed_)
        c->setPen(QPen(QColor(255, 255, 255, 230), 1.5 * s, Qt::DashLine));
    const QPen section(p.foreground, 1.5 * s, Qt::DashDotLine);
    for (QCPItemStraightLine* l : {sectionA_, sectionB_}) {
        QPen pen(QColor(255, 255, 255, 220), 1.5 * s, Qt::DashLine);
        l->setPen(pen);
        l->setSelectedPen(section);
    }
    handles_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5 * s), Qt::white, 10 * s));
    brush_->setPen(QPen(Qt::white, 1.5 * s));
    empty_->setColor(p.foreground);
    empty_->setFont(f);
    empty_->setBrush(p.background);
}

} // namespace stepwise::ui

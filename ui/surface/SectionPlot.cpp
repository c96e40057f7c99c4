#include "ui/surface/SectionPlot.h"

#include "ui/base/PlotStyle.h"

namespace stepwise::ui {

namespace {
QVector<double> toQt(const std::vector<double>& v) {
    return QVector<double>(v.begin(), v.end());
}
} // namespace

SectionPlot::SectionPlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(200, 130);
    setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
    plotLayout()->insertRow(0);
    title_ = new QCPTextElement(this, QString());
    plotLayout()->addElement(0, 0, title_);
    // The output on a layer of its own: a frame of a drag draws it alone (replotCurves).
    addLayer("curves", layer("main"), QCustomPlot::limAbove);
    layer("curves")->setMode(QCPLayer::lmBuffered);
    target_ = addGraph(); // on the main layer: a weight dragged leaves it as it is
    setCurrentLayer("curves");
    target_->setName(tr("target"));
    output_ = addGraph();
    output_->setName(tr("output"));
    crossing_ = new QCPItemStraightLine(this);
    setCurrentLayer("main");
    crossing_->point1->setCoords(0.0, 0.0);
    crossing_->point2->setCoords(0.0, 1.0);
    yAxis->setLabel(tr("output"));
    applyStyle();
}

void SectionPlot::setTitle(const QString& title) {
    title_->setText(title);
}

void SectionPlot::setAxisLabel(const QString& label) {
    xAxis->setLabel(label);
}

void SectionPlot::setCurves(const std::vector<double>& xs, const std::vector<double>& output,
                            const std::vector<double>& target) {
    const QVector<double> keys = toQt(xs);
    output_->setData(keys, toQt(output), true);
    if (target.size() == xs.size())
        target_->setData(keys, toQt(target), true);
    else
        target_->data()->clear();
    if (!xs.empty()) xAxis->setRange(xs.front(), xs.back());
}

void SectionPlot::replotCurves() {
    layer("curves")->replot();
}

void SectionPlot::setValueRange(double lo, double hi) {
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }
    const double pad = 0.06 * (hi - lo);
    yAxis->setRange(lo - pad, hi + pad);
}

void SectionPlot::setCrossing(double x) {
    crossing_->point1->setCoords(x, 0.0);
    crossing_->point2->setCoords(x, 1.0);
}

int SectionPlot::pointCount() const {
    return output_->data()->size();
}

double SectionPlot::outputAt(int k) const {
    return output_->data()->at(k)->value;
}

double SectionPlot::keyAt(int k) const {
    return output_->data()->at(k)->key;
}

bool SectionPlot::hasTarget() const {
    return !target_->data()->isEmpty();
}

QString SectionPlot::title() const {
    return title_->text();
}

void SectionPlot::setPalette(const Palette& p) {
    palette_ = p;
    applyStyle();
    replot(QCustomPlot::rpQueuedReplot);
}

void SectionPlot::applyStyle() {
    const Palette& p = palette_;
    const double s = p.lineScale;
    setBackground(p.background);
    const PlotFonts f = plotFonts(font(), p);
    for (QCPAxis* a : {xAxis, yAxis})
        styleAxis(a, p, f.plain, f.plain, true);
    // A short plot: few values up its side, so large type (a projector) does not overlap.
    yAxis->ticker()->setTickCount(p.fontScale > 1.2 ? 2 : 3);
    title_->setFont(f.bold);
    title_->setTextColor(p.foreground);
    target_->setPen(QPen(p.target, 9.0 * s, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    output_->setPen(QPen(p.output, 2.5 * s, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    crossing_->setPen(QPen(p.foreground, 1.0 * s, Qt::DashLine));
}

} // namespace stepwise::ui

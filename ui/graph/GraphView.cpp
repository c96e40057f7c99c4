#include "ui/graph/GraphView.h"

#include "core/network/Network.h"
#include "ui/base/Format.h"
#include "ui/document/Document.h"
#include "ui/graph/BoldGraph.h"
#include "ui/graph/GhostCurves.h"
#include "ui/graph/PlotLegend.h"
#include "ui/graph/PointDots.h"
#include "ui/graph/StepHandles.h"
#include "ui/graph/modes/DrawMode.h"
#include "ui/graph/modes/GuessMode.h"
#include "ui/graph/modes/InspectMode.h"
#include "ui/graph/modes/PointsMode.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {
QVector<double> toQVector(const double* data, Eigen::Index n) {
    return QVector<double>(data, data + n);
}

} // namespace

// What the view offers its modes (modes/GraphMode.h), kept out of the view's own interface.
class GraphView::ModeHost final : public GraphModeHost {
public:
    explicit ModeHost(GraphView* view) : v_(view) {}

    Document& document() const override { return *v_->doc_; }
    TargetPoint toGraph(QPointF pixel) const override {
        return {v_->plot_->xAxis->pixelToCoord(pixel.x()),
                v_->plot_->yAxis->pixelToCoord(pixel.y())};
    }
    QPointF toPixel(TargetPoint p) const override {
        return {v_->plot_->xAxis->coordToPixel(p.x), v_->plot_->yAxis->coordToPixel(p.y)};
    }
    StepHandles& stepHandles() const override { return *v_->handles_; }
    void hoverAt(std::optional<double> x) override {
        v_->hoverX_ = x;
        v_->updateReadout();
        v_->replotCurves(false);
    }
    void requestInspect(double x) override { emit v_->inspectRequested(x); }
    void clearStrokePreview() override { v_->stroke_->data()->clear(); }
    void addStrokePreviewPoint(TargetPoint p) override { v_->stroke_->addData(p.x, p.y); }
    void finishStroke(const Stroke& s, bool guess) override {
        if (guess) v_->setGuess(s);
        emit v_->strokeFinished(s, guess);
    }
    void replotCurves() override { v_->replotCurves(false); }
    void replotAll() override { v_->plot_->replot(QCustomPlot::rpQueuedReplot); }
    void beginGesture(std::unique_ptr<GraphMode> gesture) override {
        gesture->attach(this);
        if (v_->gesture_) v_->retired_.push_back(std::move(v_->gesture_));
        v_->gesture_ = std::move(gesture);
    }
    GraphMode& currentMode() const override { return *v_->current_; }

private:
    GraphView* v_;
};

GraphView::GraphView(Document* doc, QWidget* parent)
    : QWidget(parent), doc_(doc), host_(std::make_unique<ModeHost>(this)) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName("graphPlot");
    plot_->setAttribute(
        Qt::WA_OpaquePaintEvent); // it paints every pixel: nothing behind it redraws
    plot_->setAccessibleName(tr("Graph of the network"));
    plot_->setAccessibleDescription(
        tr("Each hidden neuron's weighted contribution, their sum (the output) and the target"));
    plot_->setNotAntialiasedElements(QCP::aeNone);
    plot_->setAntialiasedElements(QCP::aePlottables);
    plot_->xAxis->setLabel("x");
    plot_->yAxis->setLabel("y");
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    plot_->setFocusPolicy(Qt::StrongFocus);
    plot_->setMinimumSize(320, 240);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    // Layers: what stays put while a weight is dragged (background, grid, the target band, axes,
    // legend) is kept in pictures of its own; the curves' layer ("main") is redrawn alone when
    // only they change (see replotCurves).
    plot_->addLayer("target", plot_->layer("grid"), QCustomPlot::limAbove);
    plot_->layer("main")->setMode(QCPLayer::lmBuffered);
    // Earlier runs' ghosts above the target band, still under the curves' layer: in the picture
    // a live frame leaves alone.
    ghosts_ = std::make_unique<GhostCurves>(plot_, plot_->layer("target"));

    // The target is a translucent band: a filled channel between two edges, which draws far
    // faster than a very wide antialiased pen.
    plot_->setCurrentLayer("target");
    targetLower_ = plot_->addGraph();
    targetLower_->removeFromLegend();
    targetLower_->setPen(Qt::NoPen);
    target_ = plot_->addGraph();
    target_->setName(tr("target"));
    target_->setChannelFillGraph(targetLower_);
    epsUpper_ = plot_->addGraph();
    epsLower_ = plot_->addGraph();
    for (QCPGraph* g : {epsUpper_, epsLower_})
        g->removeFromLegend();
    epsUpper_->setName(tr("target ± ε"));
    plot_->setCurrentLayer("main");
    dots_ = std::make_unique<PointDots>(plot_, plot_->layer("main"));
    placeLegendUnder(plot_);
    stroke_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
    stroke_->setName(tr("stroke"));
    guessCurve_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
    guessCurve_->setName(tr("your guess"));
    stroke_->removeFromLegend();
    guessCurve_->removeFromLegend();
    readout_ = new QCPItemText(plot_);
    readout_->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    readout_->position->setType(QCPItemPosition::ptAxisRectRatio);
    readout_->position->setCoords(0.01, 0.01);
    readout_->setTextAlignment(Qt::AlignLeft);
    readout_->setPadding(QMargins(6, 4, 6, 4));
    readout_->setVisible(false);
    cursor_ = new QCPItemStraightLine(plot_);
    cursor_->setVisible(false);
    dashed_ = new QCPGraph(plot_->xAxis, plot_->yAxis);
    dashed_->removeFromLegend();
    dashed_->setVisible(false);
    markerError_ = new QCPItemLine(plot_);
    markerError_->setVisible(false);
    for (QCPGraph** g : {&markerT_, &markerY_}) {
        *g = new QCPGraph(plot_->xAxis, plot_->yAxis);
        (*g)->removeFromLegend();
        (*g)->setLineStyle(QCPGraph::lsNone);
        (*g)->setVisible(false);
    }
    handles_ = new StepHandles(plot_, doc_);
    connect(handles_, &StepHandles::changed, this, [this] {
        updateCursor();
        replotCurves(false);
    });
    connect(handles_, &StepHandles::grabbed, this, [this] {
        hoverX_.reset(); // the readout would show a stale x while the step moves
        updateReadout();
    });
    connect(handles_, &StepHandles::released, this, &GraphView::endGesture);
    current_ = std::make_unique<InspectMode>();
    current_->attach(host_.get());

    connect(doc_, &Document::structureChanged, this, &GraphView::rebuildGraphs);
    connect(doc_, &Document::scenarioReplaced, this, &GraphView::rebuildGraphs);
    connect(doc_, &Document::viewChanged, this, &GraphView::applyView);
    connect(doc_, &Document::refreshed, this, &GraphView::refresh);
    rebuildGraphs();
    applyView();
}

GraphView::~GraphView() {
    handles_->disconnect(this); // nothing may reach the modes while the plot is taken down
}

int GraphView::neuronCurveCount() const {
    return neurons_.size();
}
QCPGraph* GraphView::neuronGraph(int j) const {
    return neurons_.value(j, nullptr);
}

void GraphView::rebuildGraphs() {
    const int h = doc_->network().hidden();
    // Drawing order within the curves' layer (later is on top): the thin contributions, the
    // learner's guess, then the bold sum (the output, never hidden under one of its parts, also
    // in the exercise's reveal and in every export), the stroke being drawn, the step handles,
    // and the hover cursor with its readout over everything.
    for (QCPGraph* g : neurons_)
        plot_->removeGraph(g);
    neurons_.clear();
    if (!output_) {
        output_ = new BoldGraph(plot_->xAxis, plot_->yAxis);
        output_->setName(tr("output y (the sum)"));
    }
    for (int j = 0; j < h; ++j) {
        QCPGraph* g = new BoldGraph(plot_->xAxis, plot_->yAxis); // a selected one is wide
        const std::string v = paramName({ParamKind::OutputWeight, j}, h);
        g->setName(QString::fromStdString(v + "·n" + std::to_string(j + 1)));
        neurons_.push_back(g);
    }
    QCPLayer* main = plot_->layer("main");
    guessCurve_->setLayer(main); // (setLayer moves a layerable to the top of its layer)
    output_->setLayer(main);
    stroke_->setLayer(main);
    handles_->setLayer(main);
    cursor_->setLayer(main);
    readout_->setLayer(main);
    updateLegend();
    applyStyle();
    refresh();
}

void GraphView::setPalette(const Palette& p) {
    palette_ = p;
    handles_->setPalette(p);
    dots_->setPalette(p);
    ghosts_->setPalette(p);
    ++paletteGeneration_;
    applyStyle();
    refresh();
}

void GraphView::applyStyle() {
    const Palette& p = palette_;
    const double s = p.lineScale;
    plot_->setBackground(p.background);
    // Live frames (a drag, training) skip antialiasing: about half the cost of a replot.
    plot_->setAntialiasedElements(doc_->live() ? QCP::aeNone : QCP::aePlottables);
    plot_->setNotAntialiasedElements(doc_->live() ? QCP::aeAll : QCP::aeNone);
    for (QCPAxis* a : {plot_->xAxis, plot_->yAxis}) {
        a->setBasePen(QPen(p.foreground, 1));
        a->setTickPen(QPen(p.foreground, 1));
        a->setSubTickPen(QPen(p.foreground, 1));
        a->setTickLabelColor(p.foreground);
        a->setLabelColor(p.foreground);
        a->grid()->setPen(QPen(p.grid, 1, Qt::DotLine));
        a->grid()->setZeroLinePen(QPen(p.grid.darker(130), 1));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * p.fontScale);
        a->setTickLabelFont(f);
        a->setLabelFont(f);
    }
    target_->setPen(Qt::NoPen);
    target_->setBrush(p.target);
    for (QCPGraph* g : {epsUpper_, epsLower_})
        g->setPen(QPen(p.foreground, 1.2 * p.lineScale, Qt::DashLine));
    const auto sel = doc_->selection();
    const int selected = sel && sel->kind != ParamKind::OutputBias ? sel->neuron : -1;
    for (int j = 0; j < neurons_.size(); ++j) {
        QColor c = palette_.neuron(j);
        double width = 1.0 * s; // thin pens take Qt's fast stroking path: many curves stay live
        if (selected >= 0 && selected != j) c.setAlpha(90);
        if (selected == j) width = 3.0 * s;
        neurons_[j]->setPen(QPen(c, width));
        neurons_[j]->setVisible(answerVisible_);
    }
    if (output_) {
        output_->setPen(QPen(p.output, 3.5 * s));
        output_->setVisible(answerVisible_);
    }
    stroke_->setPen(QPen(p.guess, 2.5 * s, Qt::DashLine));
    guessCurve_->setPen(QPen(p.guess, 3 * s, Qt::DashLine));
    QFont rf = font();
    rf.setFamily("monospace");
    rf.setStyleHint(QFont::Monospace);
    rf.setPointSizeF(rf.pointSizeF() * p.fontScale);
    readout_->setFont(rf);
    // An opaque box with a border in the text's colour: it reads the same over any curve.
    readout_->setColor(p.foreground);
    readout_->setBrush(p.background);
    readout_->setPen(QPen(p.foreground, std::max(1.0, s)));
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setTextColor(p.foreground);
    QFont lf = font();
    lf.setPointSizeF(lf.pointSizeF() * 0.9 * p.fontScale);
    // The legend changes only when its font or its entries do (not on every frame): then its
    // columns are fitted again.
    bool legendChanged = lf != plot_->legend->font();
    if (legendChanged) plot_->legend->setFont(lf);
    const bool band = doc_->targetSamples().size() > 0; // measured points alone have no band
    if (band != plot_->legend->hasItemWithPlottable(target_)) {
        if (band)
            target_->addToLegend();
        else
            target_->removeFromLegend();
        legendChanged = true;
    }
    if (legendChanged) fitLegend();
    cursor_->setPen(QPen(p.foreground, 1, Qt::DashLine));
    QColor after = p.output;
    after.setAlpha(200);
    dashed_->setPen(QPen(after, 2.5 * s, Qt::DashLine));
    markerError_->setPen(QPen(p.negative, 2.0 * s, Qt::DotLine));
    markerY_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDisc, p.output, p.output, 11.0 * s));
    markerT_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(p.negative, 2.5 * s),
                                              Qt::NoBrush, 15.0 * s));
}

void GraphView::refresh() {
    // A layered network is drawn by the layered views; this graph is hidden meanwhile and draws
    // the lesson's network again on the refresh that follows its return.
    if (doc_->isLayered()) return;
    const Network& net = doc_->network();
    const Eigen::ArrayXd& x = doc_->x();
    const double lo = doc_->scenario().domain.lo, hi = doc_->scenario().domain.hi;
    if (neurons_.size() != net.hidden()) {
        rebuildGraphs();
        return;
    }
    applyStyle();
    if (net.activation.kind == ActivationKind::Step) {
        // Exact outlines: the jumps are vertical segments, not slopes between samples.
        const std::vector<Polyline> curves = stepOutlines(net, lo, hi);
        for (int j = 0; j < net.hidden(); ++j)
            neurons_[j]->setData(QVector<double>(curves[j].x.begin(), curves[j].x.end()),
                                 QVector<double>(curves[j].y.begin(), curves[j].y.end()), true);
        const Polyline& out = curves.back();
        output_->setData(QVector<double>(out.x.begin(), out.x.end()),
                         QVector<double>(out.y.begin(), out.y.end()), true);
    } else {
        const Evaluation& e = doc_->evaluation();
        const QVector<double> keys = toQVector(x.data(), x.size());
        for (int j = 0; j < net.hidden(); ++j)
            neurons_[j]->setData(keys, toQVector(e.contribution.col(j).data(), x.size()), true);
        output_->setData(keys, toQVector(e.output.data(), x.size()), true);
    }
    const Eigen::ArrayXd& t = doc_->targetSamples();
    // Half-width: about 7 pixels, in data units of the current view.
    const double half = t.size() == x.size()
                            ? 7.0 * palette_.lineScale * plot_->yAxis->range().size() /
                                  std::max(50, plot_->axisRect()->height())
                            : 0.0;
    // The band is set again only when it changes (a drag or a training run leaves it alone).
    bool targetChanged =
        half != shownHalf_ || t.size() != shownTarget_.size() || x.size() != shownTargetX_.size() ||
        (t.size() > 0 && (t != shownTarget_).any()) || (x.size() > 0 && (x != shownTargetX_).any());
    const double eps = epsilon_.value_or(-1.0);
    const bool bandChanged = targetChanged || eps != shownEpsilon_;
    if (bandChanged) {
        shownEpsilon_ = eps;
        if (eps >= 0.0 && t.size() == x.size()) {
            const QVector<double> keys = toQVector(x.data(), x.size());
            const Eigen::ArrayXd up = t + eps, down = t - eps;
            epsUpper_->setData(keys, toQVector(up.data(), up.size()), true);
            epsLower_->setData(keys, toQVector(down.data(), down.size()), true);
        } else {
            epsUpper_->data()->clear();
            epsLower_->data()->clear();
        }
    }
    if (targetChanged) {
        shownTarget_ = t;
        shownTargetX_ = x;
        shownHalf_ = half;
        if (t.size() == x.size()) {
            const QVector<double> keys = toQVector(x.data(), x.size());
            const Eigen::ArrayXd up = t + half, down = t - half;
            target_->setData(keys, toQVector(up.data(), up.size()), true);
            targetLower_->setData(keys, toQVector(down.data(), down.size()), true);
        } else {
            target_->data()->clear();
            targetLower_->data()->clear();
        }
    }
    // The points learnt from, when they are not simply the curve's samples.
    const TargetCurve& tc = doc_->scenario().target;
    bool dotsLegend = false;
    const bool showDots = doc_->hasPoints() || tc.noise.sd > 0.0 || tc.split.fraction > 0.0;
    if (dots_->update(doc_->dataSet(), showDots, &dotsLegend)) targetChanged = true;
    if (dotsLegend) fitLegend();
    guessCurve_->setVisible(!guess_.points.empty());
    if (guess_.points.empty() == plot_->legend->hasItemWithPlottable(guessCurve_)) {
        if (guess_.points.empty())
            guessCurve_->removeFromLegend();
        else
            guessCurve_->addToLegend();
        fitLegend();
    }
    updateReadout();
    replotCurves(bandChanged);
}

GraphView::Look GraphView::look() const {
    const QCPRange xr = plot_->xAxis->range(), yr = plot_->yAxis->range();
    const auto sel = doc_->selection();
    Look l;
    l.xLo = xr.lower;
    l.xHi = xr.upper;
    l.yLo = yr.lower;
    l.yHi = yr.upper;
    l.width = plot_->viewport().width();
    l.height = plot_->viewport().height();
    l.paletteGeneration = paletteGeneration_;
    l.live = doc_->live();
    l.selection = sel ? static_cast<int>(sel->kind) * 1000 + sel->neuron : -1;
    l.answerVisible = answerVisible_;
    l.legendItems = plot_->legend->itemCount();
    l.pixelRatio = plot_->devicePixelRatioF();
    return l;
}

void GraphView::replotCurves(bool lookChanged) {
    const Look now = look();
    if (!lookChanged && now == shownLook_) {
        // The rest of the picture is as it was (QCustomPlot replots it all if its buffers went
        // stale, say after a resize).
        plot_->layer("main")->replot();
        emit curvesReplotted();
        // Whoever waits for the plot to be redrawn hears of this one too (QCustomPlot's own
        // signal; a full replot sends beforeReplot first, this one does not).
        emit plot_->afterReplot();
        return;
    }
    shownLook_ = now;
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GraphView::applyView() {
    const ViewRect& v = doc_->scenario().view;
    plot_->xAxis->setRange(v.xLo, v.xHi);
    plot_->yAxis->setRange(v.yLo, v.yHi);
    refresh();
}

QPixmap GraphView::toPixmap(int width, int height) {
    // The legend's columns for the picture's width, then back to the widget's.
    fitLegend(width);
    QPixmap pic = plot_->toPixmap(width, height);
    fitLegend();
    return pic;
}

void GraphView::replotNow() {
    plot_->replot();
}

void GraphView::fitView() {
    const Evaluation& e = doc_->evaluation();
    double lo = std::min(0.0, e.output.minCoeff()), hi = std::max(1.0, e.output.maxCoeff());
    if (e.contribution.size() > 0) {
        lo = std::min(lo, e.contribution.minCoeff());
        hi = std::max(hi, e.contribution.maxCoeff());
    }
    const Eigen::ArrayXd& t = doc_->targetSamples();
    if (t.size() > 0) {
        lo = std::min(lo, t.minCoeff());
        hi = std::max(hi, t.maxCoeff());
    }
    for (const TargetPoint& p : doc_->dataSet().points) {
        lo = std::min(lo, p.y);
        hi = std::max(hi, p.y);
    }
    const double pad = 0.12 * std::max(hi - lo, 1e-6);
    ViewRect v;
    v.xLo = doc_->scenario().domain.lo;
    v.xHi = doc_->scenario().domain.hi;
    v.yLo = lo - pad;
    v.yHi = hi + pad;
    if (!std::isfinite(v.yLo) || !std::isfinite(v.yHi)) return;
    doc_->setView(v);
}

void GraphView::setMode(Mode m) {
    if (m == mode_ || m == Mode::Other) return;
    switch (m) {
    case Mode::Inspect:
        installMode(std::make_unique<InspectMode>(), m);
        break;
    case Mode::Draw:
    case Mode::Erase:
        installMode(std::make_unique<DrawMode>(m == Mode::Erase), m);
        break;
    case Mode::Guess:
        installMode(std::make_unique<GuessMode>(), m);
        break;
    case Mode::Points:
        installMode(std::make_unique<PointsMode>(), m);
        break;
    case Mode::Other:
        break;
    }
}

void GraphView::setInteraction(std::unique_ptr<GraphMode> mode) {
    if (mode) installMode(std::move(mode), Mode::Other);
}

void GraphView::installMode(std::unique_ptr<GraphMode> mode, Mode kind) {
    // The old mode may be the one handling the event that led here: it is deleted once the
    // event has been handled.
    current_->cancel();
    retired_.push_back(std::move(current_));
    current_ = std::move(mode);
    current_->attach(host_.get());
    const bool changed = kind != mode_ || kind == Mode::Other;
    mode_ = kind;
    updateHandles(); // off in a mode without them: a step drag in progress ends here
    updateCursor();
    if (changed) emit modeChanged(kind);
}

GraphMode& GraphView::activeMode() const {
    return gesture_ ? *gesture_ : *current_;
}

void GraphView::endGesture() {
    if (gesture_) retired_.push_back(std::move(gesture_));
    updateCursor();
}

void GraphView::setGuess(const Stroke& s) {
    guess_ = s;
    QVector<double> gx, gy;
    for (const TargetPoint& p : s.points) {
        gx.push_back(p.x);
        gy.push_back(p.y);
    }
    guessCurve_->setData(gx, gy);
    refresh();
}

void GraphView::clearGuess() {
    setGuess({});
}

void GraphView::updateCursor() {
    // Over a step handle (or dragging one) it slides sideways; otherwise it says the mode.
    if (handles_->hovered() || handles_->dragging())
        plot_->setCursor(Qt::SizeHorCursor);
    else
        plot_->setCursor(current_->cursor());
}

void GraphView::setStepHandlesAllowed(bool on) {
    handlesAllowed_ = on;
    updateHandles();
}

bool GraphView::stepHandlesShown() const {
    return handles_->enabled();
}

StepHandles* GraphView::stepHandles() const {
    return handles_;
}

void GraphView::updateHandles() {
    // Only where a click means "inspect": in drawing modes the mouse draws.
    const bool on = handlesAllowed_ && answerVisible_ && current_->usesStepHandles();
    if (on == handles_->enabled()) return;
    handles_->setEnabled(on);
    replotCurves(false);
}

} // namespace stepwise::ui

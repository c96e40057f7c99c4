#include "ui/surface/SurfaceView.h"

#include "ui/base/Format.h"
#include "ui/surface/NeuronStrip.h"
#include "ui/surface/SectionPlot.h"
#include "ui/surface/Surface3D.h"
#include "ui/surface/SurfaceMouse.h"
#include "ui/surface/SurfacePlot.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {

Eigen::Map<const Eigen::MatrixXd> asMatrix(const Eigen::ArrayXd& a, int side) {
    return {a.data(), a.size() > 0 ? side : 0, a.size() > 0 ? side : 0};
}

} // namespace

SurfaceView::SurfaceView(QWidget* parent) : QWidget(parent) {
    setObjectName("surfaceView");
    sampler_.setGrid(lo_, hi_, kMapSide);

    output_ = new SurfacePlot(this);
    output_->setObjectName("surfaceOutput");
    output_->setAccessibleName(tr("The network's output over the plane"));
    output_->setAccessibleDescription(
        tr("A colour map of the output over x₁ and x₂; drag a dashed line to move a "
           "cross-section, a neuron's switching line to move it, or its end to turn it; the "
           "arrow keys move the cross-sections"));
    output_->setFocusPolicy(Qt::StrongFocus);
    output_->setTitle(tr("Output"));
    output_->setColourBarVisible(false);
    target_ = new SurfacePlot(this);
    target_->setObjectName("surfaceTarget");
    target_->setAccessibleName(tr("The target over the plane"));
    target_->setAccessibleDescription(
        tr("A colour map of the target, in the output's colours; with a brush picked, drag to "
           "paint on it; the arrow keys move the cross-sections"));
    target_->setTitle(tr("Target"));
    target_->setFocusPolicy(Qt::StrongFocus);
    target_->setColourBarLabel(tr("value"));
    output_->setColourBarLabel(tr("value"));

    alongX1_ = new SectionPlot(this);
    alongX1_->setObjectName("surfaceSectionX1");
    alongX1_->setAxisLabel(QStringLiteral("x₁"));
    alongX1_->setAccessibleName(tr("The output and the target along x₁"));
    alongX1_->setAccessibleDescription(
        tr("A cross-section: the output (bold) and the target (band) along x₁ at the chosen x₂, "
           "the dashed horizontal line on the maps. The arrow keys move the line."));
    alongX2_ = new SectionPlot(this);
    alongX2_->setObjectName("surfaceSectionX2");
    alongX2_->setAxisLabel(QStringLiteral("x₂"));
    alongX2_->setAccessibleName(tr("The output and the target along x₂"));
    alongX2_->setAccessibleDescription(
        tr("A cross-section: the output (bold) and the target (band) along x₂ at the chosen x₁, "
           "the dashed vertical line on the maps. The arrow keys move the line."));

    neurons_ = new NeuronStrip(this);
    neuronScroll_ = new QScrollArea(this);
    neuronScroll_->setWidget(neurons_);
    neuronScroll_->setWidgetResizable(false);
    neuronScroll_->setFrameShape(QFrame::NoFrame);
    neuronScroll_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    neuronScroll_->setFixedHeight(neurons_->sizeHint().height() +
                                  neuronScroll_->horizontalScrollBar()->sizeHint().height() + 4);
    neuronTitle_ = new QLabel(tr("First layer: each neuron's activation over the plane"), this);
    readoutLabel_ = new QLabel(this);
    readoutLabel_->setObjectName("surfaceReadout");
    readoutLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    picture_ = new QWidget(this);
    mapStack_ = new QStackedWidget(picture_);
    maps_ = new QWidget(mapStack_);
    mapStack_->addWidget(maps_);
    auto* maps = new QHBoxLayout(maps_);
    maps->setContentsMargins(0, 0, 0, 0);
    maps->addWidget(output_, 1);
    maps->addWidget(target_, 1);
    auto* sections = new QHBoxLayout;
    sections->setContentsMargins(0, 0, 0, 0);
    sections->addWidget(alongX1_, 1);
    sections->addWidget(alongX2_, 1);
    auto* pictureLayout = new QVBoxLayout(picture_);
    pictureLayout->setContentsMargins(0, 0, 0, 0);
    pictureLayout->addWidget(mapStack_, 5);
    pictureLayout->addLayout(sections, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(buildControls());
    lookNotice_ = new QLabel(this);
    lookNotice_->setObjectName("surfaceLookNotice");
    lookNotice_->setVisible(false);
    layout->addWidget(lookNotice_);
    layout->addWidget(picture_, 1);
    layout->addWidget(readoutLabel_);
    layout->addWidget(neuronTitle_);
    layout->addWidget(neuronScroll_);

    connect(neurons_, &NeuronStrip::neuronClicked, this, [this](int j) {
        selectNeuron(j);
        emit neuronSelected(j);
    });
    mouse_ = new SurfaceMouse(this, this);

    setDomain(lo_, hi_);
    updateTargetChoice();
}

SurfaceView::~SurfaceView() = default;

void SurfaceView::setNetwork(const LayeredNetwork& net) {
    net_ = net;
    updateOutput();
}

void SurfaceView::setSurface(const TargetSurface* surface) {
    if (surface)
        surface_ = *surface;
    else
        surface_.reset();
    updateTargetChoice();
    updateTarget();
}

void SurfaceView::setDomain(double lo, double hi) {
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return;
    if (lo == lo_ && hi == hi_ && domainShown_) return; // the same rectangle: nothing to redo
    domainShown_ = true;
    const bool first = sampler_.grid().size() == 0 || lo != lo_ || hi != hi_;
    lo_ = lo;
    hi_ = hi;
    sampler_.setGrid(lo, hi, kMapSide);
    output_->setDomain(lo, hi);
    target_->setDomain(lo, hi);
    if (first) {
        sectionA_ = sectionB_ = 0.5 * (lo + hi);
        setBrushRadius(0.1 * (hi - lo));
    }
    setSections(sectionA_, sectionB_);
    updateTarget();
    updateOutput();
}

void SurfaceView::setLive(bool on) {
    if (on == live_) return;
    live_ = on;
    if (surface3d_ && live_) surface3d_->setLive(true);
    if (!live_) { // the last frame in full: the exact colour range and every contour
        updateColours();
        updateOutputContours();
        replotSoon();
        send3d(false, false);
        if (surface3d_) surface3d_->setLive(false);
    }
}

void SurfaceView::updateOutput() {
    const bool ok = sampler_.evaluate(net_);
    if (ok) {
        output_->setValues(sampler_.outputMatrix(), colourLo_, colourHi_);
        const Layer& first = net_.layers.front();
        neurons_->setNeurons(sampler_.activations(0), sampler_.side(), first.activation,
                             &sampler_.firstLayerChanged());
    } else {
        output_->setValues(Eigen::MatrixXd(), 0.0, 1.0,
                           net_.inputs == 2 ? tr("This network cannot be drawn.")
                                            : tr("The surface needs a network of two inputs."));
        neurons_->clear();
    }
    if (neurons_->size() != neurons_->sizeHint()) neurons_->adjustSize();
    const bool recoloured = updateColours();
    updateOutputContours();
    updateSwitchingLines();
    updateSections();
    send3d(true, false);
    // While a weight is dragged only the output, its sections and the neurons change; the target
    // map is drawn again when the colours do.
    if (live_ && !recoloured && ok) {
        output_->replotSurface();
        alongX1_->replotCurves();
        alongX2_->replotCurves();
        return;
    }
    output_->replot(QCustomPlot::rpQueuedReplot);
    alongX1_->replot(QCustomPlot::rpQueuedReplot);
    alongX2_->replot(QCustomPlot::rpQueuedReplot);
    if (recoloured) target_->replot(QCustomPlot::rpQueuedReplot);
}

void SurfaceView::updateTarget() {
    if (surface_) {
        targetValues_ = sampleSurface(*surface_, sampler_.grid(), lo_, hi_);
        target_->setValues(asMatrix(targetValues_, kMapSide), colourLo_, colourHi_);
    } else {
        targetValues_.resize(0);
        target_->setValues(Eigen::MatrixXd(), 0.0, 1.0,
                           tr("No target yet.\nChoose one above, or pick a brush and paint here."));
    }
    if (!updateColours()) updateTargetContours(); // (a new range draws them anyway)
    updateSections();
    send3d(false, true);
    replotSoon();
}

// Both maps share one colour range, the span of the output and the target together, so a colour
// means the same value on each; the contour levels are spaced evenly inside it. While live the
// range only grows (the target's map is not drawn again for every frame of a drag); the last
// frame fits it again. True when the range changed.
bool SurfaceView::updateColours() {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    auto span = [&](const Eigen::ArrayXd& v) {
        for (Eigen::Index k = 0; k < v.size(); ++k)
            if (std::isfinite(v[k])) {
                lo = std::min(lo, v[k]);
                hi = std::max(hi, v[k]);
            }
    };
    if (sampler_.valid()) span(sampler_.output());
    span(targetValues_);
    if (!(lo <= hi)) lo = 0.0, hi = 1.0;
    if (hi - lo < 1e-9 * std::max(1.0, std::abs(hi))) lo -= 0.5, hi += 0.5;
    if (live_) {
        lo = std::min(lo, colourLo_);
        hi = std::max(hi, colourHi_);
    }
    if (lo == colourLo_ && hi == colourHi_) return false;
    colourLo_ = lo;
    colourHi_ = hi;
    output_->setColourRange(lo, hi);
    target_->setColourRange(lo, hi);
    alongX1_->setValueRange(lo, hi);
    alongX2_->setValueRange(lo, hi);
    updateTargetContours();
    return true;
}

void SurfaceView::updateOutputContours() {
    const std::vector<double> levels = SurfacePlot::levels(colourLo_, colourHi_);
    if (live_ || !sampler_.valid())
        output_->setContours(Eigen::MatrixXd(), levels);
    else
        output_->setContours(sampler_.outputMatrix(), levels);
}

void SurfaceView::updateTargetContours() {
    const std::vector<double> levels = SurfacePlot::levels(colourLo_, colourHi_);
    const Eigen::MatrixXd none;
    const bool dashed = display_ == TargetDisplay::Contours && targetValues_.size() > 0;
    if (dashed)
        output_->setDashedContours(asMatrix(targetValues_, kMapSide), levels);
    else
        output_->setDashedContours(none, levels);
    if (targetValues_.size() > 0)
        target_->setContours(asMatrix(targetValues_, kMapSide), levels);
    else
        target_->setContours(none, levels);
}

void SurfaceView::updateSections() {
    std::vector<double> xs(kSectionPoints);
    for (int k = 0; k < kSectionPoints; ++k)
        xs[k] = lo_ + (hi_ - lo_) * k / (kSectionPoints - 1);
    for (int along = 0; along < 2; ++along) {
        // along x₁ (at x₂ = b) or along x₂ (at x₁ = a)
        Eigen::MatrixXd pts(2, kSectionPoints);
        const double held = along == 0 ? sectionB_ : sectionA_;
        for (int k = 0; k < kSectionPoints; ++k) {
            pts(along, k) = xs[k];
            pts(1 - along, k) = held;
        }
        std::vector<double> out, tgt;
        if (sampler_.valid()) {
            const Eigen::ArrayXd y = evaluateOutput(net_, pts);
            out.assign(y.data(), y.data() + y.size());
        }
        if (surface_) {
            const Eigen::ArrayXd t = sampleSurface(*surface_, pts, lo_, hi_);
            tgt.assign(t.data(), t.data() + t.size());
        }
        SectionPlot* plot = along == 0 ? alongX1_ : alongX2_;
        plot->setCurves(out.empty() ? std::vector<double>() : xs, out, tgt);
        plot->setCrossing(along == 0 ? sectionA_ : sectionB_);
        plot->setTitle(along == 0 ? tr("Along x₁, at x₂ = %1").arg(formatFixed(held, 2))
                                  : tr("Along x₂, at x₁ = %1").arg(formatFixed(held, 2)));
    }
}

std::optional<SwitchingLine> SurfaceView::switchingLine(int neuron) const {
    if (!sampler_.valid() || net_.layers.empty()) return std::nullopt;
    const Layer& first = net_.layers.front();
    if (first.activation.kind != ActivationKind::Step || neuron < 0 || neuron >= first.width())
        return std::nullopt;
    return SwitchingLine{first.w(neuron, 0), first.w(neuron, 1), first.b[neuron]};
}

void SurfaceView::updateSwitchingLines() {
    std::vector<SurfacePlot::Segment> lines;
    const int width = net_.layers.empty() ? 0 : net_.layers.front().width();
    for (int j = 0; j < width; ++j) {
        const auto l = switchingLine(j);
        if (!l) continue;
        const auto seg = switchingSegment(*l, lo_, hi_);
        if (!seg) continue;
        lines.push_back({QPointF((*seg)[0].x1, (*seg)[0].x2), QPointF((*seg)[1].x1, (*seg)[1].x2),
                         palette_.neuron(j), j});
    }
    output_->setSwitchingLines(lines, selected_);
}

void SurfaceView::setSections(double a, double b) {
    sectionA_ = std::clamp(std::isfinite(a) ? a : lo_, lo_, hi_);
    sectionB_ = std::clamp(std::isfinite(b) ? b : lo_, lo_, hi_);
    output_->setSectionLines(sectionA_, sectionB_);
    target_->setSectionLines(sectionA_, sectionB_);
    updateSections();
    replotSoon();
}

void SurfaceView::selectNeuron(int neuron) {
    selected_ = neuron;
    if (neurons_->selected() != neuron) neurons_->setSelected(neuron);
    updateSwitchingLines();
    output_->replotOverlay();
}

double SurfaceView::outputAt(double x1, double x2) const {
    if (!sampler_.valid()) return std::numeric_limits<double>::quiet_NaN();
    Eigen::MatrixXd p(2, 1);
    p << x1, x2;
    return evaluateOutput(net_, p)[0];
}

std::optional<double> SurfaceView::targetAt(double x1, double x2) const {
    if (!surface_) return std::nullopt;
    Eigen::MatrixXd p(2, 1);
    p << x1, x2;
    return sampleSurface(*surface_, p, lo_, hi_)[0];
}

void SurfaceView::showReadoutAt(double x1, double x2) {
    QString text = tr("x₁ = %1, x₂ = %2").arg(formatFixed(x1, 2), formatFixed(x2, 2));
    const double y = outputAt(x1, x2);
    if (std::isfinite(y))
        text += tr("    output %1").arg(formatFixed(y, 3));
    else if (sampler_.valid())
        text += tr("    output too large to compute");
    if (const auto t = targetAt(x1, x2)) {
        text += tr("    target %1").arg(formatFixed(*t, 3));
        if (std::isfinite(y)) text += tr("    output − target %1").arg(formatFixed(y - *t, 3));
    }
    readout_ = text;
    readoutLabel_->setText(text);
}

QString SurfaceView::readoutText() const {
    return readout_;
}

void SurfaceView::beginLineEdit(int neuron, bool turning) {
    setLive(true);
    emit editStarted(turning ? tr("Turn n%1's switching line").arg(neuron + 1)
                             : tr("Move n%1's switching line").arg(neuron + 1));
}

// Moving changes b alone; turning changes w₁, w₂ and b.
void SurfaceView::editLine(int neuron, const SwitchingLine& line, bool turning) {
    if (turning) {
        emit paramEdited(weightIndex(neuron, 0), line.w1);
        emit paramEdited(weightIndex(neuron, 1), line.w2);
    }
    emit paramEdited(biasIndex(neuron), line.b);
}

void SurfaceView::endLineEdit() {
    emit editFinished();
    setLive(false);
}

long SurfaceView::weightIndex(int neuron, int input) const {
    const int width = net_.layers.empty() ? 0 : net_.layers.front().width();
    return layerOffset(net_, 0) + static_cast<long>(input) * width + neuron;
}

long SurfaceView::biasIndex(int neuron) const {
    const int width = net_.layers.empty() ? 0 : net_.layers.front().width();
    return layerOffset(net_, 0) + static_cast<long>(net_.inputs) * width + neuron;
}

void SurfaceView::replotSoon() {
    for (QCustomPlot* p : std::initializer_list<QCustomPlot*>{output_, target_, alongX1_, alongX2_})
        p->replot(QCustomPlot::rpQueuedReplot);
}

void SurfaceView::replotNow() {
    for (QCustomPlot* p : std::initializer_list<QCustomPlot*>{output_, target_, alongX1_, alongX2_})
        p->replot(QCustomPlot::rpImmediateRefresh);
}

void SurfaceView::setPalette(const Palette& p) {
    palette_ = p;
    output_->setPalette(p);
    target_->setPalette(p);
    alongX1_->setPalette(p);
    alongX2_->setPalette(p);
    neurons_->setPalette(p);
    if (surface3d_) surface3d_->setPalette(p);
    // The readout and the strip's title grow with the plots' type in presentation mode.
    for (QLabel* label : {readoutLabel_, neuronTitle_}) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * p.fontScale);
        label->setFont(f);
    }
    neuronScroll_->setFixedHeight(neurons_->sizeHint().height() +
                                  neuronScroll_->horizontalScrollBar()->sizeHint().height() + 4);
    updateSwitchingLines();
}

} // namespace stepwise::ui

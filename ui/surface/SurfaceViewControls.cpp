// SurfaceView's controls (the target's choice, how it is shown, the brush) and the painting of
// the target: a stroke previewed while it is drawn, handed over when it ends.
#include "core/scenario/ScenarioFile.h"
#include "ui/surface/NeuronStrip.h"
#include "ui/surface/Surface3D.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

QString surfacePresetLabel(SurfacePreset p) {
    switch (p) {
    case SurfacePreset::Tower:
        return SurfaceView::tr("Tower");
    case SurfacePreset::Ring:
        return SurfaceView::tr("Ring");
    case SurfacePreset::Saddle:
        return SurfaceView::tr("Saddle");
    case SurfacePreset::Ramp:
        return SurfaceView::tr("Ramp");
    case SurfacePreset::Checkerboard:
        return SurfaceView::tr("Checkerboard");
    case SurfacePreset::TwoBumps:
        return SurfaceView::tr("Two bumps");
    case SurfacePreset::Noisy:
        return SurfaceView::tr("Noisy tower");
    }
    return {};
}

namespace {

static_assert(SurfaceView::kMaxSurfacePoints <= kMaxTotalStrokePoints / 2);

// The target choice's items: none, flat (a plane at 0 to paint on), then the presets.
constexpr int kNone = 0, kFlat = 1, kFirstPreset = 2;

} // namespace

QWidget* SurfaceView::buildControls() {
    // Two rows (what is shown; the brush), so the view stays narrow enough for a projector's
    // window beside the lesson and the side panel.
    auto* bar = new QWidget(this);
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto* row = new QHBoxLayout;
    rows->addLayout(row);

    targetChoice_ = new QComboBox(bar);
    targetChoice_->setObjectName("surfaceTargetChoice");
    targetChoice_->addItem(tr("No target"));
    targetChoice_->addItem(tr("Flat, to paint on"));
    for (int k = 0; k < kSurfacePresetCount; ++k)
        targetChoice_->addItem(surfacePresetLabel(static_cast<SurfacePreset>(k)));
    auto* targetLabel = new QLabel(tr("&Target:"), bar);
    targetLabel->setBuddy(targetChoice_);
    connect(targetChoice_, &QComboBox::activated, this, [this](int k) {
        if (k == kNone) {
            emit surfaceEdited(std::nullopt, tr("Remove the target"));
            return;
        }
        TargetSurface s;
        if (k >= kFirstPreset) s.preset = static_cast<SurfacePreset>(k - kFirstPreset);
        emit surfaceEdited(s, k == kFlat ? tr("Flat target")
                                         : tr("Target: %1").arg(surfacePresetLabel(*s.preset)));
    });

    displayChoice_ = new QComboBox(bar);
    displayChoice_->setObjectName("surfaceTargetDisplay");
    displayChoice_->addItem(tr("beside the output"));
    displayChoice_->addItem(tr("as dashed contours on the output"));
    auto* displayLabel = new QLabel(tr("&Show it:"), bar);
    displayLabel->setBuddy(displayChoice_);
    connect(displayChoice_, &QComboBox::activated, this, [this](int k) {
        setTargetDisplay(k == 0 ? TargetDisplay::Beside : TargetDisplay::Contours);
    });

    brushGroup_ = new QButtonGroup(bar);
    brushGroup_->setExclusive(true);
    const std::pair<Brush, QString> tools[] = {{Brush::Off, tr("Look")},
                                               {Brush::Raise, tr("Raise")},
                                               {Brush::Lower, tr("Lower")},
                                               {Brush::Erase, tr("Erase")}};
    auto* brushLabel = new QLabel(tr("Brush:"), bar);
    row->addWidget(targetLabel);
    row->addWidget(targetChoice_);
    row->addWidget(displayLabel);
    row->addWidget(displayChoice_);

    // Map or 3-D: one toggle, on for 3-D.
    look3d_ = new QToolButton(bar);
    look3d_->setObjectName("surfaceLook3d");
    look3d_->setText(tr("3-D"));
    look3d_->setCheckable(true);
    look3d_->setToolTip(tr("Show the output as a surface in space, its height the value at "
                           "(x₁, x₂), with the target over it; drag it to turn it. Click again "
                           "for the maps."));
    connect(look3d_, &QToolButton::toggled, this,
            [this](bool on) { setLook(on ? Look::Solid : Look::Map); });
    row->addWidget(look3d_);
    row->addStretch(1);
    row = new QHBoxLayout;
    rows->addLayout(row);
    row->addWidget(brushLabel);
    for (const auto& [tool, text] : tools) {
        auto* b = new QToolButton(bar);
        b->setText(text);
        b->setCheckable(true);
        b->setChecked(tool == Brush::Off);
        b->setObjectName(QStringLiteral("surfaceBrush%1").arg(static_cast<int>(tool)));
        brushGroup_->addButton(b, static_cast<int>(tool));
        row->addWidget(b);
    }
    brushGroup_->button(static_cast<int>(Brush::Off))
        ->setToolTip(tr("Hover to read values; drag lines to move them"));
    brushGroup_->button(static_cast<int>(Brush::Raise))
        ->setToolTip(tr("Drag over a map to raise the target under a round brush"));
    brushGroup_->button(static_cast<int>(Brush::Lower))
        ->setToolTip(tr("Drag over a map to lower the target under a round brush"));
    brushGroup_->button(static_cast<int>(Brush::Erase))
        ->setToolTip(tr("Drag over a map to take painting away, back towards the preset"));
    connect(brushGroup_, &QButtonGroup::idClicked, this,
            [this](int id) { setBrush(static_cast<Brush>(id)); });

    radius_ = new QDoubleSpinBox(bar);
    radius_->setObjectName("surfaceBrushRadius");
    radius_->setDecimals(2);
    radius_->setSingleStep(0.05);
    radius_->setRange(0.01, 100.0);
    radius_->setValue(0.1 * (hi_ - lo_));
    radius_->setToolTip(tr("The brush's radius, in units of x₁ and x₂"));
    auto* radiusLabel = new QLabel(tr("Si&ze"), bar);
    radiusLabel->setBuddy(radius_);
    strength_ = new QDoubleSpinBox(bar);
    strength_->setObjectName("surfaceBrushStrength");
    strength_->setDecimals(2);
    strength_->setSingleStep(0.05);
    strength_->setRange(0.05, 5.0);
    strength_->setValue(0.5);
    strength_->setToolTip(tr("How far one stroke raises or lowers the target under the brush's "
                             "centre (less towards its rim)"));
    auto* strengthLabel = new QLabel(tr("Stre&ngth"), bar);
    strengthLabel->setBuddy(strength_);
    row->addWidget(radiusLabel);
    row->addWidget(radius_);
    row->addWidget(strengthLabel);
    row->addWidget(strength_);
    row->addStretch(1);
    return bar;
}

void SurfaceView::updateTargetChoice() {
    const QSignalBlocker block(targetChoice_);
    if (!surface_)
        targetChoice_->setCurrentIndex(kNone);
    else if (!surface_->preset)
        targetChoice_->setCurrentIndex(kFlat);
    else
        targetChoice_->setCurrentIndex(kFirstPreset + static_cast<int>(*surface_->preset));
}

void SurfaceView::setTargetDisplay(TargetDisplay d) {
    display_ = d;
    {
        const QSignalBlocker block(displayChoice_);
        displayChoice_->setCurrentIndex(d == TargetDisplay::Beside ? 0 : 1);
    }
    const bool beside = d == TargetDisplay::Beside;
    target_->setVisible(beside);
    output_->setColourBarVisible(!beside);
    target_->setColourBarVisible(beside);
    updateTargetContours();
    placeTarget();
    send3d(false, true);
    replotSoon();
}

// The 3-D view is made the first time it is chosen, where it can be; the maps stay otherwise.
void SurfaceView::setLook(Look l) {
    look_ = l;
    {
        const QSignalBlocker block(look3d_);
        look3d_->setChecked(l == Look::Solid);
    }
    std::optional<QString> why;
    if (l == Look::Solid) {
        why = Surface3D::unavailableReason();
        if (!why && !surface3d_) {
            solidPage_ = new QWidget(mapStack_);
            auto* row = new QHBoxLayout(solidPage_);
            row->setContentsMargins(0, 0, 0, 0);
            surface3d_ = new Surface3D(solidPage_);
            surface3d_->setPalette(palette_);
            row->addWidget(surface3d_, 1);
            mapStack_->addWidget(solidPage_);
        }
    }
    lookNotice_->setText(why.value_or(QString()));
    lookNotice_->setVisible(why.has_value());
    const bool solid = l == Look::Solid && !why;
    mapStack_->setCurrentWidget(solid ? solidPage_ : maps_);
    placeTarget();
    if (solid) {
        surface3d_->setLive(live_);
        send3d(true, true);
    } else {
        replotSoon();
    }
}

// The target's map stands beside whichever picture of the output is on screen (over the 3-D
// surface it is a wire mesh instead when shown as contours).
void SurfaceView::placeTarget() {
    QWidget* page = showing3d() ? solidPage_ : maps_;
    if (target_->parentWidget() != page) {
        static_cast<QBoxLayout*>(page->layout())->addWidget(target_, 1);
        target_->replot(QCustomPlot::rpQueuedReplot);
    }
    target_->setVisible(display_ == TargetDisplay::Beside);
}

bool SurfaceView::showing3d() const {
    return surface3d_ && mapStack_->currentWidget() == solidPage_;
}

// The samples the maps hold, handed to the 3-D view (which draws them at once, or while live at
// its own pace); nothing when it is not on screen (choosing it sends everything).
void SurfaceView::send3d(bool output, bool target) {
    if (!showing3d()) return;
    surface3d_->setDomain(lo_, hi_);
    surface3d_->setValueRange(colourLo_, colourHi_);
    if (target)
        surface3d_->setTarget(
            display_ == TargetDisplay::Contours ? targetValues_ : Eigen::ArrayXd(), kMapSide);
    if (!output) return;
    if (sampler_.valid())
        surface3d_->setOutput(sampler_.output(), kMapSide);
    else
        surface3d_->setOutput(Eigen::ArrayXd(), kMapSide,
                              net_.inputs == 2 ? tr("This network cannot be drawn.")
                                               : tr("The surface needs a network of two inputs."));
}

void SurfaceView::setBrush(Brush b) {
    brush_ = b;
    if (b != Brush::Off && showing3d()) setLook(Look::Map); // painting is done on the maps
    if (QAbstractButton* button = brushGroup_->button(static_cast<int>(b)))
        button->setChecked(true);
    const bool painting = b != Brush::Off;
    radius_->setEnabled(painting);
    strength_->setEnabled(b == Brush::Raise || b == Brush::Lower);
    for (SurfacePlot* p : {output_, target_}) {
        p->setBrush(std::nullopt, 0.0);
        p->replotOverlay();
    }
}

void SurfaceView::setBrushRadius(double r) {
    radius_->setValue(r);
}

std::optional<BrushStroke> SurfaceView::newStroke(PlanePoint p) const {
    if (brush_ == Brush::Off) return std::nullopt;
    BrushStroke s;
    s.points = {p};
    s.radius = brushRadius();
    s.erase = brush_ == Brush::Erase;
    s.strength = brush_ == Brush::Lower ? -brushStrength() : brushStrength();
    return s;
}

double SurfaceView::brushRadius() const {
    return radius_->value();
}

void SurfaceView::setBrushStrength(double s) {
    strength_->setValue(s);
}

double SurfaceView::brushStrength() const {
    return strength_->value();
}

// The stroke's mark m(x) = max_i (1 − |x − p_i|²/r²)₊ (core/scenario/TargetSurface.h) is kept on
// the map's grid and grown point by point; the preview is the target before the stroke with the
// stroke applied: raised or lowered by strength·m, or its painting (target − preset) scaled by
// 1 − m for an erase. The target handed back afterwards is computed afresh by the core.
void SurfaceView::previewStroke(const BrushStroke& stroke) {
    const Eigen::Index n = sampler_.grid().cols();
    if (stroke.points.size() <= 1 || strokeMark_.size() != n) {
        strokeMark_ = Eigen::ArrayXd::Zero(n);
        strokeMarked_ = 0;
        if (surface_ && surface_->preset) {
            TargetSurface presetOnly;
            presetOnly.preset = surface_->preset;
            presetOnly.noiseSeed = surface_->noiseSeed;
            presetValues_ = sampleSurface(presetOnly, sampler_.grid(), lo_, hi_);
        } else {
            presetValues_ = Eigen::ArrayXd::Zero(n);
        }
        if (targetValues_.size() != n) targetValues_ = Eigen::ArrayXd::Zero(n);
    }
    const double r = stroke.radius, r2 = r * r;
    const int side = sampler_.side();
    const double step = (hi_ - lo_) / (side - 1);
    for (; strokeMarked_ < stroke.points.size(); ++strokeMarked_) { // the points not marked yet
        const PlanePoint p = stroke.points[strokeMarked_];
        const int i0 = std::max(0, static_cast<int>(std::floor((p.x1 - r - lo_) / step)));
        const int i1 = std::min(side - 1, static_cast<int>(std::ceil((p.x1 + r - lo_) / step)));
        const int j0 = std::max(0, static_cast<int>(std::floor((p.x2 - r - lo_) / step)));
        const int j1 = std::min(side - 1, static_cast<int>(std::ceil((p.x2 + r - lo_) / step)));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) {
                const Eigen::Index c = static_cast<Eigen::Index>(j) * side + i;
                const double d1 = sampler_.grid()(0, c) - p.x1, d2 = sampler_.grid()(1, c) - p.x2;
                strokeMark_[c] = std::max(strokeMark_[c], 1.0 - (d1 * d1 + d2 * d2) / r2);
            }
    }
    Eigen::ArrayXd shown;
    if (stroke.erase)
        shown = presetValues_ + (targetValues_ - presetValues_) * (1.0 - strokeMark_);
    else
        shown = targetValues_ + stroke.strength * strokeMark_;
    const Eigen::Map<const Eigen::MatrixXd> f(shown.data(), side, side);
    target_->setValues(f, colourLo_, colourHi_);
    target_->replot(QCustomPlot::rpQueuedReplot);
    if (display_ == TargetDisplay::Contours) {
        output_->setDashedContours(f, SurfacePlot::levels(colourLo_, colourHi_));
        output_->replot(QCustomPlot::rpQueuedReplot);
    }
}

void SurfaceView::finishStroke(const BrushStroke& stroke) {
    strokeMark_.resize(0);
    TargetSurface s = surface_.value_or(TargetSurface{});
    long points = static_cast<long>(stroke.points.size());
    for (const BrushStroke& b : s.strokes)
        points += static_cast<long>(b.points.size());
    if (static_cast<int>(s.strokes.size()) >= kMaxBrushStrokes || points > kMaxSurfacePoints) {
        readout_ = tr("The target holds as much painting as a file can: choose a preset to "
                      "start again.");
        readoutLabel_->setText(readout_);
        updateTarget();
        return;
    }
    s.strokes.push_back(stroke);
    const QString what = stroke.erase            ? tr("Erase painting")
                         : stroke.strength > 0.0 ? tr("Raise the target")
                                                 : tr("Lower the target");
    emit surfaceEdited(s, what);
    // Nobody took it (a view on its own): show the target as it was.
    if (!surface_ || surface_->strokes.size() != s.strokes.size()) updateTarget();
}

} // namespace stepwise::ui

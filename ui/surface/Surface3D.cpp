#include "ui/surface/Surface3D.h"

#include "ui/surface/SurfaceColours.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QOpenGLContext>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#ifdef STEPWISE_HAVE_3D
#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DInputHandler>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <QtDataVisualization/QValue3DAxis>
#endif

#include <algorithm>
#include <cmath>
#include <vector>

namespace stepwise::ui {

namespace {

#ifdef STEPWISE_HAVE_3D
// The first camera: from the front (x₁ running left to right, x₂ away from the eye), raised
// enough to see over a tower and turned a little so the depth reads.
constexpr float kCameraTurn = -30.0f, kCameraRise = 28.0f, kCameraZoom = 88.0f;

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// The height axis: [lo, hi] widened to whole steps of 1, 2, 2.5 or 5 × 10ᵏ, about four of them
// (more crowd their labels), so its labels are round numbers.
struct HeightAxis {
    double lo, hi;
    int segments;
};
HeightAxis heightAxis(double lo, double hi) {
    const double raw = (hi - lo) / 4.0;
    const double unit = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10.0 * unit;
    for (double m : {1.0, 2.0, 2.5, 5.0})
        if (m * unit >= raw) {
            step = m * unit;
            break;
        }
    const double a = std::floor(lo / step + 1e-9) * step, b = std::ceil(hi / step - 1e-9) * step;
    return {a, b, std::max(1, static_cast<int>(std::lround((b - a) / step)))};
}

// The map's colours over the height axis (ColorStyleRangeGradient spans the axis): the value v at
// height v gets viridis((v − lo)/(hi − lo)) for the map's colour range [lo, hi], as on the map.
QLinearGradient viridis(const HeightAxis& axis, double lo, double hi) {
    QLinearGradient g(0.0, 0.0, 1.0, 0.0);
    constexpr int kStops = 48;
    for (int k = 0; k <= kStops; ++k) {
        const double t = static_cast<double>(k) / kStops;
        const double v = axis.lo + (axis.hi - axis.lo) * t;
        g.setColorAt(t, QColor::fromRgb(surfaceColour((v - lo) / (hi - lo))));
    }
    return g;
}

// side × side values (x₁ the faster) as rows of constant x₂, positions (x₁, value, x₂). A value
// that is not finite (an output too large to compute) is drawn at the end of the height axis it
// lies beyond (NaN at the bottom): the surface has no holes.
// With every > 1, only every so many grid lines a side (and always the last): a wire mesh of all
// the points would be a dark felt.
QSurfaceDataArray* surfaceArray(const Eigen::ArrayXd& v, int side, double lo, double hi, double yLo,
                                double yHi, int every = 1) {
    auto* rows = new QSurfaceDataArray;
    if (side < 2 || v.size() != static_cast<Eigen::Index>(side) * side) return rows;
    std::vector<int> at;
    for (int k = 0; k < side; k += every)
        at.push_back(k);
    if (at.back() != side - 1) at.push_back(side - 1);
    const int n = static_cast<int>(at.size());
    rows->reserve(n);
    for (int j : at) {
        auto* row = new QSurfaceDataRow(n);
        const double x2 = lo + (hi - lo) * j / (side - 1);
        for (int c = 0; c < n; ++c) {
            const int i = at[c];
            const double x1 = lo + (hi - lo) * i / (side - 1);
            double y = v[static_cast<Eigen::Index>(j) * side + i];
            if (!std::isfinite(y)) y = y > 0.0 ? yHi : yLo;
            (*row)[c].setPosition(
                QVector3D(static_cast<float>(x1), static_cast<float>(y), static_cast<float>(x2)));
        }
        rows->append(row);
    }
    return rows;
}

QValue3DAxis* axis(const QString& title, const QString& format) {
    auto* a = new QValue3DAxis;
    a->setTitle(title);
    a->setTitleVisible(true);
    a->setLabelFormat(format);
    a->setAutoAdjustRange(false);
    a->setLabelAutoRotation(30.0f);
    a->setTitleFixed(false); // facing the eye, never mirrored
    return a;
}
#endif

} // namespace

std::optional<QString> Surface3D::unavailableReason() {
#ifndef STEPWISE_HAVE_3D
    return tr("This copy of Stepwise was built without the 3-D view: the map is shown instead.");
#else
    // The offscreen and minimal platforms put nothing on a screen (and under the offscreen one an
    // OpenGL context may seem to work through a display it does not draw on).
    static const bool ok = [] {
        const QString platform = QGuiApplication::platformName();
        if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal"))
            return false;
        QOpenGLContext probe;
        return probe.create() && probe.isValid();
    }();
    if (ok) return std::nullopt;
    return tr("The 3-D view needs OpenGL, which is not available on this display: the map is "
              "shown instead.");
#endif
}

Surface3D::Surface3D(QWidget* parent) : QWidget(parent) {
    setObjectName("surface3d");
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &Surface3D::flush);

    message_ = new QLabel(this);
    message_->setObjectName("surface3dMessage");
    auto* reset = new QPushButton(tr("Reset view"), this);
    reset->setObjectName("surface3dReset");
    reset->setFocusPolicy(Qt::TabFocus);
    reset->setToolTip(tr("Turn and zoom the surface back to the first view"));
    connect(reset, &QPushButton::clicked, this, &Surface3D::resetView);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(message_, 1);
    top->addWidget(reset);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);

#ifdef STEPWISE_HAVE_3D
    if (!unavailableReason()) {
        graph_ = new Q3DSurface;
        graph_->setActiveTheme(
            new Q3DTheme(Q3DTheme::ThemeQt)); // before the series: it resets them
        applyTheme();
        graph_->setShadowQuality(QAbstract3DGraph::ShadowQualityNone);
        graph_->setSelectionMode(QAbstract3DGraph::SelectionItem);
        graph_->setAxisX(axis(QStringLiteral("x₁"), QStringLiteral("%.3g")));
        graph_->setAxisZ(axis(QStringLiteral("x₂"), QStringLiteral("%.3g")));
        graph_->setAxisY(axis(tr("output"), QStringLiteral("%.3g")));
        graph_->setHorizontalAspectRatio(1.0);
        graph_->setAspectRatio(1.6);

        outputSeries_ = new QSurface3DSeries;
        outputSeries_->setName(tr("Output"));
        outputSeries_->setDrawMode(QSurface3DSeries::DrawSurface);
        outputSeries_->setFlatShadingEnabled(false);
        outputSeries_->setItemLabelFormat(tr("x₁ = @xLabel, x₂ = @zLabel: output @yLabel"));
        targetSeries_ = new QSurface3DSeries;
        targetSeries_->setName(tr("Target"));
        targetSeries_->setFlatShadingEnabled(false);
        targetSeries_->setItemLabelFormat(tr("x₁ = @xLabel, x₂ = @zLabel: target @yLabel"));
        targetSeries_->setVisible(false);
        graph_->addSeries(outputSeries_);
        graph_->addSeries(targetSeries_);

        QWidget* container = QWidget::createWindowContainer(graph_, this);
        container->setObjectName("surface3dWindow");
        container->setMinimumSize(200, 160);
        container->setFocusPolicy(Qt::StrongFocus);
        container->setAccessibleName(tr("The network's output over the plane, in 3-D"));
        container->setAccessibleDescription(
            tr("The output as a surface whose height is the value at (x₁, x₂), in the map's "
               "colours, the target (when shown) as a wire mesh over it; drag to turn it, scroll "
               "to zoom"));
        layout->addWidget(container, 1);
        applyTargetStyle();
        resetView();
        graph_->axisX()->setRange(static_cast<float>(lo_), static_cast<float>(hi_));
        graph_->axisZ()->setRange(static_cast<float>(lo_), static_cast<float>(hi_));
        applyHeights();
    }
#endif
    message_->setText(graph_ ? hint() : unavailableReason().value_or(QString()));
    if (!graph_) layout->addStretch(1);
}

Surface3D::~Surface3D() = default;

QString Surface3D::hint() {
    return tr("Drag to turn the surface, scroll to zoom; click it to read a value.");
}

QString Surface3D::message() const {
    return message_->text();
}

void Surface3D::setDomain(double lo, double hi) {
    if (!(hi > lo) || (lo == lo_ && hi == hi_)) return;
    lo_ = lo;
    hi_ = hi;
#ifdef STEPWISE_HAVE_3D
    if (graph_) {
        graph_->axisX()->setRange(static_cast<float>(lo), static_cast<float>(hi));
        graph_->axisZ()->setRange(static_cast<float>(lo), static_cast<float>(hi));
    }
#endif
    outputDirty_ = targetDirty_ = true;
    schedule();
}

void Surface3D::setOutput(const Eigen::ArrayXd& values, int side, const QString& whyNot) {
    output_ = values;
    outputSide_ = values.size() > 0 ? side : 0;
    outputDirty_ = true;
    message_->setText(outputSide_ > 0 ? hint() : whyNot);
    schedule();
}

void Surface3D::setTarget(const Eigen::ArrayXd& values, int side) {
    target_ = values;
    targetSide_ = values.size() > 0 ? side : 0;
    targetDirty_ = true;
    schedule();
}

void Surface3D::setValueRange(double lo, double hi) {
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return;
    if (lo == valueLo_ && hi == valueHi_) return;
    valueLo_ = lo;
    valueHi_ = hi;
    applyHeights();
}

void Surface3D::applyHeights() {
#ifdef STEPWISE_HAVE_3D
    if (!graph_) return;
    const HeightAxis a = heightAxis(valueLo_, valueHi_);
    graph_->axisY()->setRange(static_cast<float>(a.lo), static_cast<float>(a.hi));
    graph_->axisY()->setSegmentCount(a.segments);
    outputSeries_->setBaseGradient(viridis(a, valueLo_, valueHi_));
#endif
}

void Surface3D::setLive(bool on) {
    live_ = on;
    if (!live_ && pending()) flush();
}

// At once, unless live and drawn less than kLiveInterval ago: then when that time is up.
void Surface3D::schedule() {
    if (!live_ || !sinceDrawn_.isValid() || sinceDrawn_.elapsed() >= kLiveInterval) {
        flush();
        return;
    }
    if (!timer_->isActive())
        timer_->start(static_cast<int>(std::max<qint64>(1, kLiveInterval - sinceDrawn_.elapsed())));
}

void Surface3D::flush() {
    timer_->stop();
#ifdef STEPWISE_HAVE_3D
    if (graph_) {
        if (outputDirty_) {
            outputSeries_->dataProxy()->resetArray(
                surfaceArray(output_, outputSide_, lo_, hi_, valueLo_, valueHi_));
            outputSeries_->setVisible(outputSide_ > 0);
        }
        if (targetDirty_) {
            targetSeries_->dataProxy()->resetArray(
                surfaceArray(target_, targetSide_, lo_, hi_, valueLo_, valueHi_,
                             std::max(1, targetSide_ / kWireLines)));
            targetSeries_->setVisible(targetSide_ > 0);
        }
    }
#endif
    outputDirty_ = targetDirty_ = false;
    sinceDrawn_.start();
}

void Surface3D::resetView() {
#ifdef STEPWISE_HAVE_3D
    if (!graph_) return;
    Q3DCamera* camera = graph_->scene()->activeCamera();
    camera->setCameraPosition(kCameraTurn, kCameraRise, kCameraZoom);
    camera->setTarget(QVector3D(0.0f, 0.0f, 0.0f));
    graph_->clearSelection();
#endif
}

void Surface3D::setPalette(const Palette& p) {
    palette_ = p;
    applyTheme();
    applyTargetStyle();
}

// The window and the walls in the palette's background (the walls a shade towards the text), the
// grid in its grid colour, the labels in its text colour, their type grown with the plots'.
void Surface3D::applyTheme() {
#ifdef STEPWISE_HAVE_3D
    if (!graph_) return;
    Q3DTheme* t = graph_->activeTheme();
    t->setWindowColor(palette_.background);
    t->setBackgroundColor(mix(palette_.background, palette_.foreground, 0.05));
    t->setBackgroundEnabled(true);
    t->setGridEnabled(true);
    t->setGridLineColor(palette_.grid);
    t->setLabelTextColor(palette_.foreground);
    t->setLabelBackgroundColor(palette_.background);
    t->setLabelBackgroundEnabled(true);
    t->setLabelBorderEnabled(false);
    t->setSingleHighlightColor(palette_.negative);
    t->setLightStrength(3.0f);
    t->setAmbientLightStrength(0.45f);
    QFont f = font();
    f.setPointSizeF(56.0 * palette_.fontScale);
    t->setFont(f);
#endif
}

// The target over the output as a wire mesh in the text colour, the output seen through it. (The
// theme's changes reset the series' colours: this comes after them.)
void Surface3D::applyTargetStyle() {
#ifdef STEPWISE_HAVE_3D
    if (!targetSeries_) return;
    outputSeries_->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    applyHeights();
    outputSeries_->setWireframeColor(palette_.grid);
    targetSeries_->setDrawMode(QSurface3DSeries::DrawWireframe);
    targetSeries_->setColorStyle(Q3DTheme::ColorStyleUniform);
    targetSeries_->setBaseColor(palette_.foreground);
    targetSeries_->setWireframeColor(palette_.foreground);
#endif
}

} // namespace stepwise::ui

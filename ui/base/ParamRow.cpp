#include "ui/base/ParamRow.h"

#include "ui/base/FineSlider.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace stepwise::ui {

namespace {
constexpr int kSliderSteps = 2000;

// The exact number box: a value that rounds to zero at the shown decimals reads 0.000, not
// -0.000 (as ui/base/Format.h's formatFixed has it everywhere else).
class ValueBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double v) const override {
        if (std::abs(v) * std::pow(10.0, decimals()) < 0.5) v = 0.0;
        return QDoubleSpinBox::textFromValue(v);
    }
};
} // namespace

GradientArrow::GradientArrow(QWidget* parent) : QWidget(parent) {
    setMinimumWidth(40);
    // It paints its own background, so a changed arrow does not repaint the group behind it.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Gradient arrow"));
}

double GradientArrow::lengthFraction(double push) {
    const double a = std::abs(push);
    if (!std::isfinite(a) || a <= kSmallest) return 0.0;
    return std::min(1.0, std::log10(a / kSmallest) / std::log10(kLargest / kSmallest));
}

void GradientArrow::setPush(double push, bool borrowed) {
    if (!std::isfinite(push)) push = 0.0;
    if (push == push_ && borrowed == borrowed_) return; // nothing to repaint
    push_ = push;
    borrowed_ = borrowed;
    const QString way = push > 0 ? tr("up") : tr("down");
    if (borrowed)
        setToolTip(push == 0.0
                       ? tr("Borrowed slope: 0 here. (The step's true slope is 0 everywhere, so "
                            "the true gradient for this weight is 0.)")
                       : tr("Borrowed direction: training moves this weight %1 (%2), computed "
                            "with a sigmoid's slope in place of the step's. The step's true "
                            "slope is 0, so the true gradient ∂L/∂θ for this weight is 0.")
                             .arg(way)
                             .arg(push, 0, 'g', 3));
    else
        setToolTip(push == 0.0 ? tr("The loss does not pull this parameter either way here "
                                    "(∂L/∂θ = 0).")
                               : tr("Downhill is %1: −∂L/∂θ = %2. (The gradient ∂L/∂θ points "
                                    "uphill; training steps against it.)")
                                     .arg(way)
                                     .arg(push, 0, 'g', 3));
    setAccessibleDescription(toolTip());
    update();
}

void GradientArrow::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    p.setRenderHint(QPainter::Antialiasing);
    const double cx = width() / 2.0, cy = height() / 2.0;
    const double frac = lengthFraction(push_);
    if (frac == 0.0) { // about 0: a dot, no direction
        const QColor grey = palette().color(QPalette::WindowText);
        p.setPen(Qt::NoPen);
        p.setBrush(grey);
        p.drawEllipse(QPointF(cx, cy), 1.5, 1.5);
        return;
    }
    const double half = (width() - 4) / 2.0 - 4.0;
    const double len = 3.0 + frac * (half - 3.0);
    const double dir = push_ > 0 ? 1.0 : -1.0;
    const QColor c = push_ > 0 ? QColor(0x00, 0x9E, 0x73) : QColor(0xD5, 0x5E, 0x00);
    p.setPen(QPen(c, 2.5, borrowed_ ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
    const QPointF tip(cx + dir * len, cy);
    p.drawLine(QPointF(cx, cy), tip);
    p.setBrush(c);
    QPolygonF head;
    head << tip + QPointF(dir * 4, 0) << tip + QPointF(-dir * 3, -5) << tip + QPointF(-dir * 3, 5);
    p.drawPolygon(head);
}

ParamRow::ParamRow(const QString& name, double lo, double hi, QWidget* parent)
    : QWidget(parent), lo_(lo), hi_(hi) {
    label_ = new QLabel(name, this);
    label_->setMinimumWidth(38);
    slider_ = new FineSlider(Qt::Horizontal, this); // Shift while dragging: ten times finer
    slider_->setRange(0, kSliderSteps);
    slider_->setSingleStep(kSliderSteps / 200); // 0.5 % of the range per arrow key
    slider_->setPageStep(kSliderSteps / 20);    // 5 % per Page Up/Down
    slider_->setMinimumWidth(90);
    spin_ = new ValueBox(this);
    spin_->setRange(-1e6, 1e6);
    spin_->setDecimals(3);
    spin_->setSingleStep(0.05);
    spin_->setKeyboardTracking(false);
    spin_->setAccelerated(true);
    spin_->setMinimumWidth(84);
    arrow_ = new GradientArrow(this);
    // Its room is kept while it is hidden: drawing a target (the arrows appear) must not widen
    // the rows, which would shift every slider and push the panel into scrolling sideways.
    QSizePolicy keep = arrow_->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    arrow_->setSizePolicy(keep);
    arrow_->setVisible(false);
    label_->setBuddy(slider_);
    setName(name);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(label_);
    row->addWidget(slider_, 1);
    row->addWidget(spin_);
    row->addWidget(arrow_);

    connect(slider_, &QSlider::valueChanged, this, [this](int s) {
        const double v = fromSlider(s);
        {
            const QSignalBlocker block(spin_);
            spin_->setValue(v);
        }
        emit edited(v);
    });
    connect(slider_, &QSlider::sliderPressed, this, &ParamRow::grabbed);
    connect(slider_, &QSlider::sliderReleased, this, &ParamRow::released);
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        {
            const QSignalBlocker block(slider_);
            slider_->setValue(toSlider(v));
        }
        emit edited(v);
    });
}

void ParamRow::setName(const QString& name) {
    label_->setText(name);
    slider_->setAccessibleName(tr("%1 slider").arg(name));
    slider_->setAccessibleDescription(
        tr("Drag or use the arrow keys to change %1; hold Shift while dragging for ten times "
           "finer steps")
            .arg(name));
    spin_->setAccessibleName(tr("%1 value").arg(name));
    spin_->setAccessibleDescription(tr("Type an exact value for %1").arg(name));
    setObjectName("row_" + name);
    slider_->setObjectName("slider_" + name);
    spin_->setObjectName("spin_" + name);
}

void ParamRow::setRange(double lo, double hi) {
    if (!(lo < hi)) return;
    const double v = value();
    lo_ = lo;
    hi_ = hi;
    setValue(v);
}

int ParamRow::toSlider(double v) const {
    const double f = (v - lo_) / (hi_ - lo_);
    return static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * kSliderSteps));
}

double ParamRow::fromSlider(int s) const {
    const double v = lo_ + (hi_ - lo_) * s / static_cast<double>(kSliderSteps);
    return std::abs(v) < 1e-12 ? 0.0 : v;
}

void ParamRow::setValue(double v) {
    const QSignalBlocker b1(slider_), b2(spin_);
    if (!slider_->isSliderDown()) slider_->setValue(toSlider(v));
    // The box shows 3 decimals: leave it alone (no repaint) unless the shown number changes.
    if (std::abs(spin_->value() - v) >= 0.5 * std::pow(10.0, -spin_->decimals()))
        spin_->setValue(v);
}

double ParamRow::value() const {
    return spin_->value();
}

void ParamRow::setGradient(double push, bool borrowed, bool visible) {
    arrow_->setVisible(visible);
    if (visible) arrow_->setPush(push, borrowed);
}

void ParamRow::setFormula(const QString& tooltip) {
    slider_->setToolTip(tooltip + "\n" +
                        tr("Hold Shift while dragging for ten times finer steps."));
    spin_->setToolTip(tooltip);
    label_->setToolTip(tooltip);
}

void ParamRow::setHighlighted(bool on) {
    QFont f = label_->font();
    f.setBold(on);
    label_->setFont(f);
}

} // namespace stepwise::ui

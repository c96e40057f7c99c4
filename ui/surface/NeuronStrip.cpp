#include "ui/surface/NeuronStrip.h"

#include "ui/base/Format.h"
#include "ui/surface/SurfaceColours.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace stepwise::ui {

namespace {
constexpr int kGap = 10, kMargin = 6;

std::pair<double, double> naturalRange(ActivationKind kind, const Eigen::ArrayXd& row) {
    switch (kind) {
    case ActivationKind::Step:
    case ActivationKind::Sigmoid:
        return {0.0, 1.0};
    case ActivationKind::Tanh:
        return {-1.0, 1.0};
    case ActivationKind::ReLU: {
        const double hi = row.size() > 0 ? row.maxCoeff() : 0.0;
        return {0.0, hi > 0.0 && std::isfinite(hi) ? hi : 1.0};
    }
    case ActivationKind::Identity:
        break;
    }
    double lo = row.size() > 0 ? row.minCoeff() : 0.0, hi = row.size() > 0 ? row.maxCoeff() : 1.0;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0.0;
        hi = 1.0;
    }
    return {lo, hi};
}
} // namespace

NeuronStrip::NeuronStrip(QWidget* parent) : QWidget(parent) {
    setObjectName("surfaceNeurons");
    setAccessibleName(tr("First-layer neurons"));
    setAccessibleDescription(tr("Each neuron of the first hidden layer as a small map of its "
                                "activation over the plane; click one to pick it"));
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
}

void NeuronStrip::setNeurons(const Eigen::ArrayXXd& a, int side, const Activation& g,
                             const std::vector<char>* changed) {
    const int n = static_cast<int>(a.rows());
    if (side < 2 || a.cols() != static_cast<Eigen::Index>(side) * side) return clear();
    const bool grew = n != count();
    const bool all = grew || g.kind != kind_ || !changed ||
                     static_cast<int>(changed->size()) != n || side != side_;
    kind_ = g.kind;
    side_ = side;
    images_.resize(n);
    ranges_.resize(n);
    const int step = std::max(1, (side + kMaxSamples - 1) / kMaxSamples);
    const int t = (side + step - 1) / step;
    for (int j = 0; j < n; ++j) {
        if (!all && !(*changed)[j]) continue;
        QImage& img = images_[j];
        if (img.width() != t) img = QImage(t, t, QImage::Format_RGB32);
        const Eigen::ArrayXd row = a.row(j).transpose();
        const auto [lo, hi] = naturalRange(kind_, row);
        ranges_[j] = {lo, hi};
        const double scale = 1.0 / (hi - lo);
        for (int y = 0; y < t; ++y) {
            // Image rows run down, x₂ runs up.
            auto* line = reinterpret_cast<QRgb*>(img.scanLine(t - 1 - y));
            const Eigen::Index base =
                static_cast<Eigen::Index>(std::min(y * step, side - 1)) * side;
            for (int x = 0; x < t; ++x)
                line[x] = surfaceColour((row[base + std::min(x * step, side - 1)] - lo) * scale);
        }
    }
    if (selected_ >= n) selected_ = -1;
    if (grew) updateGeometry();
    if (all) {
        update();
        return;
    }
    for (int j = 0; j < n; ++j) // only the pictures drawn again
        if ((*changed)[j]) update(thumbnailRect(j).adjusted(-3, -3, 3, 3));
}

void NeuronStrip::clear() {
    images_.clear();
    ranges_.clear();
    selected_ = -1;
    updateGeometry();
    update();
}

void NeuronStrip::setSelected(int neuron) {
    selected_ = neuron >= 0 && neuron < count() ? neuron : -1;
    update();
}

QFont NeuronStrip::captionFont() const {
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * palette_.fontScale);
    return f;
}

int NeuronStrip::captionHeight() const {
    return QFontMetrics(captionFont()).height() + 2;
}

QRect NeuronStrip::thumbnailRect(int j) const {
    return {kMargin + j * (kThumb + kGap), kMargin + captionHeight(), kThumb, kThumb};
}

QSize NeuronStrip::sizeHint() const {
    const int n = std::max(1, count());
    return {2 * kMargin + n * kThumb + (n - 1) * kGap, 2 * kMargin + captionHeight() + kThumb};
}

QSize NeuronStrip::minimumSizeHint() const {
    return sizeHint();
}

void NeuronStrip::setPalette(const Palette& p) {
    palette_ = p;
    updateGeometry();
    adjustSize();
    update();
}

int NeuronStrip::neuronAt(QPoint p) const {
    for (int j = 0; j < count(); ++j)
        if (thumbnailRect(j).adjusted(-2, -captionHeight(), 2, 2).contains(p)) return j;
    return -1;
}

void NeuronStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette_.background);
    const QFont f = captionFont();
    painter.setFont(f);
    if (images_.empty()) {
        painter.setPen(palette_.foreground);
        painter.drawText(rect().adjusted(kMargin, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                         tr("No first-layer neurons to show."));
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    for (int j = 0; j < count(); ++j) {
        const QRect r = thumbnailRect(j);
        painter.drawImage(r, images_[j]);
        const bool on = j == selected_;
        painter.setPen(QPen(on ? palette_.foreground : palette_.grid, on ? 3 : 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(r.adjusted(-1, -1, 0, 0));
        painter.setPen(palette_.neuron(j));
        QFont caption = f;
        caption.setBold(on);
        painter.setFont(caption);
        painter.drawText(QRect(r.left(), kMargin, r.width(), captionHeight()), Qt::AlignCenter,
                         QStringLiteral("n%1").arg(j + 1));
    }
}

void NeuronStrip::mousePressEvent(QMouseEvent* e) {
    const int j = neuronAt(e->position().toPoint());
    if (j < 0) return;
    setSelected(j == selected_ ? -1 : j);
    emit neuronClicked(selected_);
}

bool NeuronStrip::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int j = neuronAt(help->pos());
        if (j < 0) {
            QToolTip::hideText();
            return true;
        }
        const auto [lo, hi] = ranges_[j];
        QToolTip::showText(help->globalPos(),
                           tr("n%1 over the plane: dark is %2, yellow is %3")
                               .arg(j + 1)
                               .arg(formatFixed(lo, 2), formatFixed(hi, 2)),
                           this);
        return true;
    }
    return QWidget::event(e);
}

} // namespace stepwise::ui

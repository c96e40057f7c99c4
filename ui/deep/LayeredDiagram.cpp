#include "ui/deep/LayeredDiagram.h"

#include "core/deep/LayeredNames.h"
#include "ui/base/ActivationLabel.h"
#include "ui/base/Format.h"
#include "ui/deep/LayeredText.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <map>

namespace stepwise::ui {

namespace {

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * d - p;
    return std::sqrt(QPointF::dotProduct(q, q));
}

// The neuron colours a layer's nodes take: green, pink, olive (not the edges' blue or orange).
constexpr int kLayerColour[3] = {2, 3, 6};

QString number(double v) {
    return formatFixed(v, std::abs(v) >= 100 ? 0 : 2);
}

} // namespace

LayeredDiagram::LayeredDiagram(QWidget* parent) : QWidget(parent) {
    setObjectName("layeredDiagram");
    setAccessibleName(tr("Layered network diagram"));
    setAccessibleDescription(tr("The inputs, every hidden layer and the output neuron, with an "
                                "edge for every weight. Click a neuron or an edge to select it; "
                                "drag it up or down to change it."));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setProperty("stepwiseArrowKeys", true); // the arrows walk the selection (the lesson yields)
}

void LayeredDiagram::setNetwork(const LayeredNetwork& net) {
    const bool reshaped = net.shape() != net_.shape() || net.inputs != net_.inputs;
    net_ = net;
    if (reshaped) {
        const long n = paramCount(net_);
        if (selection_ && *selection_ >= n) selection_.reset();
        if (hovered_ && *hovered_ >= n) hovered_.reset();
        if (drag_) drag_.reset(); // the shape changed under the drag: it ends here
    }
    update();
}

void LayeredDiagram::setPalette(const Palette& p) {
    palette_ = p;
    update();
}

void LayeredDiagram::setSelection(std::optional<long> flatIndex) {
    if (flatIndex == selection_) return;
    selection_ = flatIndex;
    update();
}

void LayeredDiagram::setLive(bool on) {
    if (live_ == on) return;
    live_ = on;
    update();
}

void LayeredDiagram::setHovered(std::optional<long> flatIndex) {
    if (flatIndex == hovered_) return;
    hovered_ = flatIndex;
    update();
}

int LayeredDiagram::nodesIn(int column) const {
    if (column <= 0) return net_.inputs;
    if (column > net_.depth()) return 1;
    return net_.layers[static_cast<std::size_t>(column - 1)].width();
}

double LayeredDiagram::titleHeight() const {
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * palette_.fontScale);
    return QFontMetricsF(f).height() + 6.0;
}

double LayeredDiagram::nodeRadius() const {
    int most = 1;
    for (int c = 0; c < columns(); ++c)
        most = std::max(most, nodesIn(c));
    const double space = (height() - titleHeight() - 8.0) / most;
    return std::clamp(space * 0.36, 2.5, 13.0 * palette_.fontScale);
}

QPointF LayeredDiagram::nodeCenter(int column, int k) const {
    const double left = 28.0 * palette_.fontScale, right = 28.0 * palette_.fontScale;
    const double x = left + (width() - left - right) * column / std::max(1, columns() - 1);
    const int n = nodesIn(column);
    const double top = titleHeight() + 4.0, bottom = height() - 4.0;
    const double y = top + (bottom - top) * (k + 0.5) / n;
    return {x, y};
}

std::optional<long> LayeredDiagram::hitTest(const QPointF& p) const {
    if (net_.depth() == 0) return std::nullopt;
    const double r = nodeRadius();
    for (int l = 0; l < net_.depth(); ++l)
        for (int j = 0; j < nodesIn(l + 1); ++j)
            if (QLineF(nodeCenter(l + 1, j), p).length() <= r + 2)
                return layeredFlatIndex(net_, {LayeredParam::Kind::Bias, l, 0, j});
    const QPointF out = nodeCenter(columns() - 1, 0);
    if (QLineF(out, p).length() <= std::max(r, 9.0) + 2)
        return layeredFlatIndex(net_, {LayeredParam::Kind::OutputBias, net_.depth(), 0, 0});
    for (int i = 0; i < net_.inputs; ++i)
        if (QLineF(nodeCenter(0, i), p).length() <= std::max(r, 9.0) + 2) return std::nullopt;
    // The nearest edge within a few pixels: only the columns p lies between can hold it.
    const double tol = std::max(3.0, 4.0 * palette_.lineScale);
    double best = tol;
    std::optional<long> hit;
    for (int c = 0; c + 1 < columns(); ++c) {
        const double x0 = nodeCenter(c, 0).x(), x1 = nodeCenter(c + 1, 0).x();
        if (p.x() < x0 - tol || p.x() > x1 + tol) continue;
        for (int j = 0; j < nodesIn(c + 1); ++j)
            for (int i = 0; i < nodesIn(c); ++i) {
                const double d = segmentDistance(p, nodeCenter(c, i), nodeCenter(c + 1, j));
                if (d >= best) continue;
                best = d;
                hit = c + 1 <= net_.depth()
                          ? layeredFlatIndex(net_, {LayeredParam::Kind::Weight, c, i, j})
                          : layeredFlatIndex(
                                net_, {LayeredParam::Kind::OutputWeight, net_.depth(), i, 0});
            }
    }
    return hit;
}

std::optional<QPointF> LayeredDiagram::edgeMiddle(long flatIndex) const {
    const auto p = layeredParamAt(net_, flatIndex);
    if (!p) return std::nullopt;
    if (p->kind == LayeredParam::Kind::Weight)
        return (nodeCenter(p->layer, p->from) + nodeCenter(p->layer + 1, p->to)) / 2.0;
    if (p->kind == LayeredParam::Kind::OutputWeight)
        return (nodeCenter(columns() - 2, p->from) + nodeCenter(columns() - 1, 0)) / 2.0;
    return std::nullopt;
}

QString LayeredDiagram::columnTitle(int column, int brevity) const {
    if (column == 0)
        return brevity >= 2 ? QStringLiteral("x") : net_.inputs == 1 ? tr("Input") : tr("Inputs");
    if (column == columns() - 1) return brevity >= 2 ? QStringLiteral("y") : tr("Output");
    const Layer& l = net_.layers[static_cast<std::size_t>(column - 1)];
    if (brevity >= 2) return QString::number(column);
    if (brevity == 1) return tr("Layer %1").arg(column);
    return tr("Layer %1 · %2").arg(column).arg(activationLabel(l.activation.kind));
}

QString LayeredDiagram::describe(long flatIndex) const {
    return describeParam(net_, flatIndex);
}

QFont LayeredDiagram::labelFont() const {
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * palette_.fontScale);
    return f;
}

QString LayeredDiagram::labelText(long flatIndex) const {
    return QStringLiteral("%1 = %2").arg(QString::fromStdString(layeredParamName(net_, flatIndex)),
                                         number(layeredParamValue(net_, flatIndex)));
}

QRectF LayeredDiagram::labelBox(long flatIndex, double along) const {
    const auto at = layeredParamAt(net_, flatIndex);
    if (!at) return {};
    QPointF anchor;
    if (at->kind == LayeredParam::Kind::Weight || at->kind == LayeredParam::Kind::OutputWeight) {
        const bool output = at->kind == LayeredParam::Kind::OutputWeight;
        const QPointF a = nodeCenter(output ? columns() - 2 : at->layer, at->from);
        const QPointF b = output ? nodeCenter(columns() - 1, 0) : nodeCenter(at->layer + 1, at->to);
        anchor = a + along * (b - a);
    } else {
        const bool output = at->kind == LayeredParam::Kind::OutputBias;
        const QPointF c = output ? nodeCenter(columns() - 1, 0) : nodeCenter(at->layer + 1, at->to);
        anchor = c + QPointF(0, std::max(nodeRadius(), output ? 9.0 : 0.0) + 10.0);
    }
    const QFontMetricsF fm(labelFont());
    QRectF box(0, 0, fm.horizontalAdvance(labelText(flatIndex)) + 8, fm.height() + 2);
    box.moveCenter(anchor);
    // Kept inside the widget.
    box.moveLeft(std::clamp(box.left(), 1.0, std::max(1.0, width() - box.width() - 1)));
    box.moveTop(
        std::clamp(box.top(), titleHeight(), std::max(titleHeight(), height() - box.height() - 1)));
    return box;
}

std::vector<LayeredDiagram::Label> LayeredDiagram::labels() const {
    std::vector<Label> out;
    if (selection_ && layeredParamAt(net_, *selection_))
        out.push_back({*selection_, labelBox(*selection_)});
    if (hovered_ && hovered_ != selection_ && layeredParamAt(net_, *hovered_))
        out.push_back({*hovered_, labelBox(*hovered_)});
    long weights = net_.v.size();
    for (const Layer& l : net_.layers)
        weights += l.w.size();
    if (weights > kAllLabels) return out;
    // Few weights: each labelled on its edge — in the middle, else a little to either side —
    // where the label covers neither a label placed before it nor a neuron.
    std::vector<QRectF> taken;
    for (const Label& l : out)
        taken.push_back(l.box);
    const double r = std::max(nodeRadius(), 9.0);
    for (int c = 0; c < columns(); ++c)
        for (int k = 0; k < nodesIn(c); ++k)
            taken.emplace_back(nodeCenter(c, k) - QPointF(r, r), QSizeF(2 * r, 2 * r));
    // The larger weights first: where two labels would meet (crossing edges share a middle),
    // the one that matters more is shown.
    std::vector<long> order;
    for (long k = 0; k < paramCount(net_); ++k) {
        const bool shown =
            std::any_of(out.begin(), out.end(), [k](const Label& l) { return l.index == k; });
        if (edgeMiddle(k) && !shown) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(), [this](long a, long b) {
        return std::abs(layeredParamValue(net_, a)) > std::abs(layeredParamValue(net_, b));
    });
    for (long k : order)
        for (double along : {0.5, 0.3, 0.7}) {
            const QRectF box = labelBox(k, along);
            if (std::any_of(taken.begin(), taken.end(),
                            [&](const QRectF& t) { return t.intersects(box); }))
                continue;
            out.push_back({k, box});
            taken.push_back(box);
            break;
        }
    return out;
}

void LayeredDiagram::paintLabel(QPainter& p, const Label& label, bool strong) const {
    QColor fill = palette_.background;
    fill.setAlpha(235);
    p.setPen(QPen(strong ? palette_.foreground : palette_.grid, 1.0));
    p.setBrush(fill);
    p.drawRoundedRect(label.box, 3, 3);
    p.setPen(palette_.foreground);
    p.drawText(label.box, Qt::AlignCenter, labelText(label.index));
}

void LayeredDiagram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette_.background);
    if (net_.depth() == 0) return;
    p.setRenderHint(QPainter::Antialiasing, !live_);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * palette_.fontScale);
    p.setFont(f);
    const double r = nodeRadius();

    // Edges, column pair by column pair, each scaled by its own layer's largest weight.
    for (int c = 0; c + 1 < columns(); ++c) {
        const bool output = c + 1 == columns() - 1;
        const int from = nodesIn(c), to = nodesIn(c + 1);
        const long edges = static_cast<long>(from) * to;
        auto weight = [&](int i, int j) {
            return output ? net_.v[i] : net_.layers[static_cast<std::size_t>(c)].w(j, i);
        };
        double largest = 1e-12;
        for (int j = 0; j < to; ++j)
            for (int i = 0; i < from; ++i)
                largest = std::max(largest, std::abs(weight(i, j)));
        std::vector<QPointF> left(static_cast<std::size_t>(from)),
            right(static_cast<std::size_t>(to));
        for (int i = 0; i < from; ++i)
            left[static_cast<std::size_t>(i)] = nodeCenter(c, i);
        for (int j = 0; j < to; ++j)
            right[static_cast<std::size_t>(j)] = nodeCenter(c + 1, j);
        // Few edges: thickness from the magnitude. Many (past 256, up to 64×64): hairlines whose
        // opacity grows with the magnitude, so the picture stays a picture and draws fast.
        const bool many = edges > 256;
        const double thickest = std::clamp(6.0 / std::sqrt(edges / 8.0), 1.2, 6.0);
        const int alpha = edges > 64 ? 170 : 255;
        // Edges of one sign and (nearly) one look are drawn in one call: the diagram redraws
        // every training frame.
        // (look, sign) → lines: drawn weakest first, so a strong edge is never hidden by a weak
        // one.
        std::map<std::pair<int, int>, QVector<QLineF>> buckets;
        for (int j = 0; j < to; ++j)
            for (int i = 0; i < from; ++i) {
                const double w = weight(i, j);
                const int sign = w > 0 ? 1 : w < 0 ? -1 : 0;
                const double f = std::sqrt(std::abs(w) / largest);
                // many: opacity in 16 levels; else the width in quarter pixels.
                const int look = many ? static_cast<int>(std::lround(f * 15.0))
                                      : static_cast<int>(std::lround((0.4 + thickest * f) *
                                                                     palette_.lineScale * 4.0));
                buckets[{look, sign}].append(
                    QLineF(left[static_cast<std::size_t>(i)], right[static_cast<std::size_t>(j)]));
            }
        // Opaque colours, mixed with the background beforehand: the raster engine fills an
        // opaque span at once, while a translucent one goes through its thread pool a line at a
        // time (64×64 translucent lines took a third of a second to draw).
        auto mixed = [&](const QColor& c, double opacity) {
            const QColor& bg = palette_.background;
            auto mix = [opacity](int a, int b) {
                return static_cast<int>(std::lround(b + (a - b) * opacity));
            };
            return QColor(mix(c.red(), bg.red()), mix(c.green(), bg.green()),
                          mix(c.blue(), bg.blue()));
        };
        for (const auto& [key, lines] : buckets) {
            const QColor& colour = key.second > 0   ? palette_.positive
                                   : key.second < 0 ? palette_.negative
                                                    : palette_.grid;
            if (many)
                p.setPen(QPen(mixed(colour, (25 + key.first * 14) / 255.0), // 25 … 235
                              palette_.lineScale > 1.0 ? 1.5 : 0.0));       // 0: a hairline
            else
                p.setPen(QPen(mixed(colour, alpha / 255.0), key.first / 4.0, Qt::SolidLine,
                              Qt::FlatCap));
            p.drawLines(lines);
        }
    }
    // The selected and the hovered edge, drawn again on top in full colour and thicker.
    for (const auto& index : {hovered_, selection_}) {
        if (!index) continue;
        const auto at = layeredParamAt(net_, *index);
        if (!at || at->kind == LayeredParam::Kind::Bias ||
            at->kind == LayeredParam::Kind::OutputBias)
            continue;
        const double w = layeredParamValue(net_, *index);
        const QPointF a = at->kind == LayeredParam::Kind::Weight
                              ? nodeCenter(at->layer, at->from)
                              : nodeCenter(columns() - 2, at->from);
        const QPointF b = at->kind == LayeredParam::Kind::Weight ? nodeCenter(at->layer + 1, at->to)
                                                                 : nodeCenter(columns() - 1, 0);
        p.setPen(QPen(palette_.foreground, 5.0 * palette_.lineScale, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(a, b);
        p.setPen(QPen(w >= 0 ? palette_.positive : palette_.negative, 3.0 * palette_.lineScale,
                      Qt::SolidLine, Qt::RoundCap));
        p.drawLine(a, b);
    }

    // Nodes: inputs as open circles, hidden neurons filled in their layer's colour, the output
    // in the output's colour; a selected neuron (its bias) outlined.
    LayeredParam selected{};
    bool anySelected = false;
    if (selection_)
        if (const auto at = layeredParamAt(net_, *selection_)) selected = *at, anySelected = true;
    for (int c = 0; c < columns(); ++c) {
        const bool input = c == 0, output = c == columns() - 1;
        const double radius = input || output ? std::max(r, 9.0) : r;
        for (int k = 0; k < nodesIn(c); ++k) {
            const QPointF centre = nodeCenter(c, k);
            const bool isSelected =
                anySelected && ((output && selected.kind == LayeredParam::Kind::OutputBias) ||
                                (!input && !output && selected.kind == LayeredParam::Kind::Bias &&
                                 selected.layer == c - 1 && selected.to == k));
            QColor fill = input    ? palette_.background
                          : output ? palette_.output
                                   : palette_.neuron(kLayerColour[(c - 1) % 3]);
            p.setBrush(fill);
            p.setPen(QPen(isSelected ? palette_.foreground : palette_.background.darker(160),
                          (isSelected ? 3.0 : 1.0) * palette_.lineScale));
            p.drawEllipse(centre, radius, radius);
            if (input && radius >= 8.0) {
                p.setPen(palette_.foreground);
                const QString name =
                    net_.inputs == 1
                        ? QStringLiteral("x")
                        : QStringLiteral("x") + QString::fromStdString(subscript(k + 1));
                p.drawText(QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)),
                           Qt::AlignCenter, name);
            }
        }
    }
    // Column titles.
    p.setPen(palette_.foreground);
    // Each title in the room between its column and the next, shortened until it fits ("Layer 2
    // · ReLU", "Layer 2", "2"; the tooltips and the tree say the rest).
    const double room = nodeCenter(1, 0).x() - nodeCenter(0, 0).x() - 6.0;
    const QFontMetricsF fm(p.font());
    for (int c = 0; c < columns(); ++c) {
        QRectF box(nodeCenter(c, 0).x() - room / 2, 2, room, titleHeight() - 4);
        if (box.left() < 0) box.moveLeft(0);
        if (box.right() > width()) box.moveRight(width());
        QString title = columnTitle(c, 0);
        for (int brevity = 1; brevity <= 2 && fm.horizontalAdvance(title) > room; ++brevity)
            title = columnTitle(c, brevity);
        p.drawText(box, Qt::AlignHCenter | Qt::AlignTop,
                   fm.elidedText(title, Qt::ElideRight, room));
    }
    // Labels: the selected parameter's and the hovered one's (every value is in the tooltip).
    // The selected parameter's and the hovered one's, and with few weights every weight's that
    // finds room (every value is in the tooltip).
    p.setFont(labelFont());
    if (!notes_.empty() || noteHighlight_) {
        paintNotes(p);
        return;
    }
    for (const Label& l : labels())
        paintLabel(p, l, selection_ == l.index);
}

bool LayeredDiagram::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        if (const auto hit = hitTest(help->pos()))
            QToolTip::showText(help->globalPos(),
                               describe(*hit) +
                                   (editable_ ? "\n" + tr("Drag up or down to change it (Shift: "
                                                          "finer).")
                                              : QString()),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

double LayeredDiagram::dragValue(double startValue, double pixelsUp, bool fine, bool output) {
    const double span = output ? 6.0 : 20.0;
    return toHundredths(startValue + pixelsUp * span / 300.0 * (fine ? 0.1 : 1.0));
}

void LayeredDiagram::mousePressEvent(QMouseEvent* e) {
    endDrag();
    const auto hit = hitTest(e->position());
    selection_ = hit;
    update();
    emit selected(hit);
    if (e->button() != Qt::LeftButton || !hit || !editable_) return;
    const auto at = layeredParamAt(net_, *hit);
    const bool output = at && (at->kind == LayeredParam::Kind::OutputWeight ||
                               at->kind == LayeredParam::Kind::OutputBias);
    drag_ = Drag{*hit, e->position().y(), layeredParamValue(net_, *hit), output};
    emit dragStarted();
}

void LayeredDiagram::mouseMoveEvent(QMouseEvent* e) {
    if (drag_) {
        const double up = drag_->startY - e->position().y();
        emit paramDragged(
            drag_->index,
            dragValue(drag_->startValue, up, e->modifiers() & Qt::ShiftModifier, drag_->output));
        return;
    }
    const auto hit = hitTest(e->position());
    setCursor(hit && editable_ ? Qt::SizeVerCursor : Qt::ArrowCursor);
    setHovered(hit);
}

void LayeredDiagram::keyPressEvent(QKeyEvent* e) {
    const long n = paramCount(net_);
    if (net_.depth() == 0 || n == 0) return QWidget::keyPressEvent(e);
    auto select = [this](std::optional<long> k) {
        setSelection(k);
        emit selected(k);
    };
    switch (e->key()) {
    case Qt::Key_Down:
    case Qt::Key_Right:
        select(selection_ ? std::min(*selection_ + 1, n - 1) : 0);
        return;
    case Qt::Key_Up:
    case Qt::Key_Left:
        select(selection_ ? std::max(*selection_ - 1, 0L) : n - 1);
        return;
    case Qt::Key_Escape:
        select(std::nullopt);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus: {
        if (!selection_ || !editable_) return;
        const auto at = layeredParamAt(net_, *selection_);
        const bool output = at && (at->kind == LayeredParam::Kind::OutputWeight ||
                                   at->kind == LayeredParam::Kind::OutputBias);
        const double step = (output ? 0.05 : 0.1) * (e->key() == Qt::Key_Minus ? -1.0 : 1.0);
        emit dragStarted();
        emit paramDragged(*selection_, toHundredths(layeredParamValue(net_, *selection_) + step));
        emit dragFinished();
        return;
    }
    default:
        QWidget::keyPressEvent(e);
    }
}

void LayeredDiagram::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) endDrag();
}

void LayeredDiagram::leaveEvent(QEvent* e) {
    setHovered(std::nullopt);
    QWidget::leaveEvent(e);
}

void LayeredDiagram::endDrag() {
    if (!drag_) return;
    drag_.reset();
    emit dragFinished();
}

} // namespace stepwise::ui

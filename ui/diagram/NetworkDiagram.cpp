#include "ui/diagram/NetworkDiagram.h"

#include "core/lesson/Lesson.h"

#include "ui/base/Format.h"
#include "ui/document/Document.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {
// A steeper sigmoid would look like the step in a glyph a few pixels wide.
constexpr double kGlyphMaxSteepness = 3.0;

double segmentDistance(QPointF p, QPointF a, QPointF b) {
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * d - p;
    return std::sqrt(QPointF::dotProduct(q, q));
}

} // namespace

NetworkDiagram::NetworkDiagram(Document* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName("networkDiagram");
    setAccessibleName(tr("Network diagram"));
    setAccessibleDescription(tr("Input, hidden neurons and output neuron with their weights. "
                                "Click a neuron or an edge to select it."));
    setFocusPolicy(Qt::StrongFocus);
    setProperty("stepwiseArrowKeys", true); // the arrows walk the selection (the lesson yields)
    setMouseTracking(true);                 // the cursor shows what can be dragged
    setAttribute(Qt::WA_OpaquePaintEvent);  // paintEvent fills the whole widget
    connect(doc_, &Document::refreshed, this, qOverload<>(&QWidget::update));
    connect(doc_, &Document::selectionChanged, this, qOverload<>(&QWidget::update));
}

void NetworkDiagram::setPalette(const Palette& p) {
    palette_ = p;
    update();
}

void NetworkDiagram::setAnnotations(std::vector<Annotation> a, std::optional<Spot> highlight) {
    annotations_ = std::move(a);
    highlight_ = highlight;
    update();
}

void NetworkDiagram::setBreakdown(std::optional<SampleBreakdown> b) {
    breakdown_ = std::move(b);
    update();
}

QFont NetworkDiagram::labelFont() const {
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * palette_.fontScale *
                    (doc_->network().hidden() > 8 ? 0.85 : 1.0));
    return f;
}

NetworkDiagram::Layout NetworkDiagram::layOut() const {
    // Room per hidden neuron: its circle and, below it, its bias label must fit before the next
    // one; the edge labels, fanning out from the input and into the output, need a line each.
    // What does not fit is left out (the tooltips still tell every value).
    const int h = doc_->network().hidden();
    const double space = h > 1 ? (height() - 28.0) / h : height() - 28.0;
    const double line = QFontMetricsF(labelFont()).height();
    const double largest = 22.0 * palette_.fontScale;
    Layout l;
    // At least 3 px, so a neuron stays a dot one can click, unless 64 of them share little room.
    l.radius = std::min(std::max(space * 0.36, std::min(3.0, space * 0.45)), largest);
    // The bias label goes under the neuron's outline (thick on a projector), not over it.
    const double outline = kOutline * palette_.lineScale + 1.0;
    const double withLabel =
        std::min({space * 0.36, (space - 1.3 * line - 2 * outline - 2) / 2, largest});
    // A neuron no smaller than half a line of text, or its glyph does not read.
    if (withLabel >= std::max(9.0, 0.5 * line)) {
        l.radius = withLabel;
        l.neuronLabels = true;
    }
    return l;
}

double NetworkDiagram::radius() const {
    return layOut().radius;
}

QPointF NetworkDiagram::inputCenter() const {
    return {width() * 0.12, height() * 0.5};
}
QPointF NetworkDiagram::constantInputCenter() const {
    const double ro = 20.0 * palette_.fontScale;
    return inputCenter() + QPointF(0, std::max(3.2 * ro, height() * 0.3));
}

QPointF NetworkDiagram::outputCenter() const {
    return {width() * 0.86, height() * 0.5};
}

QPointF NetworkDiagram::hiddenCenter(int j) const {
    const int h = doc_->network().hidden();
    const double top = 14.0, bottom = height() - 14.0;
    const double y = h == 1 ? height() * 0.5 : top + (bottom - top) * (j + 0.5) / h;
    return {width() * 0.5, y};
}

std::optional<ParamId> NetworkDiagram::hitTest(const QPointF& p) const {
    const int h = doc_->network().hidden();
    const double r = radius();
    for (int j = 0; j < h; ++j) {
        const QPointF c = hiddenCenter(j);
        if (QLineF(c, p).length() <= r + 2) return ParamId{ParamKind::HiddenBias, j};
    }
    if (QLineF(outputCenter(), p).length() <= 22 * palette_.fontScale)
        return ParamId{ParamKind::OutputBias, 0};
    const double tol = std::max(4.0, 6.0 * palette_.lineScale);
    double best = tol;
    std::optional<ParamId> hit;
    for (int j = 0; j < h; ++j) {
        const double di = segmentDistance(p, inputCenter(), hiddenCenter(j));
        if (di < best) best = di, hit = ParamId{ParamKind::HiddenWeight, j};
        const double dout = segmentDistance(p, hiddenCenter(j), outputCenter());
        if (dout < best) best = dout, hit = ParamId{ParamKind::OutputWeight, j};
    }
    return hit;
}

void NetworkDiagram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, !doc_->live());
    p.fillRect(rect(), palette_.background);
    const Network& net = doc_->network();
    const int h = net.hidden();
    const Layout layout = layOut();
    const double r = layout.radius;
    const auto sel = doc_->selection();
    p.setFont(labelFont());

    // Scale edge widths by the largest magnitude shown, so the picture reads at any scale.
    double maxMag = 1e-12;
    for (int j = 0; j < h; ++j)
        maxMag = std::max({maxMag, std::abs(shownValue({ParamKind::HiddenWeight, j})),
                           std::abs(shownValue({ParamKind::OutputWeight, j}))});
    auto edgePen = [&](ParamId id) {
        const double v = shownValue(id);
        const double width = 0.8 + 6.0 * std::sqrt(std::abs(v) / maxMag);
        QColor c = v >= 0 ? palette_.positive : palette_.negative;
        if (v == 0.0) c = palette_.grid;
        const bool selected = sel && *sel == id;
        return QPen(c, (selected ? width + 3 : width) * palette_.lineScale, Qt::SolidLine,
                    Qt::RoundCap);
    };
    // An edge is a filled quadrilateral rather than a wide stroked line: filling is several
    // times cheaper than stroking, which keeps the diagram live while weights are dragged.
    auto drawEdge = [&](QPointF a, QPointF b, const QPen& pen) {
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len <= 0) return;
        const QPointF n(-d.y() / len * pen.widthF() / 2, d.x() / len * pen.widthF() / 2);
        const QPointF quad[4] = {a + n, b + n, b - n, a - n};
        p.setPen(Qt::NoPen);
        p.setBrush(pen.color());
        p.drawConvexPolygon(quad, 4);
    };
    const QPointF in = inputCenter(), out = outputCenter();
    for (int j = 0; j < h; ++j) {
        const QPointF c = hiddenCenter(j);
        drawEdge(in, c, edgePen({ParamKind::HiddenWeight, j}));
        drawEdge(c, out, edgePen({ParamKind::OutputWeight, j}));
    }
    if (constantInput_) { // thin dashed edges: the bias b_j is the weight on this input
        p.setPen(QPen(palette_.foreground, 1.2 * palette_.lineScale, Qt::DashLine));
        for (int j = 0; j < h; ++j)
            p.drawLine(constantInputCenter(), hiddenCenter(j));
    }
    paintHighlight(p, r);
    // Hidden neurons: a circle in the neuron's colour with a glyph of the activation, drawn once
    // into a picture and then reused while only the numbers change.
    for (int j = 0; j < h; ++j) {
        const QPointF c = hiddenCenter(j);
        const bool selected = sel && sel->kind != ParamKind::OutputBias && sel->neuron == j;
        p.drawPixmap(c - QPointF(r + kNeuronMargin, r + kNeuronMargin),
                     neuronPicture(j, r, selected));
    }

    // Input and output nodes.
    const double ro = 20.0 * palette_.fontScale;
    p.setPen(QPen(palette_.foreground, 1.5 * palette_.lineScale));
    p.setBrush(palette_.background);
    p.drawEllipse(in, ro, ro);
    const bool outSelected = sel && sel->kind == ParamKind::OutputBias;
    p.setPen(QPen(palette_.foreground, (outSelected ? 3.5 : 1.5) * palette_.lineScale));
    p.drawEllipse(out, ro, ro);
    p.setPen(palette_.foreground);
    p.drawText(QRectF(in.x() - ro, in.y() - ro, 2 * ro, 2 * ro), Qt::AlignCenter, "x");
    p.drawText(QRectF(out.x() - ro, out.y() - ro, 2 * ro, 2 * ro), Qt::AlignCenter, "Σ");
    if (constantInput_) {
        const QPointF one = constantInputCenter();
        const double r1 = 0.7 * ro;
        p.setPen(QPen(palette_.foreground, 1.5 * palette_.lineScale, Qt::DashLine));
        p.setBrush(palette_.background);
        p.drawEllipse(one, r1, r1);
        p.setPen(palette_.foreground);
        p.drawText(QRectF(one.x() - r1, one.y() - r1, 2 * r1, 2 * r1), Qt::AlignCenter, "1");
    }

    // The labels last, on top: each placed only where it covers no other label and no node.
    QColor labelBack = palette_.background;
    labelBack.setAlpha(215);
    p.setPen(palette_.foreground);
    QColor noteBack = palette_.background;
    noteBack.setAlpha(240);
    for (const Label& l : placeLabels(layout)) {
        if (l.annotation >= 0) {
            const Annotation& a = annotations_[static_cast<std::size_t>(l.annotation)];
            p.setBrush(noteBack);
            p.setPen(a.current   ? QPen(palette_.positive, 2.5 * palette_.lineScale)
                     : a.stopped ? QPen(palette_.negative, 1.5 * palette_.lineScale, Qt::DashLine)
                                 : QPen(palette_.grid, 1.0));
            p.drawRoundedRect(l.box, 3, 3);
            p.setPen(palette_.foreground);
        } else {
            p.fillRect(l.box, labelBack);
        }
        p.drawStaticText(l.box.topLeft() + QPointF(3, 1), staticText(l.text, p.font()));
    }
    if (breakdown_) {
        const SampleBreakdown& s = *breakdown_;
        QString info = tr("sample x = %1   y = %2   target = %3   error = %4")
                           .arg(formatWeight(s.x), formatWeight(s.output), formatWeight(s.target),
                                formatWeight(s.error));
        if (net.activation.kind == ActivationKind::Step)
            info += tr("   (a step's slope is 0: no error flows back to w and b)");
        p.setPen(palette_.foreground);
        p.drawText(QRectF(4, height() - p.fontMetrics().height() - 4, width() - 8,
                          p.fontMetrics().height() + 2),
                   Qt::AlignLeft | Qt::AlignVCenter, info);
    }
    if (hasFocus()) {
        p.setPen(QPen(palette_.positive, 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void NetworkDiagram::paintHighlight(QPainter& p, double r) const {
    if (!highlight_) return;
    const int h = doc_->network().hidden();
    const Spot& at = *highlight_;
    const bool neuronOk = at.neuron >= 0 && at.neuron < h;
    QColor glow = palette_.positive;
    glow.setAlpha(110);
    const double ro = 20.0 * palette_.fontScale;
    p.save();
    p.setBrush(Qt::NoBrush);
    switch (at.place) {
    case Place::Input:
    case Place::Output:
        p.setPen(QPen(glow, 7.0 * palette_.lineScale));
        p.drawEllipse(at.place == Place::Input ? inputCenter() : outputCenter(), ro + 5, ro + 5);
        break;
    case Place::Neuron:
        if (!neuronOk) break;
        p.setPen(QPen(glow, 7.0 * palette_.lineScale));
        p.drawEllipse(hiddenCenter(at.neuron), r + 6, r + 6);
        break;
    case Place::InEdge:
    case Place::OutEdge:
        if (!neuronOk) break;
        p.setPen(QPen(glow, 14.0 * palette_.lineScale, Qt::SolidLine, Qt::RoundCap));
        if (at.place == Place::InEdge)
            p.drawLine(inputCenter(), hiddenCenter(at.neuron));
        else
            p.drawLine(hiddenCenter(at.neuron), outputCenter());
        break;
    }
    p.restore();
}

QPixmap NetworkDiagram::neuronPicture(int j, double r, bool selected) const {
    const Network& net = doc_->network();
    const Activation& act = net.activation;
    const double sign = net.w[j] >= 0 ? 1.0 : -1.0;
    const double dpr = devicePixelRatioF();
    const QColor colour = palette_.neuron(j);
    NeuronLook key;
    key.colour = colour.rgba();
    key.foreground = palette_.foreground.rgba();
    key.radius = r;
    key.sign = sign;
    key.steepness = std::min(act.steepness, kGlyphMaxSteepness);
    key.lineScale = palette_.lineScale;
    key.pixelRatio = dpr;
    key.selected = selected;
    key.activation = static_cast<int>(act.kind);
    if (auto it = neurons_.constFind(key); it != neurons_.constEnd()) return *it;
    if (neurons_.size() > 512) neurons_.clear();

    const double side = 2 * (r + kNeuronMargin);
    QPixmap pic(
        QSize(static_cast<int>(std::ceil(side * dpr)), static_cast<int>(std::ceil(side * dpr))));
    pic.setDevicePixelRatio(dpr);
    pic.fill(Qt::transparent);
    QPainter p(&pic);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(r + kNeuronMargin, r + kNeuronMargin);
    QColor fill = colour;
    fill.setAlpha(selected ? 255 : 200);
    p.setPen(QPen(selected ? palette_.foreground : fill.darker(140),
                  (selected ? 3.0 : 1.2) * palette_.lineScale));
    p.setBrush(fill);
    p.drawEllipse(c, r, r);
    if (r >= 8) {
        QPainterPath glyph;
        const double g = r * 0.55;
        const double k = std::min(act.steepness, kGlyphMaxSteepness);
        for (int i = 0; i <= 24; ++i) {
            const double u = -1.0 + 2.0 * i / 24.0; // glyph x in [−1, 1]
            // g(zScale·u) (mirrored for a negative weight), from 0 at the glyph's low to 1 at
            // its high (core/network/ActivationTable.h).
            const double val = withActivation(act.kind, [&](auto e) {
                return (e.f(e.glyph.zScale * (sign * u), k) - e.glyph.low) /
                       (e.glyph.high - e.glyph.low);
            });
            const QPointF pt(c.x() + u * g, c.y() + g * 0.8 - val * g * 1.6);
            if (i == 0)
                glyph.moveTo(pt);
            else
                glyph.lineTo(pt);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(Qt::white, 2.0 * palette_.lineScale));
        p.drawPath(glyph);
    }
    p.end();
    neurons_.insert(key, pic);
    return pic;
}

QString NetworkDiagram::describe(ParamId id) const {
    const Network& net = doc_->network();
    const int j = id.neuron;
    auto named = [&](ParamId p) {
        return QString("%1 = %2").arg(QString::fromStdString(paramName(p, net.hidden())),
                                      formatWeight(param(net, p)));
    };
    switch (id.kind) {
    case ParamKind::HiddenBias:
    case ParamKind::HiddenWeight: {
        QString text =
            tr("Neuron %1: %2, %3")
                .arg(j + 1)
                .arg(named({ParamKind::HiddenWeight, j}), named({ParamKind::HiddenBias, j}));
        if (net.w[j] != 0.0)
            text += tr("; it switches at x = −b/w = %1").arg(formatWeight(-net.b[j] / net.w[j]));
        if (id.kind == ParamKind::HiddenWeight)
            text = tr("%1: the weight from the input x into neuron %2").arg(named(id)).arg(j + 1) +
                   "\n" + text;
        return text;
    }
    case ParamKind::OutputWeight:
        return tr("%1: how much of neuron %2 goes into the output y").arg(named(id)).arg(j + 1);
    case ParamKind::OutputBias:
        return tr("%1: the output's bias, added to the sum").arg(named(id));
    }
    return {};
}

bool NetworkDiagram::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        if (const auto hit = hitTest(help->pos()))
            QToolTip::showText(help->globalPos(),
                               describe(*hit) +
                                   (editable(hit->kind)
                                        ? "\n" + tr("Drag up or down to change it (Shift: finer).")
                                        : QString()),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void NetworkDiagram::applyLessonControls(unsigned c, bool locked) {
    unsigned kinds = 0;
    if (c & kLessonHiddenWeights) kinds |= kindBit(ParamKind::HiddenWeight);
    if (c & kLessonHiddenBiases) kinds |= kindBit(ParamKind::HiddenBias);
    if (c & kLessonOutputWeights) kinds |= kindBit(ParamKind::OutputWeight);
    if (c & kLessonOutputBias) kinds |= kindBit(ParamKind::OutputBias);
    setEditableKinds(locked ? 0u : kinds);
    if (constantInput_ != ((c & kLessonBiasInput) != 0)) {
        constantInput_ = (c & kLessonBiasInput) != 0;
        update();
    }
}

void NetworkDiagram::setEditableKinds(unsigned kinds) {
    editable_ = kinds;
    if (drag_ && !editable(drag_->param.kind)) endDrag();
}

bool NetworkDiagram::editable(ParamKind kind) const {
    return (editable_ & kindBit(kind)) != 0 && !breakdown_;
}

double NetworkDiagram::dragValue(double startValue, double pixelsUp, bool fine, ParamKind kind) {
    // A weight of the hidden layer spans about 20 over 300 pixels, one of the output 6: the
    // same ranges as the sliders. Shift drags ten times finer. Values land on 0.01.
    const double span =
        kind == ParamKind::HiddenWeight || kind == ParamKind::HiddenBias ? 20.0 : 6.0;
    const double v = startValue + pixelsUp * span / 300.0 * (fine ? 0.1 : 1.0);
    return toHundredths(v);
}

void NetworkDiagram::mousePressEvent(QMouseEvent* e) {
    endDrag(); // a press without the release of the last one (another button, a lost grab)
    setFocus(Qt::MouseFocusReason);
    const auto hit = hitTest(e->position());
    doc_->select(hit);
    if (e->button() != Qt::LeftButton || !hit || !editable(hit->kind)) return;
    // A neuron is dragged by its bias, an edge by its weight.
    drag_ = Drag{*hit, e->position().y(), param(doc_->network(), *hit)};
    doc_->beginDrag();
}

void NetworkDiagram::mouseMoveEvent(QMouseEvent* e) {
    if (drag_) {
        const double up = drag_->startY - e->position().y();
        doc_->setParam(drag_->param,
                       dragValue(drag_->startValue, up, e->modifiers() & Qt::ShiftModifier,
                                 drag_->param.kind));
        return;
    }
    const auto hit = hitTest(e->position());
    setCursor(hit && editable(hit->kind) ? Qt::SizeVerCursor : Qt::ArrowCursor);
    // Hovering over a neuron or one of its edges shows its labels when there are too many
    // neurons for all of them.
    std::optional<int> hovered;
    if (hit && hit->kind != ParamKind::OutputBias) hovered = hit->neuron;
    if (hovered != hovered_) {
        hovered_ = hovered;
        update();
    }
}

void NetworkDiagram::leaveEvent(QEvent* e) {
    if (hovered_) {
        hovered_.reset();
        update();
    }
    QWidget::leaveEvent(e);
}

void NetworkDiagram::setHoveredNeuron(std::optional<int> j) {
    hovered_ = j;
    update();
}

void NetworkDiagram::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) endDrag();
}

void NetworkDiagram::endDrag() {
    if (!drag_) return;
    drag_.reset();
    doc_->endDrag();
}

void NetworkDiagram::keyPressEvent(QKeyEvent* e) {
    // Up/Down walk the selection through the hidden neurons (keeping what of the neuron is
    // selected), Left/Right along a neuron's path: w into it, its bias, w out of it, then c.
    // + and − change the selected value, one undo step a key (Ctrl with them adds and removes
    // neurons, in the Network menu).
    const int h = doc_->network().hidden();
    const auto sel = doc_->selection();
    const int j = sel && sel->kind != ParamKind::OutputBias ? sel->neuron : -1;
    const ParamKind kind =
        sel && sel->kind != ParamKind::OutputBias ? sel->kind : ParamKind::HiddenBias;
    static constexpr ParamKind path[] = {ParamKind::HiddenWeight, ParamKind::HiddenBias,
                                         ParamKind::OutputWeight, ParamKind::OutputBias};
    const int at = sel ? static_cast<int>(std::find(std::begin(path), std::end(path), sel->kind) -
                                          std::begin(path))
                       : -1;
    switch (e->key()) {
    case Qt::Key_Down:
        doc_->select(ParamId{kind, std::min(j + 1, h - 1)});
        break;
    case Qt::Key_Up:
        doc_->select(ParamId{kind, std::max(j - 1, 0)});
        break;
    case Qt::Key_Right:
    case Qt::Key_Left: {
        const int next = std::clamp(at + (e->key() == Qt::Key_Right ? 1 : -1), 0, 3);
        if (at < 0) {
            doc_->select(ParamId{ParamKind::HiddenBias, 0});
        } else if (path[next] == ParamKind::OutputBias) {
            doc_->select(ParamId{ParamKind::OutputBias, 0});
        } else {
            doc_->select(ParamId{path[next], std::clamp(sel->neuron, 0, h - 1)});
        }
        break;
    }
    case Qt::Key_Plus:
    case Qt::Key_Equal: // + without Shift on most keyboards
    case Qt::Key_Minus: {
        if (!sel || !editable(sel->kind)) break;
        const bool hiddenLayer =
            sel->kind == ParamKind::HiddenWeight || sel->kind == ParamKind::HiddenBias;
        const double step = (hiddenLayer ? 0.1 : 0.05) * (e->key() == Qt::Key_Minus ? -1.0 : 1.0);
        const double v = param(doc_->network(), *sel) + step;
        doc_->setParam(*sel, std::round(v * 1000.0) / 1000.0);
        break;
    }
    case Qt::Key_Escape:
        doc_->select(std::nullopt);
        break;
    default:
        QWidget::keyPressEvent(e);
        return;
    }
    // A selection hands the keyboard to its slider (what a click on the diagram should do);
    // walking the diagram with keys keeps it here.
    setFocus(Qt::OtherFocusReason);
}

} // namespace stepwise::ui

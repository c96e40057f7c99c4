// NetworkDiagram: the labels on the edges and under the neurons, placed so that none overlaps
// another or a neuron (placeLabels), and the text they are drawn with.
#include "core/lesson/Lesson.h"
#include "ui/base/Format.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/document/Document.h"

#include <QPainter>
#include <QStaticText>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

double NetworkDiagram::shownValue(ParamId id) const {
    const int h = doc_->network().hidden();
    if (breakdown_ && breakdown_->gradient.size() == paramCount(h))
        return -breakdown_->gradient[flatIndex(id, h)]; // the way this sample pushes it
    return param(doc_->network(), id);
}

std::vector<NetworkDiagram::Label> NetworkDiagram::labels() const {
    return placeLabels(layOut());
}

std::vector<NetworkDiagram::Label> NetworkDiagram::placeLabels(const Layout& layout) const {
    const Network& net = doc_->network();
    const int h = net.hidden();
    const double r = layout.radius;
    const QFont font = labelFont();
    const double line = QFontMetricsF(font).height();
    const bool gradients = breakdown_ && breakdown_->gradient.size() == paramCount(h);
    auto text = [&](ParamId id) {
        return QString("%1%2 = %3")
            .arg(gradients ? QStringLiteral("−∂L/∂") : QString(),
                 QString::fromStdString(paramName(id, h)),
                 gradients ? formatSmall(shownValue(id)) : formatWeight(shownValue(id)));
    };

    // Nodes are obstacles: no label may cover one, nor its outline (a selected neuron's is
    // the thickest).
    const double outline = kOutline * palette_.lineScale + 1.0;
    std::vector<QRectF> taken;
    const double ro = 20.0 * palette_.fontScale;
    const QPointF in = inputCenter(), out = outputCenter();
    taken.emplace_back(in - QPointF(ro, ro), QSizeF(2 * ro, 2 * ro));
    taken.emplace_back(out - QPointF(ro, ro), QSizeF(2 * ro, 2 * ro));
    if (constantInput_)
        taken.emplace_back(constantInputCenter() - QPointF(0.7 * ro, 0.7 * ro),
                           QSizeF(1.4 * ro, 1.4 * ro));
    for (int j = 0; j < h; ++j)
        taken.emplace_back(hiddenCenter(j) - QPointF(r + outline, r + outline),
                           QSizeF(2 * (r + outline), 2 * (r + outline)));
    if (breakdown_) // the line about the sample along the bottom
        taken.emplace_back(0, height() - line - 6, width(), line + 6);

    std::vector<Label> placed;
    const QRectF inside = QRectF(rect()).adjusted(1, 1, -1, -1);
    auto boxFor = [&](QPointF at, const QString& t) {
        const QSizeF size = staticText(t, font).size();
        return QRectF(at.x() - size.width() / 2 - 3, at.y() - size.height() / 2 - 1,
                      size.width() + 6, size.height() + 2);
    };
    auto free = [&](const QRectF& box) {
        if (!inside.contains(box)) return false;
        for (const QRectF& o : taken)
            if (o.intersects(box)) return false;
        return true;
    };
    auto tryPlace = [&](QPointF at, const QString& t, int annotation = -1) {
        QRectF box = boxFor(at, t);
        if (annotation >= 0) { // slid sideways into the picture rather than left out
            if (box.right() > inside.right()) box.moveRight(inside.right());
            if (box.left() < inside.left()) box.moveLeft(inside.left());
        }
        if (!free(box)) return false;
        taken.push_back(box);
        placed.push_back({box, t, annotation});
        return true;
    };
    // The annotations first (the current one before the others, the newest next): each at the
    // first free place around its node or along its edge.
    const auto placeAnnotation = [&](int i) {
        const Annotation& a = annotations_[static_cast<std::size_t>(i)];
        const double w = staticText(a.text, font).size().width() + 6;
        const bool neuronOk = a.spot.neuron >= 0 && a.spot.neuron < h;
        std::vector<QPointF> at;
        switch (a.spot.place) {
        case Place::Input:
            for (int k = 0; k < 4; ++k) {
                at.push_back(in + QPointF(0, ro + line * (0.8 + 1.15 * k)));
                at.push_back(in - QPointF(0, ro + line * (0.8 + 1.15 * k)));
            }
            break;
        case Place::Output:
            for (int k = 0; k < 5; ++k) {
                at.push_back(out + QPointF(0, ro + line * (1.9 + 1.15 * k)));
                at.push_back(out - QPointF(0, ro + line * (1.9 + 1.15 * k)));
            }
            break;
        case Place::Neuron: {
            if (!neuronOk) break;
            // Beside the neuron; above or below it only where that is not beside the next one.
            const double gap = h > 1 ? hiddenCenter(1).y() - hiddenCenter(0).y() : height();
            for (const double k : {0.0, -1.0, 1.0, -2.0, 2.0}) {
                if (k != 0.0 && std::abs(k) * line * 1.1 + line > gap / 2) break;
                for (const double side : {1.0, -1.0})
                    at.push_back(hiddenCenter(a.spot.neuron) +
                                 QPointF(side * (r + 8 + w / 2), k * line * 1.1));
            }
            break;
        }
        case Place::InEdge:
            if (!neuronOk) break;
            for (const double f : {0.3, 0.75, 0.45, 0.62, 0.2})
                at.push_back(in + (hiddenCenter(a.spot.neuron) - in) * f);
            break;
        case Place::OutEdge:
            if (!neuronOk) break;
            for (const double f : {0.7, 0.3, 0.55, 0.82, 0.2})
                at.push_back(hiddenCenter(a.spot.neuron) + (out - hiddenCenter(a.spot.neuron)) * f);
            break;
        }
        for (const QPointF& p : at)
            if (tryPlace(p, a.text, i)) return;
    };
    const int notes = static_cast<int>(annotations_.size());
    for (int i = 0; i < notes; ++i)
        if (annotations_[static_cast<std::size_t>(i)].current) placeAnnotation(i);
    for (int i = notes - 1; i >= 0; --i)
        if (!annotations_[static_cast<std::size_t>(i)].current) placeAnnotation(i);
    auto biasAt = [&](int j) { return hiddenCenter(j) + QPointF(0, r + outline + line * 0.6 + 2); };
    auto inEdgeAt = [&](int j) { return in + (hiddenCenter(j) - in) * 0.55; };
    auto outEdgeAt = [&](int j) { return hiddenCenter(j) + (out - hiddenCenter(j)) * 0.45; };

    // Whether the straight edge a–b passes through a box.
    auto crosses = [](const QRectF& box, QPointF a, QPointF b) {
        const double x0 = std::max(box.left(), std::min(a.x(), b.x()));
        const double x1 = std::min(box.right(), std::max(a.x(), b.x()));
        if (x0 > x1 || a.x() == b.x()) return false;
        auto yAt = [&](double x) {
            return a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x());
        };
        const double y0 = yAt(x0), y1 = yAt(x1);
        return std::max(y0, y1) >= box.top() && std::min(y0, y1) <= box.bottom();
    };
    auto inEdge = [&](int j) { return std::pair{in, hiddenCenter(j)}; };
    auto outEdge = [&](int j) { return std::pair{hiddenCenter(j), out}; };
    // The neurons whose labels are wanted whatever the room: the selected and the hovered one.
    std::vector<int> wanted;
    const auto sel = doc_->selection();
    if (sel && sel->kind != ParamKind::OutputBias && sel->neuron < h) wanted.push_back(sel->neuron);
    if (hovered_ && *hovered_ < h) wanted.push_back(*hovered_);
    // A family of weight labels (into the hidden layer, or out of it), each on its own edge:
    // all of them when every one fits with no other edge through it, or else none but the
    // wanted neurons' (with many neurons the edges lie closer than a line of text: hover over
    // a neuron or select it to read its weights, or read them in the parameter panel).
    auto family = [&](ParamKind kind, auto at, auto edge) {
        std::vector<Label> all;
        bool fits = true;
        for (int j = 0; j < h && fits; ++j) {
            const Label l{boxFor(at(j), text({kind, j})), text({kind, j})};
            fits = free(l.box);
            for (const Label& o : all)
                fits = fits && !o.box.intersects(l.box);
            for (int k : {j - 1, j + 1})
                if (k >= 0 && k < h) {
                    const auto [a, b] = edge(k);
                    fits = fits && !crosses(l.box, a, b);
                }
            all.push_back(l);
        }
        if (fits) {
            for (const Label& l : all) {
                taken.push_back(l.box);
                placed.push_back(l);
            }
            return;
        }
        // A few neurons (the lesson's two, in large type on a projector): each label slides
        // along its own edge to a free place clear of the other edges, rather than all going.
        if (h <= 4) {
            for (int j = 0; j < h; ++j) {
                const auto [a, b] = edge(j);
                std::vector<QPointF> spots; // along the edge, then just above or below it
                for (const double dy : {0.0, -0.9 * line, 0.9 * line})
                    for (const double f : {0.5, 0.4, 0.6, 0.3, 0.7})
                        spots.push_back(a + (b - a) * f + QPointF(0, dy));
                for (const QPointF& spot : spots) {
                    const QRectF box = boxFor(spot, text({kind, j}));
                    bool clear = free(box);
                    for (int k = 0; k < h && clear; ++k)
                        if (k != j) {
                            const auto [c, d] = edge(k);
                            clear = !crosses(box, c, d);
                        }
                    if (!clear) continue;
                    taken.push_back(box);
                    placed.push_back({box, text({kind, j})});
                    break;
                }
            }
            return;
        }
        for (int j : wanted)
            tryPlace(at(j), text({kind, j}));
    };

    // In order of importance: the output's, the selected parameter's, the biases, the weights.
    tryPlace(out + QPointF(0, -ro - line * 0.7), tr("output y"));
    tryPlace(out + QPointF(0, ro + line * 0.7), text({ParamKind::OutputBias, 0}));
    for (int j : wanted)
        if (!layout.neuronLabels) tryPlace(biasAt(j), text({ParamKind::HiddenBias, j}));
    if (layout.neuronLabels)
        for (int j = 0; j < h; ++j)
            tryPlace(biasAt(j), text({ParamKind::HiddenBias, j}));
    // Beside annotations, many neurons' weights would only crowd them (the tooltips tell them).
    if (annotations_.empty() || h <= 8) {
        family(ParamKind::HiddenWeight, inEdgeAt, inEdge);
        family(ParamKind::OutputWeight, outEdgeAt, outEdge);
    }
    return placed;
}

const QStaticText& NetworkDiagram::staticText(const QString& text, const QFont& font) const {
    // Laid-out labels, kept between frames: a drag changes one or two of them, and laying text
    // out (shaping) was a third of the cost of a frame of the diagram.
    if (font != textFont_ || texts_.size() > 2048) {
        texts_.clear();
        textFont_ = font;
    }
    auto it = texts_.find(text);
    if (it == texts_.end()) {
        QStaticText st(text);
        st.setTextFormat(Qt::PlainText);
        st.setPerformanceHint(QStaticText::AggressiveCaching);
        st.prepare(QTransform(), font);
        it = texts_.insert(text, st);
    }
    return *it;
}

} // namespace stepwise::ui

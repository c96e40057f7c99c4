// NetworkDiagram: the network drawn as nodes and edges — input x, the hidden neurons (each with
// a glyph of its activation and its bias), the output neuron — with every edge labelled by its
// name and value, its thickness from the magnitude and its colour from the sign. Clicking a
// neuron or an edge selects it. With a backprop breakdown set, the edges show each parameter's
// share of the gradient for that one sample instead.
#pragma once

#include "core/network/Backprop.h"
#include "ui/base/Palette.h"

#include <QFont>
#include <QHash>
#include <QPixmap>
#include <QStaticText>
#include <QWidget>

class QPainter;
#include <optional>
#include <vector>

namespace stepwise::ui {

class Document;

class NetworkDiagram : public QWidget {
    Q_OBJECT
public:
    explicit NetworkDiagram(Document* doc, QWidget* parent = nullptr);

    void setPalette(const Palette& p);
    void setBreakdown(std::optional<SampleBreakdown> b);
    const std::optional<SampleBreakdown>& breakdown() const { return breakdown_; }

    // Numbers written where they live (the backprop walkthrough's): on a node or an edge, drawn
    // before the diagram's own labels, the current one outlined; and one node or edge highlighted.
    enum class Place { Input, Neuron, Output, InEdge, OutEdge };
    struct Spot {
        Place place = Place::Input;
        int neuron = -1; // for Neuron, InEdge (x → neuron) and OutEdge (neuron → output)
        bool operator==(const Spot&) const = default;
    };
    struct Annotation {
        Spot spot;
        QString text;
        bool current = false; // outlined
        bool stopped = false; // drawn as a flow that stops here
    };
    void setAnnotations(std::vector<Annotation> a, std::optional<Spot> highlight);
    void clearAnnotations() { setAnnotations({}, std::nullopt); }
    const std::vector<Annotation>& annotations() const { return annotations_; }
    std::optional<Spot> highlighted() const { return highlight_; }

    // Geometry, public for tests: where neuron j sits, and what a point hits.
    QPointF hiddenCenter(int j) const;
    QPointF inputCenter() const;
    QPointF outputCenter() const;
    // The input that is always 1, under x, with a dashed edge to every hidden neuron: the bias is
    // its weight (the lesson's chapter 1 shows it).
    bool constantInputShown() const { return constantInput_; }
    QPointF constantInputCenter() const;
    std::optional<ParamId> hitTest(const QPointF& p) const;
    // How the diagram fits its size: the neurons' radius and which labels there is room for.
    struct Layout {
        double radius = 3.0;       // of a hidden neuron
        bool neuronLabels = false; // room for each bias under its neuron
    };
    Layout layOut() const;
    // The labels drawn, in widget coordinates: none covers another or a node; where there is no
    // room for a label it is left out (the selected parameter's goes first).
    struct Label {
        QRectF box;
        QString text;
        int annotation = -1; // the index of the annotation it writes, or −1
    };
    std::vector<Label> labels() const;
    QFont labelFont() const;
    // The neuron the pointer is over (its weights' labels show even when there is no room for
    // every neuron's); set by the mouse, settable for tests.
    std::optional<int> hoveredNeuron() const { return hovered_; }
    void setHoveredNeuron(std::optional<int> j);
    // The tooltip for a neuron or an edge: its name, value and what it does.
    QString describe(ParamId id) const;

    // Which parameters a drag may change, as a mask of kindBit()s (the lesson locks some; all by
    // default). Dragging a neuron up or down changes its bias, an edge its weight.
    static constexpr unsigned kindBit(ParamKind k) { return 1u << static_cast<unsigned>(k); }
    void setEditableKinds(unsigned kinds);
    // The lesson's chapter (core/lesson/Lesson.h's kLesson… flags): what may be dragged.
    void applyLessonControls(unsigned controls, bool locked);
    bool editable(ParamKind kind) const;
    // The value a drag of `pixelsUp` pixels gives, from `startValue`.
    static double dragValue(double startValue, double pixelsUp, bool fine, ParamKind kind);

    QSize sizeHint() const override { return {360, 300}; }
    QSize minimumSizeHint() const override { return {200, 160}; }

protected:
    bool event(QEvent* e) override;
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void leaveEvent(QEvent*) override;

private:
    void endDrag();
    std::vector<Label> placeLabels(const Layout& layout) const; // labels() for a known layout
    double radius() const;
    const QStaticText& staticText(const QString& text, const QFont& font) const;
    QPixmap neuronPicture(int j, double r, bool selected) const;
    void paintHighlight(QPainter& p, double r) const;
    double shownValue(ParamId id) const; // the parameter, or its share of a sample's gradient
    static constexpr double kNeuronMargin = 4.0; // room for the outline around a neuron picture
    static constexpr double kOutline = 1.5;      // half a selected neuron's outline, per lineScale

    Document* doc_;
    Palette palette_ = Palette::light();
    std::optional<SampleBreakdown> breakdown_;
    std::vector<Annotation> annotations_;
    std::optional<Spot> highlight_;
    bool constantInput_ = false;
    unsigned editable_ = ~0u;
    struct Drag {
        ParamId param;
        double startY, startValue;
    };
    std::optional<Drag> drag_;
    std::optional<int> hovered_;
    // Caches for painting: laid-out labels (by their text, in one font) and neuron pictures (by
    // everything a picture shows), rebuilt when the look changes.
    struct NeuronLook {
        QRgb colour = 0, foreground = 0;
        double radius = 0, sign = 0, steepness = 0, lineScale = 0, pixelRatio = 0;
        bool selected = false;
        int activation = 0;
        bool operator==(const NeuronLook&) const = default;
        friend size_t qHash(const NeuronLook& k, size_t seed = 0) {
            return qHashMulti(seed, k.colour, k.foreground, k.radius, k.sign, k.steepness,
                              k.lineScale, k.pixelRatio, k.selected, k.activation);
        }
    };
    mutable QHash<QString, QStaticText> texts_;
    mutable QFont textFont_;
    mutable QHash<NeuronLook, QPixmap> neurons_;
};

} // namespace stepwise::ui

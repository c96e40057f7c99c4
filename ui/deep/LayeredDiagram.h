// LayeredDiagram: a layered network drawn left to right — the inputs, each hidden layer, the
// output neuron — with every weight an edge, coloured by its sign and thickened by its magnitude
// against the largest weight of its layer (so every layer reads, though a layer's thick edge may
// be smaller than another's thin one; the tooltip gives the number). With many edges (up to
// 64×64 a layer) the edges go thin and translucent and only the hovered and the selected
// parameter carry a label. Hovering tells a parameter's name (core/deep/LayeredNames.h) and
// value; clicking selects it; dragging an edge up or down changes its weight and dragging a
// neuron changes its bias (Shift: ten times finer).
//
// The widget holds no document: it draws the network it is given and reports what the learner
// does through signals (selected, dragStarted / paramDragged / dragFinished), which the
// workspace connects to the document's undoable edits.
#pragma once

#include "core/deep/LayeredNetwork.h"
#include "ui/base/Palette.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace stepwise::ui {

class LayeredDiagram : public QWidget {
    Q_OBJECT
public:
    explicit LayeredDiagram(QWidget* parent = nullptr);

    void setNetwork(const LayeredNetwork& net);
    const LayeredNetwork& network() const { return net_; }
    void setPalette(const Palette& p);
    // The selected parameter (flat index of packParams), shown thick and labelled.
    void setSelection(std::optional<long> flatIndex);
    std::optional<long> selection() const { return selection_; }
    void setEditable(bool on) { editable_ = on; }
    // Repaint quickly (no antialiasing) while training animates or a drag is open.
    void setLive(bool on);

    // Geometry, public for tests: where node k of column c sits (column 0 the inputs, 1 … depth
    // the hidden layers, depth + 1 the output), and which parameter a point hits (a neuron: its
    // bias; the output neuron: c; an edge: its weight; an input: none).
    int columns() const { return net_.depth() + 2; }
    int nodesIn(int column) const;
    QPointF nodeCenter(int column, int k) const;
    double nodeRadius() const;
    std::optional<long> hitTest(const QPointF& p) const;
    // The middle of the edge a weight is drawn as (for tests and labels); none for a bias.
    std::optional<QPointF> edgeMiddle(long flatIndex) const;
    // The parameter under the pointer (its label shows); set by the mouse, settable for tests.
    std::optional<long> hovered() const { return hovered_; }
    void setHovered(std::optional<long> flatIndex);
    // The parameters whose labels are drawn: the selected one, the hovered one, and, when the
    // network has at most kAllLabels weights, every weight whose label finds room.
    static constexpr long kAllLabels = 16;
    struct Label {
        long index;
        QRectF box;
    };
    std::vector<Label> labels() const;
    // Where a parameter's label goes: for a weight, `along` its edge from the input side (the
    // middle by default); for a bias, under its neuron. Its text is "name = value".
    QRectF labelBox(long flatIndex, double along = 0.5) const;
    QString labelText(long flatIndex) const;
    // The tooltip: the parameter's name, its value and what it does.
    QString describe(long flatIndex) const;
    // The value a drag of `pixelsUp` pixels gives: hidden layers 20 per 300 pixels, the output
    // 6 (as the one-layer diagram), landing on hundredths.
    static double dragValue(double startValue, double pixelsUp, bool fine, bool output);

    // Numbers written at the nodes (the backprop walkthrough): column as nodeCenter's, node −1 for
    // the column as a whole. A current note is drawn strong, a stopped one (nothing flows back
    // there) grey; the highlight rings a node, or a whole column (node −1). While notes show, the
    // parameters' own labels wait (LayeredDiagramNotes.cpp).
    struct Note {
        int column = 0;
        int node = -1;
        QString text;
        bool current = false;
        bool stopped = false;
    };
    void setNotes(std::vector<Note> notes, std::optional<std::pair<int, int>> highlight);
    const std::vector<Note>& notes() const { return notes_; }
    std::optional<std::pair<int, int>> noteHighlight() const { return noteHighlight_; }
    // Where a note is drawn (tests); an empty box when the column is too crowded to label.
    QRectF noteBox(const Note& note) const;

    QSize sizeHint() const override { return {420, 300}; }
    QSize minimumSizeHint() const override { return {220, 140}; }

signals:
    void selected(std::optional<long> flatIndex);
    void dragStarted();
    void paramDragged(long flatIndex, double value);
    void dragFinished();

protected:
    bool event(QEvent* e) override;
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void leaveEvent(QEvent*) override;
    // From the keyboard: Down/Right select the next parameter (in the flat layout: layer by
    // layer, a neuron's weights then the biases, then the output's), Up/Left the one before;
    // + and − change the selected value by 0.1 (0.05 at the output), one undo step a key; Esc
    // clears the selection.
    void keyPressEvent(QKeyEvent*) override;

private:
    void endDrag();
    QString columnTitle(int column, int brevity) const; // 0: in full, 1: shorter, 2: shortest
    double titleHeight() const;
    void paintLabel(class QPainter& p, const Label& label, bool strong) const;
    QFont labelFont() const;
    void paintNotes(class QPainter& p) const;

    LayeredNetwork net_;
    Palette palette_ = Palette::light();
    std::optional<long> selection_, hovered_;
    bool editable_ = true, live_ = false;
    struct Drag {
        long index;
        double startY, startValue;
        bool output;
    };
    std::optional<Drag> drag_;
    std::vector<Note> notes_;
    std::optional<std::pair<int, int>> noteHighlight_;
};

} // namespace stepwise::ui

// LayeredDiagram's notes: the numbers the backprop walkthrough writes at the nodes, and the ring
// around the node or the column its current step is about.
#include "ui/deep/LayeredDiagram.h"

#include <QFontMetricsF>
#include <QPainter>

namespace stepwise::ui {

namespace {
// A column with more nodes than this gets no note per node (they would overlap); the caption
// lists its numbers.
constexpr int kMostNoted = 12;
} // namespace

void LayeredDiagram::setNotes(std::vector<Note> notes,
                              std::optional<std::pair<int, int>> highlight) {
    notes_ = std::move(notes);
    noteHighlight_ = highlight;
    update();
}

QRectF LayeredDiagram::noteBox(const Note& note) const {
    if (note.column < 0 || note.column >= columns() || note.node >= nodesIn(note.column) ||
        (note.node >= 0 && nodesIn(note.column) > kMostNoted))
        return {};
    const QFontMetricsF fm(labelFont());
    const QSizeF size(fm.horizontalAdvance(note.text) + 8.0, fm.height() + 2.0);
    const double r = nodeRadius();
    const bool output = note.column == columns() - 1;
    QPointF anchor;
    if (note.node < 0) {
        // Under the column's last node.
        anchor =
            nodeCenter(note.column, nodesIn(note.column) - 1) + QPointF(-size.width() / 2, r + 4.0);
    } else if (output) {
        anchor = nodeCenter(note.column, note.node) - QPointF(size.width() / 2, -(r + 12.0));
    } else {
        // Above and to the right of the node, clear of its edges' start.
        anchor = nodeCenter(note.column, note.node) + QPointF(r * 0.6, -r - size.height());
    }
    QRectF box(anchor, size);
    if (box.right() > width()) box.moveRight(width());
    if (box.left() < 0) box.moveLeft(0);
    if (box.bottom() > height()) box.moveBottom(height());
    if (box.top() < 0) box.moveTop(0);
    return box;
}

void LayeredDiagram::paintNotes(QPainter& p) const {
    const double r = nodeRadius();
    if (noteHighlight_) {
        const auto [column, node] = *noteHighlight_;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette_.foreground, 2.5 * palette_.lineScale));
        if (column >= 0 && column < columns()) {
            if (node >= 0 && node < nodesIn(column)) {
                p.drawEllipse(nodeCenter(column, node), r + 5.0, r + 5.0);
            } else if (node < 0) {
                const QPointF top = nodeCenter(column, 0),
                              bottom = nodeCenter(column, nodesIn(column) - 1);
                p.drawRoundedRect(QRectF(top.x() - r - 6.0, top.y() - r - 6.0, 2 * r + 12.0,
                                         bottom.y() - top.y() + 2 * r + 12.0),
                                  r + 6.0, r + 6.0);
            }
        }
    }
    // The current step's notes last, on top.
    for (int pass = 0; pass < 2; ++pass)
        for (const Note& n : notes_) {
            if (n.current != (pass == 1)) continue;
            const QRectF box = noteBox(n);
            if (box.isEmpty()) continue;
            QColor fill = palette_.background;
            fill.setAlpha(235);
            p.setBrush(fill);
            p.setPen(QPen(n.current ? palette_.foreground : palette_.grid, n.current ? 1.5 : 1.0));
            p.drawRoundedRect(box, 3, 3);
            p.setPen(n.stopped ? palette_.grid.darker(130) : palette_.foreground);
            p.drawText(box, Qt::AlignCenter, n.text);
        }
}

} // namespace stepwise::ui

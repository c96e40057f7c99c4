#include "ui/graph/PlotLegend.h"

#include <QFontMetrics>

#include <algorithm>
#include <vector>

namespace stepwise::ui {

void placeLegendUnder(QCustomPlot* plot) {
    // The legend sits under the plot, in as many columns as fit: it never hides a curve, not
    // even on a projector with large type and many neurons.
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend);
    auto* under = new QCPLayoutGrid; // the legend, then an empty cell taking the rest of the row
    plot->plotLayout()->addElement(1, 0, under);
    under->addElement(0, 0, plot->legend);
    under->addElement(0, 1, new QCPLayoutElement(plot));
    under->setColumnStretchFactor(1, 100.0);
    under->setColumnSpacing(0);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->plotLayout()->setRowSpacing(0);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setRowSpacing(0);
    plot->legend->setColumnSpacing(12);
    plot->legend->setMargins(QMargins(8, 0, 8, 4));
}

void fitLegendColumns(QCustomPlot* plot, int width) {
    // Columns: as many entries side by side as the width takes (set only on a change: it
    // rebuilds the legend's layout).
    QCPLegend* legend = plot->legend;
    const QFontMetrics fm(legend->font());
    std::vector<int> widths;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            widths.push_back(fm.horizontalAdvance(item->plottable()->name()) +
                             legend->iconSize().width() + legend->iconTextPadding());
    // The most columns whose widest entries, side by side, fit the plot's width (a width given
    // is a picture's or the new size's; the plot's own may not be laid out yet: a new widget is
    // 100 px wide).
    const bool given = width > 0;
    if (!given) width = plot->viewport().width();
    const int room = width - legend->margins().left() - legend->margins().right();
    if (!given && room < 150) return;
    int columns = 1;
    for (int k = static_cast<int>(widths.size()); k > 1; --k) {
        int total = (k - 1) * legend->columnSpacing();
        for (int c = 0; c < k; ++c) {
            int widest = 0;
            for (std::size_t i = c; i < widths.size(); i += k)
                widest = std::max(widest, widths[i]);
            total += widest + 8;
        }
        if (total <= room) {
            columns = k;
            break;
        }
    }
    // Each entry as wide as its text, not stretched over the plot's width: packed to the left.
    for (int i = 0; i < legend->itemCount(); ++i) {
        QCPLayoutElement* item = legend->item(i); // empty cells of the grid are null
        if (!item) continue;
        item->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
        item->setMaximumSize(item->minimumOuterSizeHint());
    }
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // lays the entries out again
    }
}

} // namespace stepwise::ui

#include "ui/base/PlotStyle.h"

#include <qcustomplot.h>

namespace stepwise::ui {

PlotFonts plotFonts(const QFont& base, const Palette& p) {
    PlotFonts f{base, base};
    f.plain.setPointSizeF(base.pointSizeF() * p.fontScale);
    f.bold = f.plain;
    f.bold.setBold(true);
    return f;
}

void styleAxis(QCPAxis* a, const Palette& p, const QFont& tick, const QFont& label, bool grid) {
    a->setBasePen(QPen(p.foreground, 1));
    a->setTickPen(QPen(p.foreground, 1));
    a->setSubTickPen(QPen(p.foreground, 1));
    a->setTickLabelColor(p.foreground);
    a->setLabelColor(p.foreground);
    a->setTickLabelFont(tick);
    a->setLabelFont(label);
    a->grid()->setVisible(grid);
    if (grid) {
        a->grid()->setPen(QPen(p.grid, 1));
        a->grid()->setZeroLinePen(QPen(p.grid.darker(130), 1));
    }
}

} // namespace stepwise::ui

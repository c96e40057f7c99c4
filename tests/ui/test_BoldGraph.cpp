// BoldGraph: in live (unsmoothed) frames a wide pen is drawn as offset 1-px lines. The pixels it
// covers must be, near enough, the ones Qt's own wide pen covers.
#include "ui/graph/BoldGraph.h"

#include <QImage>
#include <cmath>
#include <gtest/gtest.h>
#include <qcustomplot.h>

using stepwise::ui::BoldGraph;

namespace {

// Draws one curve with a pen of this width, unsmoothed, and returns the picture.
QImage render(bool bold, double width, const QVector<double>& x, const QVector<double>& y) {
    QCustomPlot plot;
    plot.resize(400, 300);
    plot.setNotAntialiasedElements(QCP::aeAll);
    plot.axisRect()->setAutoMargins(QCP::msNone);
    plot.axisRect()->setMargins(QMargins(0, 0, 0, 0));
    plot.xAxis->setVisible(false);
    plot.yAxis->setVisible(false);
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->grid()->setVisible(false);
    plot.xAxis->setRange(-1, 1);
    plot.yAxis->setRange(-1.5, 1.5);
    QCPGraph* g = bold ? new BoldGraph(plot.xAxis, plot.yAxis) : plot.addGraph();
    g->setPen(QPen(Qt::black, width));
    g->setAntialiased(false);
    g->setData(x, y, true);
    return plot.toPixmap(400, 300).toImage().convertToFormat(QImage::Format_RGB32);
}

int ink(const QImage& img, int px, int py) {
    return qGray(img.pixel(px, py)) < 128;
}

} // namespace

TEST(BoldGraph, CoversWhatAWidePenCovers) {
    // A smooth curve, a steep one and a jump: the joins, slopes and vertical runs of the lesson.
    QVector<double> x, ySine, yStep;
    for (int i = 0; i <= 1000; ++i) {
        const double t = -1.0 + 2.0 * i / 1000;
        x.push_back(t);
        ySine.push_back(std::sin(3 * t));
        yStep.push_back(1.0 / (1.0 + std::exp(-60 * (t - 0.2))) - 0.5);
    }
    for (const QVector<double>* y : {&ySine, &yStep}) {
        for (double width : {2.0, 3.0, 3.5, 5.0}) {
            const QImage ours = render(true, width, x, *y), qt = render(false, width, x, *y);
            int both = 0, either = 0, inkOurs = 0;
            for (int py = 0; py < ours.height(); ++py)
                for (int px = 0; px < ours.width(); ++px) {
                    const int a = ink(ours, px, py), b = ink(qt, px, py);
                    both += a && b;
                    either += a || b;
                    inkOurs += a;
                }
            ASSERT_GT(either, 0);
            EXPECT_GT(inkOurs, 300) << "width " << width;
            // Mostly the same pixels: the two ways differ only at the line's edge.
            EXPECT_GT(static_cast<double>(both) / either, 0.7) << "width " << width;
        }
    }
}

TEST(BoldGraph, ThinOrSmoothedPensAreQtsOwn) {
    QVector<double> x{-1, 0, 1}, y{-1, 1, -1};
    // A 1-px pen: identical pixels either way.
    EXPECT_EQ(render(true, 1.0, x, y), render(false, 1.0, x, y));
}

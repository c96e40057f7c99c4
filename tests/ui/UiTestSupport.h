// Helpers shared by the UI tests: a fresh main window with settings and autosave isolated, and
// mouse strokes sent to the graph as a learner's mouse would.
#pragma once

#include "core/scenario/TargetCurve.h"
#include "ui/document/Document.h"
#include "ui/graph/GraphView.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QSettings>
#include <QThread>
#include <memory>
#include <qcustomplot.h>

namespace stepwise::test {

// Lets the event loop run (frames, snapshots, timers) until pred() holds or the time is up.
template <class Pred> bool pumpUntil(Pred pred, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QApplication::processEvents(QEventLoop::AllEvents, 5);
        if (pred()) return true;
        QThread::msleep(2);
    }
    return pred();
}

// A shown main window with a clean document (no autosave restored).
inline std::unique_ptr<ui::MainWindow> freshWindow() {
    QSettings().clear();
    auto w = std::make_unique<ui::MainWindow>();
    w->resize(1400, 900);
    w->show();
    // Explorer tests start from the default network with every control unlocked.
    Scenario s = defaultScenario();
    s.lesson.freeMode = true;
    w->document()->replaceScenario(s);
    QApplication::processEvents();
    w->graph()->plot()->replot();
    return w;
}

inline void sendMouse(QWidget* target, QEvent::Type type, QPointF pos, Qt::MouseButton button,
                      Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &e);
}

// Draws a stroke through the given graph coordinates with press / moves / release.
inline void drawStroke(ui::GraphView* graph, const std::vector<TargetPoint>& pts) {
    QCustomPlot* plot = graph->plot();
    auto pix = [plot](TargetPoint p) {
        return QPointF(plot->xAxis->coordToPixel(p.x), plot->yAxis->coordToPixel(p.y));
    };
    sendMouse(plot, QEvent::MouseButtonPress, pix(pts.front()), Qt::LeftButton, Qt::LeftButton);
    for (std::size_t i = 1; i < pts.size(); ++i)
        sendMouse(plot, QEvent::MouseMove, pix(pts[i]), Qt::NoButton, Qt::LeftButton);
    sendMouse(plot, QEvent::MouseButtonRelease, pix(pts.back()), Qt::LeftButton, Qt::NoButton);
}

// The graph coordinates the stroke actually landed on (pixels are integers after a round trip).
inline Stroke landedStroke(ui::GraphView* graph, const std::vector<TargetPoint>& pts) {
    QCustomPlot* plot = graph->plot();
    Stroke s;
    for (const TargetPoint& p : pts) {
        const double px = plot->xAxis->coordToPixel(p.x), py = plot->yAxis->coordToPixel(p.y);
        s.points.push_back({plot->xAxis->pixelToCoord(px), plot->yAxis->pixelToCoord(py)});
    }
    return s;
}

} // namespace stepwise::test

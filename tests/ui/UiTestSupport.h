// Helpers shared by the UI tests: a fresh main window with settings and autosave isolated, and
// mouse strokes sent to the graph as a learner's mouse would.
#pragma once

#include "core/deep/RandomLayered.h"
#include "core/scenario/TargetCurve.h"
#include "ui/document/Document.h"
#include "ui/graph/GraphView.h"
#include "ui/params/ParameterPanel.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <cstdint>
#include <memory>
#include <qcustomplot.h>
#include <tuple>
#include <type_traits>
#include <vector>

// What QTest does to deliver a key with its shortcuts: QtGui exports it (declared as in
// <QtTest/qtestkeyboard.h>); the UI tests do not link QtTest. Declared once here: a unity build
// compiles several test files as one, where a second declaration would repeat its default
// arguments.
Q_GUI_EXPORT bool qt_sendShortcutOverrideEvent(QObject* o, ulong timestamp, int k,
                                               Qt::KeyboardModifiers mods,
                                               const QString& text = QString(),
                                               bool autorep = false, ushort count = 1);

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

// Records every emission of a signal (the tests link no Qt Test).
template <class... Args> struct Calls {
    std::vector<std::tuple<std::decay_t<Args>...>> list;
    template <class Sender, class Signal> Calls(Sender* s, Signal signal) {
        QObject::connect(s, signal, [this](Args... a) { list.emplace_back(a...); });
    }
    int count() const { return static_cast<int>(list.size()); }
};

// The document's target set to one of the presets.
inline void useTarget(ui::MainWindow& w, TargetPreset p) {
    TargetCurve t;
    t.preset = p;
    w.document()->setTarget(t, "test");
}

// The sine target, four hidden neurons, sigmoid activation of steepness 4.
inline void useSine(ui::MainWindow& w) {
    TargetCurve t;
    t.preset = TargetPreset::Sine;
    w.document()->setTarget(t, "test");
    w.parameters()->hiddenBox()->setValue(4);
    w.document()->setActivation({ActivationKind::Sigmoid, 4.0});
}

// A random network with two tanh layers (6 and 5 neurons) and the given number of inputs.
inline LayeredNetwork deepNet(int inputs, std::uint64_t seed = 5) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(
        inputs, {{6, {ActivationKind::Tanh, 1.0}}, {5, {ActivationKind::Tanh, 1.0}}}, -1.0, 1.0,
        rng);
}

// A fresh main window whose document has the sine target.
inline std::unique_ptr<ui::MainWindow> windowWithSine() {
    auto w = freshWindow();
    TargetCurve t;
    t.preset = TargetPreset::Sine;
    w->document()->setTarget(t, "sine");
    return w;
}

} // namespace stepwise::test

// GraphMode: one way of using the mouse (and keys) on the graph, as KDE Kig's modes are. The
// graph view hands every press, move, release, key and leave of its plot to the mode in use, and
// the mode answers through the small GraphModeHost the view gives it: the coordinate mapping,
// the document, the step handles, the hover readout, the stroke preview and the view's signals.
// A new way of using the mouse is a new GraphMode in this folder (installed with
// GraphView::setInteraction), not a new case in the view.
#pragma once

#include "core/scenario/TargetCurve.h"

#include <QCursor>
#include <QPointF>

#include <memory>
#include <optional>

class QKeyEvent;
class QMouseEvent;

namespace stepwise::ui {

class Document;
class GraphMode;
class StepHandles;

// What the graph view offers its modes. Pixels are the plot widget's; graph coordinates are
// the axes' (x, y).
class GraphModeHost {
public:
    virtual Document& document() const = 0;
    virtual TargetPoint toGraph(QPointF pixel) const = 0;
    virtual QPointF toPixel(TargetPoint p) const = 0;
    virtual StepHandles& stepHandles() const = 0;

    // The hover readout and its cursor line at x (none: hidden), redrawn at once.
    virtual void hoverAt(std::optional<double> x) = 0;
    // Asks for the breakdown of the sample at x (GraphView::inspectRequested).
    virtual void requestInspect(double x) = 0;

    // The stroke being drawn, shown as a dashed line until it is finished.
    virtual void clearStrokePreview() = 0;
    virtual void addStrokePreviewPoint(TargetPoint p) = 0;
    // Hands a finished stroke on (GraphView::strokeFinished); a guess is shown as the guess.
    virtual void finishStroke(const Stroke& s, bool guess) = 0;

    virtual void replotCurves() = 0; // only the curves' layer (cheap: hover, drag, stroke)
    virtual void replotAll() = 0;    // everything, on the next frame

    // A gesture that owns the mouse until it ends (a step handle's drag): events go to it
    // instead of the mode in use. The view ends it when the step handles report their release.
    virtual void beginGesture(std::unique_ptr<GraphMode> gesture) = 0;
    // The mode in use (not the gesture), to hand an event back to it.
    virtual GraphMode& currentMode() const = 0;

protected:
    ~GraphModeHost() = default;
};

class GraphMode {
public:
    virtual ~GraphMode() = default;

    // Called by the view when the mode is installed; host() is valid from then on.
    void attach(GraphModeHost* host) { host_ = host; }

    // Each returns true when it used the event (the plot then does not see it).
    virtual bool press(QMouseEvent* e);
    virtual bool move(QMouseEvent* e); // default: the hover readout follows the mouse
    virtual bool release(QMouseEvent* e);
    virtual bool key(QKeyEvent* e);
    virtual void leave(); // default: the hover readout goes
    // The view switches to another mode: drop anything half done (a stroke being drawn).
    virtual void cancel() {}

    // How the view looks while this mode is in use.
    virtual bool showsReadout() const { return false; }
    virtual bool usesStepHandles() const { return false; }
    virtual Qt::CursorShape cursor() const { return Qt::CrossCursor; }

protected:
    GraphModeHost& host() const { return *host_; }

private:
    GraphModeHost* host_ = nullptr;
};

} // namespace stepwise::ui

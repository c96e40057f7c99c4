// GraphView: the graph of the network — each hidden neuron's weighted contribution as a thin
// curve in its colour, their superposition as a bold curve, the target as a wide translucent
// band — with a hover readout, freehand drawing of the target, and export. The only class that
// draws the graph with QCustomPlot; it computes nothing itself (the Document does). What the
// mouse does on it is up to the mode in use (ui/graph/modes: inspect, draw and erase, guess, the
// step handles' drag, a sample picker); the view hands them its events.
#pragma once

#include "core/scenario/TargetCurve.h"
#include "ui/base/Palette.h"
#include "ui/graph/GhostCurve.h"

#include <Eigen/Core>

#include <QPixmap>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPCurve;
class QCPItemText;
class QCPItemStraightLine;
class QCPItemLine;

namespace stepwise::ui {

class Document;
class GhostCurves;
class GraphMode;
class PointDots;
class StepHandles;

class GraphView : public QWidget {
    Q_OBJECT
public:
    // The graph's tools (the Graph menu's and the lesson's); Other is a mode installed with
    // setInteraction (the walkthrough's sample picker, say).
    enum class Mode { Inspect, Draw, Erase, Guess, Points, Other };

    explicit GraphView(Document* doc, QWidget* parent = nullptr);
    ~GraphView() override;

    void setMode(Mode m); // Mode::Other is ignored: install the mode itself
    Mode mode() const { return mode_; }
    // Hands the mouse to a mode of the caller's (modes/GraphMode.h); mode() is then Other. The
    // view owns it until another mode replaces it.
    void setInteraction(std::unique_ptr<GraphMode> mode);
    GraphMode* interaction() const { return current_.get(); }
    void setPalette(const Palette& p);
    const Palette& palette() const { return palette_; }
    void fitView();

    // The learner's sketched guess (lesson exercise); the network's curves can be hidden until
    // the answer is revealed.
    void setGuess(const Stroke& s);
    const Stroke& guess() const { return guess_; }
    void clearGuess();
    void setAnswerVisible(bool on);
    // The step-point handles on the bottom edge (off when the lesson keeps the biases fixed).
    void setStepHandlesAllowed(bool on);
    bool stepHandlesShown() const;
    bool answerVisible() const { return answerVisible_; }
    // Two dashed lines at target ± ε ("every point within ε", the lesson's chapter 6), or none.
    void setToleranceBand(std::optional<double> epsilon);
    std::optional<double> toleranceBand() const { return epsilon_; }

    // A sample marked on the graph (the backprop walkthrough's): the network's answer (x, y), the
    // target (x, t) and the error between them, until cleared.
    struct SampleMarker {
        double x = 0.0, y = 0.0, t = 0.0;
    };
    void setSampleMarker(std::optional<SampleMarker> m);
    std::optional<SampleMarker> sampleMarker() const { return marker_; }
    // A second output curve, dashed, beside the network's (the network after a descent step);
    // an empty curve removes it.
    void setDashedCurve(const std::vector<double>& x, const std::vector<double>& y,
                        const QString& name);
    bool dashedCurveShown() const;
    // Faint output curves of earlier training runs (ui/graph/GhostCurves.h), under the curves;
    // they are drawn again only when the whole plot is, never in a live frame.
    void setGhosts(const std::vector<GhostCurve>& ghosts);
    int ghostCount() const;
    QCPGraph* ghostGraph(int i) const; // for tests

    // Export at a size in pixels (PNG also takes a scale for resolution).
    bool exportTo(const QString& path, int width, int height, double scale = 1.0);
    // For rendering off screen: lays the plot out as a picture of this size.
    void layOutFor(int width, int height);

    // A picture of the graph at this size, and a full redraw now (for exports).
    QPixmap toPixmap(int width, int height);
    void replotNow();
    int neuronCurveCount() const;
    QString readoutText() const;
    void showReadoutAt(double x);

    // QCustomPlot's own objects, for tests and benchmarks only: the rest of the program asks the
    // view (the plotting library stays behind this wall).
    QCustomPlot* plot() const { return plot_; }
    QCPGraph* neuronGraph(int j) const;
    QCPGraph* outputGraph() const { return output_; }
    QCPGraph* targetGraph() const { return target_; }
    StepHandles* stepHandles() const; // a layer of the plot
    PointDots* pointDots() const { return dots_.get(); }

signals:
    void strokeFinished(const stepwise::Stroke& stroke, bool guess);
    // Only the curves' layer was redrawn. QCustomPlot::afterReplot follows it as it follows a
    // full replot; only a full replot sends QCustomPlot::beforeReplot.
    void curvesReplotted();
    void inspectRequested(double x);
    void modeChanged(Mode m);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    class ModeHost;
    friend class ModeHost;

    void installMode(std::unique_ptr<GraphMode> mode, Mode kind);
    GraphMode& activeMode() const;
    void endGesture();
    void rebuildGraphs();
    void refresh();
    void applyView();
    void applyStyle();
    void updateReadout();
    void updateLegend();
    // Everything outside the curves' layer that a frame can change.
    struct Look {
        double xLo = 0, xHi = 0, yLo = 0, yHi = 0;
        int width = 0, height = 0;
        int paletteGeneration = 0;
        bool live = false;
        int selection = -1; // ParamKind·1000 + neuron, or −1
        bool answerVisible = true;
        int legendItems = 0;
        double pixelRatio = 1.0;
        bool operator==(const Look&) const = default;
    };
    Look look() const;
    void fitLegend(int width = -1);
    void updateHandles();
    void updateCursor();
    void replotCurves(bool lookChanged);

    Document* doc_;
    Palette palette_ = Palette::light();
    Mode mode_ = Mode::Inspect;
    QCustomPlot* plot_;
    QCPGraph* target_ = nullptr;      // upper edge of the target band
    QCPGraph* targetLower_ = nullptr; // lower edge; the band is the fill between them
    QCPGraph* output_ = nullptr;
    QCPCurve* stroke_ = nullptr;
    QCPCurve* guessCurve_ = nullptr;
    QVector<QCPGraph*> neurons_;
    QCPItemText* readout_ = nullptr;
    QCPItemStraightLine* cursor_ = nullptr;
    QCPGraph* dashed_ = nullptr;         // the second output curve
    QCPGraph* markerY_ = nullptr;        // the sample's (x, y)
    QCPGraph* markerT_ = nullptr;        // its (x, t)
    QCPItemLine* markerError_ = nullptr; // from one to the other
    std::optional<SampleMarker> marker_;
    std::optional<double> hoverX_;
    bool answerVisible_ = true;
    std::optional<double> epsilon_;
    QCPGraph *epsUpper_ = nullptr, *epsLower_ = nullptr;
    double shownEpsilon_ = -1.0;
    bool handlesAllowed_ = true;
    StepHandles* handles_ = nullptr;
    std::unique_ptr<PointDots> dots_;     // the data set's points, above the curves
    std::unique_ptr<GhostCurves> ghosts_; // earlier runs, under the curves
    Stroke guess_;
    // The mouse: the mode in use, a gesture that holds the mouse for now (a step handle's drag),
    // and modes replaced while one of them was handling an event (deleted once it returned).
    std::unique_ptr<ModeHost> host_;
    std::unique_ptr<GraphMode> current_, gesture_;
    std::vector<std::unique_ptr<GraphMode>> retired_;
    int dispatching_ = 0; // events being handled (nested ones included)
    // What the layers outside the curves show, to redraw only the curves when nothing else moved.
    std::optional<Look> shownLook_;
    int paletteGeneration_ = 0;
    Eigen::ArrayXd shownTarget_, shownTargetX_;
    double shownHalf_ = -1.0;
};

} // namespace stepwise::ui

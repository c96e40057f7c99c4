// GraphView: the graph of the network — each hidden neuron's weighted contribution as a thin
// curve in its colour, their superposition as a bold curve, the target as a wide translucent
// band — with a hover readout, freehand drawing of the target, and export. The only class that
// draws the graph with QCustomPlot; it computes nothing itself (the Document does).
#pragma once

#include "core/scenario/TargetCurve.h"
#include "ui/base/Palette.h"

#include <Eigen/Core>

#include <QPixmap>
#include <QWidget>
#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPCurve;
class QCPItemText;
class QCPItemStraightLine;

namespace stepwise::ui {

class Document;
class StepHandles;

class GraphView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Inspect, Draw, Erase, Guess };

    explicit GraphView(Document* doc, QWidget* parent = nullptr);

    void setMode(Mode m);
    Mode mode() const { return mode_; }
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
    StepHandles* stepHandles() const;

    // Export at a size in pixels (PNG also takes a scale for resolution).
    bool exportTo(const QString& path, int width, int height, double scale = 1.0);
    // For rendering off screen: lays the plot out as a picture of this size.
    void layOutFor(int width, int height);

    // A picture of the graph at this size, and a full redraw now (for exports).
    QPixmap toPixmap(int width, int height);
    void replotNow();
    QCustomPlot* plot() const { return plot_; } // for tests and benchmarks only
    int neuronCurveCount() const;
    QCPGraph* neuronGraph(int j) const;
    QCPGraph* outputGraph() const { return output_; }
    QCPGraph* targetGraph() const { return target_; }
    QString readoutText() const;
    void showReadoutAt(double x);

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
    void rebuildGraphs();
    void refresh();
    void applyView();
    void applyStyle();
    void updateReadout();
    void updateLegend();
    QString lookKey() const;
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
    std::optional<double> hoverX_;
    bool drawing_ = false;
    bool answerVisible_ = true;
    bool handlesAllowed_ = true;
    StepHandles* handles_ = nullptr;
    Stroke current_;
    Stroke guess_;
    // What the layers outside the curves show, to redraw only the curves when nothing else moved.
    QString shownLook_;
    int paletteGeneration_ = 0;
    Eigen::ArrayXd shownTarget_, shownTargetX_;
    double shownHalf_ = -1.0;
};

} // namespace stepwise::ui

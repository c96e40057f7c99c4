// Document: the one object that owns the scenario and its undo stack. Views read from it and
// react to its signals; every edit goes through it as an undoable command. It also holds the
// derived data the views draw (the grid, the evaluation, the target samples, the loss and its
// gradient), computed by the core once per change and shared by all views.
#pragma once

#include "core/data/DataSet.h"
#include "core/deep/LayeredGradient.h"
#include "core/network/Backprop.h"
#include "core/network/Network.h"
#include "core/scenario/Scenario.h"

#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <optional>

namespace stepwise::ui {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);

    const Scenario& scenario() const { return scenario_; }
    const Network& network() const { return scenario_.network; }
    QUndoStack* undoStack() { return &undo_; }

    // Derived data, recomputed lazily after a change.
    const Eigen::ArrayXd& x() const;             // the grid the curves are drawn on
    const Eigen::ArrayXd& targetSamples() const; // the curve on the grid; empty when none
    // What the network learns from (core/data/DataSet.h): the target's measured points when it
    // has any, otherwise the curve's samples on the grid; noise added; split into training and
    // test points. The loss, the gradient, the arrows and training use the training points only.
    const DataSet& dataSet() const;
    bool hasPoints() const { return !scenario_.target.points.empty(); }
    const Eigen::ArrayXd& sampleX() const; // the training points' x
    const Eigen::ArrayXd& sampleT() const; // and their y
    const std::vector<TargetPoint>& testPoints() const { return dataSet().test; }
    std::optional<double> testLoss() const; // the mean squared error on the test points
    bool hasTarget() const { return sampleT().size() > 0; }
    const Evaluation& evaluation() const;
    double loss() const;                     // on the training points; 0 when there is no target
    const Eigen::VectorXd& gradient() const; // ∂L/∂θ (packParams layout), zero without target
    BackpropOptions backpropOptions() const;

    // Undoable edits. While a drag is open (beginDrag … endDrag), edits of one parameter merge
    // into a single undo step.
    void setParam(ParamId id, double value);
    void setStepPoint(int neuron, double x);
    void beginDrag();
    void endDrag();
    bool dragging() const { return dragOpen_; }
    // While a slider is dragged or training animates, views may trade antialiasing for speed;
    // the frame after it ends is drawn in full quality.
    bool live() const { return dragOpen_ || liveTraining_; }
    void setLiveTraining(bool on);
    void setNetwork(const Network& net, const QString& what);
    void setActivation(const Activation& g);
    void setHiddenCount(int count);
    void setTarget(const TargetCurve& target, const QString& what);
    void addStroke(const Stroke& stroke);
    void clearTarget();
    // The target's measured points (added, moved, removed, imported): one undo step.
    void setPoints(const std::vector<TargetPoint>& points, const QString& what);
    void setDomain(const Domain& d); // the x range and the number of samples (lo < hi)
    void fitOutputLayer();

    // ---- A layered network (core/deep: more hidden layers, two inputs; issues 17 and 18) ----
    // When the scenario holds one, it is the network: the window shows the layered workspace
    // (ui/deep) in place of the lesson's views, and network() above is a neutral placeholder
    // that nothing draws.
    bool isLayered() const { return scenario_.layered.has_value(); }
    const LayeredNetwork& layered() const { return *scenario_.layered; } // when isLayered()
    int inputs() const { return isLayered() ? scenario_.layered->inputs : 1; }
    // What a layered network learns from: inputs (d × N, samples in columns) and targets. One
    // input: the training points of dataSet(), as 1 × N. Two inputs: the plane's grid
    // (kSurfaceSide² points of [lo, hi]², core/scenario/TargetSurface.h) and the target surface
    // there; empty when there is no target surface.
    const Eigen::MatrixXd& layeredX() const;
    const Eigen::ArrayXd& layeredT() const;
    bool hasLayeredTarget() const { return layeredT().size() > 0; }
    double layeredLoss() const;                     // on layeredX; 0 without a target
    const Eigen::VectorXd& layeredGradient() const; // ∂L/∂θ (packParams layout); 0 without one
    LayeredBackpropOptions layeredBackpropOptions() const;
    // The target over the plane, or null.
    const TargetSurface* surface() const {
        return scenario_.surface ? &*scenario_.surface : nullptr;
    }

    // Undoable. Replaces the network by this layered one: entering depth from the lesson's
    // network, a new shape, or new weights. A network networkProblem() rejects is ignored; one
    // of one input and one hidden layer becomes the lesson's network (as a file writes it).
    void setLayered(const LayeredNetwork& net, const QString& what);
    // Back to the lesson's one-layer network: the layered network as a Network when it has that
    // shape (one input, one hidden layer), else the default two step neurons. One undo step.
    void leaveLayered(const QString& what);
    // One parameter of the layered network, by its index in the flat layout; merges with the
    // next edit of the same parameter while a drag is open.
    void setLayeredParam(long index, double value);
    // The network of s, whichever kind it is (a lesson chapter, a "show me"): its layered network
    // when it has one, else its one-layer network. One undo step.
    void adoptNetworkOf(const Scenario& s, const QString& what);
    void setSurface(const std::optional<TargetSurface>& s, const QString& what);
    // The selected parameter of the layered network (flat index), or none.
    std::optional<long> layeredSelection() const { return layeredSelection_; }
    void selectLayered(std::optional<long> index);
    // While a layered network trains: shown each frame without an undo step; the run is one
    // undo step when it pauses.
    void showTrainingLayered(const LayeredNetwork& net);
    void recordLayeredRun(const LayeredNetwork& before, const LayeredNetwork& after, long steps);

    // Not undoable: training settings, view, lesson progress.
    void setTrainingSettings(const TrainSettings& s);
    // The same as one undo step (the Training tab's regularisation and early stopping).
    void editTrainingSettings(const TrainSettings& s, const QString& what);
    void setView(const ViewRect& v);
    void setLesson(const LessonState& l);

    // Replaces everything (open file, new): clears the undo stack.
    void replaceScenario(const Scenario& s);

    // While training runs, the trainer's weights are shown without an undo step each frame;
    // the whole run becomes one undo step when it pauses.
    void showTrainingNetwork(const Network& net);
    void recordTrainingRun(const Network& before, const Network& after, long steps);

    // Selection: the parameter whose row, curve and edge are highlighted (a neuron's w or b, an
    // output weight, or the output bias c), or none. Not part of the scenario, not undoable.
    std::optional<ParamId> selection() const { return selection_; }
    void select(std::optional<ParamId> id);

    // Applied by the undo commands (they call these, not the public edits).
    void applyNetwork(const Network& net, bool structural);
    void applyTarget(const TargetCurve& t);
    void applyParam(ParamId id, double value);
    void applyDomain(const Domain& d);
    void applyTrainingSettings(const TrainSettings& s);
    void announceTrainingRunUndone() { emit trainingRunUndone(); }
    void applyModel(const Network& net, const std::optional<LayeredNetwork>& layered,
                    bool structural);
    void applyLayeredParam(long index, double value);
    void applySurface(const std::optional<TargetSurface>& s);

    // Runs a pending refresh now (tests and benchmarks).
    void flush();

signals:
    // Emitted at once on every change.
    void networkChanged();
    void targetChanged();
    void structureChanged(); // number of neurons or activation: panels rebuild their rows
    void trainingSettingsChanged();
    void lessonChanged();
    void viewChanged();
    void selectionChanged();
    void scenarioReplaced();
    // A recorded training run was undone: its steps, loss curve and messages are out of date.
    void trainingRunUndone();
    // A drag opened or closed (beginDrag / endDrag, from any view): training holds meanwhile.
    void dragStarted();
    void dragEnded();
    // Emitted once per event-loop pass after any burst of changes: views repaint here.
    void refreshed();

private:
    void invalidate();
    void scheduleRefresh();

    Scenario scenario_;
    QUndoStack undo_;
    QTimer refreshTimer_;
    bool dragOpen_ = false;
    bool liveTraining_ = false;
    int dragSerial_ = 0;
    std::optional<ParamId> selection_;
    std::optional<long> layeredSelection_;

    // Caches.
    mutable bool gridDirty_ = true, targetDirty_ = true, evalDirty_ = true, gradDirty_ = true;
    mutable bool dataDirty_ = true, testDirty_ = true;
    mutable Eigen::ArrayXd x_, target_;
    mutable DataSet data_;
    mutable Eigen::ArrayXd sampleX_, sampleT_, testX_, testT_;
    mutable std::optional<double> testLoss_;
    mutable Evaluation eval_;
    mutable Eigen::VectorXd gradient_;
    mutable double loss_ = 0.0;
    mutable GradientKernel kernel_;
    // The layered network's data, loss and gradient.
    mutable bool layeredDataDirty_ = true, layeredGradDirty_ = true;
    mutable Eigen::MatrixXd layeredX_;
    mutable Eigen::ArrayXd layeredT_;
    mutable Eigen::VectorXd layeredGradient_;
    mutable double layeredLoss_ = 0.0;
    mutable LayeredGradient layeredKernel_;
};

} // namespace stepwise::ui

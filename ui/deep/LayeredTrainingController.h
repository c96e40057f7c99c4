// LayeredTrainingController: trains the document's layered network (core/deep LayeredTrainer)
// on a worker thread (ui/base/BackgroundWorker), step after step while the window draws, and
// shows the newest weights on each display frame without an undo step; a whole run (play …
// pause) is one undo step, as with the one-layer network's TrainingController. Pausing waits
// for the step under way and shows exactly the weights of the steps counted.
//
// The trainer is made from the document when a run starts and again whenever the document
// changes under it (an edit, undo, a new target, new settings): training always continues from
// what the window shows. A run stops by itself on divergence (the last finite weights stay,
// the message says why), at the stop loss, or without a target.
#pragma once

#include "core/deep/LayeredTrainer.h"
#include "core/scenario/Scenario.h"
#include "ui/base/BackgroundWorker.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace stepwise::ui {

class Document;

class LayeredTrainingController : public QObject {
    Q_OBJECT
public:
    explicit LayeredTrainingController(Document* doc, QObject* parent = nullptr);
    ~LayeredTrainingController() override;

    bool isRunning() const { return running_; }
    void play();
    void pause();
    void toggle() { running_ ? pause() : play(); }
    void stepOnce();
    void newSeed(); // fresh random weights for the same shape, from the next seed

    long steps() const { return steps_; }
    double currentLoss() const { return loss_; }
    // The loss after each frame (decimated to at most kMaxHistory points by dropping every other).
    const std::vector<double>& lossSteps() const { return historySteps_; }
    const std::vector<double>& lossValues() const { return historyLoss_; }
    static constexpr std::size_t kMaxHistory = 4000;

    // The settings the core trainer gets from the document's training settings.
    static LayeredTrainSettings settingsFrom(const Document& doc);
    static LayeredTrainSettings settingsFrom(const Scenario& scenario); // the command line too

signals:
    void runningChanged(bool running);
    void progressed();
    void diverged(const QString& message);
    void message(const QString& text);

private:
    bool ensureTrainer();
    void frame();
    void stopRun();
    void record();
    void onDocumentChanged();
    void startWorker();
    // Stops the worker and shows what it reached (`show`), or drops it (an edit came first).
    void haltWorker(bool show);

    // What the worker steps: the trainer, which belongs to the worker while a job runs.
    struct Job {
        LayeredTrainer* trainer = nullptr;
    };
    // What it hands back, every few milliseconds and when it stops.
    struct Snapshot {
        LayeredNetwork net;
        long done = 0; // steps of this job
        double loss = 0.0;
        bool diverged = false, reachedStopLoss = false;
        std::string reason;
    };
    void apply(const Snapshot& s);

    Document* doc_;
    QTimer timer_;
    std::unique_ptr<LayeredTrainer> trainer_;
    std::optional<LayeredNetwork> runStart_;
    bool running_ = false;
    bool showing_ = false; // the document is showing our weights: not an outside edit
    long steps_ = 0;
    long runSteps_ = 0;
    double loss_ = 0.0;
    std::vector<double> historySteps_, historyLoss_;
    std::uint64_t seedBump_ = 0;
    long jobBase_ = 0;  // steps_ when the running job started
    long jobShown_ = 0; // steps of the running job already counted
    bool dragging_ = false;
    // Last: destroyed (and joined) before the trainer its body steps.
    BackgroundWorker<Job, Snapshot> worker_;
};

} // namespace stepwise::ui

// LayeredTrainingController: trains the document's layered network (core/deep LayeredTrainer)
// on the GUI thread, a few steps per display frame within a time budget, and shows the weights
// after each frame without an undo step; a whole run (play … pause) is one undo step, as with
// the one-layer network's TrainingController.
//
// The trainer is made from the document when a run starts and again whenever the document
// changes under it (an edit, undo, a new target, new settings): training always continues from
// what the window shows. A run stops by itself on divergence (the last finite weights stay,
// the message says why), at the stop loss, or without a target.
#pragma once

#include "core/deep/LayeredTrainer.h"

#include <QElapsedTimer>
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
};

} // namespace stepwise::ui

// TrainingController: runs the core Trainer on a worker thread and hands the GUI a snapshot of
// the weights once per display frame. The worker touches no widget; the GUI never waits for it.
// A learner who grabs a slider pauses training while it is held; training then continues from
// the learner's value. A whole run (play … pause) is one undo step.
#pragma once

#include "core/training/OvershootWatch.h"
#include "core/training/Trainer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace stepwise::ui {

class Document;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(Document* doc, QObject* parent = nullptr);
    ~TrainingController() override;

    bool isRunning() const { return running_; }
    void play();
    void pause();
    void toggle() { running_ ? pause() : play(); }
    void stepOnce();           // one optimizer step with the current settings
    void gradientStepByHand(); // exactly θ ← θ − η·∂L/∂θ, one undo step
    void reset();              // back to the initial weights of this run, same seed
    void newSeed();            // fresh random weights from the next seed

    // Steps per display frame; 0 = as fast as the machine goes.
    void setStepsPerFrame(int n);
    int stepsPerFrame() const { return stepsPerFrame_; }

    void holdForEdit();
    void releaseEdit();

    long steps() const { return steps_; }
    double stepsPerSecond() const { return stepsPerSecond_; }
    double currentLoss() const { return loss_; }
    double currentSteepness() const { return steepness_; }
    // Decimated histories for the loss curve and the landscape trail (at most ~20 000 points).
    const std::vector<double>& lossSteps() const { return lossSteps_; }
    const std::vector<double>& lossValues() const { return lossValues_; }
    // The loss, once well down, keeps leaping back up: the learning rate overshoots near the
    // bottom (see OvershootWatch). Cleared by a reset and by new training settings.
    bool overshooting() const { return overshoot_.overshooting(); }
    const std::vector<Eigen::VectorXd>& trail() const { return trail_; }

    // Waits (pumping nothing) until the worker has taken at least `steps` steps; for tests.
    bool waitForSteps(long steps, int timeoutMs);

signals:
    void runningChanged(bool running);
    void progressed(); // once per frame while training, and after a step
    void diverged(const QString& message);
    void stopLossReached(double loss);
    void message(const QString& text);

private:
    struct Snapshot {
        Network network;
        long steps = 0;
        double loss = 0.0, steepness = 1.0;
        std::vector<double> newLosses;
        std::vector<Eigen::VectorXd> newParams;
        bool diverged = false, reachedStop = false;
        std::string reason;
        bool fresh = false;
    };

    bool ensureTrainer();
    void dropTrainer();
    void startWorker();
    void stopWorker();
    void workerLoop();
    void onFrame();
    void takeSnapshot(bool final);
    void appendHistory(const std::vector<double>& losses,
                       const std::vector<Eigen::VectorXd>& params, long firstStep);
    void onDocumentNetworkChanged();
    // Under mutex_: hand the GUI's queued edits to the trainer; leave a snapshot after a run.
    void applyPending();
    void publish(const TrainReport& r);
    void clearHistory();

    Document* doc_;
    QTimer frame_;
    bool running_ = false;
    bool held_ = false;
    bool applyingSnapshot_ = false;
    int stepsPerFrame_ = 0;
    Network runStart_; // for the undo step of this run
    Network initial_;  // for reset
    bool haveInitial_ = false;
    long steps_ = 0;
    double loss_ = 0.0, steepness_ = 1.0, stepsPerSecond_ = 0.0;
    long rateSteps_ = 0;
    QElapsedTimer rateClock_;
    std::vector<double> lossSteps_, lossValues_;
    OvershootWatch overshoot_;
    std::vector<Eigen::VectorXd> trail_;
    long stride_ = 1;

    // Shared with the worker (under mutex_).
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread worker_;
    std::unique_ptr<Trainer> trainer_;
    bool quit_ = false, workerRun_ = false, busy_ = false;
    int ticks_ = 0, chunk_ = 1;
    std::optional<Network> pendingNetwork_;
    std::optional<TrainSettings> pendingSettings_;
    std::optional<Eigen::ArrayXd> pendingTarget_;
    Snapshot snap_;
};

} // namespace stepwise::ui

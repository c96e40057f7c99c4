// TrainingController: runs the core Trainer on a BackgroundWorker (ui/base/BackgroundWorker.h,
// whose rules apply here) and hands the GUI a snapshot of the weights once per display frame.
// The worker touches no widget; the GUI waits for it only to stop it (pause, one step, reset),
// and a stop cancels the chunk in flight between two steps, so it is prompt whatever the chunk.
// A learner who grabs a slider pauses training while it is held; training then continues from
// the learner's value. A whole run (play … pause) is one undo step.
//
// Who owns what: the Trainer belongs to the worker's body while a job runs and to the GUI
// thread only when none runs (after stop()); everything else here is the GUI thread's. The GUI
// never reads the Trainer during a run: it reads the snapshots the body delivers. Edits made
// during a run (weights, settings, target) travel inside the next job and reach the Trainer
// between two chunks.
#pragma once

#include "core/training/OvershootWatch.h"
#include "core/training/Trainer.h"
#include "ui/base/BackgroundWorker.h"
#include "ui/training/RunGhosts.h"
#include "ui/training/TrainingHistory.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <string>
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
    void pause(); // returns once the worker has stopped: no step runs after it
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
    // Decimated histories for the loss curve and the landscape trail: at most
    // TrainingHistory::kDefaultMaxPoints points however long training runs (see TrainingHistory).
    const TrainingHistory& history() const { return history_; }
    const std::vector<double>& lossSteps() const { return history_.steps(); }
    const std::vector<double>& lossValues() const { return history_.losses(); }
    const std::vector<Eigen::VectorXd>& trail() const { return history_.params(); }
    // The loss on the test points at the same steps (empty without a split), and the latest.
    const std::vector<double>& testLossSteps() const { return testHistory_.steps(); }
    const std::vector<double>& testLossValues() const { return testHistory_.losses(); }
    std::optional<double> currentTestLoss() const { return testLoss_; }
    // The loss, once well down, keeps leaping back up: the learning rate overshoots near the
    // bottom (see OvershootWatch). Cleared by a reset and by new training settings.
    bool overshooting() const { return overshoot_.overshooting(); }
    // Faint copies of the runs that ended (a pause after training, or a stop): see RunGhosts.
    RunGhosts* ghosts() const { return ghosts_; }
    // Which loss history is shown: a new number each time it is cleared.
    int historyId() const { return historyId_; }

signals:
    void runningChanged(bool running);
    void progressed(); // once per frame while training, and after a step
    void diverged(const QString& message);
    void stopLossReached(double loss);
    // Early stopping ran out of patience: the weights of the lowest test loss (at `step`) are back.
    void stoppedEarly(long step, double testLoss);
    void message(const QString& text);
    // The step count, the loss history and the overshoot watch were cleared because the network
    // on screen is no longer the one they describe (another chapter, activation, number of
    // neurons, file, or an undone run): views drop what they show of them (warnings too).
    void historyCleared();

private:
    // One job: the edits made since the last job, then `steps` steps (0: as fast as possible
    // until a newer job comes or the run is stopped, in chunks of about 6 ms).
    // The points learnt from and the held-out points (Document::dataSet).
    struct Samples {
        Eigen::ArrayXd x, t, testX, testT;
    };
    struct Job {
        Trainer* trainer = nullptr; // trainer_, lent to the body for this job
        long steps = 0;
        long stepOffset = 0; // steps taken before this trainer (the points changed along x)
        std::optional<Network> network;
        std::optional<TrainSettings> settings;
        std::optional<Samples> samples;
    };
    // What the worker leaves in the mailbox; snapshots not yet taken merge (histories append).
    struct Snapshot {
        Network network;
        long steps = 0;
        double loss = 0.0, steepness = 1.0;
        TrainingHistory fresh{4 * TrainingHistory::kDefaultMaxPoints};
        TrainingHistory freshTest{4 * TrainingHistory::kDefaultMaxPoints};
        std::optional<double> testLoss;
        bool diverged = false, reachedStop = false, stoppedEarly = false;
        std::string reason;
    };
    using Worker = BackgroundWorker<Job, Snapshot>;

    // On the worker thread.
    void train(Job& job, const Worker::Context& ctx);
    static Snapshot snapshotOf(Trainer& trainer, const TrainReport& r, long stepOffset);
    static void applyEdits(Trainer& trainer, Job& job);

    // On the GUI thread.
    bool ensureTrainer();
    void dropTrainer();
    void submitRun(Worker::Running running = Worker::Running::Continue);
    void onFrame();
    void takeSnapshot(bool final);
    void show(Snapshot s, bool final);
    void onDocumentNetworkChanged();
    void clearHistory();
    Samples samplesOfDocument() const;
    void onTargetChanged();
    void keepBestTestWeights(); // early stopping: the paused run shows its lowest test loss
    void forgetRun(); // clearHistory() for a network that replaced the trained one, and say so

    Document* doc_;
    QTimer frame_;
    bool running_ = false;
    bool held_ = false;
    bool applyingSnapshot_ = false;
    int stepsPerFrame_ = 0;
    Network runStart_; // for the undo step of this run
    long runStartSteps_ = 0;
    Network initial_; // for reset
    bool haveInitial_ = false;
    int lessonChapter_ = -1; // the lesson chapter the history belongs to
    int trainerHidden_ = -1; // the trainer's number of hidden neurons (-1: no trainer)
    Job edits_;              // edits not yet handed to the trainer
    long steps_ = 0;
    double loss_ = 0.0, steepness_ = 1.0, stepsPerSecond_ = 0.0;
    long rateSteps_ = 0;
    QElapsedTimer rateClock_;
    TrainingHistory history_;
    TrainingHistory testHistory_;
    std::optional<double> testLoss_;
    OvershootWatch overshoot_;
    RunGhosts* ghosts_;
    int historyId_ = 0;

    // The worker's while a job runs, the GUI's otherwise (see the header comment).
    std::unique_ptr<Trainer> trainer_;
    Eigen::ArrayXd trainerX_; // the x the trainer learns at (the GUI's copy)
    long stepOffset_ = 0;     // steps before trainer_ (it replaced one when the points' x changed)
    long adaptiveChunk_ = 16; // the body's alone: steps that take about 6 ms
    Worker worker_;           // last: joined before the members above go
};

} // namespace stepwise::ui

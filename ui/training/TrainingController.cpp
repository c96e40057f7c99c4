#include "ui/training/TrainingController.h"

#include "core/scenario/Presets.h"
#include "ui/base/Frame.h"
#include "ui/document/Document.h"

#include <QThread>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace stepwise::ui {

namespace {
constexpr double kChunkMs = 6.0;    // work per chunk when running as fast as possible
constexpr long kMaxChunk = 1 << 20; // steps in one chunk, at most
} // namespace

TrainingController::TrainingController(Document* doc, QObject* parent)
    : QObject(parent), doc_(doc),
      worker_([this](Job& job, const Worker::Context& ctx) { train(job, ctx); },
              Worker::Hooks{
                  // Snapshots the GUI has not taken yet: the newest weights, every loss.
                  [](Snapshot& older, Snapshot&& newer) {
                      older.fresh.append(newer.fresh);
                      newer.fresh = std::move(older.fresh);
                      older.freshTest.append(newer.freshTest);
                      newer.freshTest = std::move(older.freshTest);
                      if (older.diverged || older.reachedStop || older.stoppedEarly) {
                          newer.diverged = newer.diverged || older.diverged;
                          newer.reachedStop = newer.reachedStop || older.reachedStop;
                          newer.stoppedEarly = newer.stoppedEarly || older.stoppedEarly;
                          if (newer.reason.empty()) newer.reason = std::move(older.reason);
                      }
                      older = std::move(newer);
                  },
                  // A job replaced before it ran hands on the edits it carried.
                  [](Job& newer, Job&& waiting) {
                      if (!newer.network) newer.network = std::move(waiting.network);
                      if (!newer.settings) newer.settings = std::move(waiting.settings);
                      if (!newer.samples) newer.samples = std::move(waiting.samples);
                  },
                  {} // the GUI polls the mailbox on its frame timer
              }) {
    frame_.setInterval(kFrameMs);
    frame_.setTimerType(Qt::PreciseTimer);
    connect(&frame_, &QTimer::timeout, this, &TrainingController::onFrame);
    connect(doc_, &Document::networkChanged, this, &TrainingController::onDocumentNetworkChanged);
    // Whatever view opens a drag (a slider, a step handle, the diagram), training holds for it.
    connect(doc_, &Document::dragStarted, this, &TrainingController::holdForEdit);
    connect(doc_, &Document::dragEnded, this, &TrainingController::releaseEdit);
    // What training shows (steps, loss curve, warnings) describes the network on screen: a
    // network that replaces it (another activation or number of neurons, another file, another
    // chapter of the lesson, an undone run) starts with none of it.
    connect(doc_, &Document::structureChanged, this, [this] {
        pause();
        dropTrainer();
        forgetRun();
    });
    connect(doc_, &Document::scenarioReplaced, this, [this] {
        pause();
        dropTrainer();
        haveInitial_ = false;
        lessonChapter_ = doc_->scenario().lesson.chapter;
        forgetRun();
    });
    connect(doc_, &Document::lessonChanged, this, [this] {
        if (doc_->scenario().lesson.chapter == lessonChapter_) return;
        lessonChapter_ = doc_->scenario().lesson.chapter;
        pause();
        dropTrainer();
        haveInitial_ = false;
        forgetRun();
    });
    connect(doc_, &Document::trainingRunUndone, this, [this] {
        // Undo may come during a run (the run before this one was undone): the run goes on from
        // the weights undo restored, with a fresh history.
        if (!running_) {
            dropTrainer();
            haveInitial_ = false;
        }
        forgetRun();
    });
    connect(doc_, &Document::targetChanged, this, &TrainingController::onTargetChanged);
    connect(doc_, &Document::trainingSettingsChanged, this, [this] {
        overshoot_.reset(); // a new learning rate gets a fresh look
        if (!trainer_) return;
        edits_.settings = doc_->scenario().training;
        if (running_ && !held_) submitRun();
    });
    // Made after the links above: a run that a new scenario ends leaves its ghost first, then
    // the ghosts hear of the new scenario and all go.
    ghosts_ = new RunGhosts(doc_, this);
}

TrainingController::~TrainingController() {
    // Stop before anything goes: the chunk in flight is cancelled, the worker joins last.
    worker_.stop();
}

// ---- the worker thread ------------------------------------------------------------------------

void TrainingController::applyEdits(Trainer& trainer, Job& job) {
    if (job.network) trainer.setNetwork(*job.network);
    if (job.settings) trainer.setSettings(*job.settings);
    if (job.samples) { // the same x (onTargetChanged): new values, new test points
        trainer.setTarget(std::move(job.samples->t));
        trainer.setTestSet(std::move(job.samples->testX), std::move(job.samples->testT));
    }
    job.network.reset();
    job.settings.reset();
    job.samples.reset();
}

TrainingController::Snapshot TrainingController::snapshotOf(Trainer& trainer, const TrainReport& r,
                                                            long stepOffset) {
    Snapshot s;
    s.network = trainer.network();
    s.steps = stepOffset + r.steps;
    s.loss = r.loss;
    s.steepness = trainer.currentSteepness();
    const std::vector<double>& losses = trainer.lossHistory();
    const std::vector<double>& tests = trainer.testLossHistory();
    const std::vector<Eigen::VectorXd>& params = trainer.paramHistory();
    const long first = s.steps - static_cast<long>(losses.size());
    for (std::size_t i = 0; i < losses.size(); ++i) {
        s.fresh.add(first + static_cast<long>(i), losses[i],
                    i < params.size() ? &params[i] : nullptr);
        if (tests.size() == losses.size())
            s.freshTest.add(first + static_cast<long>(i), tests[i], nullptr);
    }
    trainer.clearHistory();
    s.testLoss = r.testLoss;
    s.diverged = r.diverged;
    s.reachedStop = r.reachedStopLoss;
    s.stoppedEarly = r.stoppedEarly;
    s.reason = r.reason;
    return s;
}

void TrainingController::train(Job& job, const Worker::Context& ctx) {
    using clock = std::chrono::steady_clock;
    if (!job.trainer) return; // submitRun() always lends one; this only guards the rule
    Trainer& trainer = *job.trainer;
    applyEdits(trainer, job);
    const bool fast = job.steps == 0;
    // Between two steps: a paced chunk stops only when cancelled (a newer job waits its turn);
    // a fast run also makes way for a newer job, which carries edits or a new pace.
    const std::function<bool(long)> goOn = [&ctx, fast](long) {
        return fast ? !ctx.shouldStop() : !ctx.cancelled();
    };
    if (ctx.cancelled()) return; // a job cancelled before it ran only hands over its edits
    do {
        const long chunk = fast ? adaptiveChunk_ : job.steps;
        const auto t0 = clock::now();
        const TrainReport r = trainer.run(chunk, goOn, 1);
        const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        if (fast && !r.cancelled) // aim at ~6 ms of work per chunk so snapshots stay frequent
            adaptiveChunk_ = std::clamp<long>(
                static_cast<long>(chunk * kChunkMs / std::max(ms, 0.01)), 1, kMaxChunk);
        ctx.deliver(snapshotOf(trainer, r, job.stepOffset));
        if (r.diverged || r.reachedStopLoss || r.stoppedEarly || r.cancelled) return;
    } while (fast && !ctx.shouldStop());
}

// ---- the GUI thread ---------------------------------------------------------------------------

bool TrainingController::ensureTrainer() {
    if (!doc_->hasTarget()) {
        emit message(tr("There is nothing to learn yet: draw a target curve or pick one from "
                        "the Target menu first."));
        return false;
    }
    if (trainer_) return true;
    worker_.stop(); // nothing runs without a trainer; this only makes the rule visible
    if (!haveInitial_) {
        initial_ = doc_->network();
        haveInitial_ = true;
    }
    const Scenario& s = doc_->scenario();
    // Only the training points are learnt from; the test points are scored, never learnt.
    Samples data = samplesOfDocument();
    trainer_ = std::make_unique<Trainer>(doc_->network(), std::move(data.x), std::move(data.t),
                                         s.training, std::mt19937_64(s.training.seed));
    trainer_->setTestSet(std::move(data.testX), std::move(data.testT));
    trainer_->setRecordParams(true);
    trainerX_ = doc_->sampleX();
    stepOffset_ = 0;
    trainerHidden_ = doc_->network().hidden();
    edits_ = {};
    worker_.take();
    return true;
}

void TrainingController::dropTrainer() {
    worker_.stop(); // never destroy the trainer under a chunk in flight
    worker_.take();
    trainer_.reset();
    trainerHidden_ = -1;
    edits_ = {};
}

void TrainingController::onTargetChanged() {
    if (!trainer_) return;
    if (!doc_->hasTarget()) { // every point removed: nothing left to learn
        pause();
        dropTrainer();
        return;
    }
    Samples data = samplesOfDocument();
    if (data.x.size() == trainerX_.size() && (data.x == trainerX_).all()) {
        edits_.samples = std::move(data); // new values at the same x: the trainer takes them
        if (running_ && !held_) submitRun();
        return;
    }
    // Points came, went or moved along x: a trainer on the new points carries on from the weights
    // shown, its steps counted on from the ones taken so far. (The optimizer starts afresh.)
    worker_.stop();
    takeSnapshot(true);
    const long taken = steps_;
    dropTrainer();
    if (!ensureTrainer()) return;
    stepOffset_ = taken;
    if (running_ && !held_) submitRun();
}

TrainingController::Samples TrainingController::samplesOfDocument() const {
    const PointArrays test = toArrays(doc_->testPoints());
    return {doc_->sampleX(), doc_->sampleT(), test.x, test.y};
}

void TrainingController::keepBestTestWeights() {
    // Only when no job runs (the trainer is the GUI's) and early stopping is on.
    if (!trainer_ || !trainer_->settings().earlyStopping || !trainer_->hasTestSet() ||
        trainer_->bestStep() < 0)
        return;
    const Network best = trainer_->bestNetwork();
    if (best == trainer_->network()) return;
    trainer_->setNetwork(best);
    applyingSnapshot_ = true;
    doc_->showTrainingNetwork(best);
    applyingSnapshot_ = false;
    testLoss_ = trainer_->testLoss();
    emit message(tr("Early stopping: the weights with the lowest test loss are back."));
}

void TrainingController::clearHistory() {
    ++historyId_;
    overshoot_.reset();
    history_.clear();
    testHistory_.clear();
    testLoss_.reset();
    steps_ = 0;
    stepsPerSecond_ = 0.0;
}

void TrainingController::forgetRun() {
    clearHistory();
    loss_ = 0.0;
    steepness_ = 1.0;
    emit historyCleared();
    emit progressed();
}

void TrainingController::submitRun(Worker::Running running) {
    Job job = std::move(edits_);
    edits_ = {};
    job.trainer = trainer_.get();
    job.steps = stepsPerFrame_;
    job.stepOffset = stepOffset_;
    worker_.submit(std::move(job), running);
}

void TrainingController::play() {
    if (running_) return;
    if (!ensureTrainer()) return;
    runStart_ = doc_->network();
    runStartSteps_ = steps_;
    running_ = true;
    rateClock_.start();
    rateSteps_ = steps_;
    if (!held_) submitRun();
    frame_.start();
    doc_->setLiveTraining(true);
    emit runningChanged(true);
}

void TrainingController::pause() {
    if (!running_) return;
    frame_.stop();
    // Cancels the chunk in flight (between two steps) and waits for it: the document then shows
    // exactly where the run stopped, and nothing steps the trainer behind the GUI's back.
    worker_.stop();
    takeSnapshot(true);
    keepBestTestWeights();
    running_ = false;
    // The run leaves a ghost of where it got (the trainer is ours again: the worker stopped).
    if (trainer_ && steps_ > runStartSteps_)
        ghosts_->addRun(trainer_->network(), trainer_->settings(), history_.steps(),
                        history_.losses(), steps_, historyId_);
    doc_->setLiveTraining(false);
    doc_->recordTrainingRun(runStart_, doc_->network(), steps_ - runStartSteps_);
    emit runningChanged(false);
}

void TrainingController::stepOnce() {
    if (running_) pause();
    if (!ensureTrainer()) return;
    const Network before = doc_->network();
    // Not running: the worker is stopped (pause() or ensureTrainer() saw to it), the trainer is
    // ours.
    applyEdits(*trainer_, edits_);
    const TrainReport r = trainer_->step();
    show(snapshotOf(*trainer_, r, stepOffset_), true);
    keepBestTestWeights();
    doc_->recordTrainingRun(before, doc_->network(), 1);
}

void TrainingController::gradientStepByHand() {
    if (running_) pause();
    if (!doc_->hasTarget()) {
        emit message(tr("A gradient step needs a target: draw one or pick one first."));
        return;
    }
    const Eigen::VectorXd& g = doc_->gradient();
    Network n = doc_->network();
    Eigen::VectorXd p = packParams(n);
    const TrainSettings& s = doc_->scenario().training;
    Eigen::VectorXd mask = Eigen::VectorXd::Ones(p.size());
    if (s.layers == LearningLayers::OutputOnly) mask.head(2 * n.hidden()).setZero();
    p.array() -= s.optimizer.learningRate * g.array() * mask.array();
    if (!p.allFinite()) {
        emit message(tr("That step would make a weight infinite; try a smaller learning rate."));
        return;
    }
    unpackParams(n, p);
    doc_->setNetwork(n, tr("One gradient step"));
}

void TrainingController::reset() {
    const bool wasRunning = running_;
    if (running_) pause();
    if (haveInitial_ && initial_.hidden() == doc_->network().hidden())
        doc_->setNetwork(initial_, tr("Reset training"));
    dropTrainer();
    clearHistory();
    haveInitial_ = false;
    emit progressed();
    if (wasRunning) play();
}

void TrainingController::newSeed() {
    if (running_) pause();
    TrainSettings s = doc_->scenario().training;
    s.seed = s.seed + 1;
    doc_->setTrainingSettings(s);
    const Scenario& sc = doc_->scenario();
    std::mt19937_64 rng(s.seed);
    Network n =
        randomNetwork(sc.network.hidden(), sc.network.activation, sc.domain.lo, sc.domain.hi, rng);
    doc_->setNetwork(n, tr("New random weights (seed %1)").arg(s.seed));
    dropTrainer();
    clearHistory();
    haveInitial_ = false;
    emit progressed();
}

void TrainingController::setStepsPerFrame(int n) {
    n = std::max(0, n);
    if (n == stepsPerFrame_) return;
    stepsPerFrame_ = n;
    // The new pace starts now: the chunk in flight (perhaps a long one) makes way for it.
    if (running_ && !held_) submitRun(Worker::Running::Cancel);
}

void TrainingController::holdForEdit() {
    held_ = true;
    worker_.cancel(); // the chunk in flight stops between two steps; its snapshot is kept
}

void TrainingController::releaseEdit() {
    held_ = false;
    if (trainer_) edits_.network = doc_->network();
    if (running_) submitRun();
}

void TrainingController::onDocumentNetworkChanged() {
    if (applyingSnapshot_) return;
    // The learner (or undo) changed the weights: training continues from them.
    if (!trainer_ || doc_->network().hidden() != trainerHidden_) return;
    edits_.network = doc_->network();
    if (running_ && !held_) submitRun();
}

void TrainingController::takeSnapshot(bool final) {
    if (std::optional<Snapshot> s = worker_.take()) show(std::move(*s), final);
}

void TrainingController::show(Snapshot s, bool final) {
    // Every loss of a full-batch run goes past the overshoot watch (a mini-batch loss is noisy).
    const int batch = doc_->scenario().training.batchSize;
    if (batch <= 0 || batch >= doc_->sampleX().size())
        for (double l : s.fresh.losses())
            overshoot_.add(l);
    history_.append(s.fresh);
    testHistory_.append(s.freshTest);
    if (s.testLoss) testLoss_ = s.testLoss;
    steps_ = s.steps;
    loss_ = s.loss;
    steepness_ = s.steepness;
    // While the learner holds a weight (a slider or a step handle), a snapshot the worker made
    // before the hold must not overwrite what they are dragging: its weights are dropped (the
    // trainer restarts from the learner's network on release), its history is kept.
    if (!held_) {
        applyingSnapshot_ = true;
        doc_->showTrainingNetwork(s.network);
        applyingSnapshot_ = false;
    }
    const double secs = rateClock_.isValid() ? rateClock_.elapsed() / 1000.0 : 0.0;
    if (secs > 0.25) {
        stepsPerSecond_ = (steps_ - rateSteps_) / secs;
        rateClock_.restart();
        rateSteps_ = steps_;
    }
    emit progressed();
    if (s.diverged) {
        const double lr = doc_->scenario().training.optimizer.learningRate;
        const QString msg =
            tr("Training ran away: %1. The learning rate (%2) is probably too big for this "
               "curve; try %3.")
                .arg(QString::fromStdString(s.reason))
                .arg(lr)
                .arg(lr / 10.0);
        if (!final) pause();
        emit diverged(msg);
    } else if (s.reachedStop) {
        if (!final) pause();
        emit stopLossReached(s.loss);
    } else if (s.stoppedEarly) {
        if (!final) pause();
        emit stoppedEarly(trainer_ ? stepOffset_ + trainer_->bestStep() : steps_,
                          testLoss_.value_or(0.0));
    }
}

void TrainingController::onFrame() {
    takeSnapshot(false);
    // At a fixed pace, one chunk per frame; as fast as possible, the job runs until stopped.
    if (running_ && !held_ && stepsPerFrame_ > 0) submitRun();
}

} // namespace stepwise::ui

#include "ui/training/TrainingController.h"

#include "core/scenario/Presets.h"
#include "ui/document/Document.h"

#include <QThread>

#include <chrono>
#include <cmath>

namespace stepwise::ui {

namespace {
constexpr std::size_t kMaxHistory = 20000;
constexpr int kFrameMs = 15; // a little under 1/60 s, so a late frame still lands within 17 ms
} // namespace

TrainingController::TrainingController(Document* doc, QObject* parent)
    : QObject(parent), doc_(doc) {
    frame_.setInterval(kFrameMs);
    frame_.setTimerType(Qt::PreciseTimer);
    connect(&frame_, &QTimer::timeout, this, &TrainingController::onFrame);
    connect(doc_, &Document::networkChanged, this, &TrainingController::onDocumentNetworkChanged);
    // Whatever view opens a drag (a slider, a step handle, the diagram), training holds for it.
    connect(doc_, &Document::dragStarted, this, &TrainingController::holdForEdit);
    connect(doc_, &Document::dragEnded, this, &TrainingController::releaseEdit);
    connect(doc_, &Document::structureChanged, this, [this] {
        pause();
        dropTrainer();
    });
    connect(doc_, &Document::scenarioReplaced, this, [this] {
        pause();
        dropTrainer();
        haveInitial_ = false;
    });
    connect(doc_, &Document::targetChanged, this, [this] {
        std::lock_guard lock(mutex_);
        if (trainer_) pendingTarget_ = doc_->targetSamples();
    });
    connect(doc_, &Document::trainingSettingsChanged, this, [this] {
        overshoot_.reset(); // a new learning rate gets a fresh look
        std::lock_guard lock(mutex_);
        if (trainer_) pendingSettings_ = doc_->scenario().training;
    });
    startWorker();
}

TrainingController::~TrainingController() {
    stopWorker();
}

void TrainingController::startWorker() {
    worker_ = std::thread([this] { workerLoop(); });
}

void TrainingController::stopWorker() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

bool TrainingController::ensureTrainer() {
    if (!doc_->hasTarget()) {
        emit message(tr("There is nothing to learn yet: draw a target curve or pick one from "
                        "the Target menu first."));
        return false;
    }
    std::lock_guard lock(mutex_);
    if (trainer_) return true;
    if (!haveInitial_) {
        initial_ = doc_->network();
        haveInitial_ = true;
    }
    const Scenario& s = doc_->scenario();
    trainer_ = std::make_unique<Trainer>(doc_->network(), doc_->x(), doc_->targetSamples(),
                                         s.training, std::mt19937_64(s.training.seed));
    trainer_->setRecordParams(true);
    pendingNetwork_.reset();
    pendingSettings_.reset();
    pendingTarget_.reset();
    snap_ = {};
    return true;
}

void TrainingController::dropTrainer() {
    std::unique_lock lock(mutex_);
    workerRun_ = false;
    // The worker trains without the lock: never destroy the trainer under a chunk in flight.
    wake_.wait(lock, [this] { return !busy_; });
    trainer_.reset();
    snap_ = {};
}

void TrainingController::clearHistory() {
    overshoot_.reset();
    lossSteps_.clear();
    lossValues_.clear();
    trail_.clear();
    stride_ = 1;
    steps_ = 0;
    stepsPerSecond_ = 0.0;
}

void TrainingController::play() {
    if (running_) return;
    if (!ensureTrainer()) return;
    runStart_ = doc_->network();
    running_ = true;
    rateClock_.start();
    rateSteps_ = steps_;
    {
        std::lock_guard lock(mutex_);
        workerRun_ = !held_;
        chunk_ = std::max(1, stepsPerFrame_);
        ticks_ = 1;
    }
    wake_.notify_all();
    frame_.start();
    doc_->setLiveTraining(true);
    emit runningChanged(true);
}

void TrainingController::pause() {
    if (!running_) return;
    {
        std::unique_lock lock(mutex_);
        workerRun_ = false;
    }
    frame_.stop();
    // Wait for the chunk in flight so the document shows exactly where the run stopped.
    {
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(2), [this] { return !busy_; });
    }
    takeSnapshot(true);
    running_ = false;
    doc_->setLiveTraining(false);
    doc_->recordTrainingRun(runStart_, doc_->network(), steps_);
    emit runningChanged(false);
}

void TrainingController::stepOnce() {
    if (running_) pause();
    if (!ensureTrainer()) return;
    const Network before = doc_->network();
    {
        std::lock_guard lock(mutex_);
        applyPending();
        publish(trainer_->step());
    }
    takeSnapshot(true);
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
    stepsPerFrame_ = std::max(0, n);
    std::lock_guard lock(mutex_);
    chunk_ = std::max(1, stepsPerFrame_);
}

void TrainingController::holdForEdit() {
    held_ = true;
    std::lock_guard lock(mutex_);
    workerRun_ = false;
}

void TrainingController::releaseEdit() {
    held_ = false;
    {
        std::lock_guard lock(mutex_);
        if (trainer_) pendingNetwork_ = doc_->network();
        workerRun_ = running_;
        ticks_ = 1;
    }
    wake_.notify_all();
}

void TrainingController::onDocumentNetworkChanged() {
    if (applyingSnapshot_) return;
    // The learner (or undo) changed the weights: training continues from them.
    std::lock_guard lock(mutex_);
    if (trainer_ && doc_->network().hidden() == trainer_->network().hidden())
        pendingNetwork_ = doc_->network();
}

void TrainingController::workerLoop() {
    using clock = std::chrono::steady_clock;
    std::unique_lock lock(mutex_);
    long adaptive = 16;
    while (true) {
        wake_.wait(lock, [this] {
            return quit_ || (workerRun_ && trainer_ && (stepsPerFrame_ == 0 || ticks_ > 0));
        });
        if (quit_) return;
        applyPending();
        const bool fast = stepsPerFrame_ == 0;
        const long chunk = fast ? adaptive : chunk_;
        if (!fast) --ticks_;
        Trainer* trainer = trainer_.get();
        busy_ = true;
        lock.unlock();
        // Train without the lock: the GUI can queue edits meanwhile.
        const auto t0 = clock::now();
        const TrainReport r = trainer->run(chunk);
        const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        if (fast) // aim at ~6 ms of work per chunk so snapshots stay frequent
            adaptive =
                std::clamp<long>(static_cast<long>(chunk * 6.0 / std::max(ms, 0.01)), 1, 1 << 20);
        lock.lock();
        busy_ = false;
        publish(r);
        if (r.diverged || r.reachedStopLoss) workerRun_ = false;
        wake_.notify_all();
    }
}

void TrainingController::applyPending() {
    if (pendingNetwork_) trainer_->setNetwork(*pendingNetwork_);
    if (pendingSettings_) trainer_->setSettings(*pendingSettings_);
    if (pendingTarget_) trainer_->setTarget(*pendingTarget_);
    pendingNetwork_.reset();
    pendingSettings_.reset();
    pendingTarget_.reset();
}

void TrainingController::publish(const TrainReport& r) {
    snap_.network = trainer_->network();
    snap_.steps = r.steps;
    snap_.loss = r.loss;
    snap_.steepness = trainer_->currentSteepness();
    snap_.newLosses.insert(snap_.newLosses.end(), trainer_->lossHistory().begin(),
                           trainer_->lossHistory().end());
    snap_.newParams.insert(snap_.newParams.end(), trainer_->paramHistory().begin(),
                           trainer_->paramHistory().end());
    // Keep the hand-over bounded if the GUI is slow to collect.
    if (snap_.newParams.size() > 4 * kMaxHistory)
        snap_.newParams.erase(snap_.newParams.begin(), snap_.newParams.end() - kMaxHistory);
    trainer_->clearHistory();
    snap_.fresh = true;
    if (r.diverged || r.reachedStopLoss) {
        snap_.diverged = r.diverged;
        snap_.reachedStop = r.reachedStopLoss;
        snap_.reason = r.reason;
    }
}

void TrainingController::appendHistory(const std::vector<double>& losses,
                                       const std::vector<Eigen::VectorXd>& params, long firstStep) {
    // Every loss of a full-batch run goes past the overshoot watch (a mini-batch loss is noisy).
    const int batch = doc_->scenario().training.batchSize;
    if (batch <= 0 || batch >= doc_->scenario().domain.samples)
        for (double l : losses)
            overshoot_.add(l);
    for (std::size_t i = 0; i < losses.size(); ++i) {
        const long step = firstStep + static_cast<long>(i);
        if (step % stride_ != 0) continue;
        lossSteps_.push_back(static_cast<double>(step));
        lossValues_.push_back(losses[i]);
        if (i < params.size()) trail_.push_back(params[i]);
        if (lossValues_.size() > kMaxHistory) {
            // Keep every second point and double the stride: the curve keeps its shape.
            std::size_t k = 0;
            for (std::size_t m = 0; m < lossValues_.size(); m += 2, ++k) {
                lossSteps_[k] = lossSteps_[m];
                lossValues_[k] = lossValues_[m];
                if (m < trail_.size()) trail_[k] = trail_[m];
            }
            lossSteps_.resize(k);
            lossValues_.resize(k);
            trail_.resize(std::min(trail_.size(), k));
            stride_ *= 2;
        }
    }
}

void TrainingController::takeSnapshot(bool final) {
    Snapshot s;
    {
        std::lock_guard lock(mutex_);
        if (!snap_.fresh) return;
        s = std::move(snap_);
        snap_ = {};
    }
    const long first = s.steps - static_cast<long>(s.newLosses.size());
    appendHistory(s.newLosses, s.newParams, first);
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
    }
}

void TrainingController::onFrame() {
    takeSnapshot(false);
    if (!running_) return;
    {
        std::lock_guard lock(mutex_);
        ticks_ = 1;
    }
    wake_.notify_all();
}

bool TrainingController::waitForSteps(long steps, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        {
            std::lock_guard lock(mutex_);
            if (snap_.fresh && snap_.steps >= steps) return true;
            if (!workerRun_ && snap_.fresh) return snap_.steps >= steps;
        }
        QThread::msleep(2);
    }
    return false;
}

} // namespace stepwise::ui

#include "ui/deep/LayeredTrainingController.h"

#include "core/deep/RandomLayered.h"
#include "ui/base/Frame.h"
#include "ui/document/Document.h"

#include <chrono>
#include <cmath>
#include <limits>

namespace stepwise::ui {

namespace {
// The worker hands its weights over this often (a frame takes the newest).
constexpr auto kDeliverEvery = std::chrono::milliseconds(8);
// Kept of the trainer's own loss history on a long run (the window keeps its own).
constexpr std::size_t kTrainerHistory = 4096;
} // namespace

LayeredTrainingController::LayeredTrainingController(Document* doc, QObject* parent)
    : QObject(parent), doc_(doc), worker_([](Job& job, const auto& ctx) {
          LayeredTrainer& t = *job.trainer;
          long done = 0;
          auto last = std::chrono::steady_clock::now();
          auto deliver = [&](const TrainReport& r) {
              Snapshot s;
              s.net = t.network();
              s.done = done;
              s.loss = t.lossHistory().empty() ? std::numeric_limits<double>::quiet_NaN()
                                               : t.lossHistory().back();
              s.diverged = r.diverged;
              s.reachedStopLoss = r.reachedStopLoss;
              s.reason = r.reason;
              ctx.deliver(std::move(s));
          };
          TrainReport r;
          // One step at a time, so a pause or an edit waits for one step at most.
          while (!ctx.shouldStop()) {
              const long before = r.steps;
              r = t.run(1);
              done += r.steps > before ? r.steps - before : 1;
              if (t.lossHistory().size() >= kTrainerHistory) t.clearHistory();
              const auto now = std::chrono::steady_clock::now();
              if (r.diverged || r.reachedStopLoss) {
                  deliver(r);
                  return;
              }
              if (now - last >= kDeliverEvery) {
                  deliver(r);
                  last = now;
              }
          }
          deliver(r); // what was reached when told to stop
      }) {
    timer_.setInterval(kFrameMs);
    connect(&timer_, &QTimer::timeout, this, &LayeredTrainingController::frame);
    connect(doc_, &Document::networkChanged, this, &LayeredTrainingController::onDocumentChanged);
    connect(doc_, &Document::targetChanged, this, &LayeredTrainingController::onDocumentChanged);
    connect(doc_, &Document::trainingSettingsChanged, this,
            &LayeredTrainingController::onDocumentChanged);
    connect(doc_, &Document::scenarioReplaced, this, [this] {
        pause();
        steps_ = 0;
        historySteps_.clear();
        historyLoss_.clear();
        emit progressed();
    });
    connect(doc_, &Document::structureChanged, this, [this] {
        if (!doc_->isLayered()) pause();
        steps_ = 0;
        historySteps_.clear();
        historyLoss_.clear();
        emit progressed();
    });
    // A drag while training: the run waits (the weights stay as shown under the pointer) and
    // goes on from the dragged network when the drag ends.
    connect(doc_, &Document::dragStarted, this, [this] {
        dragging_ = true;
        if (!running_) return;
        timer_.stop();
        haltWorker(false);
    });
    connect(doc_, &Document::dragEnded, this, [this] {
        dragging_ = false;
        if (!running_) return;
        if (!ensureTrainer()) {
            stopRun();
            return;
        }
        startWorker();
        timer_.start();
    });
}

LayeredTrainingController::~LayeredTrainingController() = default;

LayeredTrainSettings LayeredTrainingController::settingsFrom(const Document& doc) {
    return settingsFrom(doc.scenario());
}

LayeredTrainSettings LayeredTrainingController::settingsFrom(const Scenario& scenario) {
    const TrainSettings& t = scenario.training;
    LayeredTrainSettings s;
    s.optimizer = t.optimizer;
    s.batchSize = t.batchSize;
    s.surrogateSteepness = t.surrogateSteepness;
    s.stopLoss = t.stopLoss;
    if (t.layers == LearningLayers::OutputOnly && scenario.layered) {
        s.learns.assign(scenario.layered->depth() + 1, false);
        s.learns.back() = true;
    }
    return s;
}

bool LayeredTrainingController::ensureTrainer() {
    if (!doc_->isLayered()) return false;
    if (!doc_->hasLayeredTarget()) {
        emit message(tr("There is no target to learn: choose or draw one first."));
        return false;
    }
    if (trainer_) return true;
    trainer_ = std::make_unique<LayeredTrainer>(
        doc_->layered(), doc_->layeredX(), doc_->layeredT(), settingsFrom(*doc_),
        std::mt19937_64(doc_->scenario().training.seed + static_cast<std::uint64_t>(steps_)));
    if (trainer_->problem()) {
        emit message(QString::fromStdString(*trainer_->problem()));
        trainer_.reset();
        return false;
    }
    return true;
}

void LayeredTrainingController::play() {
    if (running_ || !ensureTrainer()) return;
    runStart_ = doc_->layered();
    runSteps_ = 0;
    running_ = true;
    doc_->setLiveTraining(true);
    if (!dragging_) {
        startWorker();
        timer_.start();
    }
    emit runningChanged(true);
}

void LayeredTrainingController::startWorker() {
    jobBase_ = steps_;
    jobShown_ = 0;
    worker_.submit(Job{trainer_.get()});
}

void LayeredTrainingController::haltWorker(bool show) {
    worker_.stop();
    const std::optional<Snapshot> last = worker_.take();
    if (last && show) apply(*last);
}

void LayeredTrainingController::apply(const Snapshot& s) {
    const long fresh = s.done - jobShown_;
    jobShown_ = s.done;
    steps_ = jobBase_ + s.done;
    runSteps_ += fresh;
    if (std::isfinite(s.loss)) loss_ = s.loss;
    showing_ = true;
    doc_->showTrainingLayered(s.net);
    showing_ = false;
    if (std::isfinite(s.loss) && fresh > 0) {
        historySteps_.push_back(static_cast<double>(steps_));
        historyLoss_.push_back(s.loss);
        if (historySteps_.size() > kMaxHistory) {
            std::size_t k = 0;
            for (std::size_t i = 0; i < historySteps_.size(); i += 2, ++k) {
                historySteps_[k] = historySteps_[i];
                historyLoss_[k] = historyLoss_[i];
            }
            historySteps_.resize(k);
            historyLoss_.resize(k);
        }
    }
    emit progressed();
}

void LayeredTrainingController::pause() {
    if (!running_) return;
    timer_.stop();
    if (!dragging_) haltWorker(true);
    running_ = false;
    doc_->setLiveTraining(false);
    record();
    emit runningChanged(false);
}

void LayeredTrainingController::record() {
    if (runStart_ && doc_->isLayered()) {
        showing_ = true;
        doc_->recordLayeredRun(*runStart_, doc_->layered(), runSteps_);
        showing_ = false;
    }
    runStart_.reset();
    runSteps_ = 0;
}

void LayeredTrainingController::stepOnce() {
    if (running_) pause();
    if (!ensureTrainer()) return;
    const LayeredNetwork before = doc_->layered();
    const TrainReport r = trainer_->run(1);
    steps_ += 1;
    loss_ = trainer_->loss();
    showing_ = true;
    doc_->showTrainingLayered(trainer_->network());
    doc_->recordLayeredRun(before, trainer_->network(), 1);
    showing_ = false;
    record();
    if (r.diverged) emit diverged(QString::fromStdString(r.reason));
    historySteps_.push_back(static_cast<double>(steps_));
    historyLoss_.push_back(loss_);
    emit progressed();
}

void LayeredTrainingController::frame() {
    const std::optional<Snapshot> s = worker_.take();
    if (!s) return;
    apply(*s);
    if (s->diverged) {
        stopRun();
        emit diverged(tr("Training stopped: %1").arg(QString::fromStdString(s->reason)));
    } else if (s->reachedStopLoss) {
        stopRun();
        emit message(tr("Reached the stop loss after %L1 steps.").arg(steps_));
    }
}

void LayeredTrainingController::stopRun() {
    if (running_) pause();
}

void LayeredTrainingController::onDocumentChanged() {
    if (showing_) return;
    // An edit from outside (a drag, undo, a new target or settings): start again from it. What
    // the worker reached since the last frame is dropped: the edit was made on what was shown.
    const bool working = running_ && !dragging_;
    if (working) haltWorker(false);
    trainer_.reset();
    if (!working) return;
    if (!ensureTrainer()) {
        stopRun();
        return;
    }
    startWorker();
}

void LayeredTrainingController::newSeed() {
    if (!doc_->isLayered()) return;
    pause();
    ++seedBump_;
    const LayeredNetwork& now = doc_->layered();
    std::vector<LayerShape> shape = now.shape();
    std::mt19937_64 rng(doc_->scenario().training.seed * 7919 + seedBump_);
    const Domain& d = doc_->scenario().domain;
    LayeredNetwork fresh = randomLayeredNetwork(now.inputs, shape, d.lo, d.hi, rng);
    if (fresh.depth() == 0) return;
    doc_->setLayered(fresh, tr("New random weights"));
    steps_ = 0;
    historySteps_.clear();
    historyLoss_.clear();
    emit progressed();
}

} // namespace stepwise::ui

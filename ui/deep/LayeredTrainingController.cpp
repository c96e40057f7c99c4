#include "ui/deep/LayeredTrainingController.h"

#include "core/deep/RandomLayered.h"
#include "ui/document/Document.h"

#include <cmath>

namespace stepwise::ui {

namespace {
constexpr int kFrameMs = 16;       // a display frame
constexpr int kBudgetMs = 10;      // of which training may take this much
constexpr long kMaxPerFrame = 500; // steps
} // namespace

LayeredTrainingController::LayeredTrainingController(Document* doc, QObject* parent)
    : QObject(parent), doc_(doc) {
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
    connect(doc_, &Document::dragStarted, this, [this] {
        if (running_) timer_.stop();
    });
    connect(doc_, &Document::dragEnded, this, [this] {
        if (running_) timer_.start();
    });
}

LayeredTrainingController::~LayeredTrainingController() = default;

LayeredTrainSettings LayeredTrainingController::settingsFrom(const Document& doc) {
    const TrainSettings& t = doc.scenario().training;
    LayeredTrainSettings s;
    s.optimizer = t.optimizer;
    s.batchSize = t.batchSize;
    s.surrogateSteepness = t.surrogateSteepness;
    s.stopLoss = t.stopLoss;
    if (t.layers == LearningLayers::OutputOnly && doc.isLayered()) {
        s.learns.assign(doc.layered().depth() + 1, false);
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
    timer_.start();
    emit runningChanged(true);
}

void LayeredTrainingController::pause() {
    if (!running_) return;
    timer_.stop();
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
    if (!trainer_ && !ensureTrainer()) {
        stopRun();
        return;
    }
    QElapsedTimer clock;
    clock.start();
    TrainReport r;
    long done = 0;
    // Whole steps until the frame's budget is spent; the numbers do not depend on the frame
    // rate (the same steps in any grouping give the same weights).
    while (done < kMaxPerFrame && clock.elapsed() < kBudgetMs) {
        r = trainer_->run(1);
        ++done;
        if (r.diverged || r.reachedStopLoss) break;
    }
    steps_ += done;
    runSteps_ += done;
    loss_ = trainer_->lossHistory().empty() ? trainer_->loss() : trainer_->lossHistory().back();
    showing_ = true;
    doc_->showTrainingLayered(trainer_->network());
    showing_ = false;
    if (std::isfinite(loss_)) {
        historySteps_.push_back(static_cast<double>(steps_));
        historyLoss_.push_back(loss_);
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
    if (r.diverged) {
        stopRun();
        emit diverged(tr("Training stopped: %1").arg(QString::fromStdString(r.reason)));
    } else if (r.reachedStopLoss) {
        stopRun();
        emit message(tr("Reached the stop loss after %L1 steps.").arg(steps_));
    }
}

void LayeredTrainingController::stopRun() {
    if (running_) pause();
}

void LayeredTrainingController::onDocumentChanged() {
    if (showing_) return;
    // An edit from outside (a drag, undo, a new target or settings): start again from it.
    trainer_.reset();
    if (running_ && !ensureTrainer()) stopRun();
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

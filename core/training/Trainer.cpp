#include "core/training/Trainer.h"
#include "core/scenario/EnumNames.h"

#include <cmath>
#include <numeric>

namespace stepwise {

namespace {
constexpr std::array<std::string_view, 2> kStepNames = {"surrogate", "anneal"};
constexpr std::array<std::string_view, 2> kLayerNames = {"all", "output"};
} // namespace

std::string_view stepTrainingName(StepTraining s) {
    return enumName(kStepNames, s);
}
std::optional<StepTraining> stepTrainingFromName(std::string_view name) {
    return enumFromName<StepTraining>(kStepNames, name);
}
std::string_view learningLayersName(LearningLayers l) {
    return enumName(kLayerNames, l);
}
std::optional<LearningLayers> learningLayersFromName(std::string_view name) {
    return enumFromName<LearningLayers>(kLayerNames, name);
}

double uniform01(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

std::uint64_t uniformIndex(std::mt19937_64& rng, std::uint64_t n) {
    if (n <= 1) return 0;
    // Rejection sampling removes the modulo bias.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t r;
    do
        r = rng();
    while (r >= limit);
    return r % n;
}

double weightPenalty(const Network& net, double lambda) {
    return lambda * (net.w.squaredNorm() + net.v.squaredNorm());
}

Trainer::Trainer(Network initial, Eigen::ArrayXd x, Eigen::ArrayXd target, TrainSettings settings,
                 std::mt19937_64 rng)
    : network_(std::move(initial)), x_(std::move(x)), t_(std::move(target)), settings_(settings),
      rng_(rng), optimizer_(settings.optimizer) {
    updateMask();
}

void Trainer::updateMask() {
    const int h = network_.hidden();
    mask_ = Eigen::VectorXd::Ones(paramCount(h));
    if (settings_.layers == LearningLayers::OutputOnly) mask_.head(2 * h).setZero();
}

void Trainer::setSettings(const TrainSettings& s) {
    const bool optimizerChanged = s.optimizer.kind != settings_.optimizer.kind;
    settings_ = s;
    optimizer_.setSettings(s.optimizer);
    if (optimizerChanged) optimizer_.reset();
    updateMask();
}

void Trainer::setNetwork(const Network& net) {
    const bool sizeChanged = net.hidden() != network_.hidden();
    network_ = net;
    if (sizeChanged) {
        optimizer_.reset();
        updateMask();
    }
    initialLoss_ = -1.0;
    forgetBest();
    bestStep_ = -1;
}

void Trainer::setTarget(Eigen::ArrayXd target) {
    t_ = std::move(target);
    initialLoss_ = -1.0;
    forgetBest();
}

void Trainer::forgetBest() {
    best_.resize(0);
    bestLoss_ = std::numeric_limits<double>::infinity();
}

void Trainer::setTestSet(Eigen::ArrayXd x, Eigen::ArrayXd target) {
    testX_ = std::move(x);
    testT_ = std::move(target);
    if (testT_.size() != testX_.size()) testX_.resize(0), testT_.resize(0);
    bestStep_ = -1;
}

std::optional<double> Trainer::testLoss() const {
    if (!hasTestSet()) return std::nullopt;
    return stepwise::loss(trainingNetwork(), testX_, testT_);
}

void Trainer::keepIfBest(double testLoss, const Eigen::VectorXd& params) {
    if (!settings_.earlyStopping || !std::isfinite(testLoss)) return;
    if (bestStep_ >= 0 && !(testLoss < bestTestLoss_)) return;
    bestTest_ = network_;
    unpackParams(bestTest_, params);
    bestTestLoss_ = testLoss;
    bestStep_ = steps_;
}

double Trainer::currentSteepness() const {
    if (network_.activation.kind != ActivationKind::Step ||
        settings_.stepTraining != StepTraining::Anneal)
        return network_.activation.steepness;
    const double k0 = settings_.annealStart, k1 = settings_.annealEnd;
    const double f = settings_.annealSteps > 0
                         ? std::min(1.0, static_cast<double>(steps_) / settings_.annealSteps)
                         : 1.0;
    return k0 * std::pow(k1 / k0, f);
}

Network Trainer::trainingNetwork() const {
    Network n = network_;
    if (n.activation.kind == ActivationKind::Step && settings_.stepTraining == StepTraining::Anneal)
        n.activation = {ActivationKind::Sigmoid, currentSteepness()};
    return n;
}

double Trainer::loss() const {
    return stepwise::loss(trainingNetwork(), x_, t_);
}

void Trainer::restoreBest(TrainReport& report) {
    report.diverged = true;
    if (best_.size() != paramCount(network_.hidden())) return; // no step yet: nothing changed
    unpackParams(network_, best_);
    optimizer_.reset(); // the blown-up moments would throw the next run straight back out
    report.restoredBest = true;
    report.bestLoss = bestLoss_;
    report.reason += "; the weights with the lowest loss of the run are back in place";
}

TrainReport Trainer::run(long steps, const std::function<bool(long)>& progress,
                         long progressEvery) {
    TrainReport report;
    const bool anneal = network_.activation.kind == ActivationKind::Step &&
                        settings_.stepTraining == StepTraining::Anneal;
    const Activation original = network_.activation;
    BackpropOptions bp;
    bp.stepSurrogate = settings_.stepTraining == StepTraining::Surrogate;
    bp.surrogateSteepness = settings_.surrogateSteepness;
    const Eigen::Index n = x_.size();
    const bool fullBatch = settings_.batchSize <= 0 || settings_.batchSize >= n;
    const bool hasTest = hasTestSet();

    long done = 0;
    for (; done < steps; ++done) {
        if (anneal) network_.activation = {ActivationKind::Sigmoid, currentSteepness()};
        double l;
        if (fullBatch) {
            l = kernel_.compute(network_, x_, t_, gradient_, bp);
        } else {
            // Next mini-batch from a shuffled epoch (Fisher–Yates with the portable helper).
            const Eigen::Index m = settings_.batchSize;
            if (static_cast<Eigen::Index>(order_.size()) != n) {
                order_.resize(n);
                std::iota(order_.begin(), order_.end(), Eigen::Index{0});
                orderPos_ = n;
            }
            batchX_.resize(m);
            batchT_.resize(m);
            for (Eigen::Index i = 0; i < m; ++i) {
                if (orderPos_ >= n) {
                    for (Eigen::Index k = n - 1; k > 0; --k)
                        std::swap(order_[k], order_[uniformIndex(rng_, k + 1)]);
                    orderPos_ = 0;
                }
                const Eigen::Index idx = order_[orderPos_++];
                batchX_[i] = x_[idx];
                batchT_[i] = t_[idx];
            }
            l = kernel_.compute(network_, batchX_, batchT_, gradient_, bp);
        }
        // The held-out points are scored with the same parameters and activation, never learnt.
        const double testLoss = hasTest ? testKernel_.loss(network_, testX_, testT_) : 0.0;
        if (anneal) network_.activation = original;

        if (initialLoss_ < 0.0 && std::isfinite(l)) initialLoss_ = l;
        const double explodeAt = kExplodeFactor * std::max(initialLoss_, 1.0);
        if (!std::isfinite(l) || !gradient_.allFinite() || l > explodeAt) {
            report.reason = !std::isfinite(l) || !gradient_.allFinite()
                                ? "the loss stopped being a finite number"
                                : "the loss grew more than a million times over";
            restoreBest(report);
            break;
        }
        if (settings_.stopLoss > 0.0 && l <= settings_.stopLoss) {
            report.reachedStopLoss = true;
            break;
        }
        const int h = network_.hidden(); // pack in place: no allocation per step
        params_.resize(paramCount(h));
        params_ << network_.w, network_.b, network_.v, network_.c;
        if (l < bestLoss_) {
            bestLoss_ = l;
            best_ = params_;
        }
        if (hasTest) {
            keepIfBest(testLoss, params_);
            if (settings_.earlyStopping && settings_.patience > 0 && bestStep_ >= 0 &&
                steps_ - bestStep_ >= settings_.patience) {
                network_ = bestTest_;
                report.stoppedEarly = true;
                break;
            }
        }
        if (settings_.weightDecay > 0.0) { // ∂/∂θ of λ·Σ(w² + v²); biases are not decayed
            const double twoLambda = 2.0 * settings_.weightDecay;
            gradient_.head(h) += twoLambda * params_.head(h);
            gradient_.segment(2 * h, h) += twoLambda * params_.segment(2 * h, h);
        }
        if (recordParams_) paramHistory_.push_back(params_);
        optimizer_.update(params_, gradient_, &mask_);
        if (!params_.allFinite()) {
            if (recordParams_) paramHistory_.pop_back();
            report.reason = "a weight stopped being a finite number";
            restoreBest(report);
            break;
        }
        unpackParams(network_, params_);
        lossHistory_.push_back(l);
        if (hasTest) testLossHistory_.push_back(testLoss);
        ++steps_;
        if (progress && progressEvery > 0 && (done + 1) % progressEvery == 0 &&
            !progress(done + 1)) {
            report.cancelled = true;
            ++done;
            break;
        }
    }
    report.steps = steps_;
    // The forward pass behind this loss is reused by the next step's gradient.
    report.loss = kernel_.loss(trainingNetwork(), x_, t_);
    if (!std::isfinite(report.loss)) report.loss = lossHistory_.empty() ? 0.0 : lossHistory_.back();
    if (hasTest) {
        const double tl = testKernel_.loss(trainingNetwork(), testX_, testT_);
        // The parameters the last step left are scored here for the first time.
        keepIfBest(tl, packParams(network_));
        if (std::isfinite(tl)) report.testLoss = tl;
    }
    return report;
}

} // namespace stepwise

#include "core/deep/LayeredTrainer.h"

#include <cmath>
#include <numeric>

namespace stepwise {

LayeredTrainer::LayeredTrainer(LayeredNetwork initial, Eigen::MatrixXd x, Eigen::ArrayXd target,
                               LayeredTrainSettings settings, std::mt19937_64 rng)
    : network_(std::move(initial)), x_(std::move(x)), t_(std::move(target)),
      settings_(std::move(settings)), rng_(rng), optimizer_(settings_.optimizer) {
    check();
    updateMask();
}

void LayeredTrainer::check() {
    problem_ = networkProblem(network_);
    if (problem_) return;
    if (!allFinite(network_))
        problem_ = "network: a weight or bias is not a finite number";
    else if (x_.rows() != network_.inputs)
        problem_ = "x: " + std::to_string(x_.rows()) + " rows, expected one per input (" +
                   std::to_string(network_.inputs) + ")";
    else if (x_.cols() != t_.size())
        problem_ = "target: " + std::to_string(t_.size()) + " values for " +
                   std::to_string(x_.cols()) + " samples";
    else if (settings_.batchSize < 0)
        problem_ = "batchSize: must be 0 (full batch) or more";
    else if (!std::isfinite(settings_.optimizer.learningRate) ||
             settings_.optimizer.learningRate < 0.0)
        problem_ = "optimizer.learningRate: must be a finite number, 0 or more";
    else if (!std::isfinite(settings_.surrogateSteepness) || settings_.surrogateSteepness <= 0.0)
        problem_ = "surrogateSteepness: must be a finite number above 0";
    else if (settings_.threads < 0)
        problem_ = "threads: must be 0 (automatic) or more";
}

void LayeredTrainer::updateMask() {
    if (problem_) return;
    mask_ = Eigen::VectorXd::Ones(paramCount(network_));
    for (int l = 0; l <= network_.depth(); ++l) {
        const auto ul = static_cast<std::size_t>(l);
        if (ul < settings_.learns.size() && !settings_.learns[ul]) {
            const long from = layerOffset(network_, l);
            const long to = l < network_.depth() ? layerOffset(network_, l + 1) : mask_.size();
            mask_.segment(from, to - from).setZero();
        }
    }
}

LayeredBackpropOptions LayeredTrainer::backpropOptions() const {
    LayeredBackpropOptions o;
    o.stepSurrogate = true;
    o.surrogateSteepness = settings_.surrogateSteepness;
    o.learns.assign(static_cast<std::size_t>(network_.depth()) + 1, true);
    for (std::size_t l = 0; l < o.learns.size() && l < settings_.learns.size(); ++l)
        o.learns[l] = settings_.learns[l];
    o.threads = settings_.threads;
    return o;
}

void LayeredTrainer::setSettings(const LayeredTrainSettings& s) {
    const bool optimizerChanged = s.optimizer.kind != settings_.optimizer.kind;
    settings_ = s;
    optimizer_.setSettings(s.optimizer);
    if (optimizerChanged) optimizer_.reset();
    check();
    updateMask();
}

void LayeredTrainer::setNetwork(const LayeredNetwork& net) {
    const bool shapeChanged = net.inputs != network_.inputs || net.shape() != network_.shape();
    network_ = net;
    lastGood_.resize(0); // the old parameters are no way back for the new ones
    check();
    if (shapeChanged) optimizer_.reset();
    updateMask();
    initialLoss_ = -1.0;
}

double LayeredTrainer::loss() {
    if (problem_) return 0.0;
    return kernel_.loss(network_, x_, t_, settings_.threads);
}

TrainReport LayeredTrainer::run(long steps, const std::function<bool(long)>& progress,
                                long progressEvery) {
    TrainReport report;
    if (problem_) {
        report.steps = steps_;
        report.reason = *problem_;
        return report;
    }
    const LayeredBackpropOptions bp = backpropOptions();
    const Eigen::Index n = t_.size();
    const bool fullBatch = settings_.batchSize <= 0 || settings_.batchSize >= n;

    long done = 0;
    for (; done < steps; ++done) {
        double l;
        if (fullBatch) {
            l = kernel_.compute(network_, x_, t_, gradient_, bp);
        } else {
            // Next mini-batch from a shuffled epoch (Fisher–Yates with the portable helper).
            const Eigen::Index m = settings_.batchSize;
            if (static_cast<Eigen::Index>(order_.size()) != n) {
                order_.resize(static_cast<std::size_t>(n));
                std::iota(order_.begin(), order_.end(), Eigen::Index{0});
                orderPos_ = n;
            }
            batchX_.resize(x_.rows(), m);
            batchT_.resize(m);
            for (Eigen::Index i = 0; i < m; ++i) {
                if (orderPos_ >= n) {
                    for (Eigen::Index k = n - 1; k > 0; --k)
                        std::swap(order_[static_cast<std::size_t>(k)],
                                  order_[uniformIndex(rng_, static_cast<std::uint64_t>(k + 1))]);
                    orderPos_ = 0;
                }
                const Eigen::Index idx = order_[static_cast<std::size_t>(orderPos_++)];
                batchX_.col(i) = x_.col(idx);
                batchT_[i] = t_[idx];
            }
            l = kernel_.compute(network_, batchX_, batchT_, gradient_, bp);
        }

        if (initialLoss_ < 0.0 && std::isfinite(l)) initialLoss_ = l;
        const double explodeAt = kExplodeFactor * std::max(initialLoss_, 1.0);
        if (!std::isfinite(l) || !gradient_.allFinite() || l > explodeAt) {
            report.diverged = true;
            report.reason = !std::isfinite(l) || !gradient_.allFinite()
                                ? "the loss stopped being a finite number"
                                : "the loss grew more than a million times over";
            // The current weights produced the bad loss: go back to the ones before them.
            if (lastGood_.size() == paramCount(network_)) unpackParams(network_, lastGood_);
            break;
        }
        if (settings_.stopLoss > 0.0 && l <= settings_.stopLoss) {
            report.reachedStopLoss = true;
            break;
        }
        packParams(network_, params_); // into the same storage: no allocation per step
        lastGood_ = params_;
        optimizer_.update(params_, gradient_, &mask_);
        if (!params_.allFinite()) {
            report.diverged = true;
            report.reason = "a weight stopped being a finite number";
            break; // network_ still holds lastGood_
        }
        unpackParams(network_, params_);
        lossHistory_.push_back(l);
        ++steps_;
        if (progress && progressEvery > 0 && (done + 1) % progressEvery == 0 &&
            !progress(done + 1)) {
            report.cancelled = true;
            break;
        }
    }
    report.steps = steps_;
    report.loss = kernel_.loss(network_, x_, t_, settings_.threads);
    if (!std::isfinite(report.loss)) report.loss = lossHistory_.empty() ? 0.0 : lossHistory_.back();
    return report;
}

} // namespace stepwise

// WalkthroughController while the document holds a layered network: the walk of
// core/lesson/LayeredWalkthrough.h, its sample among the layered data's samples, the layers whose
// neurons show one by one, and the numbers for the layered diagram.
#include "core/training/Optimizer.h"
#include "ui/document/Document.h"
#include "ui/walkthrough/LayeredWalkCaption.h"
#include "ui/walkthrough/WalkthroughController.h"

#include <QApplication>

#include <algorithm>
#include <map>

namespace stepwise::ui {

const LayeredWalkStep* WalkthroughController::currentLayeredStep() const {
    if (!active_ || !layered_ || index_ < 0 || index_ >= stepCount()) return nullptr;
    return &layeredWalk_.steps[static_cast<std::size_t>(index_)];
}

int WalkthroughController::sampleCount() const {
    return doc_->isLayered() ? static_cast<int>(doc_->layeredT().size()) : 0;
}

std::vector<double> WalkthroughController::sampleInputs() const {
    if (!layered_ || layeredWalk_.steps.empty()) return {};
    return layeredWalk_.steps.front().values; // the Input step's x
}

bool WalkthroughController::neuronsOpen(int layer) const {
    return layer >= 0 && layer < static_cast<int>(open_.size()) &&
           open_[static_cast<std::size_t>(layer)];
}

void WalkthroughController::startLayered() {
    if (!doc_->hasLayeredTarget()) {
        emit message(tr("The walkthrough follows a sample to its target: pick a target first "
                        "(the Target menu)."));
        if (active_) stop();
        emit activeChanged(false);
        return;
    }
    const Eigen::MatrixXd& xs = doc_->layeredX();
    const Eigen::ArrayXd& ts = doc_->layeredT();
    if (!haveLayeredSample_ || sample_ >= ts.size()) {
        // The sample the network gets most wrong: there is the most to see.
        const Eigen::ArrayXd ys = evaluateOutput(doc_->layered(), xs);
        Eigen::Index worst = 0;
        (ys - ts).abs().maxCoeff(&worst);
        sample_ = static_cast<int>(worst);
        haveLayeredSample_ = true;
    }
    const bool was = active_;
    if (!was || !layered_) open_.clear();
    active_ = true;
    layered_ = true;
    if (!was) qApp->installEventFilter(this); // the last one installed sees the keys first
    index_ = 0;
    rebuild();
    if (!active_) return; // rebuild found nothing to walk
    if (!was) emit activeChanged(true);
    emit changed();
}

void WalkthroughController::rebuildLayered() {
    layered_ = true;
    walk_ = {};
    const Eigen::MatrixXd& xs = doc_->layeredX();
    const Eigen::ArrayXd& ts = doc_->layeredT();
    const LayeredNetwork& net = doc_->layered();
    if (ts.size() == 0 || xs.cols() != ts.size() || xs.rows() != net.inputs) {
        stop();
        emit message(tr("The walkthrough ended: there is no target to walk a sample to."));
        return;
    }
    sample_ = std::clamp(sample_, 0, static_cast<int>(ts.size()) - 1);
    layeredOptions_ = doc_->layeredBackpropOptions();
    if (!borrowSlope_) layeredOptions_.stepSurrogate = false;
    // As training: with "output only" the hidden layers keep their weights.
    const TrainSettings& training = doc_->scenario().training;
    if (training.layers == LearningLayers::OutputOnly) {
        layeredOptions_.learns.assign(static_cast<std::size_t>(net.depth()) + 1, false);
        layeredOptions_.learns.back() = true;
    }
    layeredWalk_ = stepwise::layeredWalk(net, xs, ts, sample_, training.optimizer.learningRate,
                                         layeredOptions_);
    if (static_cast<int>(open_.size()) != net.depth() + 1) {
        open_.assign(static_cast<std::size_t>(net.depth()) + 1, false);
        for (int l = 0; l <= net.depth(); ++l)
            open_[static_cast<std::size_t>(l)] =
                net.layers[static_cast<std::size_t>(std::min(l, net.depth() - 1))].width() <=
                kLayeredWalkOpenWidth;
    }
    index_ = std::clamp(index_, 0, std::max(0, stepCount() - 1));
    if (!visible(index_)) index_ = std::max(0, firstVisibleFrom(index_, -1));
}

void WalkthroughController::setSampleIndex(int index) {
    if (index < 0 || (doc_->isLayered() && index >= sampleCount())) return;
    if (haveLayeredSample_ && index == sample_ && active_) return;
    sample_ = index;
    haveLayeredSample_ = true;
    if (!active_ || !layered_) return;
    index_ = 0;
    rebuild();
    emit changed();
}

void WalkthroughController::setSamplePoint(double x1, double x2) {
    if (!doc_->isLayered()) return;
    const Eigen::MatrixXd& xs = doc_->layeredX();
    if (xs.cols() == 0) return;
    Eigen::Index best = 0;
    double nearest = -1.0;
    for (Eigen::Index i = 0; i < xs.cols(); ++i) {
        double d = (xs(0, i) - x1) * (xs(0, i) - x1);
        if (xs.rows() > 1) d += (xs(1, i) - x2) * (xs(1, i) - x2);
        if (nearest < 0.0 || d < nearest) {
            nearest = d;
            best = i;
        }
    }
    setSampleIndex(static_cast<int>(best));
}

void WalkthroughController::toggleNeurons() {
    const LayeredWalkStep* s = currentLayeredStep();
    if (!s || s->layer < 0 || s->layer >= static_cast<int>(open_.size())) return;
    const auto l = static_cast<std::size_t>(s->layer);
    open_[l] = !open_[l];
    // Closed on one of its neurons: back to the step about the whole layer.
    while (!visible(index_) && index_ > 0)
        --index_;
    emit changed();
}

LayeredWalkContext WalkthroughController::layeredContext() const {
    LayeredWalkContext c;
    c.net = &doc_->layered();
    c.samples = layeredWalk_.batch.samples;
    c.surrogate = layeredOptions_.stepSurrogate;
    c.surrogateSteepness = layeredOptions_.surrogateSteepness;
    c.learningRate = layeredWalk_.batch.learningRate;
    switch (doc_->scenario().training.optimizer.kind) {
    case OptimizerKind::SGD:
        break;
    case OptimizerKind::Momentum:
        c.optimizer = tr("gradient descent with momentum");
        break;
    case OptimizerKind::Adam:
        c.optimizer = tr("Adam");
        break;
    }
    return c;
}

std::vector<WalkthroughController::LayeredNote> WalkthroughController::layeredNotes() const {
    std::vector<LayeredNote> out;
    const LayeredWalkStep* now = currentLayeredStep();
    if (!now) return out;
    const LayeredNetwork& net = doc_->layered();
    const int depth = net.depth();
    const LayeredWalkPhase phase = layeredWalkPhase(now->kind);
    // (column, node) → the latest note there: a later step writes over an earlier one.
    std::map<std::pair<int, int>, LayeredNote> at;
    const auto put = [&](int column, int node, const QString& text, bool current, bool stopped) {
        at[{column, node}] = LayeredNote{column, node, text, current, stopped};
    };
    // The batch shows its means, then (from the first descent step on) the new values.
    const bool descending =
        now->kind == LayeredWalkKind::DescentStep || now->kind == LayeredWalkKind::LossAfter;
    for (int k = 0; k <= index_; ++k) {
        const LayeredWalkStep& s = layeredWalk_.steps[static_cast<std::size_t>(k)];
        if (layeredWalkPhase(s.kind) != phase || !visible(k)) continue;
        if (descending && s.kind == LayeredWalkKind::BatchMean) continue;
        const bool cur = k == index_;
        const int column = s.layer + 1;
        // Every neuron of a layer step, or the one neuron of a neuron step.
        const auto each = [&](const QString& what, const std::vector<double>& v, int offset) {
            if (s.neuron >= 0) {
                put(column, s.neuron, what + " = " + walkNumber(s.value), cur, s.flowStops);
                return;
            }
            for (int j = 0; j + offset < static_cast<int>(v.size()); ++j) {
                const double x = v[static_cast<std::size_t>(j + offset)];
                put(column, j, what + " = " + walkNumber(x), cur,
                    s.kind == LayeredWalkKind::Delta && x == 0.0);
            }
        };
        switch (s.kind) {
        case LayeredWalkKind::Input:
            for (int i = 0; i < static_cast<int>(s.values.size()); ++i)
                put(0, i, walkNumber(s.values[static_cast<std::size_t>(i)]), cur, false);
            put(depth + 1, 0, "t = " + walkNumber(s.value), cur, false);
            break;
        case LayeredWalkKind::Forward:
            each(QStringLiteral("a"), s.second, 0);
            break;
        case LayeredWalkKind::Output:
            put(depth + 1, 0, "y = " + walkNumber(s.value), cur, false);
            break;
        case LayeredWalkKind::LossTerm:
            put(depth + 1, 0, "ℓ = " + walkNumber(s.value), cur, false);
            break;
        case LayeredWalkKind::DLdy:
            put(depth + 1, 0, "∂L/∂y = " + walkNumber(s.value), cur, s.flowStops);
            break;
        case LayeredWalkKind::OutputGradient: {
            // On the last layer's neurons: the weight out of each.
            if (s.neuron >= 0) {
                put(depth, s.neuron, "∂L/∂v = " + walkNumber(s.value), cur, false);
                break;
            }
            for (int j = 0; j < static_cast<int>(s.values.size()); ++j)
                put(depth, j, "∂L/∂v = " + walkNumber(s.values[static_cast<std::size_t>(j)]), cur,
                    false);
            break;
        }
        case LayeredWalkKind::Delta:
            each(QString(QChar(0x03B4)), s.values, 0);
            break;
        case LayeredWalkKind::Gradient: {
            const int nw = static_cast<int>(net.layers[static_cast<std::size_t>(s.layer)].w.size());
            each(QStringLiteral("∂L/∂b"), s.values, s.neuron >= 0 ? 0 : nw);
            break;
        }
        case LayeredWalkKind::BatchMean:
        case LayeredWalkKind::DescentStep: {
            const bool mean = s.kind == LayeredWalkKind::BatchMean;
            if (s.layer >= depth) {
                const double c = s.values.back();
                put(depth + 1, 0, (mean ? "∂L/∂c = " : "c → ") + walkNumber(c), cur, false);
                break;
            }
            const Layer& layer = net.layers[static_cast<std::size_t>(s.layer)];
            const int nw = static_cast<int>(layer.w.size());
            for (int j = 0; j < layer.width(); ++j) {
                const double v = s.values[static_cast<std::size_t>(nw + j)];
                put(column, j, (mean ? "∂L/∂b = " : "b → ") + walkNumber(v), cur, false);
            }
            break;
        }
        case LayeredWalkKind::LossAfter:
            put(depth + 1, 0, "L = " + walkNumber(s.value), cur, false);
            break;
        }
    }
    for (auto& [key, note] : at)
        out.push_back(note);
    return out;
}

std::optional<std::pair<int, int>> WalkthroughController::layeredHighlight() const {
    const LayeredWalkStep* s = currentLayeredStep();
    if (!s) return std::nullopt;
    const int depth = doc_->layered().depth();
    switch (s->kind) {
    case LayeredWalkKind::Input:
        return std::pair{0, -1};
    case LayeredWalkKind::Forward:
    case LayeredWalkKind::Delta:
    case LayeredWalkKind::Gradient:
        return std::pair{s->layer + 1, s->neuron};
    case LayeredWalkKind::OutputGradient:
        return std::pair{depth, s->neuron};
    case LayeredWalkKind::BatchMean:
    case LayeredWalkKind::DescentStep:
        return std::pair{s->layer + 1, -1};
    default:
        return std::pair{depth + 1, 0};
    }
}

std::optional<WalkthroughController::Marker> WalkthroughController::layeredMarker() const {
    const std::vector<double> x = sampleInputs();
    if (x.empty()) return std::nullopt;
    for (const LayeredWalkStep& s : layeredWalk_.steps)
        if (s.kind == LayeredWalkKind::Output)
            return Marker{x.front(), s.value, layeredWalk_.steps.front().value};
    return std::nullopt;
}

std::optional<WalkthroughController::Curve> WalkthroughController::layeredAfterCurve() const {
    const LayeredWalkStep* now = currentLayeredStep();
    if (!now || doc_->inputs() != 1 ||
        (now->kind != LayeredWalkKind::DescentStep && now->kind != LayeredWalkKind::LossAfter))
        return std::nullopt;
    const Domain& d = doc_->scenario().domain;
    constexpr int kPoints = 400;
    const Eigen::ArrayXd xs = Eigen::ArrayXd::LinSpaced(kPoints, d.lo, d.hi);
    const Eigen::ArrayXd ys =
        evaluateOutput(layeredWalk_.batch.networkAfter, xs.matrix().transpose());
    Curve c;
    c.x.assign(xs.data(), xs.data() + xs.size());
    c.y.assign(ys.data(), ys.data() + ys.size());
    return c;
}

void WalkthroughController::takeLayeredStep() {
    const LayeredNetwork& after = layeredWalk_.batch.networkAfter;
    if (after.depth() == 0 || !allFinite(after)) {
        emit message(tr("That step would make a weight infinite; try a smaller learning rate."));
        return;
    }
    doc_->setLayered(after, tr("Gradient step from the walkthrough"));
}

} // namespace stepwise::ui

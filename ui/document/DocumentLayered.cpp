// Document: the layered network's part (core/deep; ui/deep draws it).
#include "ui/document/Commands.h"
#include "ui/document/Document.h"

#include <cmath>

namespace stepwise::ui {

const Eigen::MatrixXd& Document::layeredX() const {
    if (layeredDataDirty_) {
        const Domain& d = scenario_.domain;
        if (inputs() == 2) {
            if (scenario_.surface && !scenario_.surface->empty()) {
                layeredX_ = planeGrid(d.lo, d.hi);
                layeredT_ = sampleSurface(*scenario_.surface, layeredX_, d.lo, d.hi);
            } else {
                layeredX_.resize(2, 0);
                layeredT_.resize(0);
            }
        } else if (inputs() == 1) {
            layeredX_ = sampleX().matrix().transpose();
            layeredT_ = sampleT();
        } else { // no target form for more inputs (the file reader and the window refuse them)
            layeredX_.resize(inputs(), 0);
            layeredT_.resize(0);
        }
        layeredDataDirty_ = false;
        layeredGradDirty_ = true;
    }
    return layeredX_;
}

const Eigen::ArrayXd& Document::layeredT() const {
    layeredX();
    return layeredT_;
}

LayeredBackpropOptions Document::layeredBackpropOptions() const {
    LayeredBackpropOptions o;
    o.stepSurrogate = true;
    o.surrogateSteepness = scenario_.training.surrogateSteepness;
    return o;
}

double Document::layeredLoss() const {
    layeredGradient();
    return layeredLoss_;
}

const Eigen::VectorXd& Document::layeredGradient() const {
    layeredX();
    if (layeredGradDirty_) {
        const long n = isLayered() ? paramCount(layered()) : 0;
        layeredLoss_ = 0.0;
        layeredGradient_ = Eigen::VectorXd::Zero(n);
        if (isLayered() && layeredT_.size() > 0 && layeredX_.rows() == layered().inputs) {
            const double l = layeredKernel_.compute(layered(), layeredX_, layeredT_,
                                                    layeredGradient_, layeredBackpropOptions());
            if (std::isfinite(l) && layeredGradient_.allFinite())
                layeredLoss_ = l;
            else
                layeredGradient_ = Eigen::VectorXd::Zero(n);
        }
        layeredGradDirty_ = false;
    }
    return layeredGradient_;
}

void Document::setLayered(const LayeredNetwork& net, const QString& what) {
    if (networkProblem(net) || !allFinite(net)) return;
    if (isLayered() && net == layered()) return;
    // One input and one hidden layer is the lesson's network (a file writes it so, too).
    if (const std::optional<Network> same = toNetwork(net)) {
        if (!isLayered() && *same == network()) return;
        undo_.push(new SetModelCommand(this, scenario_.network, scenario_.layered, *same,
                                       std::nullopt, what));
        return;
    }
    undo_.push(new SetModelCommand(this, scenario_.network, scenario_.layered, scenario_.network,
                                   net, what));
}

void Document::leaveLayered(const QString& what) {
    if (!isLayered()) return;
    const std::optional<Network> same = toNetwork(layered());
    const Network after = same ? *same : defaultScenario().network;
    undo_.push(
        new SetModelCommand(this, scenario_.network, scenario_.layered, after, std::nullopt, what));
}

void Document::setLayeredParam(long index, double value) {
    if (!isLayered() || index < 0 || index >= paramCount(layered()) || !std::isfinite(value))
        return;
    const double before = packParams(layered())[index];
    if (before == value) return;
    const int serial = dragOpen_ ? dragSerial_ : ++dragSerial_;
    undo_.push(new SetLayeredParamCommand(this, index, before, value, serial));
    if (!dragOpen_) ++dragSerial_;
}

void Document::adoptNetworkOf(const Scenario& s, const QString& what) {
    if (s.layered == scenario_.layered && (s.layered || s.network == scenario_.network)) return;
    const Network net = s.layered ? scenario_.network : s.network;
    undo_.push(
        new SetModelCommand(this, scenario_.network, scenario_.layered, net, s.layered, what));
}

void Document::setSurface(const std::optional<TargetSurface>& s, const QString& what) {
    if (s == scenario_.surface) return;
    undo_.push(new SetSurfaceCommand(this, scenario_.surface, s, what));
}

void Document::selectLayered(std::optional<long> index) {
    if (index && (!isLayered() || *index < 0 || *index >= paramCount(layered()))) index.reset();
    if (index == layeredSelection_) return;
    layeredSelection_ = index;
    emit selectionChanged();
    scheduleRefresh();
}

void Document::showTrainingLayered(const LayeredNetwork& net) {
    if (!isLayered() || !allFinite(net) || net.shape() != layered().shape() ||
        net.inputs != layered().inputs)
        return;
    scenario_.layered = net;
    invalidate();
    emit networkChanged();
}

void Document::recordLayeredRun(const LayeredNetwork& before, const LayeredNetwork& after,
                                long steps) {
    if (before == after || !isLayered()) return;
    undo_.push(new SetModelCommand(this, scenario_.network, before, scenario_.network, after,
                                   tr("Train %n step(s)", nullptr, steps), true));
}

void Document::applyModel(const Network& net, const std::optional<LayeredNetwork>& layered,
                          bool structural) {
    scenario_.network = net;
    scenario_.layered = layered;
    if (selection_ && !paramValid(*selection_, net.hidden())) selection_.reset();
    if (layeredSelection_ && (!layered || *layeredSelection_ >= paramCount(*layered)))
        layeredSelection_.reset();
    layeredDataDirty_ = true;
    invalidate();
    if (structural) emit structureChanged();
    emit networkChanged();
}

void Document::applyLayeredParam(long index, double value) {
    if (!isLayered()) return;
    Eigen::VectorXd p = packParams(layered());
    p[index] = value;
    unpackParams(*scenario_.layered, p);
    invalidate();
    emit networkChanged();
}

void Document::applySurface(const std::optional<TargetSurface>& s) {
    scenario_.surface = s;
    layeredDataDirty_ = true;
    invalidate();
    emit targetChanged();
}

} // namespace stepwise::ui

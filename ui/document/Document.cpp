#include "ui/document/Document.h"

#include "core/training/LeastSquares.h"
#include "ui/document/Commands.h"

#include <cmath>

namespace stepwise::ui {

Document::Document(QObject* parent) : QObject(parent), scenario_(defaultScenario()) {
    // The undo history keeps the newest 1 000 steps (older ones are forgotten), so a session left
    // open for hours stays small; that is far more than a lesson goes back (issue 16).
    undo_.setUndoLimit(1000);
    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(0);
    connect(&refreshTimer_, &QTimer::timeout, this, &Document::refreshed);
}

const Eigen::ArrayXd& Document::x() const {
    if (gridDirty_) {
        x_ = grid(scenario_.domain.lo, scenario_.domain.hi, scenario_.domain.samples);
        gridDirty_ = false;
    }
    return x_;
}

const Eigen::ArrayXd& Document::targetSamples() const {
    if (targetDirty_) {
        target_ = sampleTarget(scenario_.target, x(), scenario_.domain.lo, scenario_.domain.hi);
        targetDirty_ = false;
    }
    return target_;
}

const DataSet& Document::dataSet() const {
    if (dataDirty_) {
        data_ = makeDataSet(scenario_.target, scenario_.domain);
        PointArrays train = toArrays(data_.train), test = toArrays(data_.test);
        sampleX_ = std::move(train.x);
        sampleT_ = std::move(train.y);
        testX_ = std::move(test.x);
        testT_ = std::move(test.y);
        dataDirty_ = false;
        testDirty_ = gradDirty_ = true;
    }
    return data_;
}

const Eigen::ArrayXd& Document::sampleX() const {
    dataSet();
    return sampleX_;
}

const Eigen::ArrayXd& Document::sampleT() const {
    dataSet();
    return sampleT_;
}

std::optional<double> Document::testLoss() const {
    dataSet();
    if (testDirty_) {
        testLoss_.reset();
        if (testX_.size() > 0) {
            const double l = stepwise::loss(scenario_.network, testX_, testT_);
            if (std::isfinite(l)) testLoss_ = l;
        }
        testDirty_ = false;
    }
    return testLoss_;
}

const Evaluation& Document::evaluation() const {
    if (evalDirty_) {
        evaluate(scenario_.network, x(), eval_);
        evalDirty_ = false;
    }
    return eval_;
}

BackpropOptions Document::backpropOptions() const {
    BackpropOptions o;
    o.stepSurrogate = true;
    o.surrogateSteepness = scenario_.training.surrogateSteepness;
    return o;
}

double Document::loss() const {
    gradient();
    return loss_;
}

const Eigen::VectorXd& Document::gradient() const {
    if (gradDirty_) {
        const int h = scenario_.network.hidden();
        if (hasTarget()) {
            loss_ = kernel_.compute(scenario_.network, sampleX(), sampleT(), gradient_,
                                    backpropOptions());
            if (!std::isfinite(loss_) || !gradient_.allFinite()) {
                loss_ = std::isfinite(loss_) ? loss_ : 0.0;
                gradient_ = Eigen::VectorXd::Zero(paramCount(h));
            }
        } else {
            loss_ = 0.0;
            gradient_ = Eigen::VectorXd::Zero(paramCount(h));
        }
        gradDirty_ = false;
    }
    return gradient_;
}

void Document::invalidate() {
    evalDirty_ = gradDirty_ = testDirty_ = layeredGradDirty_ = true;
    scheduleRefresh();
}

void Document::scheduleRefresh() {
    if (!refreshTimer_.isActive()) refreshTimer_.start();
}

void Document::flush() {
    if (refreshTimer_.isActive()) {
        refreshTimer_.stop();
        emit refreshed();
    }
}

// ---- edits -----------------------------------------------------------------------------------

void Document::beginDrag() {
    const bool opening = !dragOpen_;
    dragOpen_ = true;
    ++dragSerial_;
    if (opening) emit dragStarted();
}

void Document::endDrag() {
    const bool closing = dragOpen_;
    dragOpen_ = false;
    ++dragSerial_;
    scheduleRefresh(); // one more frame, in full quality
    if (closing) emit dragEnded();
}

void Document::setLiveTraining(bool on) {
    if (on == liveTraining_) return;
    liveTraining_ = on;
    scheduleRefresh();
}

void Document::setParam(ParamId id, double value) {
    if (!paramValid(id, network().hidden()) || !std::isfinite(value)) return;
    const double before = param(network(), id);
    if (before == value) return;
    const int serial = dragOpen_ ? dragSerial_ : ++dragSerial_;
    undo_.push(new SetParamCommand(this, id, before, value, serial));
    if (!dragOpen_) ++dragSerial_;
}

void Document::setStepPoint(int neuron, double x) {
    if (neuron < 0 || neuron >= network().hidden() || network().w[neuron] == 0.0) return;
    setParam({ParamKind::HiddenBias, neuron}, -network().w[neuron] * x);
}

void Document::setNetwork(const Network& net, const QString& what) {
    if (net == network() || !allFinite(net)) return;
    undo_.push(new SetNetworkCommand(this, network(), net, what));
}

void Document::setActivation(const Activation& g) {
    Network n = network();
    n.activation = g;
    setNetwork(n, tr("Change activation"));
}

void Document::setHiddenCount(int count) {
    Network n = network();
    // New neurons are spread over the widest gaps of the domain, with output weight 0: the
    // output does not change, and no two neurons start alike (clones would move in lockstep).
    n.resize(count, scenario().domain.lo, scenario().domain.hi);
    setNetwork(n, tr("Set %n hidden neuron(s)", nullptr, n.hidden()));
}

void Document::setTarget(const TargetCurve& target, const QString& what) {
    if (target == scenario_.target) return;
    undo_.push(new SetTargetCommand(this, scenario_.target, target, what));
}

void Document::addStroke(const Stroke& stroke) {
    if (stroke.points.empty()) return;
    TargetCurve t = scenario_.target;
    if (static_cast<int>(t.strokes.size()) >= kMaxStrokes) {
        // Keep the curve as it looks now and start a fresh list of strokes on top of it.
        t = targetFromSamples(x(), targetSamples());
    }
    t.strokes.push_back(stroke);
    setTarget(t, stroke.erase ? tr("Erase target") : tr("Draw target"));
}

void Document::clearTarget() {
    setTarget({}, tr("Clear target"));
}

void Document::fitOutputLayer() {
    if (!hasTarget()) return;
    const OutputFit fit = stepwise::fitOutputLayer(network(), sampleX(), sampleT());
    Network n = network();
    n.v = fit.v;
    n.c = fit.c;
    setNetwork(n, tr("Fit the output layer"));
}

void Document::setDomain(const Domain& d) {
    if (d == scenario_.domain || !(d.lo < d.hi) || !std::isfinite(d.lo) || !std::isfinite(d.hi) ||
        d.samples < kMinSamples || d.samples > kMaxSamples)
        return;
    const QString what = d.lo == scenario_.domain.lo && d.hi == scenario_.domain.hi
                             ? tr("Use %1 samples").arg(d.samples) // at least two
                             : tr("Change the domain");
    undo_.push(new SetDomainCommand(this, scenario_.domain, d, what));
}

void Document::setTrainingSettings(const TrainSettings& s) {
    if (s == scenario_.training) return;
    applyTrainingSettings(s);
}

void Document::editTrainingSettings(const TrainSettings& s, const QString& what) {
    if (s == scenario_.training) return;
    undo_.push(new SetTrainingSettingsCommand(this, scenario_.training, s, what));
}

void Document::applyTrainingSettings(const TrainSettings& s) {
    scenario_.training = s;
    gradDirty_ = true;
    scheduleRefresh();
    emit trainingSettingsChanged();
}

void Document::setPoints(const std::vector<TargetPoint>& points, const QString& what) {
    TargetCurve t = scenario_.target;
    t.points = points;
    if (t == scenario_.target) return;
    // While a drag is open (a point moved with the mouse) the edits merge into one undo step.
    const int serial = dragOpen_ ? dragSerial_ : ++dragSerial_;
    undo_.push(new SetTargetCommand(this, scenario_.target, t, what, serial));
    if (!dragOpen_) ++dragSerial_;
}

void Document::setView(const ViewRect& v) {
    if (v == scenario_.view) return;
    scenario_.view = v;
    emit viewChanged();
}

void Document::setLesson(const LessonState& l) {
    if (l == scenario_.lesson) return;
    scenario_.lesson = l;
    emit lessonChanged();
}

void Document::replaceScenario(const Scenario& s) {
    scenario_ = s;
    undo_.clear();
    selection_.reset();
    layeredSelection_.reset();
    gridDirty_ = targetDirty_ = dataDirty_ = layeredDataDirty_ = true;
    invalidate();
    emit scenarioReplaced();
    emit structureChanged();
    emit networkChanged();
    emit targetChanged();
    emit trainingSettingsChanged();
    emit viewChanged();
    emit lessonChanged();
    emit selectionChanged();
}

void Document::showTrainingNetwork(const Network& net) {
    if (!allFinite(net) || net.hidden() != network().hidden()) return;
    scenario_.network.w = net.w;
    scenario_.network.b = net.b;
    scenario_.network.v = net.v;
    scenario_.network.c = net.c;
    invalidate();
    emit networkChanged();
}

void Document::recordTrainingRun(const Network& before, const Network& after, long steps) {
    if (before == after) return;
    // The network already shows `after`; pushing redoes it, which changes nothing visible.
    undo_.push(
        new SetNetworkCommand(this, before, after, tr("Train %n step(s)", nullptr, steps), true));
}

void Document::select(std::optional<ParamId> id) {
    if (id && !paramValid(*id, network().hidden())) id.reset();
    if (id == selection_) return;
    selection_ = id;
    emit selectionChanged();
    scheduleRefresh();
}

// ---- applied by commands ------------------------------------------------------------------------

void Document::applyNetwork(const Network& net, bool structural) {
    scenario_.network = net;
    if (selection_ && !paramValid(*selection_, net.hidden())) selection_.reset();
    invalidate();
    if (structural) emit structureChanged();
    emit networkChanged();
}

void Document::applyTarget(const TargetCurve& t) {
    scenario_.target = t;
    targetDirty_ = dataDirty_ = layeredDataDirty_ = true;
    invalidate();
    emit targetChanged();
}

void Document::applyParam(ParamId id, double value) {
    stepwise::setParam(scenario_.network, id, value);
    invalidate();
    emit networkChanged();
}

void Document::applyDomain(const Domain& d) {
    scenario_.domain = d;
    gridDirty_ = targetDirty_ = dataDirty_ = layeredDataDirty_ = true;
    invalidate();
    emit targetChanged();
    emit networkChanged();
}

} // namespace stepwise::ui

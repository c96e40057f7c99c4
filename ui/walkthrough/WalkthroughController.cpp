#include "ui/walkthrough/WalkthroughController.h"

#include "core/training/Optimizer.h"
#include "ui/document/Document.h"
#include "ui/walkthrough/LayeredWalkCaption.h"
#include "ui/walkthrough/WalkCaption.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QWidget>

#include <algorithm>

namespace stepwise::ui {

namespace {

using Place = WalkthroughController::Place;
using Spot = WalkthroughController::Spot;

// Where a step's number lives on the diagram.
Spot spotOf(const WalkStep& s) {
    switch (s.kind) {
    case WalkKind::Input:
        return {Place::Input, -1};
    case WalkKind::PreActivation:
    case WalkKind::Activation:
    case WalkKind::GPrime:
    case WalkKind::DLdb:
        return {Place::Neuron, s.neuron};
    case WalkKind::Delta: // the error flowing back along the edge into neuron j
    case WalkKind::DLdv:
        return {Place::OutEdge, s.neuron};
    case WalkKind::DLdw:
        return {Place::InEdge, s.neuron};
    case WalkKind::BatchMean:
    case WalkKind::DescentStep:
        if (!s.param) return {Place::Output, -1};
        switch (s.param->kind) {
        case ParamKind::HiddenWeight:
            return {Place::InEdge, s.param->neuron};
        case ParamKind::HiddenBias:
            return {Place::Neuron, s.param->neuron};
        case ParamKind::OutputWeight:
            return {Place::OutEdge, s.param->neuron};
        case ParamKind::OutputBias:
            return {Place::Output, -1};
        }
        return {Place::Output, -1};
    default:
        return {Place::Output, -1};
    }
}

bool isTextBox(QWidget* w) {
    return qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w);
}

} // namespace

WalkthroughController::WalkthroughController(Document* doc, QWidget* window, QObject* parent)
    : QObject(parent), doc_(doc), window_(window) {
    setObjectName("walkthrough");
    connect(&timer_, &QTimer::timeout, this, [this] {
        const int before = index_;
        next();
        if (index_ == before) setPlaying(false); // the end
    });
    // The walk follows the document: an edit, an undo or "Take this step" walks the same sample
    // through the network as it is now.
    connect(doc_, &Document::refreshed, this, [this] {
        if (!active_) return;
        rebuild();
        emit changed();
    });
    // Clicking a neuron (on the diagram or its slider) follows it.
    connect(doc_, &Document::selectionChanged, this, [this] {
        const auto sel = doc_->selection();
        if (!active_ || layered_ || !sel || sel->kind == ParamKind::OutputBias) return;
        if (sel->neuron >= 0 && sel->neuron < doc_->network().hidden()) follow(sel->neuron);
    });
}

WalkthroughController::~WalkthroughController() {
    if (active_) qApp->removeEventFilter(this);
}

const WalkStep* WalkthroughController::currentStep() const {
    if (!active_ || layered_ || index_ < 0 || index_ >= stepCount()) return nullptr;
    return &walk_.steps[static_cast<std::size_t>(index_)];
}

void WalkthroughController::startWalkthrough(double x) {
    x_ = x;
    haveSample_ = true;
    start();
}

void WalkthroughController::start() {
    if (doc_->isLayered()) {
        startLayered();
        return;
    }
    if (!doc_->hasTarget()) {
        emit message(tr("The walkthrough follows a sample to its target: draw a target or pick "
                        "one from the Target menu first."));
        if (active_) stop();
        emit activeChanged(false);
        return;
    }
    if (!haveSample_) {
        // The sample the network gets most wrong: there is the most to see.
        const WorstCase worst = worstCaseError(doc_->evaluation().output, doc_->targetSamples());
        const Eigen::ArrayXd& xs = doc_->x();
        x_ = xs[worst.index >= 0 ? worst.index : xs.size() / 2];
        haveSample_ = true;
    }
    const int h = doc_->network().hidden();
    if (!active_ || (followed_ && *followed_ >= h))
        followed_ = h <= 4 ? std::nullopt : std::optional<int>(0);
    const bool was = active_;
    active_ = true;
    qApp->installEventFilter(this); // the last one installed sees the keys first
    index_ = 0;
    rebuild();
    if (!was) emit activeChanged(true);
    emit changed();
}

void WalkthroughController::stop() {
    setPlaying(false);
    if (!active_) return;
    active_ = false;
    qApp->removeEventFilter(this);
    emit activeChanged(false);
    emit changed();
}

void WalkthroughController::toggle() {
    if (active_)
        stop();
    else
        start();
}

void WalkthroughController::setSample(double x) {
    if (layered_) {
        setSamplePoint(x, 0.0);
        return;
    }
    x_ = x;
    haveSample_ = true;
    if (!active_) return;
    index_ = 0;
    rebuild();
    emit changed();
}

void WalkthroughController::rebuild() {
    if (doc_->isLayered()) {
        rebuildLayered();
        return;
    }
    layered_ = false;
    layeredWalk_ = {};
    const Eigen::ArrayXd& xs = doc_->x();
    const Eigen::ArrayXd& ts = doc_->targetSamples();
    if (xs.size() == 0 || ts.size() != xs.size()) {
        stop();
        emit message(tr("The walkthrough ended: there is no target to walk a sample to."));
        return;
    }
    const Scenario& s = doc_->scenario();
    const Network& net = s.network;
    const int i = nearestSample(x_, s.domain.lo, s.domain.hi, static_cast<int>(xs.size()));
    x_ = xs[i];
    t_ = ts[i];
    options_ = doc_->backpropOptions(); // what the arrows beside the sliders show
    if (net.activation.kind == ActivationKind::Step && !borrowSlope_)
        options_.stepSurrogate = false;
    walk_ = walkthrough(net, x_, t_, xs, ts, s.training.optimizer.learningRate, options_);
    if (followed_ && *followed_ >= net.hidden()) followed_ = 0;
    index_ = std::clamp(index_, 0, std::max(0, stepCount() - 1));
    if (!visible(index_)) index_ = firstVisibleFrom(index_, -1);
}

bool WalkthroughController::visible(int index) const {
    if (index < 0 || index >= stepCount()) return false;
    if (layered_) {
        const LayeredWalkStep& s = layeredWalk_.steps[static_cast<std::size_t>(index)];
        return s.neuron < 0 || neuronsOpen(s.layer);
    }
    const int n = walk_.steps[static_cast<std::size_t>(index)].neuron;
    return !followed_ || n < 0 || n == *followed_;
}

int WalkthroughController::firstVisibleFrom(int index, int direction) const {
    for (int k = index; k >= 0 && k < stepCount(); k += direction)
        if (visible(k)) return k;
    return direction > 0 ? stepCount() : -1;
}

void WalkthroughController::goTo(int index) {
    if (!active_ || index < 0 || index >= stepCount() || index == index_) return;
    index_ = index;
    emit changed();
}

void WalkthroughController::next() {
    const int k = firstVisibleFrom(index_ + 1, +1);
    if (k < stepCount()) goTo(k);
}

void WalkthroughController::back() {
    const int k = firstVisibleFrom(index_ - 1, -1);
    if (k >= 0) goTo(k);
}

void WalkthroughController::restart() {
    goTo(firstVisibleFrom(0, +1));
}

void WalkthroughController::toEnd() {
    goTo(firstVisibleFrom(stepCount() - 1, -1));
}

void WalkthroughController::skipNeurons() {
    if (!active_) return;
    const int skipped = layered_ ? layeredSkipNeurons(layeredWalk_.steps, index_)
                                 : stepwise::skipNeurons(walk_.steps, index_);
    const int k = firstVisibleFrom(skipped, +1);
    if (k < stepCount()) goTo(k);
}

void WalkthroughController::follow(std::optional<int> neuron) {
    if (layered_) return;
    if (neuron && (*neuron < 0 || *neuron >= doc_->network().hidden())) return;
    if (neuron == followed_) return;
    followed_ = neuron;
    if (active_ && !visible(index_)) {
        // The same step for the neuron now followed (z₂ for z₁, ∂L/∂w2 for ∂L/∂w1), else the
        // next one it shows.
        const WalkStep& now = walk_.steps[static_cast<std::size_t>(index_)];
        int found = -1;
        for (int k = 0; k < stepCount() && found < 0; ++k) {
            const WalkStep& s = walk_.steps[static_cast<std::size_t>(k)];
            if (s.kind == now.kind && s.neuron == *neuron &&
                (!now.param || (s.param && s.param->kind == now.param->kind)))
                found = k;
        }
        index_ = found >= 0 ? found : std::max(0, firstVisibleFrom(index_, +1));
        if (index_ >= stepCount()) index_ = firstVisibleFrom(stepCount() - 1, -1);
    }
    emit changed();
}

void WalkthroughController::setBorrowSlope(bool on) {
    if (on == borrowSlope_) return;
    borrowSlope_ = on;
    if (!active_) return;
    rebuild();
    emit changed();
}

void WalkthroughController::setPlaying(bool on) {
    if (on == timer_.isActive()) return;
    if (on && active_) {
        timer_.start(3000 / speed_);
    } else {
        timer_.stop();
    }
    emit playingChanged(timer_.isActive());
}

void WalkthroughController::setSpeed(int speed) {
    speed_ = std::clamp(speed, 1, kMaxSpeed);
    if (timer_.isActive()) timer_.setInterval(3000 / speed_);
}

void WalkthroughController::takeStep() {
    if (!active_) return;
    if (layered_) {
        takeLayeredStep();
        return;
    }
    const Network& after = walk_.batch.networkAfter;
    if (!packParams(after).allFinite()) {
        emit message(tr("That step would make a weight infinite; try a smaller learning rate."));
        return;
    }
    doc_->setNetwork(after, tr("Gradient step from the walkthrough"));
}

WalkContext WalkthroughController::context() const {
    WalkContext c;
    c.net = &doc_->network();
    c.samples = walk_.batch.samples;
    c.borrowedSlope = walk_.borrowedSlope;
    c.surrogateSteepness = options_.surrogateSteepness;
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

std::vector<WalkthroughController::Annotation> WalkthroughController::annotations() const {
    std::vector<Annotation> out;
    const WalkStep* now = currentStep();
    if (!now) return out;
    const WalkPhase phase = walkPhase(now->kind);
    // The batch shows its means, then (from the first descent step on) the new values.
    const bool descending = now->kind == WalkKind::DescentStep || now->kind == WalkKind::LossAfter;
    const WalkContext c = context();
    for (int k = 0; k <= index_; ++k) {
        const WalkStep& s = walk_.steps[static_cast<std::size_t>(k)];
        if (walkPhase(s.kind) != phase || !visible(k)) continue;
        if (descending && s.kind == WalkKind::BatchMean) continue;
        Annotation a;
        a.spot = spotOf(s);
        a.step = k;
        a.value = s.value;
        a.text = walkText(s, c).label;
        a.current = k == index_;
        a.stopped = s.flowStops;
        out.push_back(a);
    }
    return out;
}

std::optional<WalkthroughController::Spot> WalkthroughController::highlight() const {
    if (const WalkStep* s = currentStep()) return spotOf(*s);
    return std::nullopt;
}

std::optional<WalkthroughController::Marker> WalkthroughController::marker() const {
    if (!active_) return std::nullopt;
    if (layered_) return layeredMarker();
    for (const WalkStep& s : walk_.steps)
        if (s.kind == WalkKind::Output) return Marker{x_, s.value, t_};
    return std::nullopt;
}

std::optional<WalkthroughController::Curve> WalkthroughController::afterCurve() const {
    if (layered_) return layeredAfterCurve();
    const WalkStep* now = currentStep();
    if (!now || (now->kind != WalkKind::DescentStep && now->kind != WalkKind::LossAfter))
        return std::nullopt;
    const Network& after = walk_.batch.networkAfter;
    const Domain& d = doc_->scenario().domain;
    Curve c;
    if (after.activation.kind == ActivationKind::Step) {
        const Polyline out = stepOutlines(after, d.lo, d.hi).back();
        c.x = out.x;
        c.y = out.y;
    } else {
        const Eigen::ArrayXd& xs = doc_->x();
        const Eigen::ArrayXd ys = evaluateOutput(after, xs);
        c.x.assign(xs.data(), xs.data() + xs.size());
        c.y.assign(ys.data(), ys.data() + ys.size());
    }
    return c;
}

QString WalkthroughController::formula() const {
    if (const LayeredWalkStep* l = currentLayeredStep())
        return layeredWalkText(*l, layeredContext()).formula;
    const WalkStep* s = currentStep();
    return s ? walkText(*s, context()).formula : QString();
}

QString WalkthroughController::meaning() const {
    if (const LayeredWalkStep* l = currentLayeredStep())
        return layeredWalkText(*l, layeredContext()).meaning;
    const WalkStep* s = currentStep();
    return s ? walkText(*s, context()).meaning : QString();
}

QString WalkthroughController::position() const {
    const WalkStep* s = currentStep();
    const LayeredWalkStep* l = currentLayeredStep();
    if (!s && !l) return {};
    int shown = 0, at = 0;
    for (int k = 0; k < stepCount(); ++k)
        if (visible(k)) {
            ++shown;
            if (k <= index_) ++at;
        }
    const QString phase =
        l ? layeredWalkPhaseName(layeredWalkPhase(l->kind)) : walkPhaseName(walkPhase(s->kind));
    return tr("%1 · step %2 of %3").arg(phase).arg(at).arg(shown);
}

bool WalkthroughController::handleKey(int key) {
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        back();
        return true;
    case Qt::Key_Home:
        restart();
        return true;
    case Qt::Key_End:
        toEnd();
        return true;
    case Qt::Key_N:
        skipNeurons();
        return true;
    case Qt::Key_P:
        setPlaying(!playing());
        return true;
    case Qt::Key_O:
        toggleNeurons();
        return true;
    case Qt::Key_Escape:
        stop();
        return true;
    default:
        return false;
    }
}

bool WalkthroughController::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (!active_ || (type != QEvent::ShortcutOverride && type != QEvent::KeyPress))
        return QObject::eventFilter(watched, event);
    auto* w = qobject_cast<QWidget*>(watched);
    auto* k = static_cast<QKeyEvent*>(event);
    const int key = k->key();
    static constexpr int ours[] = {Qt::Key_Right,  Qt::Key_Space, Qt::Key_PageDown, Qt::Key_Left,
                                   Qt::Key_PageUp, Qt::Key_Home,  Qt::Key_End,      Qt::Key_N,
                                   Qt::Key_P,      Qt::Key_O,     Qt::Key_Escape};
    if (!w || !window_ || w->window() != window_ || (k->modifiers() & ~Qt::KeypadModifier) != 0 ||
        (key == Qt::Key_O && !layered_) ||
        std::find(std::begin(ours), std::end(ours), key) == std::end(ours))
        return QObject::eventFilter(watched, event);
    // A text box keeps the keys it edits with (typing x); Esc and the page keys stay the walk's.
    const bool editing = key != Qt::Key_Escape && key != Qt::Key_PageUp &&
                         key != Qt::Key_PageDown && isTextBox(QApplication::focusWidget());
    if (editing) return QObject::eventFilter(watched, event);
    if (type == QEvent::ShortcutOverride) {
        k->accept(); // no shortcut (the lesson's arrows, its N) takes the key: it comes here
        return true;
    }
    handleKey(key);
    return true;
}

} // namespace stepwise::ui

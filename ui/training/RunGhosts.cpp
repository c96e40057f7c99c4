#include "ui/training/RunGhosts.h"

#include "ui/base/ActivationLabel.h"
#include "ui/document/Document.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

QString optimizerText(OptimizerKind k) {
    switch (k) {
    case OptimizerKind::SGD:
        return RunGhosts::tr("SGD");
    case OptimizerKind::Momentum:
        return RunGhosts::tr("momentum");
    case OptimizerKind::Adam:
        return RunGhosts::tr("Adam");
    }
    return {};
}

namespace {

QString number(double v) {
    return QString::number(v, 'g', 3);
}

// The output curve of `net` on the document's grid (exact outlines for a step network).
void outputCurve(const Document& doc, const Network& net, std::vector<double>& x,
                 std::vector<double>& y) {
    const Domain& d = doc.scenario().domain;
    if (net.activation.kind == ActivationKind::Step) {
        const std::vector<Polyline> curves = stepOutlines(net, d.lo, d.hi);
        x = curves.back().x;
        y = curves.back().y;
        return;
    }
    const Eigen::ArrayXd& grid = doc.x();
    const Eigen::ArrayXd out = evaluateOutput(net, grid);
    x.assign(grid.data(), grid.data() + grid.size());
    y.assign(out.data(), out.data() + out.size());
}
} // namespace

RunGhosts::RunGhosts(Document* doc, QObject* parent) : QObject(parent), doc_(doc) {
    // Another scenario (File ▸ New, Open, a lesson chapter): the ghosts belonged to the old one.
    connect(doc_, &Document::scenarioReplaced, this, [this] {
        chapter_ = doc_->scenario().lesson.chapter;
        clear();
    });
    // Another lesson chapter sets up another network and target: the same.
    chapter_ = doc_->scenario().lesson.chapter;
    connect(doc_, &Document::lessonChanged, this, [this] {
        if (doc_->scenario().lesson.chapter == chapter_) return;
        chapter_ = doc_->scenario().lesson.chapter;
        clear();
    });
    // The newest ghost's label compares it with the settings a next run would use.
    for (auto signal : {&Document::trainingSettingsChanged, &Document::structureChanged})
        connect(doc_, signal, this, [this] {
            if (ghosts_.empty()) return;
            const QString before = ghosts_.back().label;
            relabel();
            if (ghosts_.back().label != before) emit changed();
        });
}

RunGhost RunGhosts::current() const {
    RunGhost g;
    g.settings = doc_->scenario().training;
    g.activation = doc_->network().activation;
    g.hidden = doc_->network().hidden();
    return g;
}

void RunGhosts::addRun(const Network& net, const TrainSettings& settings,
                       const std::vector<double>& lossSteps, const std::vector<double>& losses,
                       long steps, int history) {
    RunGhost g;
    g.settings = settings;
    g.activation = net.activation;
    g.hidden = net.hidden();
    g.steps = steps;
    g.history = history;
    outputCurve(*doc_, net, g.x, g.y);
    // Never a non-finite point on screen (the trainer hands out none; this only guards it).
    for (double& v : g.y)
        if (!std::isfinite(v)) v = 0.0;
    // The loss curve thinned to at most kMaxLossPoints points, the last one always kept.
    const std::size_t n = std::min(lossSteps.size(), losses.size());
    const std::size_t stride = std::max<std::size_t>(1, (n + kMaxLossPoints - 1) / kMaxLossPoints);
    for (std::size_t i = 0; i < n; i += stride)
        if (std::isfinite(losses[i])) {
            g.lossSteps.push_back(lossSteps[i]);
            g.losses.push_back(losses[i]);
        }
    if (n > 0 && (n - 1) % stride != 0 && std::isfinite(losses[n - 1])) {
        g.lossSteps.push_back(lossSteps[n - 1]);
        g.losses.push_back(losses[n - 1]);
    }
    // The same run paused again: its ghost moves on with it.
    if (!ghosts_.empty()) {
        const RunGhost& last = ghosts_.back();
        if (last.history == history && last.settings == g.settings &&
            last.activation == g.activation && last.hidden == g.hidden) {
            g.colour = last.colour;
            g.id = last.id;
            ghosts_.back() = std::move(g);
            relabel();
            emit changed();
            return;
        }
    }
    if (static_cast<int>(ghosts_.size()) >= kMaxGhosts) ghosts_.erase(ghosts_.begin());
    // The lowest colour slot no ghost uses: the others keep theirs.
    for (int c = 0;; ++c)
        if (std::none_of(ghosts_.begin(), ghosts_.end(),
                         [c](const RunGhost& o) { return o.colour == c; })) {
            g.colour = c;
            break;
        }
    g.id = nextId_++;
    ghosts_.push_back(std::move(g));
    relabel();
    emit changed();
}

void RunGhosts::remove(int id) {
    const auto it = std::find_if(ghosts_.begin(), ghosts_.end(),
                                 [id](const RunGhost& g) { return g.id == id; });
    if (it == ghosts_.end()) return;
    ghosts_.erase(it);
    relabel();
    emit changed();
}

void RunGhosts::clear() {
    if (ghosts_.empty()) return;
    ghosts_.clear();
    emit changed();
}

QString RunGhosts::difference(const RunGhost& g, const RunGhost& next) {
    QStringList parts;
    const OptimizerSettings &a = g.settings.optimizer, &b = next.settings.optimizer;
    // An η means something else under another optimizer: the two are named together.
    if (a.kind != b.kind || a.learningRate != b.learningRate)
        parts << tr("%1 η=%2").arg(optimizerText(a.kind), number(a.learningRate));
    if (a.kind == OptimizerKind::Momentum && a.momentum != b.momentum)
        parts << tr("μ=%1").arg(number(a.momentum));
    if (g.hidden != next.hidden) parts << tr("%n neuron(s)", nullptr, g.hidden);
    if (g.activation.kind != next.activation.kind)
        parts << activationLabel(g.activation.kind);
    else if (g.activation.steepness != next.activation.steepness)
        parts << tr("k=%1").arg(number(g.activation.steepness));
    if (g.settings.seed != next.settings.seed) parts << tr("seed %1").arg(g.settings.seed);
    if (g.settings.weightDecay != next.settings.weightDecay)
        parts << tr("λ=%1").arg(number(g.settings.weightDecay));
    if (g.settings.batchSize != next.settings.batchSize)
        parts << (g.settings.batchSize > 0 ? tr("batch %1").arg(g.settings.batchSize)
                                           : tr("full batch"));
    if (g.settings.layers != next.settings.layers)
        parts << (g.settings.layers == LearningLayers::OutputOnly ? tr("output layer only")
                                                                  : tr("all layers"));
    if (g.settings.earlyStopping != next.settings.earlyStopping)
        parts << (g.settings.earlyStopping ? tr("early stopping") : tr("no early stopping"));
    if (parts.isEmpty()) return tr("same settings, %n step(s)", nullptr, g.steps);
    return parts.join(", ");
}

void RunGhosts::relabel() {
    const RunGhost now = current();
    for (std::size_t i = 0; i < ghosts_.size(); ++i)
        ghosts_[i].label = difference(ghosts_[i], i + 1 < ghosts_.size() ? ghosts_[i + 1] : now);
}

} // namespace stepwise::ui

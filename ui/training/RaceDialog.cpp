#include "ui/training/RaceDialog.h"

#include "core/training/Race.h"
#include "ui/base/Format.h"
#include "ui/base/Frame.h"
#include "ui/document/Document.h"
#include "ui/training/RacePlots.h"
#include "ui/training/RunGhosts.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {
constexpr long kFramesPerRace = 240;    // a race of any length takes about four seconds
constexpr double kFrameBudgetMs = 12.0; // work per frame, at most (the steps then shrink)

QDoubleSpinBox* makeRateBox(const QString& name, const QString& accessible, QWidget* parent) {
    auto* b = new QDoubleSpinBox(parent);
    b->setObjectName(name);
    b->setAccessibleName(accessible);
    b->setDecimals(5);
    b->setRange(0.0, 1000.0);
    b->setSingleStep(0.01);
    return b;
}
} // namespace

RaceDialog::RaceDialog(Document* doc, const Palette& palette, QWidget* parent)
    : QDialog(parent), doc_(doc) {
    setObjectName("raceDialog");
    setWindowTitle(tr("Race"));
    if (palette.fontScale > 1.0) { // on a projector, as large as the panels' text
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * kPresentationFontScale);
        setFont(f);
    }
    const OptimizerSettings& now = doc_->scenario().training.optimizer;
    const double eta = now.learningRate;

    auto* who = new QGroupBox(tr("Who races"), this);
    auto* grid = new QGridLayout(who);
    optimizers_ = new QRadioButton(tr("SGD, momentum and Adam, each at η ="), who);
    optimizers_->setObjectName("raceOptimizers");
    rateBoxes_[0] = makeRateBox("raceSharedRate", tr("Learning rate of every optimizer"), who);
    rateBoxes_[0]->setMinimum(1e-5);
    rateBoxes_[0]->setValue(eta);
    rates_ = new QRadioButton(tr("%1 at the learning rates").arg(optimizerText(now.kind)), who);
    rates_->setObjectName("raceRates");
    const double tried[3] = {eta / 10.0, eta, std::min(eta * 10.0, 1000.0)};
    for (int i = 1; i <= 3; ++i) {
        rateBoxes_[i] =
            makeRateBox(QString("raceRate%1").arg(i), tr("Learning rate %1").arg(i), who);
        rateBoxes_[i]->setValue(tried[i - 1]);
    }
    rateBoxes_[1]->setMinimum(1e-5);
    rateBoxes_[2]->setMinimum(1e-5);
    rateBoxes_[3]->setSpecialValueText(tr("none")); // two racers are enough
    steps_ = new QSpinBox(who);
    steps_->setObjectName("raceSteps");
    steps_->setAccessibleName(tr("Steps in the race"));
    steps_->setRange(10, 200'000);
    steps_->setSingleStep(500);
    steps_->setValue(2000);
    start_ = new QPushButton(tr("&Start the race"), who);
    start_->setObjectName("raceStart");
    grid->addWidget(optimizers_, 0, 0);
    grid->addWidget(rateBoxes_[0], 0, 1);
    grid->addWidget(rates_, 1, 0);
    for (int i = 1; i <= 3; ++i)
        grid->addWidget(rateBoxes_[i], 1, i);
    auto* stepsLabel = new QLabel(tr("S&teps"), who);
    stepsLabel->setBuddy(steps_);
    grid->addWidget(stepsLabel, 2, 0, Qt::AlignRight);
    grid->addWidget(steps_, 2, 1);
    grid->addWidget(start_, 2, 3);
    auto* fair = new QLabel(tr("Every racer starts from the weights on screen and learns from the "
                               "same training points, with the same seed (the same mini-batches) "
                               "and the same other settings; only the optimizer or η differs."),
                            who);
    fair->setWordWrap(true);
    grid->addWidget(fair, 3, 0, 1, 4);

    plots_ = new RacePlots(this);
    plots_->setPalette(palette);
    plots_->setSamples(doc_->sampleX(), doc_->sampleT(), doc_->x());

    progress_ = new QProgressBar(this);
    progress_->setObjectName("raceProgress");
    progress_->setAccessibleName(tr("Race progress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("step %v of %m"));
    result_ = new QLabel(this);
    result_->setObjectName("raceResult");
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    stop_ = buttons->addButton(tr("Sto&p (Esc)"), QDialogButtonBox::ActionRole);
    stop_->setObjectName("raceStop");
    keepWinner_ =
        buttons->addButton(tr("Keep the &winner's weights"), QDialogButtonBox::AcceptRole);
    keepWinner_->setObjectName("raceKeepWinner");
    keepOld_ =
        buttons->addButton(tr("Keep the weights as they &were"), QDialogButtonBox::RejectRole);
    keepOld_->setObjectName("raceKeepOld");

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addWidget(plots_, 1);
    layout->addWidget(progress_);
    layout->addWidget(result_);
    layout->addWidget(buttons);

    optimizers_->setChecked(true);
    connect(optimizers_, &QRadioButton::toggled, this, &RaceDialog::syncControls);
    connect(start_, &QPushButton::clicked, this, &RaceDialog::start);
    connect(stop_, &QPushButton::clicked, this, &RaceDialog::stop);
    connect(keepWinner_, &QPushButton::clicked, this, &RaceDialog::keepWinner);
    connect(keepOld_, &QPushButton::clicked, this, [this] {
        stop();
        QDialog::reject();
    });
    frame_.setInterval(kFrameMs);
    connect(&frame_, &QTimer::timeout, this, &RaceDialog::onFrame);
    start_->setDefault(true); // Enter starts a race
    syncControls();
    resize(980, 640);
}

RaceDialog::~RaceDialog() {
    plots_->setRace(nullptr); // the plots never outlive the race they point at
}

void RaceDialog::setKind(Kind k) {
    (k == Kind::Optimizers ? optimizers_ : rates_)->setChecked(true);
}

void RaceDialog::syncControls() {
    const bool idle = !running();
    const bool opt = optimizers_->isChecked();
    for (QWidget* w : {static_cast<QWidget*>(optimizers_), static_cast<QWidget*>(rates_),
                       static_cast<QWidget*>(steps_), static_cast<QWidget*>(start_)})
        w->setEnabled(idle);
    rateBoxes_[0]->setEnabled(idle && opt);
    for (int i = 1; i <= 3; ++i)
        rateBoxes_[i]->setEnabled(idle && !opt);
    stop_->setEnabled(!idle);
    keepWinner_->setEnabled(idle && race_ && race_->winner().has_value());
}

void RaceDialog::start() {
    if (running()) return;
    if (!doc_->hasTarget()) {
        result_->setText(tr("There is nothing to learn yet: draw a target curve or pick one from "
                            "the Target menu first."));
        return;
    }
    const TrainSettings& shared = doc_->scenario().training;
    std::vector<RacerSpec> specs;
    if (optimizers_->isChecked()) {
        for (OptimizerKind k : {OptimizerKind::SGD, OptimizerKind::Momentum, OptimizerKind::Adam}) {
            OptimizerSettings o = shared.optimizer;
            o.kind = k;
            o.learningRate = rateBoxes_[0]->value();
            specs.push_back({optimizerText(k).toStdString(), o});
        }
    } else {
        for (int i = 1; i <= 3; ++i) {
            const double eta = rateBoxes_[i]->value();
            if (eta <= 0.0) continue; // "none"
            OptimizerSettings o = shared.optimizer;
            o.learningRate = eta;
            specs.push_back({tr("%1 η = %2")
                                 .arg(optimizerText(o.kind))
                                 .arg(QString::number(eta, 'g', 4))
                                 .toStdString(),
                             o});
        }
    }
    plots_->setRace(nullptr);
    race_ = std::make_unique<Race>(doc_->network(), doc_->sampleX(), doc_->sampleT(), shared,
                                   std::move(specs), steps_->value());
    targetPerFrame_ = std::max(1L, (race_->length() + kFramesPerRace - 1) / kFramesPerRace);
    stepsPerFrame_ = std::min(targetPerFrame_, 16L); // grows to the target while frames are fast
    stopped_ = false;
    plots_->setSamples(doc_->sampleX(), doc_->sampleT(), doc_->x());
    plots_->setRace(race_.get());
    progress_->setRange(0, static_cast<int>(race_->length()));
    progress_->setValue(0);
    result_->setText(tr("Racing…"));
    frame_.start();
    syncControls();
    stop_->setFocus();
}

void RaceDialog::onFrame() {
    if (!race_) return;
    QElapsedTimer clock;
    clock.start();
    race_->run(stepsPerFrame_);
    // How the steps are split into frames changes nothing in the numbers, only how smooth the
    // window stays: fewer steps in a frame that took too long, more (up to the target) when fast.
    const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    if (ms > kFrameBudgetMs)
        stepsPerFrame_ = std::max(1L, stepsPerFrame_ / 2);
    else if (ms < kFrameBudgetMs / 3)
        stepsPerFrame_ = std::min(targetPerFrame_, stepsPerFrame_ * 2);
    progress_->setValue(static_cast<int>(race_->stepsDone()));
    plots_->update();
    if (race_->finished()) finish();
}

void RaceDialog::stop() {
    if (!running()) return;
    stopped_ = true;
    finish();
}

void RaceDialog::finish() {
    frame_.stop();
    plots_->update();
    result_->setText(resultText());
    syncControls();
    if (keepWinner_->isEnabled()) keepWinner_->setFocus(); // Enter or Space keeps it
}

QString RaceDialog::resultText() const {
    if (!race_) return {};
    QStringList parts;
    if (stopped_) parts << tr("Stopped after %n step(s).", nullptr, race_->stepsDone());
    if (const std::optional<int> w = race_->winner()) {
        const RacerState& s = race_->state(*w);
        parts << tr("%1 reached the lowest loss, %2, after %n step(s) (within 1 % of it from step "
                    "%3).",
                    nullptr, s.steps)
                     .arg(QString::fromStdString(race_->spec(*w).name), formatLoss(s.loss))
                     .arg(race_->bestStep(*w));
    } else {
        parts << tr("Every racer diverged: try smaller learning rates.");
    }
    QStringList diverged;
    for (int i = 0; i < race_->size(); ++i)
        if (race_->state(i).diverged)
            diverged << tr("%1 at step %2")
                            .arg(QString::fromStdString(race_->spec(i).name))
                            .arg(race_->state(i).steps);
    if (!diverged.isEmpty() && race_->winner())
        parts << tr("Diverged (the loss ran away, so it stopped): %1.").arg(diverged.join(", "));
    return parts.join(' ');
}

void RaceDialog::keepWinner() {
    stop();
    if (!race_ || !race_->winner()) return;
    const int w = *race_->winner();
    doc_->setNetwork(
        race_->network(w),
        tr("Keep the race winner's weights (%1)").arg(QString::fromStdString(race_->spec(w).name)));
    accept();
}

void RaceDialog::closeEvent(QCloseEvent* e) {
    frame_.stop(); // closing keeps the weights as they were, whether a race runs or not
    QDialog::closeEvent(e);
}

void RaceDialog::reject() {
    if (running()) {
        stop();
        return;
    }
    QDialog::reject();
}

} // namespace stepwise::ui

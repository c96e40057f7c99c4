#include "ui/training/TrainingPanel.h"

#include "ui/base/Format.h"
#include "ui/base/LossPlot.h"
#include "ui/document/Document.h"
#include "ui/training/TrainingController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stepwise::ui {

namespace {
QPushButton* button(const QString& text, const QString& name, const QString& tip, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setToolTip(tip);
    b->setAccessibleName(QString(text).remove('&'));
    b->setAccessibleDescription(tip);
    return b;
}
} // namespace

TrainingPanel::TrainingPanel(Document* doc, TrainingController* trainer, QWidget* parent)
    : QWidget(parent), doc_(doc), trainer_(trainer) {
    setObjectName("trainingPanel");
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);

    auto* buttons = new QGridLayout;
    play_ = button(tr("&Play"), "playButton", tr("Start or pause training (Space)"), this);
    step_ =
        button(tr("One s&tep"), "stepButton", tr("Take one training step (optimizer step)"), this);
    handStep_ = button(tr("&Gradient step"), "handStepButton",
                       tr("Move every weight once against its gradient: θ ← θ − η·∂L/∂θ"), this);
    reset_ = button(tr("&Reset"), "resetButton",
                    tr("Back to the weights this run started from, with the same seed"), this);
    newSeed_ =
        button(tr("New &seed"), "newSeedButton", tr("Start again from fresh random weights"), this);
    buttons->addWidget(play_, 0, 0);
    buttons->addWidget(step_, 0, 1);
    buttons->addWidget(handStep_, 0, 2);
    buttons->addWidget(reset_, 1, 0);
    buttons->addWidget(newSeed_, 1, 1);
    outer->addLayout(buttons);

    auto* form = new QFormLayout;
    speed_ = new QComboBox(this);
    speed_->setObjectName("speedBox");
    speed_->setAccessibleName(tr("Speed"));
    for (int n : {1, 10, 100, 1000})
        speed_->addItem(tr("%n step(s) per frame", nullptr, n), n);
    speed_->addItem(tr("As fast as possible"), 0);
    speed_->setCurrentIndex(2);
    form->addRow(tr("Spee&d"), speed_);

    rate_ = new QDoubleSpinBox(this);
    rate_->setObjectName("learningRateBox");
    rate_->setAccessibleName(tr("Learning rate"));
    rate_->setDecimals(5);
    rate_->setRange(1e-5, 1000.0);
    rate_->setSingleStep(0.01);
    rate_->setKeyboardTracking(false);
    form->addRow(tr("&Learning rate η"), rate_);

    optimizer_ = new QComboBox(this);
    optimizer_->setObjectName("optimizerBox");
    optimizer_->setAccessibleName(tr("Optimizer"));
    optimizer_->addItem(tr("Gradient descent (SGD)"), static_cast<int>(OptimizerKind::SGD));
    optimizer_->addItem(tr("Momentum"), static_cast<int>(OptimizerKind::Momentum));
    optimizer_->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    form->addRow(tr("&Optimizer"), optimizer_);

    layers_ = new QComboBox(this);
    layers_->setObjectName("layersBox");
    layers_->setAccessibleName(tr("Layers that learn"));
    layers_->addItem(tr("All weights and biases"), static_cast<int>(LearningLayers::All));
    layers_->addItem(tr("Output layer only"), static_cast<int>(LearningLayers::OutputOnly));
    form->addRow(tr("Lear&ns"), layers_);

    stopLoss_ = new QDoubleSpinBox(this);
    stopLoss_->setObjectName("stopLossBox");
    stopLoss_->setAccessibleName(tr("Stop at loss"));
    stopLoss_->setDecimals(6);
    stopLoss_->setRange(0.0, 10.0);
    stopLoss_->setSingleStep(0.0001);
    stopLoss_->setSpecialValueText(tr("never"));
    stopLoss_->setKeyboardTracking(false);
    form->addRow(tr("Stop at &loss"), stopLoss_);

    stepMode_ = new QComboBox(this);
    stepMode_->setObjectName("stepModeBox");
    stepMode_->setAccessibleName(tr("How a step network learns"));
    stepMode_->addItem(tr("Surrogate gradient"), static_cast<int>(StepTraining::Surrogate));
    stepMode_->addItem(tr("Anneal a sigmoid"), static_cast<int>(StepTraining::Anneal));
    form->addRow(tr("Step &training"), stepMode_);
    stepHelp_ = new QLabel(this);
    stepHelp_->setWordWrap(true);
    stepHelp_->setObjectName("stepHelp");
    form->addRow(stepHelp_);
    outer->addLayout(form);
    buildDataSettings(outer);

    status_ = new QLabel(this);
    status_->setObjectName("trainingStatus");
    status_->setAccessibleName(tr("Training status"));
    outer->addWidget(status_);
    advice_ = new QLabel(this);
    advice_->setObjectName("trainingAdvice");
    advice_->setWordWrap(true);
    advice_->setStyleSheet("color: #D55E00");
    advice_->setVisible(false);
    outer->addWidget(advice_);
    lossPlot_ = new LossPlot(this);
    outer->addWidget(lossPlot_, 1);
    message_ = new QLabel(this);
    message_->setObjectName("trainingMessage");
    message_->setWordWrap(true);
    message_->setVisible(false);
    outer->addWidget(message_);

    connect(play_, &QPushButton::clicked, trainer_, &TrainingController::toggle);
    connect(step_, &QPushButton::clicked, trainer_, &TrainingController::stepOnce);
    connect(handStep_, &QPushButton::clicked, trainer_, &TrainingController::gradientStepByHand);
    connect(reset_, &QPushButton::clicked, trainer_, &TrainingController::reset);
    connect(newSeed_, &QPushButton::clicked, trainer_, &TrainingController::newSeed);
    connect(speed_, &QComboBox::activated, this,
            [this](int i) { trainer_->setStepsPerFrame(speed_->itemData(i).toInt()); });
    trainer_->setStepsPerFrame(speed_->currentData().toInt());
    connect(rate_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::writeSettings);
    connect(stopLoss_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::writeSettings);
    for (QComboBox* c : {optimizer_, layers_, stepMode_})
        connect(c, &QComboBox::activated, this, &TrainingPanel::writeSettings);

    connect(doc_, &Document::trainingSettingsChanged, this, &TrainingPanel::syncSettings);
    connect(doc_, &Document::structureChanged, this, &TrainingPanel::syncSettings);
    connect(doc_, &Document::refreshed, this, &TrainingPanel::syncStatus);
    connect(doc_, &Document::targetChanged, this, &TrainingPanel::syncData);
    connect(doc_, &Document::trainingSettingsChanged, this, &TrainingPanel::syncData);
    connect(trainer_, &TrainingController::progressed, this, [this] {
        lossPlot_->setData(trainer_->lossSteps(), trainer_->lossValues());
        lossPlot_->setTestData(trainer_->testLossSteps(), trainer_->testLossValues());
        syncStatus();
    });
    connect(trainer_, &TrainingController::runningChanged, this, [this](bool running) {
        play_->setText(running ? tr("&Pause") : tr("&Play"));
        if (running) message_->setVisible(false);
    });
    connect(trainer_, &TrainingController::historyCleared, this, [this] {
        message_->clear();
        message_->setVisible(false);
    });
    connect(trainer_, &TrainingController::diverged, this,
            [this](const QString& m) { showMessage(m, true); });
    connect(trainer_, &TrainingController::message, this,
            [this](const QString& m) { showMessage(m, false); });
    connect(trainer_, &TrainingController::stoppedEarly, this, [this](long step, double l) {
        showMessage(tr("Early stopping: the test loss has not gone below %1 (step %2) for the "
                       "patience you set, so training paused with the weights of step %2.")
                        .arg(formatLoss(l))
                        .arg(step),
                    false);
    });
    connect(trainer_, &TrainingController::stopLossReached, this, [this](double l) {
        showMessage(tr("Reached the loss you asked for (%1): training paused.").arg(l, 0, 'g', 3),
                    false);
    });
    syncSettings();
    syncData();
    syncStatus();
}

void TrainingPanel::buildDataSettings(QVBoxLayout* outer) {
    auto* box = new QGroupBox(tr("Data and overfitting"), this);
    box->setObjectName("dataSettings");
    auto* form = new QFormLayout(box);
    auto seedBox = [this](const QString& name, const QString& accessible) {
        auto* b = new QSpinBox(this);
        b->setObjectName(name);
        b->setAccessibleName(accessible);
        b->setRange(1, 999'999'999);
        b->setKeyboardTracking(false);
        return b;
    };
    noiseSd_ = new QDoubleSpinBox(this);
    noiseSd_->setObjectName("noiseBox");
    noiseSd_->setAccessibleName(tr("Noise standard deviation"));
    noiseSd_->setToolTip(tr("Adds Gaussian noise of this standard deviation to every target "
                            "value the network learns from"));
    noiseSd_->setDecimals(3);
    noiseSd_->setRange(0.0, 100.0);
    noiseSd_->setSingleStep(0.01);
    noiseSd_->setSpecialValueText(tr("none"));
    noiseSd_->setKeyboardTracking(false);
    noiseSeed_ = seedBox("noiseSeedBox", tr("Noise seed"));
    auto* noiseRow = new QHBoxLayout;
    noiseRow->addWidget(noiseSd_, 1);
    noiseRow->addWidget(new QLabel(tr("seed"), this));
    noiseRow->addWidget(noiseSeed_);
    auto* noiseLabel = new QLabel(tr("&Noise σ"), this);
    noiseLabel->setBuddy(noiseSd_); // a row of several boxes: the label names the first
    form->addRow(noiseLabel, noiseRow);

    testFraction_ = new QDoubleSpinBox(this);
    testFraction_->setObjectName("testFractionBox");
    testFraction_->setAccessibleName(tr("Share of test points"));
    testFraction_->setToolTip(tr("Holds this share of the points out of training: they are drawn "
                                 "hollow and only scored, never learnt from"));
    testFraction_->setDecimals(2);
    testFraction_->setRange(0.0, 0.95);
    testFraction_->setSingleStep(0.05);
    testFraction_->setSpecialValueText(tr("none"));
    testFraction_->setKeyboardTracking(false);
    splitSeed_ = seedBox("splitSeedBox", tr("Test split seed"));
    auto* splitRow = new QHBoxLayout;
    splitRow->addWidget(testFraction_, 1);
    splitRow->addWidget(new QLabel(tr("seed"), this));
    splitRow->addWidget(splitSeed_);
    auto* splitLabel = new QLabel(tr("Test &share"), this);
    splitLabel->setBuddy(testFraction_);
    form->addRow(splitLabel, splitRow);

    weightDecay_ = new QDoubleSpinBox(this);
    weightDecay_->setObjectName("weightDecayBox");
    weightDecay_->setAccessibleName(tr("Weight decay lambda"));
    weightDecay_->setToolTip(tr("L2 regularisation: training descends the loss plus "
                                "λ·Σ(w² + v²); the biases are not decayed"));
    weightDecay_->setDecimals(5);
    weightDecay_->setRange(0.0, 10.0);
    weightDecay_->setSingleStep(0.0001);
    weightDecay_->setSpecialValueText(tr("off"));
    weightDecay_->setKeyboardTracking(false);
    form->addRow(tr("&Weight decay λ"), weightDecay_);

    earlyStopping_ = new QCheckBox(tr("&Early stopping"), this);
    earlyStopping_->setObjectName("earlyStoppingBox");
    earlyStopping_->setToolTip(tr("Keep the weights with the lowest test loss: a pause goes back "
                                  "to them (needs test points)"));
    patience_ = new QSpinBox(this);
    patience_->setObjectName("patienceBox");
    patience_->setAccessibleName(tr("Patience in steps"));
    patience_->setToolTip(tr("Stop once the test loss has not reached a new low for this many "
                             "steps"));
    patience_->setRange(0, 1'000'000'000);
    patience_->setSingleStep(100);
    patience_->setSpecialValueText(tr("keep training"));
    patience_->setKeyboardTracking(false);
    auto* stopRow = new QHBoxLayout;
    stopRow->addWidget(earlyStopping_);
    stopRow->addWidget(new QLabel(tr("patience"), this));
    stopRow->addWidget(patience_, 1);
    form->addRow(stopRow);
    outer->addWidget(box);

    connect(noiseSd_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::writeNoise);
    connect(noiseSeed_, &QSpinBox::valueChanged, this, &TrainingPanel::writeNoise);
    connect(testFraction_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::writeSplit);
    connect(splitSeed_, &QSpinBox::valueChanged, this, &TrainingPanel::writeSplit);
    connect(weightDecay_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::writeRegularisation);
    connect(earlyStopping_, &QCheckBox::toggled, this, &TrainingPanel::writeRegularisation);
    connect(patience_, &QSpinBox::valueChanged, this, &TrainingPanel::writeRegularisation);
}

void TrainingPanel::syncData() {
    const TargetCurve& t = doc_->scenario().target;
    const TrainSettings& s = doc_->scenario().training;
    const QSignalBlocker b1(noiseSd_), b2(noiseSeed_), b3(testFraction_), b4(splitSeed_),
        b5(weightDecay_), b6(earlyStopping_), b7(patience_);
    noiseSd_->setValue(t.noise.sd);
    noiseSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(t.noise.seed, 999'999'999)));
    testFraction_->setValue(t.split.fraction);
    splitSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(t.split.seed, 999'999'999)));
    weightDecay_->setValue(s.weightDecay);
    earlyStopping_->setChecked(s.earlyStopping);
    patience_->setValue(static_cast<int>(std::min<long>(s.patience, 1'000'000'000)));
    patience_->setEnabled(s.earlyStopping);
}

void TrainingPanel::writeNoise() {
    TargetCurve t = doc_->scenario().target;
    t.noise.sd = noiseSd_->value();
    t.noise.seed = static_cast<std::uint64_t>(noiseSeed_->value());
    doc_->setTarget(t, tr("Noise σ = %1, seed %2").arg(t.noise.sd).arg(t.noise.seed));
}

void TrainingPanel::writeSplit() {
    TargetCurve t = doc_->scenario().target;
    t.split.fraction = testFraction_->value();
    t.split.seed = static_cast<std::uint64_t>(splitSeed_->value());
    doc_->setTarget(t, tr("Hold out %1 % as test points, seed %2")
                           .arg(t.split.fraction * 100.0)
                           .arg(t.split.seed));
}

void TrainingPanel::writeRegularisation() {
    TrainSettings s = doc_->scenario().training;
    const TrainSettings before = s;
    s.weightDecay = weightDecay_->value();
    s.earlyStopping = earlyStopping_->isChecked();
    s.patience = patience_->value();
    const QString what =
        s.weightDecay != before.weightDecay ? tr("Weight decay λ = %1").arg(s.weightDecay)
        : s.earlyStopping != before.earlyStopping
            ? (s.earlyStopping ? tr("Early stopping on") : tr("Early stopping off"))
            : tr("Patience %n step(s)", nullptr, static_cast<int>(s.patience));
    doc_->editTrainingSettings(s, what);
}

QString TrainingPanel::messageText() const {
    return message_->isHidden() ? QString() : message_->text();
}

void TrainingPanel::showMessage(const QString& text, bool warning) {
    message_->setText(text);
    message_->setStyleSheet(warning ? "QLabel { color: #b34700; font-weight: bold; }" : QString());
    message_->setVisible(true);
}

void TrainingPanel::setStepsPerFrame(int n) {
    const int i = speed_->findData(n);
    if (i < 0) return; // only the paces the box offers
    speed_->setCurrentIndex(i);
    trainer_->setStepsPerFrame(n);
}

void TrainingPanel::syncSettings() {
    const TrainSettings& s = doc_->scenario().training;
    const QSignalBlocker b1(rate_), b2(optimizer_), b3(layers_), b4(stepMode_), b5(stopLoss_);
    rate_->setValue(s.optimizer.learningRate);
    optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(s.optimizer.kind)));
    layers_->setCurrentIndex(layers_->findData(static_cast<int>(s.layers)));
    stepMode_->setCurrentIndex(stepMode_->findData(static_cast<int>(s.stepTraining)));
    stopLoss_->setValue(s.stopLoss);
    const bool step = doc_->network().activation.kind == ActivationKind::Step;
    stepMode_->setEnabled(step);
    stepHelp_->setText(
        !step ? tr("These apply to step networks only.")
        : s.stepTraining == StepTraining::Surrogate
            ? tr("A step has no slope, so backprop borrows the slope of a steep sigmoid while "
                 "the curve stays a step.")
            : tr("Train a gentle sigmoid and make it steeper and steeper until it is "
                 "practically a step. The loss curve is the sigmoid's: it climbs as the sigmoid "
                 "sharpens, because a steeper curve cannot follow the target as closely, and "
                 "ends near the step network's loss. For the closest step fit, try the "
                 "surrogate gradient."));
}

void TrainingPanel::writeSettings() {
    TrainSettings s = doc_->scenario().training;
    s.optimizer.learningRate = rate_->value();
    s.optimizer.kind = static_cast<OptimizerKind>(optimizer_->currentData().toInt());
    s.layers = static_cast<LearningLayers>(layers_->currentData().toInt());
    s.stepTraining = static_cast<StepTraining>(stepMode_->currentData().toInt());
    s.stopLoss = stopLoss_->value();
    doc_->setTrainingSettings(s);
}

void TrainingPanel::syncStatus() {
    QString text = tr("step %1").arg(trainer_->steps());
    if (doc_->hasTarget()) {
        text += tr("   loss %1").arg(formatLoss(doc_->loss()));
        if (const auto test = doc_->testLoss())
            text += tr("   test loss %1").arg(formatLoss(*test));
    } else
        text += tr("   no target yet");
    if (trainer_->isRunning())
        text += tr("   %1 steps/s").arg(trainer_->stepsPerSecond(), 0, 'f', 0);
    if (doc_->network().activation.kind == ActivationKind::Step &&
        doc_->scenario().training.stepTraining == StepTraining::Anneal && trainer_->steps() > 0)
        text += tr("   k = %1").arg(trainer_->currentSteepness(), 0, 'f', 1);
    status_->setText(text);
    // Advice when the loss keeps spiking; set only when it changes (it wraps: a relayout).
    QString advice;
    if (trainer_->overshooting()) {
        const double lr = doc_->scenario().training.optimizer.learningRate;
        advice = tr("The loss keeps leaping back up: near the bottom, steps this big overshoot. "
                    "Try a smaller learning rate, say η = %1.")
                     .arg(QString::number(lr / 3.0, 'g', 2));
    }
    if (advice != advice_->text()) {
        advice_->setText(advice);
        advice_->setVisible(!advice.isEmpty());
    }
}

} // namespace stepwise::ui

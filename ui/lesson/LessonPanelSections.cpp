// LessonPanel, continued: the chapter sections that watch other rooms at work. "Predict first"
// (chapter 4) hides the sum until revealed; the descent chapter (7) learns from training runs
// (a run that diverged, the step at which a run reached the goal); the backpropagation chapter (8)
// starts the walkthrough, takes the learner's prediction of a sign, and learns from the steps the
// walk shows (core/lesson/Lesson.h, observeWalk).
#include "core/lesson/Walkthrough.h"
#include "ui/document/Document.h"
#include "ui/lesson/LessonHost.h"
#include "ui/lesson/LessonPanel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace stepwise::ui {

void LessonPanel::buildSections(QVBoxLayout* layout) {
    // Chapter 4: the class predicts before the sum is shown.
    predict_ = new QWidget(this);
    predict_->setObjectName("lessonPredict");
    auto* pr = new QHBoxLayout(predict_);
    pr->setContentsMargins(0, 0, 0, 0);
    predictFirst_ = new QCheckBox(tr("&Predict first"), predict_);
    predictFirst_->setObjectName("lessonPredictFirst");
    predictFirst_->setToolTip(tr("Hide the sum while the class says what it will look like"));
    revealSum_ = new QPushButton(tr("Reveal the sum"), predict_);
    revealSum_->setObjectName("lessonRevealSum");
    revealSum_->setToolTip(tr("Show the bold curve (R)"));
    pr->addWidget(predictFirst_);
    pr->addWidget(revealSum_);
    layout->addWidget(predict_);
    connect(predictFirst_, &QCheckBox::toggled, this, [this](bool on) {
        sumHidden_ = on;
        predictedFor_ = host_->document()->network();
        host_->setAnswerVisible(!on);
        revealSum_->setEnabled(on);
    });
    connect(revealSum_, &QPushButton::clicked, this, &LessonPanel::revealSum);
    // Whenever the weights change with "predict first" on, the new sum is hidden again.
    connect(host_->document(), &Document::refreshed, this, [this] {
        if (!(current().controls & kLessonPredict) || !predictFirst_->isChecked()) return;
        const Network& n = host_->document()->network();
        if (n == predictedFor_) return;
        predictedFor_ = n;
        if (!sumHidden_) {
            sumHidden_ = true;
            host_->setAnswerVisible(false);
            revealSum_->setEnabled(true);
        }
    });

    // Chapter 8: the walkthrough and the sign prediction.
    walk_ = new QWidget(this);
    walk_->setObjectName("lessonWalk");
    auto* wl = new QVBoxLayout(walk_);
    wl->setContentsMargins(0, 0, 0, 0);
    startWalk_ = new QPushButton(tr("&Walk through backpropagation"), walk_);
    startWalk_->setObjectName("lessonStartWalk");
    startWalk_->setToolTip(tr("Step one sample forward and backward through the network"));
    wl->addWidget(startWalk_);
    auto* signs = new QHBoxLayout;
    auto* ask = new QLabel(tr("Sign of ∂L/∂w11 at your sample:"), walk_);
    ask->setWordWrap(true);
    signPlus_ = new QPushButton(tr("+"), walk_);
    signPlus_->setObjectName("lessonSignPlus");
    signPlus_->setCheckable(true);
    signPlus_->setToolTip(tr("Predict that ∂L/∂w11 is positive"));
    signMinus_ = new QPushButton(tr("−"), walk_);
    signMinus_->setObjectName("lessonSignMinus");
    signMinus_->setCheckable(true);
    signMinus_->setToolTip(tr("Predict that ∂L/∂w11 is negative"));
    signs->addWidget(ask, 1);
    signs->addWidget(signPlus_);
    signs->addWidget(signMinus_);
    wl->addLayout(signs);
    walkNote_ = new QLabel(walk_);
    walkNote_->setObjectName("lessonWalkNote");
    walkNote_->setWordWrap(true);
    wl->addWidget(walkNote_);
    layout->addWidget(walk_);
    connect(startWalk_, &QPushButton::clicked, this, [this] { host_->startWalkthrough(); });
    connect(signPlus_, &QPushButton::clicked, this, [this] { predictSign(1); });
    connect(signMinus_, &QPushButton::clicked, this, [this] { predictSign(-1); });
}

void LessonPanel::resetSections() {
    host_->setToleranceBand((current().controls & kLessonWorstError)
                                ? std::optional<double>(kEpsilonGoal)
                                : std::nullopt);
    sumHidden_ = false;
    predictedFor_ = Network();
    {
        const QSignalBlocker block(predictFirst_);
        predictFirst_->setChecked(false);
    }
    revealSum_->setEnabled(false);
    signPlus_->setChecked(false);
    signMinus_->setChecked(false);
    walkNote_->clear();
}

void LessonPanel::revealSum() {
    if (!sumHidden_) return;
    sumHidden_ = false;
    host_->setAnswerVisible(true);
    revealSum_->setEnabled(false);
}

void LessonPanel::predictSign(int sign) {
    if (chapter_ < 0 || !(current().controls & kLessonWalkthrough)) return;
    signPlus_->setChecked(sign > 0);
    signMinus_->setChecked(sign < 0);
    if (observation_.revealedSign) {
        // Too late for this walk: the sign is already on screen. A new sample starts afresh.
        walkNote_->setText(tr("The walk has already shown ∂L/∂w11 for this sample. Pick "
                              "another sample, then predict before the walk gets there."));
        return;
    }
    observation_.predictedSign = sign;
    walkNote_->setText(sign > 0 ? tr("Your prediction: ∂L/∂w11 > 0. Walk on to see.")
                                : tr("Your prediction: ∂L/∂w11 < 0. Walk on to see."));
    updateTasks();
}

void LessonPanel::onWalkSample() {
    // A new sample: the sign it will show is not known yet; the prediction (if made for this
    // sample before it was chosen) stands.
    observation_.revealedSign.reset();
}

void LessonPanel::onWalkStep(const std::vector<WalkStep>& steps, int index) {
    if (chapter_ < 0) return;
    const bool hadSign = observation_.revealedSign.has_value();
    observeWalk(steps, index, observation_);
    if (!hadSign && observation_.revealedSign && (current().controls & kLessonWalkthrough)) {
        const int s = *observation_.revealedSign;
        const QString shown = s > 0 ? tr("positive") : s < 0 ? tr("negative") : tr("exactly 0");
        if (!observation_.predictedSign)
            walkNote_->setText(tr("∂L/∂w11 is %1 here.").arg(shown));
        else if (*observation_.predictedSign == s)
            walkNote_->setText(tr("∂L/∂w11 is %1: your prediction was right.").arg(shown));
        else
            walkNote_->setText(tr("∂L/∂w11 is %1, not what you predicted. Its sign is the sign "
                                  "of y − t times a₁.")
                                   .arg(shown));
    }
    updateTasks();
}

void LessonPanel::onTrainingProgress(long long steps) {
    if (chapter_ < 0) return;
    const auto u = unexplainedFraction(host_->document()->scenario());
    if (!u || *u > kDescentGoal) return;
    if (!observation_.goalReachedAtStep || steps < *observation_.goalReachedAtStep) {
        observation_.goalReachedAtStep = steps;
        updateTasks();
    }
}

void LessonPanel::onTrainingDiverged() {
    if (chapter_ < 0) return;
    observation_.diverged = true;
    updateTasks();
}

} // namespace stepwise::ui

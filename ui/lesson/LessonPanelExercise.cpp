// LessonPanel, continued: the predict-then-reveal exercise and the chapter extras (adding
// neurons and the worst distance in chapter 6, the slope readout in chapter 9).
#include "ui/document/Document.h"
#include "ui/lesson/LessonHost.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/lesson/LessonText.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace stepwise::ui {

namespace {

constexpr int kMaxAddedNeurons = 32;
QString bar(double fraction) {
    const int n = std::clamp(static_cast<int>(std::lround(fraction * 24)), 0, 24);
    return QString(n, QChar(0x2588));
}

} // namespace

void LessonPanel::reveal() {
    Document* doc = host_->document();
    const LessonChapter& c = current();
    if ((c.controls & kLessonPredict) && sumHidden_) {
        revealSum();
        return;
    }
    if (c.controls & kLessonGuess) {
        if (observation_.revealed) return;
        observation_.revealed = true;
        const Stroke& guess = host_->guess();
        if (observation_.guessDrawn && !guess.points.empty()) {
            const Domain& d = doc->scenario().domain;
            observation_.guessScore =
                scoreGuess(guess, doc->x(), doc->evaluation().output, d.lo, d.hi);
            score_->setText(tr("<b>Your guess scores %1 out of 100.</b> The bold curve is the "
                               "network's output; your guess is dashed.")
                                .arg(*observation_.guessScore));
        } else {
            score_->setText(tr("There was no guess to score. Press Try again to draw one."));
        }
        host_->setAnswerVisible(true);
        host_->setTool(LessonHost::Tool::Inspect);
        updateTasks();
        applyControls();
        return;
    }
    if (step_ >= static_cast<int>(c.tasks.size())) return;
    const LessonTask& t = c.tasks[step_];
    if (t.solve) {
        Scenario s = doc->scenario();
        t.solve(s);
        doc->undoStack()->beginMacro(tr("Show me: %1").arg(lessontext::taskText(t.id)));
        doc->adoptNetworkOf(s, tr("Show me"));
        doc->setTarget(s.target, tr("Show me"));
        doc->undoStack()->endMacro();
    } else if (c.controls & kLessonTraining) {
        host_->showPage(LessonHost::Page::Training);
        host_->playTraining();
    }
}

void LessonPanel::startGuess() {
    if (!(current().controls & kLessonGuess) || observation_.revealed) return;
    host_->setTool(LessonHost::Tool::Guess);
    host_->showStatus(tr("Draw your guess across the graph."), 4000);
}

void LessonPanel::tryAgain() {
    if (!(current().controls & kLessonGuess)) return;
    observation_.guessDrawn = false;
    observation_.revealed = false;
    observation_.guessScore.reset();
    host_->clearGuess();
    host_->setAnswerVisible(false);
    host_->setTool(LessonHost::Tool::Guess);
    score_->setText(tr("The answer is hidden again. Draw a new guess."));
    applyControls();
}

void LessonPanel::onGuess(bool finished) {
    if (!finished || !(current().controls & kLessonGuess) || observation_.revealed) return;
    observation_.guessDrawn = true;
    score_->setText(tr("Guess drawn. Draw again to replace it, or press Reveal (R)."));
    updateTasks();
    applyControls();
}

void LessonPanel::addNeuron() {
    if (!(current().controls & kLessonAddNeurons) && !freeMode()) return;
    Document* doc = host_->document();
    if (doc->network().hidden() >= kMaxAddedNeurons) return;
    // One more neuron where the residual says it helps most, then the best output layer, kept
    // only when it lowers the loss: the learner's network grows, and its loss never rises.
    doc->setNetwork(addNeuronAndFit(doc->scenario()), tr("Add a neuron"));
}

void LessonPanel::updateExtras() {
    if (chapter_ < 0) return;
    const unsigned own = current().controls;
    const Scenario& s = host_->document()->scenario();
    if (own & kLessonAddNeurons) {
        const int h = s.network.hidden();
        QString html;
        if (!s.target.empty()) {
            // Always the same rows, the learner's own in bold: the table keeps its height, so
            // the "Add a neuron" button above it stays under the pointer press after press.
            constexpr int shown = 16;
            const std::vector<double> e = approximationErrors(s, shown);
            html = tr("For comparison, <i>k</i> steps spread evenly (each new one in the middle "
                      "of the widest gap) with their best output weights: not the best loss "
                      "<i>k</i> steps can reach, which depends on where they sit.") +
                   "<table>";
            const double top = std::max(e.front(), 1e-12);
            for (int k = 1; k <= shown; ++k) {
                // Concatenated, not QString::arg: "%4%1" with k = 1 reads as the placeholder %41.
                const QString b = k == h ? "<b>" : "", nb = k == h ? "</b>" : "";
                html += "<tr><td align=right>" + b + QString::number(k) + nb + "&nbsp;</td><td>" +
                        b + QString::number(e[k - 1], 'f', 4) + nb +
                        "&nbsp;</td><td style='color:#0072B2'>" + bar(std::sqrt(e[k - 1] / top)) +
                        "</td></tr>";
            }
            html += "</table>";
            if (const auto l = scenarioLoss(s))
                html += tr("Your network now: %n neuron(s), loss <b>%1</b>", nullptr, h)
                            .arg(*l, 0, 'f', 4);
            if (own & kLessonWorstError)
                if (const auto e = scenarioWorstError(s))
                    html += "<br>" + tr("Worst distance max |y − t|: <b>%1</b> (ε = %2)")
                                         .arg(*e, 0, 'f', 3)
                                         .arg(kEpsilonGoal, 0, 'f', 2);
        }
        errors_->setText(html);
        // Its height only grows within a chapter (the last line may wrap once): what lies
        // above it in the panel never moves.
        errors_->setMinimumHeight(std::max(errors_->minimumHeight(), errors_->sizeHint().height()));
    }
    if (own & kLessonGradient) {
        const double g = hiddenGradientNorm(s);
        const bool step = s.network.activation.kind == ActivationKind::Step;
        gradient_->setText(
            tr("Slope reaching the hidden layer, |∂L/∂(w, b)|: <b>%1</b>").arg(g, 0, 'g', 3) +
            "<br>" +
            (s.target.empty() ? tr("(no target, so no loss to go down)")
             : step ? tr("The step's true slope is zero: nothing gets through. (For a step network "
                         "the arrows beside w and b show the direction the trainer gets by "
                         "borrowing a sigmoid's slope, not the gradient.)")
             : g > 0 ? tr("A smooth activation lets the gradient through.")
                     : QString()));
    }
}

} // namespace stepwise::ui

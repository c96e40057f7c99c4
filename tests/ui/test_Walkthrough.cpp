// The backprop walkthrough in the window (ui/walkthrough): driven by key presses as a keyboard
// delivers them (shortcuts included, with the lesson open), through a whole forward and backward
// pass and the batch step; every number the walk shows — the step's value, its operands and each
// number annotated on the diagram — checked against the core computed here independently
// (evaluate, GradientKernel on the one sample and on the batch, the activation's derivative), for
// step, sigmoid, tanh and ReLU networks of 1, 2 and 8 neurons, at a sample on a flat part and at
// one exactly on a step; 64 neurons stepped over; Home, End and back; the document left alone
// and "Take this step" as one undo step; Esc ending the walk and clearing the markers.
#include "UiTestSupport.h"

#include "core/network/Backprop.h"
#include "core/scenario/Scenario.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/walkthrough/WalkCaption.h"
#include "ui/walkthrough/WalkthroughController.h"
#include "ui/walkthrough/WalkthroughPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

// Inside the namespace, so that the fixture's name wins over the core's struct Walkthrough.
namespace stepwise::test {

namespace {

using Walk = ui::WalkthroughController;

// The independent reference: everything the walk should show for sample (x, t) of the batch.
struct Reference {
    Network net;
    double x = 0, t = 0, n = 1, rate = 0;
    Evaluation e;           // at x
    Eigen::VectorXd sample; // ∂ℓ/∂θ of the one sample (GradientKernel), ℓ = (y − t)²
    Eigen::VectorXd slope;  // g′ as training uses it, written out here
    Eigen::VectorXd batch;  // ∂L/∂θ over the batch (GradientKernel)
    double lossBefore = 0, lossAfter = 0;
    Eigen::VectorXd after; // θ − η·∂L/∂θ
};

Reference referenceFor(const ui::Document& doc, double x, double t, bool borrow) {
    Reference r;
    r.net = doc.network();
    r.x = x;
    r.t = t;
    r.n = static_cast<double>(doc.x().size());
    r.rate = doc.scenario().training.optimizer.learningRate;
    BackpropOptions o = doc.backpropOptions();
    if (!borrow) o.stepSurrogate = false;
    const Eigen::ArrayXd xs = Eigen::ArrayXd::Constant(1, x), ts = Eigen::ArrayXd::Constant(1, t);
    evaluate(r.net, xs, r.e);
    GradientKernel one;
    one.compute(r.net, xs, ts, r.sample, o);
    const int h = r.net.hidden();
    r.slope.resize(h);
    for (int j = 0; j < h; ++j) {
        const double z = r.net.w[j] * x + r.net.b[j];
        if (r.net.activation.kind == ActivationKind::Step && o.stepSurrogate) {
            const double k = o.surrogateSteepness, s = 1.0 / (1.0 + std::exp(-k * z));
            r.slope[j] = k * s * (1.0 - s);
        } else {
            r.slope[j] = r.net.activation.derivative(z);
        }
    }
    GradientKernel all;
    r.lossBefore = all.compute(r.net, doc.x(), doc.targetSamples(), r.batch, o);
    r.after = packParams(r.net) - r.rate * r.batch;
    Network a = r.net;
    unpackParams(a, r.after);
    r.lossAfter = loss(a, doc.x(), doc.targetSamples());
    return r;
}

void expectClose(double shown, double core, const std::string& what) {
    EXPECT_NEAR(shown, core, 1e-12 * std::max(1.0, std::abs(core))) << what;
}

// The step's value and operands against the reference.
void checkStep(const WalkStep& s, const Reference& r, const std::string& what) {
    const int h = r.net.hidden();
    const int j = s.neuron;
    const double y = r.e.output[0];
    const double dLdy = r.sample[3 * h] / r.n; // ∂ℓ/∂c = 2·(y − t)
    const std::string w = what + " kind " + std::to_string(static_cast<int>(s.kind)) + " neuron " +
                          std::to_string(j + 1);
    auto operand = [&](std::size_t i) { return i < s.operands.size() ? s.operands[i] : NAN; };
    switch (s.kind) {
    case WalkKind::Input:
        EXPECT_EQ(s.value, r.x) << w;
        EXPECT_EQ(operand(1), r.t) << w;
        break;
    case WalkKind::PreActivation:
        expectClose(s.value, r.e.z(0, j), w);
        EXPECT_EQ(operand(0), r.net.w[j]) << w;
        EXPECT_EQ(operand(1), r.x) << w;
        EXPECT_EQ(operand(2), r.net.b[j]) << w;
        break;
    case WalkKind::Activation:
        expectClose(s.value, r.e.activation(0, j), w);
        break;
    case WalkKind::Output:
        expectClose(s.value, y, w);
        EXPECT_EQ(operand(s.operands.size() - 1), r.net.c) << w;
        break;
    case WalkKind::LossTerm:
        expectClose(s.value, (y - r.t) * (y - r.t), w);
        break;
    case WalkKind::DLdy:
        expectClose(s.value, dLdy, w);
        expectClose(s.value, 2.0 * (y - r.t) / r.n, w + " by hand");
        break;
    case WalkKind::DLdv:
        expectClose(s.value, r.sample[2 * h + j] / r.n, w);
        expectClose(operand(0), dLdy, w + " its ∂L/∂y");
        expectClose(operand(1), r.e.activation(0, j), w + " its a");
        break;
    case WalkKind::DLdc:
        expectClose(s.value, r.sample[3 * h] / r.n, w);
        break;
    case WalkKind::GPrime:
        expectClose(s.value, r.slope[j], w);
        EXPECT_EQ(s.flowStops, r.slope[j] == 0.0) << w;
        break;
    case WalkKind::Delta:
        expectClose(s.value, r.sample[h + j] / r.n, w);
        expectClose(s.value, dLdy * r.net.v[j] * r.slope[j], w + " by hand");
        break;
    case WalkKind::DLdw:
        expectClose(s.value, r.sample[j] / r.n, w);
        break;
    case WalkKind::DLdb:
        expectClose(s.value, r.sample[h + j] / r.n, w);
        break;
    case WalkKind::BatchMean:
        ASSERT_TRUE(s.param) << w;
        expectClose(s.value, r.batch[flatIndex(*s.param, h)], w);
        break;
    case WalkKind::DescentStep:
        ASSERT_TRUE(s.param) << w;
        expectClose(s.value, r.after[flatIndex(*s.param, h)], w);
        expectClose(operand(1), r.rate, w + " its η");
        break;
    case WalkKind::LossAfter:
        expectClose(s.value, r.lossAfter, w);
        expectClose(operand(0), r.lossBefore, w + " before");
        break;
    }
}

// "−0", "−0.00", "-0.0": a zero written with a sign (a digit may follow: −0.0051 is fine).
const QRegularExpression kMinusZero(QStringLiteral("[−-]0(?:\\.0+)?(?![0-9.])"));

class Walkthrough : public ::testing::Test {
protected:
    void SetUp() override {
        window_ = freshWindow();
        QApplication::setActiveWindow(window_.get());
    }

    ui::Document* doc() const { return window_->document(); }
    Walk* walk() const { return window_->walkthrough(); }
    ui::WalkthroughPanel* panel() const { return window_->walkthroughPanel(); }

    void settle() {
        for (int i = 0; i < 3; ++i)
            QApplication::processEvents();
        doc()->flush();
        QApplication::processEvents();
    }

    // A key as a keyboard delivers it to the focused widget, shortcuts included.
    void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QWidget* target = QApplication::focusWidget();
        if (!target || target->window() != window_.get()) target = window_.get();
        const QString text = key >= Qt::Key_A && key <= Qt::Key_Z && !(mods & ~Qt::ShiftModifier)
                                 ? QString(QChar(key)).toLower()
                             : key == Qt::Key_Space ? QStringLiteral(" ")
                                                    : QString();
        if (!qt_sendShortcutOverrideEvent(target, 0, key, mods, text)) {
            QKeyEvent down(QEvent::KeyPress, key, mods, text);
            QApplication::sendEvent(target, &down);
            QKeyEvent up(QEvent::KeyRelease, key, mods, text);
            QApplication::sendEvent(target, &up);
        }
        settle();
    }

    // H neurons of activation g; neuron 1 has w = 2 and b = −2·xs[atStep], so z₁ = 0 exactly at
    // that grid sample; the others are fixed pseudo-random. Target: the sine.
    void setUpNetwork(int h, Activation g) {
        Scenario s = doc()->scenario();
        s.network = Network(h, g);
        std::mt19937_64 rng(40u + static_cast<unsigned>(h));
        std::uniform_real_distribution<double> u(-1.0, 1.0);
        for (int j = 0; j < h; ++j) {
            s.network.w[j] = 3.0 * u(rng);
            s.network.b[j] = u(rng);
            s.network.v[j] = u(rng);
        }
        s.network.c = 0.2;
        TargetCurve t;
        t.preset = TargetPreset::Sine;
        s.target = t;
        s.lesson.freeMode = true;
        doc()->replaceScenario(s);
        settle();
        const Eigen::ArrayXd& xs = doc()->x();
        atStep_ = xs[xs.size() * 3 / 4];
        flat_ = xs[2];
        Network n = doc()->network();
        n.w[0] = 2.0;
        n.b[0] = -2.0 * atStep_;
        s.network = n;
        doc()->replaceScenario(s);
        settle();
        ASSERT_EQ(doc()->network().w[0] * atStep_ + doc()->network().b[0], 0.0);
    }

    // Walks the whole walk with → from the first step, checking every step and every
    // annotation against the reference. Returns how many steps were shown.
    int walkAndCheck(const std::string& what) {
        const Reference r =
            referenceFor(*doc(), walk()->sampleX(), walk()->sampleTarget(), walk()->borrowSlope());
        EXPECT_EQ(walk()->sampleTarget(),
                  doc()->targetSamples()[nearestSample(
                      walk()->sampleX(), doc()->scenario().domain.lo, doc()->scenario().domain.hi,
                      static_cast<int>(doc()->x().size()))]);
        int shown = 0;
        for (int guard = 0; guard < 10000; ++guard) {
            const WalkStep* s = walk()->currentStep();
            if (!s) {
                ADD_FAILURE() << what << ": no step showing";
                break;
            }
            ++shown;
            const std::string at = what + " step " + std::to_string(walk()->stepIndex());
            checkStep(*s, r, at);
            // The caption writes the step's value and no signed zero.
            const QString formula = panel()->formulaText();
            EXPECT_TRUE(formula.contains(ui::walkNumber(s->value)))
                << at << ": " << formula.toStdString();
            EXPECT_FALSE(kMinusZero.match(formula).hasMatch())
                << at << ": " << formula.toStdString();
            EXPECT_FALSE(panel()->meaningText().isEmpty()) << at;
            // Every number on the diagram is a step's value, from this step or one before it.
            const std::vector<Walk::Annotation> notes = walk()->annotations();
            const auto& drawn = window_->diagram()->annotations();
            EXPECT_EQ(drawn.size(), notes.size()) << at;
            bool current = false;
            for (std::size_t i = 0; i < notes.size(); ++i) {
                const Walk::Annotation& a = notes[i];
                EXPECT_LE(a.step, walk()->stepIndex()) << at;
                const WalkStep& of = walk()->walk().steps[static_cast<std::size_t>(a.step)];
                EXPECT_EQ(a.value, of.value) << at;
                checkStep(of, r, at + " annotation");
                EXPECT_FALSE(kMinusZero.match(a.text).hasMatch()) << at << a.text.toStdString();
                if (i < drawn.size()) {
                    EXPECT_EQ(drawn[i].text, a.text) << at;
                }
                current = current || a.current;
            }
            EXPECT_TRUE(current) << at << ": the current step is on the diagram";
            EXPECT_TRUE(window_->diagram()->highlighted().has_value()) << at;
            const int before = walk()->stepIndex();
            press(Qt::Key_Right);
            if (walk()->stepIndex() == before) break; // the end
            EXPECT_GT(walk()->stepIndex(), before) << at;
        }
        return shown;
    }

    // Every activation and size, at both samples: each walk goes through every step.
    void checkEveryNumber(Activation g) {
        for (int h : {1, 2, 8}) {
            setUpNetwork(h, g);
            for (double x : {flat_, atStep_}) {
                const std::string what = std::string(activationName(g.kind)) +
                                         " H=" + std::to_string(h) + " x=" + std::to_string(x);
                walk()->startWalkthrough(x);
                settle();
                ASSERT_TRUE(walk()->active()) << what;
                EXPECT_EQ(walk()->sampleX(), x) << what;
                press(Qt::Key_Home);
                // Every neuron's steps, in turn.
                panel()->neuronBox()->setCurrentIndex(0);
                emit panel()->neuronBox()->activated(0);
                settle();
                EXPECT_FALSE(walk()->followed().has_value());
                const int shown = walkAndCheck(what);
                EXPECT_EQ(shown, walk()->stepCount()) << what;
                EXPECT_EQ(walk()->currentStep()->kind, WalkKind::LossAfter) << what;
                // At the step: the step and ReLU neurons have a true slope of 0 there.
                if (x == atStep_ && g.kind == ActivationKind::ReLU) {
                    const auto& steps = walk()->walk().steps;
                    for (const WalkStep& s : steps)
                        if (s.kind == WalkKind::GPrime && s.neuron == 0) {
                            EXPECT_EQ(s.value, 0.0) << what;
                            EXPECT_TRUE(s.flowStops) << what;
                        }
                }
                press(Qt::Key_Escape);
                EXPECT_FALSE(walk()->active()) << what;
            }
        }
    }

    std::unique_ptr<ui::MainWindow> window_;
    double atStep_ = 0, flat_ = 0;
};

} // namespace

TEST_F(Walkthrough, StepNetworkNumbersEqualTheCore) {
    checkEveryNumber({ActivationKind::Step, 1.0});
}

TEST_F(Walkthrough, SigmoidNetworkNumbersEqualTheCore) {
    checkEveryNumber({ActivationKind::Sigmoid, 3.0});
}

TEST_F(Walkthrough, TanhNetworkNumbersEqualTheCore) {
    checkEveryNumber({ActivationKind::Tanh, 1.0});
}

TEST_F(Walkthrough, ReluNetworkNumbersEqualTheCore) {
    checkEveryNumber({ActivationKind::ReLU, 1.0});
}

TEST_F(Walkthrough, StepNetworkShowsTheTrueSlopeStopTheFlowAndTheBorrowedOne) {
    setUpNetwork(2, {ActivationKind::Step, 1.0});
    walk()->startWalkthrough(flat_);
    settle();
    auto goToSlope = [&] {
        press(Qt::Key_Home);
        for (int guard = 0; guard < 100 && walk()->currentStep()->kind != WalkKind::GPrime; ++guard)
            press(Qt::Key_Right);
        ASSERT_EQ(walk()->currentStep()->kind, WalkKind::GPrime);
    };
    // As training does: the borrowed σ′, labelled so, never as the gradient.
    ASSERT_TRUE(walk()->borrowSlope());
    EXPECT_TRUE(walk()->walk().borrowedSlope);
    goToSlope();
    EXPECT_GT(walk()->currentStep()->value, 0.0);
    EXPECT_TRUE(panel()->formulaText().contains("borrowed slope"));
    EXPECT_TRUE(panel()->meaningText().contains("not the gradient"));
    // What it gives w and b is training's signal, labelled as borrowed up to the descent step;
    // c's gradient is exact.
    for (int i = 0; i < walk()->stepCount(); ++i) {
        const WalkStep& st = walk()->walk().steps[static_cast<std::size_t>(i)];
        if (!st.param) continue;
        walk()->goTo(i);
        settle();
        const bool hidden =
            st.param->kind == ParamKind::HiddenWeight || st.param->kind == ParamKind::HiddenBias;
        EXPECT_EQ(panel()->formulaText().contains("borrowed slope"), hidden)
            << panel()->formulaText().toStdString();
    }
    // The true slope: 0, and the flow stops there, in words and on the diagram.
    panel()->borrowBox()->setChecked(false);
    settle();
    EXPECT_FALSE(walk()->walk().borrowedSlope);
    goToSlope();
    const WalkStep* s = walk()->currentStep();
    EXPECT_EQ(s->value, 0.0);
    EXPECT_TRUE(s->flowStops);
    EXPECT_TRUE(panel()->meaningText().contains("the flow stops here"));
    bool stoppedShown = false;
    for (const auto& a : window_->diagram()->annotations())
        stoppedShown = stoppedShown || (a.current && a.stopped);
    EXPECT_TRUE(stoppedShown);
    press(Qt::Key_Home);
    EXPECT_EQ(walkAndCheck("step, true slope"), walk()->stepCount());
    // The batch's exact gradient for w1 is 0, and the caption does not call the arrows' (the
    // borrowed slope's) direction the gradient.
    for (int i = 0; i < walk()->stepCount(); ++i) {
        const WalkStep& st = walk()->walk().steps[static_cast<std::size_t>(i)];
        if (st.kind == WalkKind::BatchMean && st.param == ParamId{ParamKind::HiddenWeight, 0}) {
            walk()->goTo(i);
            settle();
            EXPECT_EQ(st.value, 0.0);
            EXPECT_TRUE(panel()->meaningText().contains("exact gradient"));
        }
    }
    for (const WalkStep& st : walk()->walk().steps)
        if (st.kind == WalkKind::DLdw || st.kind == WalkKind::DLdb) {
            EXPECT_EQ(st.value, 0.0);
        }
}

TEST_F(Walkthrough, SixtyFourNeuronsFollowOneAndStepOverTheOthers) {
    setUpNetwork(64, {ActivationKind::Sigmoid, 3.0});
    walk()->startWalkthrough(flat_);
    settle();
    const std::vector<WalkStep>& steps = walk()->walk().steps;
    // By default it follows neuron 1: → visits exactly its steps and those about no neuron.
    ASSERT_EQ(walk()->followed(), std::optional<int>(0));
    std::vector<int> visited{walk()->stepIndex()};
    for (int guard = 0; guard < 2000; ++guard) {
        press(Qt::Key_Right);
        if (walk()->stepIndex() == visited.back()) break;
        visited.push_back(walk()->stepIndex());
    }
    EXPECT_EQ(visited, stepsFollowing(steps, 0));
    EXPECT_TRUE(panel()->positionText().contains(QString::number(visited.size())));

    // Clicking neuron 5 in the diagram follows it, at the same step.
    press(Qt::Key_Home);
    press(Qt::Key_Right); // z₁
    ASSERT_EQ(walk()->currentStep()->kind, WalkKind::PreActivation);
    ui::NetworkDiagram* d = window_->diagram();
    const QPointF at = d->hiddenCenter(4);
    sendMouse(d, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    sendMouse(d, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
    settle();
    EXPECT_EQ(walk()->followed(), std::optional<int>(4));
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::PreActivation);
    EXPECT_EQ(walk()->currentStep()->neuron, 4);
    EXPECT_EQ(walk()->highlight(), (Walk::Spot{Walk::Place::Neuron, 4}));
    EXPECT_TRUE(panel()->formulaText().startsWith(QString("z₅ = w5·x + b5")))
        << panel()->formulaText().toStdString();

    // Every neuron in turn: N steps over the other 63 to the output.
    panel()->neuronBox()->setCurrentIndex(0);
    emit panel()->neuronBox()->activated(0);
    settle();
    press(Qt::Key_Home);
    press(Qt::Key_Right); // z₁
    press(Qt::Key_Right); // a₁
    press(Qt::Key_Right); // z₂
    EXPECT_EQ(walk()->currentStep()->neuron, 1);
    press(Qt::Key_N);
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::Output);
    EXPECT_EQ(walk()->stepIndex(), skipNeurons(steps, 3));
    EXPECT_EQ(doc()->network().hidden(), 64) << "N is the walk's, not the lesson's new neuron";
    press(Qt::Key_Right); // ℓ
    press(Qt::Key_Right); // ∂L/∂y
    press(Qt::Key_Right); // ∂L/∂w11
    ASSERT_EQ(walk()->currentStep()->kind, WalkKind::DLdv);
    press(Qt::Key_N);
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::DLdc);
    press(Qt::Key_Right); // g′(z₁)
    press(Qt::Key_N); // over the other neurons' slopes, δ and gradients to the batch: w1's mean
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::BatchMean);
    EXPECT_EQ(walk()->currentStep()->neuron, 0);
    press(Qt::Key_N); // over the other parameters' means to c's
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::BatchMean);
    EXPECT_EQ(walk()->currentStep()->param, (ParamId{ParamKind::OutputBias, 0}));
    press(Qt::Key_N);
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::DescentStep);
    EXPECT_EQ(walk()->currentStep()->neuron, 0);
    press(Qt::Key_N);
    EXPECT_EQ(walk()->currentStep()->param, (ParamId{ParamKind::OutputBias, 0}));
    press(Qt::Key_N);
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::LossAfter);
    // Sixty-four neurons' worth of numbers, checked too.
    const Reference r = referenceFor(*doc(), walk()->sampleX(), walk()->sampleTarget(), true);
    for (const WalkStep& s : steps)
        checkStep(s, r, "64 neurons");
}

TEST_F(Walkthrough, HomeEndAndBackMoveThroughTheWalk) {
    setUpNetwork(2, {ActivationKind::Tanh, 1.0});
    walk()->startWalkthrough(flat_);
    settle();
    EXPECT_EQ(walk()->stepIndex(), 0);
    press(Qt::Key_End);
    EXPECT_EQ(walk()->stepIndex(), walk()->stepCount() - 1);
    EXPECT_EQ(walk()->currentStep()->kind, WalkKind::LossAfter);
    EXPECT_TRUE(window_->graph()->dashedCurveShown()) << "the curve after the step";
    press(Qt::Key_Right); // nothing past the end
    EXPECT_EQ(walk()->stepIndex(), walk()->stepCount() - 1);
    press(Qt::Key_Left);
    EXPECT_EQ(walk()->stepIndex(), walk()->stepCount() - 2);
    press(Qt::Key_PageUp);
    EXPECT_EQ(walk()->stepIndex(), walk()->stepCount() - 3);
    press(Qt::Key_Home);
    EXPECT_EQ(walk()->stepIndex(), 0);
    EXPECT_FALSE(window_->graph()->dashedCurveShown());
    press(Qt::Key_Left); // nothing before the start
    EXPECT_EQ(walk()->stepIndex(), 0);
    press(Qt::Key_Space);
    EXPECT_EQ(walk()->stepIndex(), 1);
    press(Qt::Key_PageDown);
    EXPECT_EQ(walk()->stepIndex(), 2);
    // Autoplay walks on by itself and stops at the end.
    walk()->setSpeed(Walk::kMaxSpeed);
    press(Qt::Key_End);
    press(Qt::Key_Left);
    press(Qt::Key_Left);
    press(Qt::Key_P);
    EXPECT_TRUE(walk()->playing());
    EXPECT_TRUE(pumpUntil([&] { return !walk()->playing(); }, 20000));
    EXPECT_EQ(walk()->stepIndex(), walk()->stepCount() - 1);
}

TEST_F(Walkthrough, KeysReachTheWalkWithTheLessonOpen) {
    setUpNetwork(2, {ActivationKind::Sigmoid, 3.0});
    ui::LessonPanel* lesson = window_->lesson();
    ASSERT_NE(lesson, nullptr);
    const int chapter = lesson->chapter(), step = lesson->step();
    // Ctrl+B starts the walk (its menu item and toolbar button).
    press(Qt::Key_B, Qt::ControlModifier);
    ASSERT_TRUE(walk()->active());
    EXPECT_TRUE(window_->walkthroughAction()->isChecked());
    EXPECT_TRUE(panel()->isVisible());
    // The arrows and the page keys are the walk's now, whatever has the focus.
    for (QWidget* focus : {static_cast<QWidget*>(panel()), static_cast<QWidget*>(lesson),
                           static_cast<QWidget*>(window_->diagram())}) {
        focus->setFocus(Qt::OtherFocusReason);
        QApplication::processEvents();
        const int before = walk()->stepIndex();
        press(Qt::Key_Right);
        EXPECT_EQ(walk()->stepIndex(), before + 1) << focus->objectName().toStdString();
        press(Qt::Key_PageDown);
        EXPECT_EQ(walk()->stepIndex(), before + 2) << focus->objectName().toStdString();
        press(Qt::Key_Left);
        EXPECT_EQ(walk()->stepIndex(), before + 1) << focus->objectName().toStdString();
    }
    press(Qt::Key_N);
    EXPECT_EQ(doc()->network().hidden(), 2);
    EXPECT_EQ(lesson->chapter(), chapter);
    EXPECT_EQ(lesson->step(), step);
    // Presentation mode keeps them.
    window_->setPresentationMode(true);
    settle();
    const int before = walk()->stepIndex();
    press(Qt::Key_PageDown);
    EXPECT_EQ(walk()->stepIndex(), before + 1);
    window_->setPresentationMode(false);
    settle();
    // Ctrl+B again ends it; then the lesson has its keys back.
    press(Qt::Key_B, Qt::ControlModifier);
    EXPECT_FALSE(walk()->active());
    EXPECT_FALSE(window_->walkthroughAction()->isChecked());
}

TEST_F(Walkthrough, TheSampleIsPickedOnTheGraphOrTyped) {
    setUpNetwork(2, {ActivationKind::Sigmoid, 3.0});
    press(Qt::Key_B, Qt::ControlModifier);
    ASSERT_TRUE(walk()->active());
    const Eigen::ArrayXd& xs = doc()->x();
    const Domain& d = doc()->scenario().domain;
    QCustomPlot* plot = window_->graph()->plot();
    plot->replot();
    const QPointF at(plot->xAxis->coordToPixel(0.31), plot->yAxis->coordToPixel(0.2));
    sendMouse(plot, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    sendMouse(plot, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
    settle();
    const double landed = plot->xAxis->pixelToCoord(at.x());
    const int i = nearestSample(landed, d.lo, d.hi, static_cast<int>(xs.size()));
    EXPECT_EQ(walk()->sampleX(), xs[i]);
    EXPECT_EQ(walk()->sampleTarget(), doc()->targetSamples()[i]);
    ASSERT_TRUE(window_->graph()->sampleMarker().has_value());
    EXPECT_EQ(window_->graph()->sampleMarker()->x, xs[i]);
    EXPECT_EQ(window_->graph()->sampleMarker()->t, doc()->targetSamples()[i]);
    Evaluation e;
    evaluate(doc()->network(), Eigen::ArrayXd::Constant(1, xs[i]), e);
    expectClose(window_->graph()->sampleMarker()->y, e.output[0], "the marker's y");

    // Typed: the nearest grid sample.
    QDoubleSpinBox* box = panel()->sampleBox();
    box->setFocus(Qt::OtherFocusReason);
    box->setValue(-0.5);
    emit box->editingFinished();
    settle();
    const int k = nearestSample(-0.5, d.lo, d.hi, static_cast<int>(xs.size()));
    EXPECT_EQ(walk()->sampleX(), xs[k]);
    EXPECT_EQ(walk()->stepIndex(), 0);
    press(Qt::Key_Right); // the focus went back to the walk
    EXPECT_EQ(walk()->stepIndex(), 1);
}

TEST_F(Walkthrough, LeavesTheDocumentAloneAndTakesTheStepAsOneUndoStep) {
    setUpNetwork(8, {ActivationKind::Tanh, 1.0});
    const Scenario before = doc()->scenario();
    const int undo = doc()->undoStack()->count();
    walk()->startWalkthrough(atStep_);
    settle();
    press(Qt::Key_End);
    press(Qt::Key_Home);
    for (int i = 0; i < 30; ++i)
        press(Qt::Key_Right);
    EXPECT_EQ(doc()->scenario().network, before.network);
    EXPECT_EQ(doc()->scenario().target, before.target);
    EXPECT_EQ(doc()->undoStack()->count(), undo);

    const Reference r = referenceFor(*doc(), walk()->sampleX(), walk()->sampleTarget(), true);
    // The arrows beside the sliders show −∂L/∂θ: the document's gradient is the walk's.
    for (int i = 0; i < r.batch.size(); ++i) {
        expectClose(doc()->gradient()[i], r.batch[i], "the arrows' gradient");
        expectClose(walk()->walk().batch.gradient[i], r.batch[i], "the walk's gradient");
    }
    panel()->takeStepButton()->click();
    settle();
    EXPECT_EQ(doc()->undoStack()->count(), undo + 1);
    const Eigen::VectorXd now = packParams(doc()->network());
    for (int i = 0; i < now.size(); ++i)
        expectClose(now[i], r.after[i], "θ − η·∂L/∂θ, parameter " + std::to_string(i));
    expectClose(doc()->loss(), r.lossAfter, "the loss after");
    EXPECT_TRUE(walk()->active()) << "the walk goes on with the new weights";
    doc()->undoStack()->undo();
    settle();
    EXPECT_EQ(doc()->scenario().network, before.network);
}

TEST_F(Walkthrough, EscEndsItAndClearsTheMarkers) {
    setUpNetwork(2, {ActivationKind::ReLU, 1.0});
    ui::GraphView* g = window_->graph();
    press(Qt::Key_B, Qt::ControlModifier);
    ASSERT_TRUE(walk()->active());
    EXPECT_EQ(g->mode(), ui::GraphView::Mode::Other) << "a click picks the sample";
    press(Qt::Key_End);
    EXPECT_TRUE(g->sampleMarker().has_value());
    EXPECT_TRUE(g->dashedCurveShown());
    EXPECT_FALSE(window_->diagram()->annotations().empty());
    press(Qt::Key_Escape);
    EXPECT_FALSE(walk()->active());
    EXPECT_FALSE(g->sampleMarker().has_value());
    EXPECT_FALSE(g->dashedCurveShown());
    EXPECT_TRUE(window_->diagram()->annotations().empty());
    EXPECT_FALSE(window_->diagram()->highlighted().has_value());
    EXPECT_FALSE(panel()->isVisible());
    EXPECT_EQ(g->mode(), ui::GraphView::Mode::Inspect);
    EXPECT_FALSE(window_->walkthroughAction()->isChecked());
    // The button does it too.
    press(Qt::Key_B, Qt::ControlModifier);
    ASSERT_TRUE(walk()->active());
    panel()->closeButton()->click();
    settle();
    EXPECT_FALSE(walk()->active());
    EXPECT_FALSE(g->sampleMarker().has_value());
}

TEST_F(Walkthrough, NeedsATarget) {
    doc()->clearTarget();
    settle();
    press(Qt::Key_B, Qt::ControlModifier);
    EXPECT_FALSE(walk()->active());
    EXPECT_FALSE(window_->walkthroughAction()->isChecked());
}

TEST(WalkNumber, ReadsWithoutMinusZero) {
    EXPECT_EQ(ui::walkNumber(0.0), "0");
    EXPECT_EQ(ui::walkNumber(-0.0), "0");
    EXPECT_EQ(ui::walkNumber(3.2), "3.20");
    EXPECT_EQ(ui::walkNumber(-1.75), "−1.75");
    EXPECT_EQ(ui::walkNumber(0.30), "0.30");
    EXPECT_EQ(ui::walkNumber(0.0512), "0.0512");
    EXPECT_EQ(ui::walkNumber(-0.00512), "−0.00512");
    EXPECT_EQ(ui::walkNumber(0.09999), "0.100");
    EXPECT_EQ(ui::walkNumber(0.000512), "5.12 × 10⁻⁴");
    EXPECT_EQ(ui::walkNumber(-3e-20), "−3.00 × 10⁻²⁰");
    for (double v : {-1e-300, -0.004999, -0.0999999, -0.001, -1e-3 + 1e-19})
        EXPECT_FALSE(kMinusZero.match(ui::walkNumber(v)).hasMatch()) << v;
}

} // namespace stepwise::test

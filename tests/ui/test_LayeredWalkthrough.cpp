// The backprop walkthrough on a layered network (issues 17 and 18), in the window: Ctrl+B starts
// it on a 1→3→2→1 document, the arrow keys walk it to the end, and every number it shows (the
// walk's own, the caption's, the notes on the layered diagram) is the core's, computed here
// independently from the document's data; "Take this step" is one undo step equal to one plain
// LayeredTrainer step; with two inputs the sample is a point of the plane, marked on the map and
// picked by a click there; a wide layer shows as one step until O opens its neurons.
#include "UiTestSupport.h"

#include "core/deep/LayeredTrainer.h"
#include "core/deep/RandomLayered.h"
#include "core/lesson/LayeredWalkthrough.h"
#include "ui/deep/LayeredDiagram.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"
#include "ui/walkthrough/WalkCaption.h"
#include "ui/walkthrough/WalkthroughController.h"
#include "ui/walkthrough/WalkthroughPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QKeyEvent>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

using Kind = LayeredWalkKind;

LayeredNetwork net(int inputs, const std::vector<LayerShape>& shape, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(inputs, shape, -1.0, 1.0, rng);
}

// A key as a keyboard delivers it: shortcut override first, then press and release.
void pressInWindow(ui::MainWindow* w, int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget* target = QApplication::focusWidget();
    if (!target || target->window() != w) target = w;
    const QString text = key >= Qt::Key_A && key <= Qt::Key_Z && !(mods & ~Qt::ShiftModifier)
                             ? QString(QChar(key)).toLower()
                             : QString();
    if (!qt_sendShortcutOverrideEvent(target, 0, key, mods, text)) {
        QKeyEvent down(QEvent::KeyPress, key, mods, text);
        QApplication::sendEvent(target, &down);
        QKeyEvent up(QEvent::KeyRelease, key, mods, text);
        QApplication::sendEvent(target, &up);
    }
    QApplication::processEvents();
}

std::unique_ptr<ui::MainWindow> sineWindow(const LayeredNetwork& n, double rate = 0.05) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    TargetCurve t;
    t.preset = TargetPreset::Sine;
    doc->setTarget(t, "sine");
    Scenario s = doc->scenario();
    s.training.optimizer.kind = OptimizerKind::SGD;
    s.training.optimizer.learningRate = rate;
    doc->replaceScenario(s);
    doc->setLayered(n, "deeper");
    QApplication::processEvents();
    return w;
}

// The note the diagram shows at (column, node), or an empty string.
QString noteAt(ui::LayeredDiagram* d, int column, int node) {
    for (const ui::LayeredDiagram::Note& n : d->notes())
        if (n.column == column && n.node == node) return n.text;
    return {};
}

} // namespace

TEST(LayeredWalkthrough, WalksADeepNetworkToTheEndWithTheCoresNumbers) {
    const Activation tanh{ActivationKind::Tanh, 1.0};
    auto w = sineWindow(net(1, {{3, tanh}, {2, tanh}}, 21));
    ui::Document* doc = w->document();
    ASSERT_TRUE(doc->isLayered());
    QAction* action = w->walkthroughAction();
    ASSERT_TRUE(action->isEnabled());
    w->activateWindow();
    pressInWindow(w.get(), Qt::Key_B, Qt::ControlModifier);
    ui::WalkthroughController* walk = w->walkthrough();
    ASSERT_TRUE(walk->active());
    ASSERT_TRUE(walk->layered());
    EXPECT_TRUE(w->walkthroughPanel()->isVisible());

    // The core's walk of the same sample, from the document's data.
    const int i = walk->sampleIndex();
    ASSERT_GE(i, 0);
    ASSERT_LT(i, doc->layeredT().size());
    const LayeredWalk ref = layeredWalk(doc->layered(), doc->layeredX(), doc->layeredT(), i, 0.05,
                                        doc->layeredBackpropOptions());
    ASSERT_EQ(walk->stepCount(), static_cast<int>(ref.steps.size()));
    ui::LayeredDiagram* diagram = w->layeredWorkspace()->diagram();
    int shown = 1;
    bool sawDelta = false;
    while (walk->stepIndex() + 1 < walk->stepCount()) {
        const int before = walk->stepIndex();
        pressInWindow(w.get(), Qt::Key_Right);
        ASSERT_GT(walk->stepIndex(), before);
        ++shown;
        const LayeredWalkStep& s = ref.steps[static_cast<std::size_t>(walk->stepIndex())];
        const LayeredWalkStep* now = walk->currentLayeredStep();
        ASSERT_NE(now, nullptr);
        EXPECT_EQ(now->kind, s.kind);
        EXPECT_EQ(now->value, s.value);
        EXPECT_EQ(now->values, s.values);
        EXPECT_EQ(now->operands, s.operands);
        // A neuron's step writes its value in the caption and beside its node.
        if (s.neuron >= 0 && (s.kind == Kind::Forward || s.kind == Kind::Delta)) {
            EXPECT_TRUE(w->walkthroughPanel()->formulaText().contains(ui::walkNumber(s.value)))
                << w->walkthroughPanel()->formulaText().toStdString();
            EXPECT_TRUE(noteAt(diagram, s.layer + 1, s.neuron).endsWith(ui::walkNumber(s.value)))
                << noteAt(diagram, s.layer + 1, s.neuron).toStdString();
        }
        if (s.kind == Kind::Delta && s.neuron < 0) {
            sawDelta = true;
            for (std::size_t j = 0; j < s.values.size(); ++j)
                EXPECT_EQ(noteAt(diagram, s.layer + 1, static_cast<int>(j)),
                          QString(QChar(0x03B4)) + " = " + ui::walkNumber(s.values[j]));
        }
        if (s.kind == Kind::Output) {
            EXPECT_EQ(noteAt(diagram, 3, 0), "y = " + ui::walkNumber(s.value));
        }
    }
    EXPECT_TRUE(sawDelta);
    EXPECT_EQ(shown, walk->stepCount()); // narrow layers: every neuron's step is shown
    EXPECT_EQ(walk->currentLayeredStep()->kind, Kind::LossAfter);
    EXPECT_TRUE(w->walkthroughPanel()->formulaText().contains(ui::walkNumber(ref.batch.lossAfter)));
    // The graph shows the curve after the step.
    EXPECT_TRUE(walk->afterCurve().has_value());

    pressInWindow(w.get(), Qt::Key_Escape);
    EXPECT_FALSE(walk->active());
    EXPECT_TRUE(diagram->notes().empty());
}

TEST(LayeredWalkthrough, TakeThisStepIsOneUndoStepEqualToOneTrainerStep) {
    const Activation sig{ActivationKind::Sigmoid, 4.0}, relu{ActivationKind::ReLU, 1.0};
    const LayeredNetwork start = net(1, {{3, sig}, {2, relu}}, 8);
    auto w = sineWindow(start, 0.1);
    ui::Document* doc = w->document();
    ui::WalkthroughController* walk = w->walkthrough();
    w->walkthroughAction()->trigger();
    ASSERT_TRUE(walk->active());
    const int undoBefore = doc->undoStack()->count();
    w->walkthroughPanel()->takeStepButton()->click();
    QApplication::processEvents();
    EXPECT_EQ(doc->undoStack()->count(), undoBefore + 1);

    LayeredTrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.1;
    LayeredTrainer trainer(start, doc->layeredX(), doc->layeredT(), s, std::mt19937_64(1));
    ASSERT_FALSE(trainer.problem());
    trainer.step();
    EXPECT_LT((packParams(doc->layered()) - packParams(trainer.network())).cwiseAbs().maxCoeff(),
              1e-14);
    // The walk goes on, through the network as it is now.
    EXPECT_TRUE(walk->active());
    doc->undoStack()->undo();
    EXPECT_EQ(doc->layered(), start);
}

TEST(LayeredWalkthrough, WithTwoInputsTheSampleIsAPointOfThePlane) {
    const Activation tanh{ActivationKind::Tanh, 1.0};
    auto w = freshWindow();
    ui::Document* doc = w->document();
    doc->setLayered(net(2, {{4, tanh}, {4, tanh}}, 4), "two inputs");
    TargetSurface surface;
    surface.preset = SurfacePreset::Tower;
    doc->setSurface(surface, "tower");
    QApplication::processEvents();
    ASSERT_TRUE(doc->hasLayeredTarget());
    ui::WalkthroughController* walk = w->walkthrough();
    w->walkthroughAction()->trigger();
    ASSERT_TRUE(walk->active());
    ASSERT_TRUE(walk->layered());
    ASSERT_EQ(walk->sampleInputs().size(), 2u);

    // Picked by number: the walk's x is that column of the plane's grid.
    w->walkthroughPanel()->sampleIndexBox()->setValue(11); // shown from 1
    EXPECT_EQ(walk->sampleIndex(), 10);
    EXPECT_EQ(walk->sampleInputs()[0], doc->layeredX()(0, 10));
    EXPECT_EQ(walk->sampleInputs()[1], doc->layeredX()(1, 10));

    // Picked by a click on the map: the grid point nearest to it.
    ui::SurfacePlot* map = w->layeredWorkspace()->surface()->outputPlot();
    map->layOut();
    const QPointF pixel = map->pixelAt(0.5, -0.25);
    ASSERT_TRUE(map->onMap(pixel));
    sendMouse(map, QEvent::MouseButtonPress, pixel, Qt::LeftButton, Qt::LeftButton);
    sendMouse(map, QEvent::MouseButtonRelease, pixel, Qt::LeftButton, Qt::NoButton);
    const QPointF clicked = map->planeAt(pixel);
    const double spacing = 2.0 / (kSurfaceSide - 1);
    EXPECT_NEAR(walk->sampleInputs()[0], clicked.x(), spacing);
    EXPECT_NEAR(walk->sampleInputs()[1], clicked.y(), spacing);
    // Marked there.
    bool marked = false;
    for (int g = 0; g < map->graphCount(); ++g)
        if (map->graph(g)->property("walkRole").toString() == "walkSample" &&
            map->graph(g)->dataCount() == 1) {
            const auto p = map->graph(g)->data()->begin();
            marked = p->key == walk->sampleInputs()[0] && p->value == walk->sampleInputs()[1];
        }
    EXPECT_TRUE(marked);

    // The walk's numbers are the core's for that sample, to the end.
    const LayeredWalk ref =
        layeredWalk(doc->layered(), doc->layeredX(), doc->layeredT(), walk->sampleIndex(),
                    doc->scenario().training.optimizer.learningRate, doc->layeredBackpropOptions());
    walk->toEnd();
    ASSERT_EQ(walk->stepIndex(), static_cast<int>(ref.steps.size()) - 1);
    EXPECT_EQ(walk->currentLayeredStep()->value, ref.steps.back().value);
    EXPECT_TRUE(w->walkthroughPanel()->formulaText().contains(ui::walkNumber(ref.batch.lossAfter)));
    const LayeredNetwork before = doc->layered();
    w->walkthroughPanel()->takeStepButton()->click();
    EXPECT_EQ(doc->layered(), ref.batch.networkAfter);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->layered(), before);
}

TEST(LayeredWalkthrough, AWideLayerIsOneStepUntilItsNeuronsAreOpened) {
    const Activation tanh{ActivationKind::Tanh, 1.0};
    auto w = sineWindow(net(1, {{16, tanh}, {16, tanh}}, 3));
    ui::WalkthroughController* walk = w->walkthrough();
    w->walkthroughAction()->trigger();
    ASSERT_TRUE(walk->active());
    w->walkthroughPanel()->setFocus();
    int visible = 1;
    while (walk->stepIndex() + 1 < walk->stepCount()) {
        const int before = walk->stepIndex();
        pressInWindow(w.get(), Qt::Key_Right);
        if (walk->stepIndex() == before) break;
        ++visible;
    }
    // Input, 2 layers, output, loss, ∂L/∂y, the output's, 2 × (δ, gradients), 3 means, 3
    // descent steps, the loss after: 18 steps in place of 130.
    EXPECT_EQ(visible, 18);
    EXPECT_GT(walk->stepCount(), 100);
    // O on the first layer's step opens its 16 neurons.
    walk->restart();
    pressInWindow(w.get(), Qt::Key_Right);
    ASSERT_EQ(walk->currentLayeredStep()->kind, Kind::Forward);
    ASSERT_EQ(walk->currentLayeredStep()->neuron, -1);
    pressInWindow(w.get(), Qt::Key_O);
    EXPECT_TRUE(walk->neuronsOpen(0));
    EXPECT_TRUE(w->walkthroughPanel()->neuronsBox()->isChecked());
    pressInWindow(w.get(), Qt::Key_Right);
    EXPECT_EQ(walk->currentLayeredStep()->neuron, 0);
    // N steps over the other neurons to the next layer.
    pressInWindow(w.get(), Qt::Key_N);
    EXPECT_EQ(walk->currentLayeredStep()->layer, 1);
    EXPECT_EQ(walk->currentLayeredStep()->neuron, -1);
}

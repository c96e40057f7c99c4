// The deep room's views wired into the layered workspace: the diagram, the layer view and the
// parameter tree follow the document; a diagram drag and a tree slider are one undo step each;
// selection is shared; a new shape from the editor is one undo step that keeps the shared
// weights, and one input with one hidden layer goes back to the lesson's network.
#include "UiTestSupport.h"

#include "core/deep/LayeredNames.h"
#include "core/deep/RandomLayered.h"
#include "tests/core/CoreTestSupport.h"
#include "ui/base/ParamRow.h"
#include "ui/deep/LayerView.h"
#include "ui/deep/LayeredBinding.h"
#include "ui/deep/LayeredDiagram.h"
#include "ui/deep/LayeredParamTree.h"
#include "ui/deep/ShapeEditor.h"
#include "ui/shell/LayeredWorkspace.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <gtest/gtest.h>

using namespace stepwise;
using stepwise::test::kRelu;
using stepwise::test::kTanh;
using namespace stepwise::test;

namespace {

std::unique_ptr<ui::MainWindow> layeredWindow(const std::vector<LayerShape>& shape) {
    auto w = freshWindow();
    TargetCurve t;
    t.preset = TargetPreset::Sine;
    w->document()->setTarget(t, "sine");
    std::mt19937_64 rng(5);
    w->document()->setLayered(randomLayeredNetwork(1, shape, -1.0, 1.0, rng), "deeper");
    w->document()->flush();
    QApplication::processEvents();
    return w;
}

void dragUp(QWidget* d, QPointF from, double pixelsUp) {
    auto send = [&](QEvent::Type type, QPointF at, Qt::MouseButton b, Qt::MouseButtons bs) {
        QMouseEvent e(type, at, d->mapToGlobal(at), b, bs, Qt::NoModifier);
        QApplication::sendEvent(d, &e);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int k = 1; k <= 4; ++k)
        send(QEvent::MouseMove, from - QPointF(0, pixelsUp * k / 4), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, from - QPointF(0, pixelsUp), Qt::LeftButton, Qt::NoButton);
}
} // namespace

TEST(LayeredWired, TheViewsShowTheDocumentsNetwork) {
    auto w = layeredWindow({{6, kRelu}, {4, kRelu}});
    ui::LayeredWorkspace* ws = w->layeredWorkspace();
    EXPECT_EQ(ws->diagram()->network(), w->document()->layered());
    EXPECT_EQ(ws->layerView()->plotCount(), 3);
    EXPECT_FALSE(ws->layerView()->piecesText().isEmpty()); // ReLU: its pieces counted
    EXPECT_EQ(ws->paramTree()->tree()->topLevelItemCount(), 3);
    EXPECT_EQ(ws->shapeEditor()->layers(), w->document()->layered().shape());
}

TEST(LayeredWired, ADiagramDragIsOneUndoStepAndSelects) {
    auto w = layeredWindow({{4, kTanh}, {3, kTanh}});
    ui::Document* doc = w->document();
    ui::LayeredDiagram* d = w->layeredWorkspace()->diagram();
    const LayeredNetwork before = doc->layered();
    const long k = layeredFlatIndex(before, {LayeredParam::Kind::Weight, 1, 1, 2});
    const int undoBefore = doc->undoStack()->count();
    dragUp(d, *d->edgeMiddle(k), 30);
    doc->flush();
    EXPECT_NEAR(layeredParamValue(doc->layered(), k),
                std::round((layeredParamValue(before, k) + 2.0) * 100) / 100, 1e-12);
    EXPECT_EQ(doc->undoStack()->count(), undoBefore + 1);
    EXPECT_EQ(doc->layeredSelection(), k);
    EXPECT_FALSE(doc->dragging());
    // The tree followed: its group open, its row showing the new value.
    ui::ParamRow* row = w->layeredWorkspace()->paramTree()->row(k);
    ASSERT_NE(row, nullptr);
    EXPECT_NEAR(row->value(), layeredParamValue(doc->layered(), k), 1e-3);
    doc->undoStack()->undo();
    doc->flush();
    EXPECT_EQ(doc->layered(), before);
}

TEST(LayeredWired, ATreeEditChangesTheDocumentAndTheDiagramFollowsItsSelection) {
    auto w = layeredWindow({{3, kTanh}, {2, kTanh}});
    ui::Document* doc = w->document();
    ui::LayeredParamTree* tree = w->layeredWorkspace()->paramTree();
    const long c = paramCount(doc->layered()) - 1;
    tree->setSelection(c);
    tree->tree()->setCurrentItem(tree->item(c - 1)); // the learner clicks v₂
    EXPECT_EQ(doc->layeredSelection(), c - 1);
    QApplication::processEvents();
    EXPECT_EQ(w->layeredWorkspace()->diagram()->selection(), c - 1);
    ASSERT_NE(tree->row(c), nullptr);
    tree->row(c)->spinBox()->setValue(0.75);
    doc->flush();
    EXPECT_DOUBLE_EQ(doc->layered().c, 0.75);
}

TEST(LayeredWired, TheArrowsShowTheDocumentsGradient) {
    auto w = layeredWindow({{3, kTanh}, {2, kTanh}});
    ui::Document* doc = w->document();
    ui::LayeredParamTree* tree = w->layeredWorkspace()->paramTree();
    const long c = paramCount(doc->layered()) - 1;
    tree->setSelection(c);
    doc->flush();
    QApplication::processEvents();
    ASSERT_NE(tree->row(c), nullptr);
    ASSERT_TRUE(doc->hasLayeredTarget());
    EXPECT_DOUBLE_EQ(tree->row(c)->arrow()->push(), -doc->layeredGradient()[c]);
    EXPECT_FALSE(tree->row(c)->arrow()->isHidden());
}

TEST(LayeredWired, ANewShapeIsOneUndoStepThatKeepsTheSharedWeights) {
    auto w = layeredWindow({{4, kTanh}, {3, kTanh}});
    ui::Document* doc = w->document();
    ui::ShapeEditor* e = w->layeredWorkspace()->shapeEditor();
    const LayeredNetwork before = doc->layered();
    const int undoBefore = doc->undoStack()->count();
    e->widthBox(0)->setValue(7);
    e->applyButton()->click();
    doc->flush();
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(doc->layered().layers[0].width(), 7);
    EXPECT_EQ(doc->layered().layers[0].w.topRows(4), before.layers[0].w);
    EXPECT_EQ(doc->layered().layers[1].w.leftCols(4), before.layers[1].w);
    EXPECT_EQ(doc->undoStack()->count(), undoBefore + 1);
    // Neurons only added: the output is where it was.
    EXPECT_TRUE(evaluateOutput(doc->layered(), doc->layeredX())
                    .isApprox(evaluateOutput(before, doc->layeredX()), 1e-12));
    doc->undoStack()->undo();
    doc->flush();
    EXPECT_EQ(doc->layered(), before);
    EXPECT_EQ(e->layers(), before.shape()); // the editor follows the undo
}

TEST(LayeredWired, OneInputAndOneLayerGoBackToTheLessonsNetwork) {
    auto w = layeredWindow({{4, kTanh}, {3, kTanh}});
    ui::Document* doc = w->document();
    const LayeredNetwork before = doc->layered();
    ASSERT_TRUE(ui::applyShape(doc, 1, {{4, kTanh}}));
    doc->flush();
    QApplication::processEvents();
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(doc->network().hidden(), 4);
    EXPECT_EQ(doc->network().w, before.layers[0].w.col(0)); // the first layer kept
    // And from the lesson's network into depth again, keeping its neurons.
    const Network lesson = doc->network();
    ASSERT_TRUE(ui::applyShape(doc, 1, {{4, kTanh}, {2, kRelu}}));
    doc->flush();
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(doc->layered().layers[0].w.col(0), lesson.w);
    EXPECT_EQ(doc->layered().layers[0].b, lesson.b);
    // The shape it has already: nothing to do.
    EXPECT_FALSE(ui::applyShape(doc, 1, doc->layered().shape()));
}

TEST(LayeredWired, WithTwoInputsTheRowUnderTheSurfaceIsTheDiagrams) {
    auto w = layeredWindow({{4, kTanh}, {3, kTanh}});
    ASSERT_TRUE(ui::applyShape(w->document(), 2, {{4, kTanh}, {3, kTanh}}));
    w->document()->flush();
    QApplication::processEvents();
    EXPECT_EQ(w->document()->layered().inputs, 2);
    EXPECT_TRUE(w->layeredWorkspace()->layerView()->isHidden());
    EXPECT_EQ(w->layeredWorkspace()->diagram()->nodesIn(0), 2);
    w->document()->undoStack()->undo(); // one input again
    w->document()->flush();
    QApplication::processEvents();
    ASSERT_TRUE(w->document()->isLayered());
    EXPECT_FALSE(w->layeredWorkspace()->layerView()->isHidden());
}

TEST(LayeredWired, NetworkLayersAndInputsOpensTheEditorOnTheLessonsNetwork) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    const Network lesson = doc->network();
    auto* action = w->findChild<QAction*>("layersAndInputsAction");
    ASSERT_NE(action, nullptr);
    bool seen = false;
    // The dialog is modal: answer it from the event loop it runs.
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::ShapeDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        seen = true;
        EXPECT_EQ(dialog->editor()->inputs(), 1);
        EXPECT_EQ(dialog->editor()->layers().size(), 1u); // the lesson's network
        EXPECT_EQ(dialog->editor()->widthBox(0)->value(), lesson.hidden());
        dialog->editor()->depthBox()->setValue(2);
        dialog->accept();
    });
    action->trigger();
    doc->flush();
    QApplication::processEvents();
    EXPECT_TRUE(seen);
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(doc->layered().depth(), 2);
    EXPECT_EQ(doc->layered().layers[0].w.col(0), lesson.w); // the lesson's neurons kept
    doc->undoStack()->undo();
    doc->flush();
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(doc->network(), lesson);
}

TEST(LayeredWired, AFrameDoesNotScrollTheTreeBackToTheSelection) {
    auto w = layeredWindow({{64, kTanh}, {8, kTanh}});
    ui::Document* doc = w->document();
    ui::LayeredParamTree* tree = w->layeredWorkspace()->paramTree();
    w->layeredWorkspace()->sideTabs()->setCurrentIndex(0);
    QApplication::processEvents();
    doc->selectLayered(0); // w⁽¹⁾₁, at the top of layer 1's first neuron
    doc->flush();
    QApplication::processEvents();
    for (int j = 0; j < 64; ++j) // open every neuron of layer 1: a long list
        tree->tree()->topLevelItem(0)->child(j)->setExpanded(true);
    QScrollBar* bar = tree->tree()->verticalScrollBar();
    ASSERT_GT(bar->maximum(), 0);
    bar->setValue(bar->maximum());
    doc->setLayeredParam(paramCount(doc->layered()) - 1, 0.5); // a change: a new frame
    doc->flush();
    QApplication::processEvents();
    EXPECT_EQ(bar->value(), bar->maximum());
    EXPECT_EQ(tree->selection(), 0);
}

// Dragging on the network diagram: an edge up or down changes its weight, a neuron its bias;
// one drag is one undo step, Shift is finer, and what the lesson locks stays put.
#include "UiTestSupport.h"

#include "ui/diagram/NetworkDiagram.h"
#include "ui/lesson/LessonPanel.h"

#include <QKeyEvent>
#include <gtest/gtest.h>

using namespace stepwise;
using namespace stepwise::test;

namespace {

void dragDiagram(ui::NetworkDiagram* d, QPointF from, double pixelsUp,
                 Qt::KeyboardModifiers mods = Qt::NoModifier) {
    auto send = [&](QEvent::Type type, QPointF at, Qt::MouseButton b, Qt::MouseButtons bs) {
        QMouseEvent e(type, at, d->mapToGlobal(at), b, bs, mods);
        QApplication::sendEvent(d, &e);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int k = 1; k <= 4; ++k)
        send(QEvent::MouseMove, from - QPointF(0, pixelsUp * k / 4), Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, from - QPointF(0, pixelsUp), Qt::LeftButton, Qt::NoButton);
}

// The middle of the edge from neuron j to the output.
QPointF outputEdge(ui::NetworkDiagram* d, int j) {
    return (d->hiddenCenter(j) + d->outputCenter()) / 2.0;
}

} // namespace

TEST(DiagramDrag, AnEdgeDraggedUpGrowsItsWeight) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    const double before = w->document()->network().v[0];
    ASSERT_EQ(d->hitTest(outputEdge(d, 0)), (ParamId{ParamKind::OutputWeight, 0}));
    dragDiagram(d, outputEdge(d, 0), 60);
    w->document()->flush();
    // 6 over 300 pixels for an output weight.
    EXPECT_NEAR(w->document()->network().v[0], before + 1.2, 1e-9);
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::OutputWeight, 0}));
    EXPECT_EQ(w->document()->undoStack()->count(), 1);
    EXPECT_FALSE(w->document()->dragging());
    w->document()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(w->document()->network().v[0], before);
}

TEST(DiagramDrag, ANeuronDraggedDownLowersItsBiasAndShiftIsFiner) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    const Network before = w->document()->network();
    dragDiagram(d, d->hiddenCenter(1), -30);
    w->document()->flush();
    EXPECT_NEAR(w->document()->network().b[1], before.b[1] - 2.0, 1e-9); // 20 over 300 px
    EXPECT_DOUBLE_EQ(w->document()->network().w[1], before.w[1]);
    dragDiagram(d, d->hiddenCenter(1), 30, Qt::ShiftModifier);
    w->document()->flush();
    EXPECT_NEAR(w->document()->network().b[1], before.b[1] - 2.0 + 0.2, 1e-9);
    EXPECT_EQ(w->document()->undoStack()->count(), 2);
}

TEST(DiagramDrag, ValuesLandOnHundredths) {
    EXPECT_DOUBLE_EQ(ui::NetworkDiagram::dragValue(1.0, 7, false, ParamKind::OutputWeight), 1.14);
    EXPECT_DOUBLE_EQ(ui::NetworkDiagram::dragValue(0.0, -1, false, ParamKind::HiddenBias), -0.07);
    EXPECT_DOUBLE_EQ(ui::NetworkDiagram::dragValue(0.333, 0, true, ParamKind::HiddenWeight), 0.33);
}

TEST(DiagramDrag, WhatTheLessonLocksStaysPut) {
    auto w = freshWindow();
    Scenario s = w->document()->scenario();
    s.lesson.freeMode = false;
    w->document()->replaceScenario(s);
    w->lesson()->goToChapter(3); // superposition: only w11 and w21 move
    w->document()->flush();
    QApplication::processEvents();
    ui::NetworkDiagram* d = w->diagram();
    EXPECT_FALSE(d->editable(ParamKind::HiddenBias));
    EXPECT_TRUE(d->editable(ParamKind::OutputWeight));
    const Network before = w->document()->network();
    dragDiagram(d, d->hiddenCenter(0), 60);
    w->document()->flush();
    EXPECT_EQ(w->document()->network(), before) << "a locked bias does not move";
    dragDiagram(d, outputEdge(d, 1), 30);
    w->document()->flush();
    EXPECT_NEAR(w->document()->network().v[1], before.v[1] + 0.6, 1e-9);
}

TEST(DiagramDrag, TheKeyboardWalksThePathsAndChangesValues) {
    auto w = freshWindow();
    ui::NetworkDiagram* d = w->diagram();
    d->setFocus();
    auto key = [&](int k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        QKeyEvent press(QEvent::KeyPress, k, m);
        QApplication::sendEvent(d, &press);
    };
    key(Qt::Key_Down); // nothing selected yet: the first neuron
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::HiddenBias, 0}));
    key(Qt::Key_Right);
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::OutputWeight, 0}));
    key(Qt::Key_Down); // the same kind, one neuron down
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::OutputWeight, 1}));
    const double v = w->document()->network().v[1];
    key(Qt::Key_Plus, Qt::ShiftModifier); // "+" as typed on many keyboards
    EXPECT_NEAR(w->document()->network().v[1], v + 0.05, 1e-12);
    key(Qt::Key_Minus);
    key(Qt::Key_Minus);
    EXPECT_NEAR(w->document()->network().v[1], v - 0.05, 1e-12);
    EXPECT_EQ(w->document()->undoStack()->count(), 3) << "one undo step a key";
    key(Qt::Key_Right);
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::OutputBias, 0}));
    key(Qt::Key_Left);
    key(Qt::Key_Left);
    key(Qt::Key_Left);
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::HiddenWeight, 0}));
    key(Qt::Key_Escape);
    EXPECT_FALSE(w->document()->selection().has_value());
}

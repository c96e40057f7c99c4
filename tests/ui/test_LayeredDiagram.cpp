// The layered diagram on its own: layers left to right, a click selects what it hits (an edge its
// weight, a neuron its bias, the output c), a drag reports a value per move between one start
// and one finish, hover labels what is under the pointer, and 64×64 edges still draw quickly.
#include "UiTestSupport.h"

#include "core/deep/LayeredNames.h"
#include "core/deep/RandomLayered.h"
#include "ui/deep/LayeredDiagram.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <gtest/gtest.h>

#include <tuple>
#include <type_traits>
#include <vector>

using namespace stepwise;
using stepwise::test::Calls;

namespace {
LayeredNetwork diagramNet(int inputs, const std::vector<int>& widths, unsigned seed = 3) {
    std::vector<LayerShape> shape;
    for (int w : widths)
        shape.push_back({w, {ActivationKind::Tanh, 1.0}});
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(inputs, shape, -2.0, 2.0, rng);
}

void sendToDiagram(QWidget* w, QEvent::Type type, QPointF at, Qt::MouseButtons buttons,
                   Qt::KeyboardModifiers mods = Qt::NoModifier) {
    const Qt::MouseButton b = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, at, w->mapToGlobal(at), b, buttons, mods);
    QApplication::sendEvent(w, &e);
}

std::unique_ptr<ui::LayeredDiagram> shown(const LayeredNetwork& net) {
    auto d = std::make_unique<ui::LayeredDiagram>();
    d->resize(600, 400);
    d->setNetwork(net);
    d->show();
    QApplication::processEvents();
    return d;
}
} // namespace

TEST(LayeredDiagram, ColumnsRunFromTheInputsToTheOutput) {
    auto d = shown(diagramNet(2, {3, 4}));
    ASSERT_EQ(d->columns(), 4);
    EXPECT_EQ(d->nodesIn(0), 2);
    EXPECT_EQ(d->nodesIn(1), 3);
    EXPECT_EQ(d->nodesIn(2), 4);
    EXPECT_EQ(d->nodesIn(3), 1);
    for (int c = 0; c + 1 < d->columns(); ++c)
        EXPECT_LT(d->nodeCenter(c, 0).x(), d->nodeCenter(c + 1, 0).x());
    for (int k = 0; k + 1 < 4; ++k)
        EXPECT_LT(d->nodeCenter(2, k).y(), d->nodeCenter(2, k + 1).y());
}

TEST(LayeredDiagram, WhatAPointHitsIsTheParameterDrawnThere) {
    const LayeredNetwork net = diagramNet(2, {3, 4});
    auto d = shown(net);
    // Every weight: the middle of its edge hits it.
    for (long k = 0; k < paramCount(net); ++k) {
        const auto at = layeredParamAt(net, k);
        if (const auto mid = d->edgeMiddle(k)) {
            EXPECT_EQ(d->hitTest(*mid), k) << layeredParamName(net, k);
        } else if (at->kind == LayeredParam::Kind::Bias) {
            EXPECT_EQ(d->hitTest(d->nodeCenter(at->layer + 1, at->to)), k);
        }
    }
    EXPECT_EQ(d->hitTest(d->nodeCenter(3, 0)), paramCount(net) - 1); // the output: c
    EXPECT_EQ(d->hitTest(d->nodeCenter(0, 1)), std::nullopt);        // an input has none
    EXPECT_EQ(d->hitTest(QPointF(2, 2)), std::nullopt);
}

TEST(LayeredDiagram, AClickSelectsAndADragReportsValuesBetweenStartAndFinish) {
    const LayeredNetwork net = diagramNet(1, {3, 2});
    auto d = shown(net);
    Calls<std::optional<long>> selected(d.get(), &ui::LayeredDiagram::selected);
    Calls<> started(d.get(), &ui::LayeredDiagram::dragStarted);
    Calls<long, double> dragged(d.get(), &ui::LayeredDiagram::paramDragged);
    Calls<> finished(d.get(), &ui::LayeredDiagram::dragFinished);
    const long k = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 1, 2, 0});
    const QPointF from = *d->edgeMiddle(k);
    sendToDiagram(d.get(), QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int step = 1; step <= 3; ++step)
        sendToDiagram(d.get(), QEvent::MouseMove, from - QPointF(0, 10 * step), Qt::LeftButton);
    sendToDiagram(d.get(), QEvent::MouseButtonRelease, from - QPointF(0, 30), Qt::NoButton);
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(std::get<0>(selected.list[0]), k);
    EXPECT_EQ(d->selection(), k);
    EXPECT_EQ(started.count(), 1);
    EXPECT_EQ(finished.count(), 1);
    ASSERT_EQ(dragged.count(), 3);
    EXPECT_EQ(std::get<0>(dragged.list.back()), k);
    // 30 pixels up on a hidden weight: 20 per 300 pixels, on hundredths.
    EXPECT_DOUBLE_EQ(std::get<1>(dragged.list.back()),
                     std::round((net.layers[1].w(0, 2) + 2.0) * 100.0) / 100.0);
}

TEST(LayeredDiagram, DraggingANeuronChangesItsBiasAndTheOutputIsFiner) {
    const LayeredNetwork net = diagramNet(1, {3});
    auto d = shown(net);
    Calls<long, double> dragged(d.get(), &ui::LayeredDiagram::paramDragged);
    const QPointF neuron = d->nodeCenter(1, 1);
    sendToDiagram(d.get(), QEvent::MouseButtonPress, neuron, Qt::LeftButton);
    sendToDiagram(d.get(), QEvent::MouseMove, neuron + QPointF(0, 15), Qt::LeftButton);
    sendToDiagram(d.get(), QEvent::MouseButtonRelease, neuron + QPointF(0, 15), Qt::NoButton);
    ASSERT_EQ(dragged.count(), 1);
    EXPECT_EQ(std::get<0>(dragged.list[0]),
              layeredFlatIndex(net, {LayeredParam::Kind::Bias, 0, 0, 1}));
    EXPECT_DOUBLE_EQ(std::get<1>(dragged.list[0]),
                     std::round((net.layers[0].b[1] - 1.0) * 100) / 100);
    EXPECT_DOUBLE_EQ(ui::LayeredDiagram::dragValue(0.5, 50, false, true), 1.5);
    EXPECT_DOUBLE_EQ(ui::LayeredDiagram::dragValue(0.5, 50, true, true), 0.6);
}

TEST(LayeredDiagram, HoverLabelsTheParameterAndTheTooltipNamesIt) {
    const LayeredNetwork net = diagramNet(2, {3});
    auto d = shown(net);
    const long k = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 0, 1, 2});
    sendToDiagram(d.get(), QEvent::MouseMove, *d->edgeMiddle(k), Qt::NoButton);
    EXPECT_EQ(d->hovered(), k);
    const QString text = d->describe(k);
    EXPECT_TRUE(text.startsWith("w⁽¹⁾₂₃ = ")) << text.toStdString();
    EXPECT_TRUE(text.contains("input x₂")) << text.toStdString();
    EXPECT_TRUE(text.contains("neuron 3 of layer 1")) << text.toStdString();
    // One input: it is x, without an index.
    const LayeredNetwork one = diagramNet(1, {2});
    d->setNetwork(one);
    EXPECT_TRUE(d->describe(0).endsWith("the weight from the input x to neuron 1 of layer 1"))
        << d->describe(0).toStdString();
    EXPECT_TRUE(d->describe(paramCount(one) - 1).endsWith("the output's bias"));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(d.get(), &leave);
    EXPECT_EQ(d->hovered(), std::nullopt);
}

TEST(LayeredDiagram, ANewShapeDropsASelectionItNoLongerHas) {
    auto d = shown(diagramNet(1, {8, 8}));
    d->setSelection(paramCount(d->network()) - 2);
    d->setNetwork(diagramNet(1, {2}));
    EXPECT_EQ(d->selection(), std::nullopt);
}

// The widest network draws while live (its time counts in stepwise-bench's frames, not here).
TEST(LayeredDiagram, SixtyFourBySixtyFourDrawsLive) {
    auto d = shown(diagramNet(1, {64, 64, 64}));
    d->setSelection(layerOffset(d->network(), 1) + 100);
    QImage image(d->size(), QImage::Format_ARGB32_Premultiplied);
    d->setLive(true);
    d->render(&image);
    // Something was drawn: not every pixel is the background.
    const QRgb bg = image.pixel(0, image.height() - 1);
    int other = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            other += image.pixel(x, y) != bg;
    EXPECT_GT(other, 100);
}

TEST(LayeredDiagram, TheKeyboardWalksTheParametersAndChangesTheSelectedOne) {
    const LayeredNetwork net = diagramNet(1, {2, 2});
    auto d = shown(net);
    Calls<std::optional<long>> selected(d.get(), &ui::LayeredDiagram::selected);
    Calls<long, double> dragged(d.get(), &ui::LayeredDiagram::paramDragged);
    Calls<> finished(d.get(), &ui::LayeredDiagram::dragFinished);
    auto key = [&](int k) {
        QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier);
        QApplication::sendEvent(d.get(), &press);
    };
    key(Qt::Key_Down);
    EXPECT_EQ(d->selection(), 0);
    key(Qt::Key_Right);
    EXPECT_EQ(d->selection(), 1);
    key(Qt::Key_Up);
    key(Qt::Key_Up); // stays on the first
    EXPECT_EQ(d->selection(), 0);
    EXPECT_EQ(selected.count(), 4);
    key(Qt::Key_Plus);
    ASSERT_EQ(dragged.count(), 1);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_DOUBLE_EQ(std::get<1>(dragged.list[0]),
                     std::round((net.layers[0].w(0, 0) + 0.1) * 100) / 100);
    key(Qt::Key_Escape);
    EXPECT_EQ(d->selection(), std::nullopt);
}

TEST(LayeredDiagram, FewWeightsAreAllLabelledWhereThereIsRoomManyOnlyWhenPointedAt) {
    auto d = shown(diagramNet(1, {2, 2}));         // 2 + 4 + 2 weights
    d->setSelection(paramCount(d->network()) - 1); // c
    const std::vector<ui::LayeredDiagram::Label> few = d->labels();
    ASSERT_FALSE(few.empty());
    EXPECT_EQ(few.front().index, paramCount(d->network()) - 1); // the selection's label first
    EXPECT_GE(few.size(), 7u) << "most of the 8 weights find room at 600×400";
    // No label covers another, nor a neuron.
    for (std::size_t a = 0; a < few.size(); ++a) {
        for (std::size_t b = a + 1; b < few.size(); ++b)
            EXPECT_FALSE(few[a].box.intersects(few[b].box)) << a << " " << b;
        for (int c = 1; c < d->columns(); ++c)
            for (int j = 0; j < d->nodesIn(c); ++j)
                EXPECT_FALSE(few[a].box.contains(d->nodeCenter(c, j))) << a;
    }
    EXPECT_TRUE(d->labelText(0).startsWith("w⁽¹⁾₁ = ")) << d->labelText(0).toStdString();
    auto big = shown(diagramNet(1, {64, 8}));
    EXPECT_TRUE(big->labels().empty());
    big->setHovered(5);
    ASSERT_EQ(big->labels().size(), 1u);
    EXPECT_EQ(big->labels()[0].index, 5);
}

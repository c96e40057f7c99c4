// The graph's modes (ui/graph/modes): the view hands its mouse and keys to the mode in use; a new
// mode is a class of its own (the sample picker here, and one made up by the test), installed
// without the view knowing it.
#include "UiTestSupport.h"

#include "core/network/Network.h"
#include "ui/graph/modes/GraphMode.h"
#include "ui/graph/modes/PickMode.h"

#include <QKeyEvent>
#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

QPointF pixelAt(ui::GraphView* g, double x, double y) {
    QCustomPlot* plot = g->plot();
    return {plot->xAxis->coordToPixel(x), plot->yAxis->coordToPixel(y)};
}

void click(ui::GraphView* g, QPointF at, Qt::MouseButton button = Qt::LeftButton) {
    sendMouse(g->plot(), QEvent::MouseButtonPress, at, button, button);
    sendMouse(g->plot(), QEvent::MouseButtonRelease, at, button, Qt::NoButton);
}

// A mode made up here: it counts what reaches it, and takes nothing from the plot.
class CountingMode : public ui::GraphMode {
public:
    int presses = 0, moves = 0, releases = 0, keys = 0, leaves = 0;
    bool press(QMouseEvent*) override { return ++presses, false; }
    bool move(QMouseEvent*) override { return ++moves, false; }
    bool release(QMouseEvent*) override { return ++releases, false; }
    bool key(QKeyEvent*) override { return ++keys, false; }
    void leave() override { ++leaves; }
};

} // namespace

TEST(GraphModes, PickModeEmitsTheNearestSampleAndChangesNothing) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    auto pick = std::make_unique<ui::PickMode>();
    std::vector<double> picked;
    int inspected = 0;
    std::vector<ui::GraphView::Mode> modes;
    QObject::connect(pick.get(), &ui::PickMode::samplePicked,
                     [&](double x) { picked.push_back(x); });
    QObject::connect(g, &ui::GraphView::inspectRequested, [&] { ++inspected; });
    QObject::connect(g, &ui::GraphView::modeChanged,
                     [&](ui::GraphView::Mode m) { modes.push_back(m); });
    g->setInteraction(std::move(pick));
    EXPECT_EQ(g->mode(), ui::GraphView::Mode::Other);
    EXPECT_EQ(modes, std::vector<ui::GraphView::Mode>{ui::GraphView::Mode::Other});

    const Scenario before = w->document()->scenario();
    click(g, pixelAt(g, 0.3, 0.5));
    ASSERT_EQ(picked.size(), 1u);
    const double x = picked[0];
    const Eigen::ArrayXd& xs = w->document()->x();
    const double spacing = xs[1] - xs[0];
    // A sample of the grid (exactly), the one nearest to where the click landed.
    const double landed = g->plot()->xAxis->pixelToCoord(pixelAt(g, 0.3, 0.5).x());
    const Domain& d = before.domain;
    EXPECT_EQ(x, xs[nearestSample(landed, d.lo, d.hi, static_cast<int>(xs.size()))]);
    EXPECT_LE(std::abs(x - landed), spacing / 2 + 1e-12);
    EXPECT_EQ(inspected, 0) << "picking is not inspecting";
    EXPECT_EQ(w->document()->undoStack()->count(), 0);
    EXPECT_EQ(w->document()->scenario().network, before.network);
    EXPECT_EQ(w->document()->scenario().target, before.target);

    click(g, pixelAt(g, 0.3, 0.5), Qt::RightButton);
    EXPECT_EQ(picked.size(), 1u) << "only the left button picks";

    // Past the end of the domain: the last sample.
    click(g, pixelAt(g, d.hi + 0.5, 0.5));
    ASSERT_EQ(picked.size(), 2u);
    EXPECT_EQ(picked[1], xs[xs.size() - 1]);
}

TEST(GraphModes, PickModeShowsTheReadoutAndHidesTheStepHandles) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    ASSERT_TRUE(g->stepHandlesShown());
    g->setInteraction(std::make_unique<ui::PickMode>());
    EXPECT_FALSE(g->stepHandlesShown()) << "a click picks a sample, it drags no step";
    sendMouse(g->plot(), QEvent::MouseMove, pixelAt(g, -0.2, 0.5), Qt::NoButton, Qt::NoButton);
    const QString text = g->readoutText();
    ASSERT_TRUE(text.startsWith("x = ")) << text.toStdString();
    EXPECT_NEAR(text.section('\n', 0, 0).mid(4).toDouble(), -0.2, 0.01) << text.toStdString();

    g->setMode(ui::GraphView::Mode::Draw);
    sendMouse(g->plot(), QEvent::MouseMove, pixelAt(g, 0.2, 0.5), Qt::NoButton, Qt::NoButton);
    EXPECT_TRUE(g->readoutText().isEmpty()) << "drawing shows no readout";
    g->setMode(ui::GraphView::Mode::Inspect);
    EXPECT_TRUE(g->stepHandlesShown());
}

// The walkthrough goes back to inspecting as soon as a sample is picked: the picker is replaced
// while it is still emitting, and must live until it has returned.
TEST(GraphModes, LeavingThePickerFromItsOwnSignalIsSafe) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    auto pick = std::make_unique<ui::PickMode>();
    int picks = 0;
    QObject::connect(pick.get(), &ui::PickMode::samplePicked, g, [&] {
        ++picks;
        g->setMode(ui::GraphView::Mode::Inspect);
    });
    g->setInteraction(std::move(pick));
    int inspected = 0;
    QObject::connect(g, &ui::GraphView::inspectRequested, [&] { ++inspected; });
    click(g, pixelAt(g, 0.1, 0.5));
    EXPECT_EQ(picks, 1);
    EXPECT_EQ(g->mode(), ui::GraphView::Mode::Inspect);
    click(g, pixelAt(g, 0.1, 0.5));
    EXPECT_EQ(picks, 1) << "the picker is gone";
    EXPECT_EQ(inspected, 1) << "the click inspects again";
}

TEST(GraphModes, AModeOfItsOwnGetsEveryMouseAndKeyEvent) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    auto mode = std::make_unique<CountingMode>();
    CountingMode* m = mode.get();
    g->setInteraction(std::move(mode));
    EXPECT_EQ(g->interaction(), m);
    click(g, pixelAt(g, 0.0, 0.5));
    sendMouse(g->plot(), QEvent::MouseMove, pixelAt(g, 0.1, 0.5), Qt::NoButton, Qt::NoButton);
    // A key no shortcut of the window takes (the lesson owns the arrows and Page keys).
    QKeyEvent key(QEvent::KeyPress, Qt::Key_J, Qt::NoModifier);
    QApplication::sendEvent(g->plot(), &key);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(g->plot(), &leave);
    EXPECT_EQ(m->presses, 1);
    EXPECT_EQ(m->releases, 1);
    EXPECT_EQ(m->moves, 1);
    EXPECT_EQ(m->keys, 1);
    EXPECT_EQ(m->leaves, 1);
    EXPECT_EQ(w->document()->undoStack()->count(), 0);
}

// Switching tools in the middle of a stroke drops the stroke: nothing half drawn is kept.
TEST(GraphModes, ChangingTheToolMidStrokeDropsTheStroke) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    g->setMode(ui::GraphView::Mode::Draw);
    int strokes = 0;
    QObject::connect(g, &ui::GraphView::strokeFinished, [&] { ++strokes; });
    sendMouse(g->plot(), QEvent::MouseButtonPress, pixelAt(g, -0.5, 0.2), Qt::LeftButton,
              Qt::LeftButton);
    sendMouse(g->plot(), QEvent::MouseMove, pixelAt(g, 0.0, 0.4), Qt::NoButton, Qt::LeftButton);
    g->setMode(ui::GraphView::Mode::Inspect);
    sendMouse(g->plot(), QEvent::MouseButtonRelease, pixelAt(g, 0.5, 0.6), Qt::LeftButton,
              Qt::NoButton);
    EXPECT_EQ(strokes, 0);
    EXPECT_FALSE(w->document()->hasTarget());
    EXPECT_EQ(w->document()->undoStack()->count(), 0);

    // And a whole stroke in one tool is one stroke, as before.
    g->setMode(ui::GraphView::Mode::Draw);
    drawStroke(g, {{-0.5, 0.2}, {0.0, 0.4}, {0.5, 0.6}});
    EXPECT_EQ(strokes, 1);
    EXPECT_EQ(w->document()->undoStack()->count(), 1);
}

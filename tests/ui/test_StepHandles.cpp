// The step-point handles on the graph: where they sit, dragging one moves that neuron's step
// (one undo step, the weight kept), and where they are off (locked lesson chapters, drawing).
#include "UiTestSupport.h"

#include "core/scenario/Presets.h"
#include "ui/graph/StepHandles.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/training/TrainingController.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

QPointF handleTip(ui::MainWindow& w, int j) {
    const auto at = w.graph()->stepHandles()->handlePosition(j);
    EXPECT_TRUE(at.has_value()) << "neuron " << j + 1 << " has no handle in view";
    return at.value_or(QPointF());
}

// A point on the handle, a little above the bottom edge of the plot.
QPointF onHandle(ui::MainWindow& w, int j) {
    const QPointF tip = handleTip(w, j);
    return {tip.x(), tip.y() + 5};
}

} // namespace

TEST(StepHandles, SitWhereEachNeuronSwitches) {
    auto w = freshWindow();
    QCustomPlot* plot = w->graph()->plot();
    ASSERT_TRUE(w->graph()->stepHandlesShown());
    const Network& net = w->document()->network();
    for (int j = 0; j < net.hidden(); ++j) {
        const double s = -net.b[j] / net.w[j];
        EXPECT_NEAR(handleTip(*w, j).x(), plot->xAxis->coordToPixel(s), 1e-9);
        EXPECT_EQ(w->graph()->stepHandles()->handleAt(onHandle(*w, j)), j);
    }
    // Far from the bottom edge, or between handles, there is none.
    EXPECT_FALSE(w->graph()->stepHandles()->handleAt(QPointF(handleTip(*w, 0).x(), 20)));
    const double between = (handleTip(*w, 0).x() + handleTip(*w, 1).x()) / 2;
    EXPECT_FALSE(w->graph()->stepHandles()->handleAt(QPointF(between, handleTip(*w, 0).y() + 5)));
}

TEST(StepHandles, DraggingOneMovesItsStepAndIsOneUndoStep) {
    auto w = freshWindow();
    QCustomPlot* plot = w->graph()->plot();
    const Network before = w->document()->network();
    const QPointF start = onHandle(*w, 1);
    sendMouse(plot, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    EXPECT_TRUE(w->document()->dragging());
    EXPECT_EQ(w->document()->selection(), (ParamId{ParamKind::HiddenBias, 1}));
    for (double x : {0.1, 0.3, 0.6}) {
        const QPointF to(plot->xAxis->coordToPixel(x), start.y());
        sendMouse(plot, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    }
    const QPointF end(plot->xAxis->coordToPixel(0.6), start.y());
    sendMouse(plot, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
    w->document()->flush();
    EXPECT_FALSE(w->document()->dragging());

    const Network& after = w->document()->network();
    const double landed = ui::StepHandles::snapped(plot->xAxis->pixelToCoord(end.x()));
    EXPECT_NEAR(landed, 0.6, 0.011);
    EXPECT_DOUBLE_EQ(landed, std::round(landed * 100) / 100) << "a hundredth";
    EXPECT_DOUBLE_EQ(after.w[1], before.w[1]) << "the weight stays";
    EXPECT_NEAR(-after.b[1] / after.w[1], landed, 1e-9) << "the step is where it was dropped";
    EXPECT_DOUBLE_EQ(after.b[0], before.b[0]) << "the other neuron stays";
    EXPECT_EQ(w->document()->undoStack()->count(), 1);
    w->document()->undoStack()->undo();
    EXPECT_EQ(w->document()->network(), before);
}

TEST(StepHandles, AClickAwayFromThemInspects) {
    auto w = freshWindow();
    QCustomPlot* plot = w->graph()->plot();
    const Network before = w->document()->network();
    double inspected = 1e9;
    QObject::connect(w->graph(), &ui::GraphView::inspectRequested,
                     [&](double x) { inspected = x; });
    const QPointF p(plot->xAxis->coordToPixel(0.0), plot->yAxis->coordToPixel(0.5));
    sendMouse(plot, QEvent::MouseButtonPress, p, Qt::LeftButton, Qt::LeftButton);
    sendMouse(plot, QEvent::MouseButtonRelease, p, Qt::LeftButton, Qt::NoButton);
    EXPECT_NEAR(inspected, 0.0, 0.01);
    EXPECT_EQ(w->document()->network(), before);
    EXPECT_FALSE(w->document()->dragging());
}

TEST(StepHandles, OffWhereTheyDoNotBelong) {
    auto w = freshWindow();
    ui::GraphView* g = w->graph();
    EXPECT_TRUE(g->stepHandlesShown());
    g->setMode(ui::GraphView::Mode::Draw); // the mouse draws the target
    EXPECT_FALSE(g->stepHandlesShown());
    g->setMode(ui::GraphView::Mode::Inspect);
    EXPECT_TRUE(g->stepHandlesShown());

    // Chapter 4 keeps the steps where they are: no handles, and a press there moves nothing.
    Scenario s = w->document()->scenario();
    s.lesson.freeMode = false;
    w->document()->replaceScenario(s);
    w->lesson()->goToChapter(3);
    w->document()->flush();
    QApplication::processEvents();
    EXPECT_FALSE(g->stepHandlesShown());
    const Network before = w->document()->network();
    const QPointF tip = g->stepHandles()->handlePosition(0).value_or(QPointF(10, 10));
    sendMouse(g->plot(), QEvent::MouseButtonPress, tip + QPointF(0, 5), Qt::LeftButton,
              Qt::LeftButton);
    sendMouse(g->plot(), QEvent::MouseMove, tip + QPointF(80, 5), Qt::NoButton, Qt::LeftButton);
    sendMouse(g->plot(), QEvent::MouseButtonRelease, tip + QPointF(80, 5), Qt::LeftButton,
              Qt::NoButton);
    w->document()->flush();
    EXPECT_EQ(w->document()->network(), before);
    w->lesson()->setFreeMode(true);
    w->document()->flush();
    QApplication::processEvents();
    EXPECT_TRUE(g->stepHandlesShown());
}

TEST(StepHandles, DraggingDuringTrainingHoldsIt) {
    auto w = freshWindow();
    Scenario s = w->document()->scenario();
    s.network.activation = {ActivationKind::Sigmoid, 4.0};
    s.target.preset = TargetPreset::Sine;
    w->document()->replaceScenario(s);
    w->document()->flush();
    ui::TrainingController* tc = w->trainer();
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() > 50; }, 5000));
    QCustomPlot* plot = w->graph()->plot();
    const QPointF start = onHandle(*w, 0);
    sendMouse(plot, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    const QPointF to(plot->xAxis->coordToPixel(-0.8), start.y());
    sendMouse(plot, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    w->document()->flush();
    // Held: no training frame moves the weights while the learner holds the step, not even one
    // the worker made before the hold.
    const double dropped = ui::StepHandles::snapped(plot->xAxis->pixelToCoord(to.x()));
    for (int k = 0; k < 10; ++k) {
        pumpUntil([] { return false; }, 20);
        const Network& now = w->document()->network();
        EXPECT_NEAR(-now.b[0] / now.w[0], dropped, 1e-9) << "frame " << k;
    }
    sendMouse(plot, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
    tc->pause();
}

// Ghosts of earlier training runs (issue 19): a finished run leaves one on the graph and on the
// loss plot, a continued run moves its own, the limit holds, each can be removed, and another
// scenario clears them. They stay out of the undo stack.
#include "UiTestSupport.h"

#include "ui/files/FileController.h"
#include "ui/params/ParameterPanel.h"
#include "ui/training/GhostList.h"
#include "ui/training/LossPlot.h"
#include "ui/training/RunGhosts.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"

#include <QPushButton>
#include <QSpinBox>
#include <gtest/gtest.h>
#include <set>

using namespace stepwise;
using namespace stepwise::test;

namespace {

// Plays until at least `steps` more steps have been taken, then pauses.
void trainFor(ui::MainWindow& w, long steps) {
    ui::TrainingController* tc = w.trainer();
    const long start = tc->steps();
    tc->setStepsPerFrame(10);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() >= start + steps; }, 20000));
    tc->pause();
}

void setRate(ui::MainWindow& w, double eta) {
    TrainSettings s = w.document()->scenario().training;
    s.optimizer.learningRate = eta;
    w.document()->setTrainingSettings(s);
}

} // namespace

TEST(Ghosts, AFinishedRunLeavesOneOnTheGraphAndTheLossPlot) {
    auto w = freshWindow();
    useSine(*w);
    ASSERT_EQ(w->trainer()->ghosts()->count(), 0);
    EXPECT_EQ(w->graph()->ghostCount(), 0);
    const int undoSteps = w->document()->undoStack()->count();
    trainFor(*w, 40);
    ui::RunGhosts* ghosts = w->trainer()->ghosts();
    ASSERT_EQ(ghosts->count(), 1);
    EXPECT_EQ(w->graph()->ghostCount(), 1);
    EXPECT_EQ(w->trainingPanel()->lossPlot()->ghostCount(), 1);
    // The ghost is the output curve the run reached, on the graph's grid.
    const Eigen::ArrayXd out = evaluateOutput(w->document()->network(), w->document()->x());
    QCPGraph* g = w->graph()->ghostGraph(0);
    ASSERT_NE(g, nullptr);
    ASSERT_EQ(g->dataCount(), out.size());
    for (int i = 0; i < out.size(); i += 17)
        EXPECT_DOUBLE_EQ(g->data()->at(i)->value, out[i]);
    // Its loss curve ends at the run's last loss.
    const ui::RunGhost& r = ghosts->ghosts().front();
    ASSERT_FALSE(r.losses.empty());
    EXPECT_DOUBLE_EQ(r.losses.back(), w->trainer()->lossValues().back());
    // Nothing differed from the settings now: it says so, with its steps.
    EXPECT_TRUE(r.label.contains(QString::number(w->trainer()->steps()))) << r.label.toStdString();
    // Under the curves' layer, which a live frame redraws alone.
    QCustomPlot* plot = w->graph()->plot();
    EXPECT_LT(g->layer()->index(), plot->layer("main")->index());
    EXPECT_GT(g->layer()->index(), plot->layer("target")->index());
    // The run is one undo step; its ghost is none.
    EXPECT_EQ(w->document()->undoStack()->count(), undoSteps + 1);
    // The list in the Training tab shows it.
    EXPECT_FALSE(w->trainingPanel()->ghostList()->isHidden());
    EXPECT_NE(w->trainingPanel()->ghostList()->removeButton(0), nullptr);
}

TEST(Ghosts, AContinuedRunMovesItsOwnGhostAndANewRateAddsOneLabelledByIt) {
    auto w = freshWindow();
    useSine(*w);
    setRate(*w, 0.05);
    trainFor(*w, 20);
    trainFor(*w, 20); // the same history, the same settings: the same ghost, moved on
    ui::RunGhosts* ghosts = w->trainer()->ghosts();
    ASSERT_EQ(ghosts->count(), 1);
    EXPECT_EQ(ghosts->ghosts().front().steps, w->trainer()->steps());
    w->trainer()->reset();
    setRate(*w, 0.01);
    // The newest ghost now differs from the next run by its rate: its label says the old one.
    EXPECT_TRUE(ghosts->ghosts().front().label.contains("0.05"))
        << ghosts->ghosts().front().label.toStdString();
    trainFor(*w, 20);
    ASSERT_EQ(ghosts->count(), 2);
    EXPECT_TRUE(ghosts->ghosts()[0].label.contains("0.05"));
    EXPECT_FALSE(ghosts->ghosts()[1].label.contains("η")); // nothing differs from now
    EXPECT_EQ(w->graph()->ghostCount(), 2);
}

TEST(Ghosts, AtMostFiveTheOldestDropsOff) {
    auto w = freshWindow();
    useSine(*w);
    const double rates[] = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07};
    for (double eta : rates) {
        w->trainer()->reset();
        setRate(*w, eta);
        trainFor(*w, 10);
    }
    const ui::RunGhosts* ghosts = w->trainer()->ghosts();
    ASSERT_EQ(ghosts->count(), ui::RunGhosts::kMaxGhosts);
    EXPECT_DOUBLE_EQ(ghosts->ghosts().front().settings.optimizer.learningRate, 0.03);
    EXPECT_DOUBLE_EQ(ghosts->ghosts().back().settings.optimizer.learningRate, 0.07);
    EXPECT_EQ(w->graph()->ghostCount(), ui::RunGhosts::kMaxGhosts);
    EXPECT_EQ(w->trainingPanel()->lossPlot()->ghostCount(), ui::RunGhosts::kMaxGhosts);
    // Every ghost its own colour.
    std::set<int> colours;
    for (const ui::RunGhost& g : ghosts->ghosts())
        colours.insert(g.colour);
    EXPECT_EQ(colours.size(), ghosts->ghosts().size());
}

TEST(Ghosts, RemoveOneThenClearThemAll) {
    auto w = freshWindow();
    useSine(*w);
    for (double eta : {0.01, 0.02, 0.03}) {
        w->trainer()->reset();
        setRate(*w, eta);
        trainFor(*w, 10);
    }
    ui::RunGhosts* ghosts = w->trainer()->ghosts();
    ASSERT_EQ(ghosts->count(), 3);
    const int middle = ghosts->ghosts()[1].id;
    ui::GhostList* list = w->trainingPanel()->ghostList();
    ASSERT_NE(list->removeButton(1), nullptr);
    list->removeButton(1)->click();
    QApplication::processEvents();
    ASSERT_EQ(ghosts->count(), 2);
    for (const ui::RunGhost& g : ghosts->ghosts())
        EXPECT_NE(g.id, middle);
    EXPECT_EQ(w->graph()->ghostCount(), 2);
    EXPECT_EQ(w->trainingPanel()->lossPlot()->ghostCount(), 2);
    list->clearButton()->click();
    QApplication::processEvents();
    EXPECT_EQ(ghosts->count(), 0);
    EXPECT_EQ(w->graph()->ghostCount(), 0);
    EXPECT_EQ(w->trainingPanel()->lossPlot()->ghostCount(), 0);
    EXPECT_TRUE(list->isHidden());
}

TEST(Ghosts, FileNewClearsThem) {
    auto w = freshWindow();
    useSine(*w);
    trainFor(*w, 10);
    ASSERT_EQ(w->trainer()->ghosts()->count(), 1);
    w->files()->newScenario();
    EXPECT_EQ(w->trainer()->ghosts()->count(), 0);
    EXPECT_EQ(w->graph()->ghostCount(), 0);
    // A run ended by the new scenario itself leaves nothing behind either.
    useSine(*w);
    w->trainer()->setStepsPerFrame(10);
    w->trainer()->play();
    ASSERT_TRUE(pumpUntil([&] { return w->trainer()->steps() > 5; }, 20000));
    w->files()->newScenario();
    EXPECT_EQ(w->trainer()->ghosts()->count(), 0);
    EXPECT_EQ(w->graph()->ghostCount(), 0);
}

TEST(Ghosts, AnotherLessonChapterClearsThemTheSameChapterDoesNot) {
    auto w = freshWindow();
    useSine(*w);
    trainFor(*w, 10);
    ASSERT_EQ(w->trainer()->ghosts()->count(), 1);
    LessonState l = w->document()->scenario().lesson;
    l.tasksDone.insert("ch1.always-on"); // the same chapter, another lesson state
    w->document()->setLesson(l);
    EXPECT_EQ(w->trainer()->ghosts()->count(), 1);
    l.chapter = l.chapter == 3 ? 4 : 3;
    w->document()->setLesson(l);
    EXPECT_EQ(w->trainer()->ghosts()->count(), 0);
    EXPECT_EQ(w->graph()->ghostCount(), 0);
}

TEST(Ghosts, LiveFramesWithGhostsRedrawOnlyTheCurvesLayer) {
    auto w = freshWindow();
    useSine(*w);
    trainFor(*w, 10);
    w->trainer()->reset();
    trainFor(*w, 10);
    ASSERT_EQ(w->graph()->ghostCount(), 2);
    QApplication::processEvents();
    int full = 0, curvesOnly = 0;
    QObject::connect(w->graph()->plot(), &QCustomPlot::beforeReplot, [&] { ++full; });
    QObject::connect(w->graph(), &ui::GraphView::curvesReplotted, [&] { ++curvesOnly; });
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(1);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return curvesOnly >= 30; }, 20000));
    tc->pause();
    // Going live and back redraws everything once or twice; every frame between draws the
    // curves' layer alone, so the ghosts under it are not drawn again.
    EXPECT_LE(full, 3);
    EXPECT_GE(curvesOnly, 30);
}

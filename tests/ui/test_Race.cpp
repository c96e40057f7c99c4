// The race dialog (issue 19) on real widgets, offscreen: three optimizers race from the weights on
// screen, the progress and the result show, Esc stops a race, and the winner's weights are kept
// as one undo step (undo puts the old ones back); a learning-rate race that diverges says so.
#include "UiTestSupport.h"

#include "core/training/Race.h"
#include "ui/params/ParameterPanel.h"
#include "ui/training/RaceDialog.h"
#include "ui/training/RacePlots.h"

#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <gtest/gtest.h>

using namespace stepwise;
using namespace stepwise::test;

TEST(RaceDialog, ThreeOptimizersRaceAndTheWinnerIsKeptAsOneUndoStep) {
    auto w = freshWindow();
    useSine(*w);
    const Network before = w->document()->network();
    const int undoSteps = w->document()->undoStack()->count();
    ui::RaceDialog dialog(w->document(), ui::Palette::dark(), w.get());
    dialog.show();
    dialog.optimizersButton()->setChecked(true);
    dialog.stepsBox()->setValue(300);
    dialog.startButton()->click();
    ASSERT_NE(dialog.race(), nullptr);
    ASSERT_EQ(dialog.race()->size(), 3);
    EXPECT_TRUE(dialog.running());
    EXPECT_TRUE(dialog.stopButton()->isEnabled());
    EXPECT_FALSE(dialog.keepWinnerButton()->isEnabled());
    ASSERT_TRUE(pumpUntil([&] { return !dialog.running(); }, 30000));
    const Race& race = *dialog.race();
    ASSERT_TRUE(race.finished());
    for (int i = 0; i < race.size(); ++i)
        EXPECT_EQ(race.state(i).steps, 300);
    // The same numbers as a race stepped in one go (the frame rate changes nothing).
    std::vector<RacerSpec> specs;
    for (int i = 0; i < race.size(); ++i)
        specs.push_back(race.spec(i));
    Race again(before, w->document()->sampleX(), w->document()->sampleT(),
               w->document()->scenario().training, specs, 300);
    again.run(300);
    for (int i = 0; i < race.size(); ++i)
        EXPECT_EQ(again.state(i).losses, race.state(i).losses);
    // The result names the winner; its curve and its loss curve are on the plots.
    ASSERT_TRUE(race.winner().has_value());
    const int winner = *race.winner();
    EXPECT_TRUE(dialog.resultText().contains(QString::fromStdString(race.spec(winner).name)))
        << dialog.resultText().toStdString();
    EXPECT_EQ(dialog.plots()->outputPlot()->graphCount(), 1 + race.size());
    EXPECT_GT(dialog.plots()->lossPlot()->graph(winner)->dataCount(), 10);
    // Nothing changed in the document during the race.
    EXPECT_EQ(w->document()->network(), before);
    ASSERT_TRUE(dialog.keepWinnerButton()->isEnabled());
    const Network won = race.network(winner);
    dialog.keepWinnerButton()->click();
    EXPECT_EQ(w->document()->network(), won);
    EXPECT_EQ(w->document()->undoStack()->count(), undoSteps + 1);
    w->document()->undoStack()->undo();
    EXPECT_EQ(w->document()->network(), before);
}

TEST(RaceDialog, EscStopsARaceAndKeepingTheOldWeightsChangesNothing) {
    auto w = freshWindow();
    useSine(*w);
    const Network before = w->document()->network();
    const int undoSteps = w->document()->undoStack()->count();
    ui::RaceDialog dialog(w->document(), ui::Palette::light(), w.get());
    dialog.show();
    dialog.stepsBox()->setValue(200'000);
    dialog.startButton()->click();
    ASSERT_TRUE(pumpUntil([&] { return dialog.race()->stepsDone() > 0; }, 20000));
    QKeyEvent esc(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&dialog, &esc);
    EXPECT_FALSE(dialog.running());
    EXPECT_TRUE(dialog.isVisible()); // Esc stopped the race; the dialog stays to show it
    EXPECT_FALSE(dialog.race()->finished());
    EXPECT_TRUE(dialog.resultText().startsWith("Stopped")) << dialog.resultText().toStdString();
    dialog.keepOldButton()->click();
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(w->document()->network(), before);
    EXPECT_EQ(w->document()->undoStack()->count(), undoSteps);
}

TEST(RaceDialog, ADivergingRateIsShownAsDivergedAndTheOthersGoOn) {
    auto w = freshWindow();
    useSine(*w);
    TrainSettings s = w->document()->scenario().training;
    s.optimizer.kind = OptimizerKind::SGD;
    w->document()->setTrainingSettings(s);
    ui::RaceDialog dialog(w->document(), ui::Palette::projector(), w.get());
    dialog.show();
    dialog.setKind(ui::RaceDialog::Kind::LearningRates);
    dialog.rateBox(1)->setValue(0.05);
    dialog.rateBox(2)->setValue(0.5);
    dialog.rateBox(3)->setValue(900.0);
    dialog.stepsBox()->setValue(200);
    dialog.startButton()->click();
    ASSERT_TRUE(pumpUntil([&] { return !dialog.running(); }, 30000));
    const Race& race = *dialog.race();
    ASSERT_EQ(race.size(), 3);
    EXPECT_TRUE(race.state(2).diverged);
    EXPECT_FALSE(race.state(0).diverged);
    EXPECT_EQ(race.state(0).steps, 200);
    EXPECT_TRUE(dialog.plots()->legendText(2).contains("diverged"));
    EXPECT_TRUE(dialog.resultText().contains("Diverged")) << dialog.resultText().toStdString();
    // Nothing on the plots is NaN.
    for (int i = 0; i < race.size(); ++i) {
        QCPGraph* g = dialog.plots()->outputPlot()->graph(1 + i);
        for (int k = 0; k < g->dataCount(); ++k)
            ASSERT_TRUE(std::isfinite(g->data()->at(k)->value));
    }
}

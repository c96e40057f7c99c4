// The lesson's chapter 12, "Too many neurons", on real widgets: it opens on the Training tab with
// its points and neurons, Play overfits and ticks the first task, "show me" ticks weight decay's
// task by setting λ, and its text sends the learner only to widgets that exist.
#include "UiTestSupport.h"

#include "core/lesson/Lesson.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/lesson/LessonText.h"
#include "ui/params/ParameterPanel.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace stepwise;
using namespace stepwise::test;

namespace {

constexpr int kChapter = 11;

class LessonOverfit : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
        window_ = std::make_unique<ui::MainWindow>();
        window_->resize(1400, 900);
        window_->show();
        settle();
        ui::LessonPanel* l = window_->lesson();
        l->chapterBox()->setCurrentIndex(kChapter);
        emit l->chapterBox()->activated(kChapter); // what a pick from the list sends
        settle();
        ASSERT_EQ(l->chapter(), kChapter);
    }
    void TearDown() override {
        window_.reset();
        QSettings().clear();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    }
    void settle() {
        window_->document()->flush();
        QApplication::processEvents();
        window_->document()->flush();
    }
    bool ticked(const char* id) { return window_->lesson()->taskTicked(id); }

    QTemporaryDir dir_;
    std::unique_ptr<ui::MainWindow> window_;
};

QString plain(QString s) {
    return s.remove('&');
}

} // namespace

TEST_F(LessonOverfit, OpensOnTheTrainingTabWithItsPointsAndNeurons) {
    ui::Document* doc = window_->document();
    EXPECT_EQ(window_->sideTabs()->currentWidget(), window_->trainingPanel());
    EXPECT_EQ(doc->testPoints().size(), 12u);
    EXPECT_EQ(doc->network().hidden(), 24);
    EXPECT_EQ(doc->scenario().training.weightDecay, 0.0);
    EXPECT_TRUE(window_->parameters()->hiddenBox()->isEnabled());
    EXPECT_TRUE(window_->trainingPanel()->weightDecayBox()->isVisibleTo(window_.get()));
    EXPECT_TRUE(window_->trainingPanel()->weightDecayBox()->isEnabled());
    for (const char* id : {"ch12.overfit", "ch12.few", "ch12.decay"})
        EXPECT_FALSE(ticked(id)) << id;
}

TEST_F(LessonOverfit, PlayOverfitsAndShowMeTicksWeightDecay) {
    ui::TrainingController* tc = window_->trainer();
    tc->setStepsPerFrame(100);
    tc->play();
    EXPECT_TRUE(pumpUntil([&] { return ticked("ch12.overfit"); }, 45000));
    tc->pause();
    settle();
    // Honest: the tick follows the losses of the network on screen.
    const auto l = splitLosses(window_->document()->scenario());
    ASSERT_TRUE(l.has_value());
    EXPECT_LE(l->train * kOverfitRatio, l->test);
    EXPECT_FALSE(ticked("ch12.decay"));
    window_->lesson()->nextStep();
    window_->lesson()->nextStep();
    ASSERT_EQ(window_->lesson()->step(), 2);
    window_->lesson()->reveal(); // "show me"
    settle();
    EXPECT_TRUE(ticked("ch12.decay"));
    EXPECT_GT(window_->document()->scenario().training.weightDecay, 0.0);
    EXPECT_DOUBLE_EQ(window_->trainingPanel()->weightDecayBox()->value(),
                     window_->document()->scenario().training.weightDecay);
}

TEST_F(LessonOverfit, TheTextNamesOnlyWidgetsThatExist) {
    QString text = ui::lessontext::chapterTitle(kChapter) + ui::lessontext::chapterBody(kChapter);
    for (const LessonTask& t : lessonChapters()[kChapter].tasks)
        text += ui::lessontext::taskText(t.id) + ui::lessontext::taskHint(t.id);
    // Every widget shown in the window, by the words on it.
    QStringList shown;
    for (QLabel* l : window_->findChildren<QLabel*>())
        shown << plain(l->text());
    for (QAbstractButton* b : window_->findChildren<QAbstractButton*>())
        shown << plain(b->text());
    for (QGroupBox* g : window_->findChildren<QGroupBox*>())
        shown << plain(g->title());
    for (QTabBar* bar : window_->findChildren<QTabBar*>())
        for (int i = 0; i < bar->count(); ++i)
            shown << plain(bar->tabText(i)) + " tab";
    // What the text sends the learner to, and the words that widget shows.
    const QStringList named = {"Play",           "Training tab",   "Weights tab",
                               "Hidden neurons", "Weight decay λ", "Data and overfitting"};
    for (const QString& name : named) {
        EXPECT_TRUE(text.contains(name)) << name.toStdString();
        EXPECT_TRUE(shown.contains(name)) << name.toStdString() << " is on no widget";
    }
    // And no widget of the other chapters' kind that this window lacks.
    for (const char* missing : {"Regularise", "Dropout", "Validation"})
        EXPECT_FALSE(text.contains(missing)) << missing;
    // The maths it states: the test points are never learnt from, the decay covers w and v only.
    EXPECT_TRUE(text.contains("never learns from them"));
    EXPECT_TRUE(text.contains("are not decayed"));
}

// Scenario files in the window: a broken file never replaces the open document, save → open
// round-trips, a failed save says so, autosave and recovery (including a corrupt autosave),
// and every shipped example opens.
#include "UiTestSupport.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/files/FileController.h"
#include "ui/training/TrainingPanel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace stepwise;
using namespace stepwise::test;

namespace {
void writeText(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void clearSession() {
    QFile::remove(ui::FileController::autosavePath());
    QFile::remove(ui::FileController::lockPath());
}
} // namespace

TEST(Files, BrokenFileLeavesTheDocumentUntouched) {
    auto w = freshWindow();
    w->document()->setParam({ParamKind::OutputWeight, 0}, 0.7);
    const Scenario before = w->document()->scenario();
    const int undoCount = w->document()->undoStack()->count();
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.stepwise");
    writeText(path,
              "{\"format\": \"stepwise-scenario\", \"version\": 1, \"network\": {\"hidden\": [");
    QString error;
    QObject::connect(w->files(), &ui::FileController::errorOccurred,
                     [&](const QString&, const QString& m) { error = m; });
    EXPECT_FALSE(w->files()->open(path));
    EXPECT_TRUE(error.contains("broken.stepwise")) << error.toStdString();
    EXPECT_EQ(w->document()->scenario(), before);
    EXPECT_EQ(w->document()->undoStack()->count(), undoCount);
}

TEST(Files, SaveThenOpenGivesBackTheSameState) {
    auto w = freshWindow();
    w->document()->setHiddenCount(3);
    w->document()->setParam({ParamKind::HiddenBias, 2}, 0.1 + 0.2);
    w->document()->setParam({ParamKind::OutputBias, 0}, -1.0 / 3.0);
    TargetCurve t;
    t.preset = TargetPreset::Sawtooth;
    t.strokes.push_back({{{-0.5, 0.25}, {0.1, 1e-7}}, false});
    w->document()->setTarget(t, "t");
    const Scenario saved = w->document()->scenario();
    QTemporaryDir dir;
    const QString path = dir.filePath("round.stepwise");
    ASSERT_TRUE(w->files()->saveAs(path));
    EXPECT_TRUE(w->document()->undoStack()->isClean());
    auto other = freshWindow();
    ASSERT_TRUE(other->files()->open(path));
    EXPECT_EQ(other->document()->scenario(), saved);
    EXPECT_EQ(other->files()->currentPath(), path);
}

TEST(Files, FailedSaveSaysSoAndKeepsTheDocument) {
    auto w = freshWindow();
    QTemporaryDir dir;
    const QString blocker = dir.filePath("a-file");
    writeText(blocker, "not a folder");
    QString error;
    QObject::connect(w->files(), &ui::FileController::errorOccurred,
                     [&](const QString&, const QString& m) { error = m; });
    EXPECT_FALSE(w->files()->saveAs(blocker + "/inside.stepwise"));
    EXPECT_FALSE(error.isEmpty());
    QFile f(blocker);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("not a folder"));
}

TEST(Files, SessionIsRestoredAfterACrash) {
    clearSession();
    Scenario expected;
    {
        auto w = freshWindow();
        w->startSession({});
        w->document()->setParam({ParamKind::OutputWeight, 1}, -0.25);
        w->files()->autosaveNow();
        expected = w->document()->scenario();
        // No shutdown(): the lock stays, as after a kill.
    }
    ASSERT_TRUE(QFile::exists(ui::FileController::lockPath()));
    auto w = std::make_unique<ui::MainWindow>();
    w->startSession({});
    EXPECT_EQ(w->document()->scenario(), expected);
    EXPECT_TRUE(w->trainingPanel()->messageText().contains("restored"))
        << w->trainingPanel()->messageText().toStdString();
    w->files()->shutdown();
    EXPECT_FALSE(QFile::exists(ui::FileController::lockPath()));
}

TEST(Files, AutosaveHappensAFewSecondsAfterAChange) {
    clearSession();
    auto w = freshWindow();
    w->startSession({});
    EXPECT_GE(w->files()->autosaveDelayMs(), 1000);
    EXPECT_LE(w->files()->autosaveDelayMs(), 10000);
    w->document()->setParam({ParamKind::OutputBias, 0}, 0.5);
    EXPECT_FALSE(QFile::exists(ui::FileController::autosavePath()));
    QElapsedTimer t;
    t.start();
    while (!QFile::exists(ui::FileController::autosavePath()) && t.elapsed() < 15000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    ASSERT_TRUE(QFile::exists(ui::FileController::autosavePath()));
    const ScenarioResult r = readScenarioFile(ui::FileController::autosavePath().toStdString());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.scenario->network.c, 0.5);
    w->files()->shutdown();
}

TEST(Files, CorruptAutosaveIsSetAsideAndTheAppStartsClean) {
    clearSession();
    QDir().mkpath(QFileInfo(ui::FileController::autosavePath()).absolutePath());
    writeText(ui::FileController::autosavePath(), "\x01\x02 this is not json");
    writeText(ui::FileController::lockPath(), "1");
    QSettings().clear();
    auto w = std::make_unique<ui::MainWindow>();
    w->startSession({});
    EXPECT_FALSE(QFile::exists(ui::FileController::autosavePath()));
    const QStringList aside = QDir(QFileInfo(ui::FileController::autosavePath()).absolutePath())
                                  .entryList({"autosave.stepwise.*.unreadable"});
    EXPECT_EQ(aside.size(), 1);
    EXPECT_TRUE(w->trainingPanel()->messageText().contains("could not be restored"));
    EXPECT_TRUE(allFinite(w->document()->network()));
    for (const QString& f : aside)
        QFile::remove(QFileInfo(ui::FileController::autosavePath()).absolutePath() + "/" + f);
    w->files()->shutdown();
}

TEST(Files, EveryShippedExampleOpens) {
    const QStringList examples = ui::FileController::exampleFiles();
    ASSERT_GE(examples.size(), 6);
    for (const QString& p : examples) {
        QFile f(p);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << p.toStdString();
        const QByteArray bytes = f.readAll();
        const ScenarioResult r = readScenario(std::string_view(bytes.constData(), bytes.size()));
        EXPECT_TRUE(r.ok()) << p.toStdString() << ": " << r.error.problem;
    }
}

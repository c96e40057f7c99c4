// Scenario files in the window: a broken file never replaces the open document, save → open
// round-trips, a failed save says so, autosave and recovery (including a corrupt autosave),
// and every shipped example opens.
#include "UiTestSupport.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/files/FileController.h"
#include "ui/files/SessionStore.h"
#include "ui/training/TrainingPanel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace stepwise;
using namespace stepwise::test;

namespace {
void writeFileBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void clearSession() {
    QDir(ui::SessionStore::defaultFolder()).removeRecursively();
}

QStringList sessionFiles(const QString& pattern = "session-*.stepwise") {
    return QDir(ui::SessionStore::defaultFolder()).entryList({pattern}, QDir::Files);
}
} // namespace

TEST(Files, BrokenFileLeavesTheDocumentUntouched) {
    auto w = freshWindow();
    w->document()->setParam({ParamKind::OutputWeight, 0}, 0.7);
    const Scenario before = w->document()->scenario();
    const int undoCount = w->document()->undoStack()->count();
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.stepwise");
    writeFileBytes(
        path, "{\"format\": \"stepwise-scenario\", \"version\": 1, \"network\": {\"hidden\": [");
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
    writeFileBytes(blocker, "not a folder");
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
    QString path;
    {
        auto w = freshWindow();
        w->startSession({});
        w->document()->setParam({ParamKind::OutputWeight, 1}, -0.25);
        w->files()->autosaveNow();
        expected = w->document()->scenario();
        path = w->files()->sessionPath();
        // No shutdown(): the session is not marked closed, as after a kill.
    }
    ASSERT_TRUE(QFile::exists(path));
    EXPECT_FALSE(QFile::exists(path + ".closed"));
    auto w = std::make_unique<ui::MainWindow>();
    w->startSession({});
    EXPECT_EQ(w->document()->scenario(), expected);
    EXPECT_TRUE(w->trainingPanel()->messageText().contains("restored"))
        << w->trainingPanel()->messageText().toStdString();
    EXPECT_FALSE(QFile::exists(path)) << "the restored session now lives in the new window's";
    w->files()->shutdown();
    EXPECT_TRUE(QFile::exists(w->files()->sessionPath() + ".closed"));
    EXPECT_FALSE(QFile::exists(w->files()->sessionPath() + ".lock"));
}

TEST(Files, AutosaveHappensAFewSecondsAfterAChange) {
    clearSession();
    auto w = freshWindow();
    w->startSession({});
    EXPECT_GE(w->files()->autosaveDelayMs(), 1000);
    EXPECT_LE(w->files()->autosaveDelayMs(), 10000);
    ASSERT_EQ(sessionFiles().size(), 1) << "a window has its session from the start";
    const auto savedC = [&] {
        const ScenarioResult r = readScenarioFile(w->files()->sessionPath().toStdString());
        return r.ok() ? r.scenario->network.c : -99.0;
    };
    w->document()->setParam({ParamKind::OutputBias, 0}, 0.5);
    EXPECT_NE(savedC(), 0.5) << "not at once: a few seconds later";
    QElapsedTimer t;
    t.start();
    while (savedC() != 0.5 && t.elapsed() < 15000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    EXPECT_EQ(savedC(), 0.5);
    EXPECT_EQ(sessionFiles().size(), 1);
    w->files()->shutdown();
}

TEST(Files, CorruptSessionIsSetAsideAndTheAppStartsClean) {
    clearSession();
    const QString folder = ui::SessionStore::defaultFolder();
    QDir().mkpath(folder);
    writeFileBytes(folder + "/session-broken.stepwise", "\x01\x02 this is not json");
    QSettings().clear();
    auto w = std::make_unique<ui::MainWindow>();
    w->startSession({});
    EXPECT_EQ(sessionFiles(), QStringList{QFileInfo(w->files()->sessionPath()).fileName()})
        << "only the new window's own";
    EXPECT_EQ(sessionFiles("session-broken.stepwise.*.unreadable").size(), 1)
        << "set aside, never deleted";
    EXPECT_TRUE(w->trainingPanel()->messageText().contains("could not be restored"));
    EXPECT_TRUE(allFinite(w->document()->network()));
    w->files()->shutdown();
    clearSession();
}

TEST(Files, TheEarlierSingleAutosaveIsTakenOver) {
    clearSession();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    Scenario earlier = defaultScenario();
    earlier.network.c = 0.375;
    std::string error;
    ASSERT_TRUE(writeScenarioFile((dir + "/autosave.stepwise").toStdString(), earlier, &error));
    auto w = std::make_unique<ui::MainWindow>();
    w->startSession({});
    EXPECT_EQ(w->document()->network().c, 0.375);
    EXPECT_FALSE(QFile::exists(dir + "/autosave.stepwise"));
    EXPECT_TRUE(w->trainingPanel()->messageText().isEmpty()) << "it was closed properly";
    w->files()->shutdown();
    clearSession();
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

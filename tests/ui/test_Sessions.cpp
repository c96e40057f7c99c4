// Sessions per window (issue 16): two windows or two processes never share a session and
// neither claims a crash; a killed window's session is offered at the next start; SIGTERM
// saves it as closed and the next start restores it silently; several left sessions are
// offered and what is not chosen is discarded; an autosave that cannot be written keeps the
// work in memory and says so once, then says when it works again.
#include "UiTestSupport.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/files/FileController.h"
#include "ui/files/SessionStore.h"
#include "ui/training/TrainingPanel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#ifndef _WIN32
#include <csignal>
#endif

using namespace stepwise;
using namespace stepwise::test;

namespace {

void clearSessions() {
    const QString folder = ui::SessionStore::defaultFolder();
    QDir(folder).removeRecursively();
    QFile::remove(folder); // a test may have put a file in its way
}

QStringList sessionsIn(const QString& folder) {
    return QDir(folder).entryList({"session-*.stepwise"}, QDir::Files, QDir::Name);
}

// A window destroyed without closing: its session stays, not marked closed, as after a kill.
// (It does not start by restoring, so that several can be left side by side.)
QString leaveCrashedSession(double c) {
    auto w = freshWindow();
    w->document()->setParam({ParamKind::OutputBias, 0}, c);
    w->files()->autosaveNow();
    return w->files()->sessionPath();
}

bool waitForSession(const std::function<bool()>& done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

} // namespace

TEST(Sessions, TwoWindowsNeverShareASessionAndNeitherClaimsACrash) {
    clearSessions();
    auto first = freshWindow();
    first->startSession({});
    first->document()->setParam({ParamKind::OutputBias, 0}, 0.75);
    first->files()->autosaveNow();

    auto second = std::make_unique<ui::MainWindow>();
    second->startSession({});
    EXPECT_TRUE(second->trainingPanel()->messageText().isEmpty())
        << second->trainingPanel()->messageText().toStdString();
    EXPECT_NE(second->document()->network().c, 0.75) << "the first window's work stayed there";
    ASSERT_FALSE(second->files()->sessionPath().isEmpty());
    EXPECT_NE(second->files()->sessionPath(), first->files()->sessionPath());

    second->document()->setParam({ParamKind::OutputBias, 0}, -0.5);
    second->files()->autosaveNow();
    const ScenarioResult mine = readScenarioFile(first->files()->sessionPath().toStdString());
    ASSERT_TRUE(mine.ok());
    EXPECT_EQ(mine.scenario->network.c, 0.75) << "the second window never writes the first's";
    second->files()->shutdown();
    first->files()->shutdown();
    clearSessions();
}

TEST(Sessions, SeveralLeftAreOfferedAndTheUnchosenDiscarded) {
    clearSessions();
    const QString a = leaveCrashedSession(0.25);
    const QString b = leaveCrashedSession(0.5);
    ASSERT_TRUE(QFile::exists(a));
    ASSERT_TRUE(QFile::exists(b));

    auto w = std::make_unique<ui::MainWindow>();
    std::vector<ui::LeftSession> offered;
    w->files()->setSessionChooser([&](const std::vector<ui::LeftSession>& left) {
        offered = left;
        for (int i = 0; i < static_cast<int>(left.size()); ++i)
            if (left[i].scenario.network.c == 0.25) return std::vector<int>{i};
        return std::vector<int>{};
    });
    std::vector<Scenario> elsewhere;
    QObject::connect(w->files(), &ui::FileController::restoreElsewhere,
                     [&](const Scenario& s) { elsewhere.push_back(s); });
    // startSession sets the window's own chooser (a dialog): restore through the controller.
    const QString message = w->files()->restoreSession();
    ASSERT_EQ(offered.size(), 2u);
    EXPECT_FALSE(offered[0].closed);
    EXPECT_GE(offered[0].saved, offered[1].saved) << "newest first";
    EXPECT_EQ(w->document()->network().c, 0.25);
    EXPECT_TRUE(elsewhere.empty());
    EXPECT_TRUE(message.contains("restored")) << message.toStdString();
    EXPECT_FALSE(QFile::exists(a)) << "restored: it lives in the new window's session";
    EXPECT_FALSE(QFile::exists(b)) << "not chosen: discarded";
    EXPECT_EQ(sessionsIn(ui::SessionStore::defaultFolder()).size(), 1);
    w->files()->shutdown();
    clearSessions();
}

TEST(Sessions, EveryChosenSessionBeyondTheFirstOpensElsewhere) {
    clearSessions();
    leaveCrashedSession(0.25);
    leaveCrashedSession(0.5);
    auto w = std::make_unique<ui::MainWindow>();
    w->files()->setSessionChooser([](const std::vector<ui::LeftSession>&) {
        return std::vector<int>{0, 1};
    });
    std::vector<Scenario> elsewhere;
    QObject::connect(w->files(), &ui::FileController::restoreElsewhere,
                     [&](const Scenario& s) { elsewhere.push_back(s); });
    w->files()->restoreSession();
    ASSERT_EQ(elsewhere.size(), 1u);
    EXPECT_NE(elsewhere[0].network.c, w->document()->network().c);
    w->files()->shutdown();
    clearSessions();
}

TEST(Sessions, AClosedWindowIsRestoredSilently) {
    clearSessions();
    {
        auto w = freshWindow();
        w->startSession({});
        w->document()->setParam({ParamKind::OutputBias, 0}, 0.125);
        w->close(); // what a quit, a logout or SIGTERM does
    }
    auto w = std::make_unique<ui::MainWindow>();
    w->startSession({});
    EXPECT_EQ(w->document()->network().c, 0.125);
    EXPECT_TRUE(w->trainingPanel()->messageText().isEmpty())
        << w->trainingPanel()->messageText().toStdString();
    w->files()->shutdown();
    clearSessions();
}

TEST(Sessions, AnUnwritableFolderKeepsTheWorkAndSaysSoOnce) {
    clearSessions();
    const QString folder = ui::SessionStore::defaultFolder();
    QDir().mkpath(QFileInfo(folder).absolutePath());
    {
        QFile blocker(folder); // a file where the folder should be: nothing can be written
        ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
        blocker.write("in the way");
    }
    auto w = freshWindow();
    QStringList info;
    QObject::connect(w->files(), &ui::FileController::info, [&](const QString& m) { info << m; });
    w->startSession({});
    for (int i = 0; i < 5; ++i) {
        w->document()->setParam({ParamKind::OutputBias, 0}, 0.1 * i);
        w->files()->autosaveNow();
    }
    EXPECT_TRUE(w->files()->autosaveFailing());
    EXPECT_EQ(w->document()->network().c, 0.1 * 4) << "the work stays in memory";
    int failures = 0;
    for (const QString& m : info)
        failures += m.contains("Autosave failed");
    EXPECT_EQ(failures, 1) << "said once, not on every attempt";
    EXPECT_EQ(w->files()->autosaveDelayMs(), ui::FileController::kRetryMs) << "retries slower";

    QFile::remove(folder); // the disk has room again
    w->files()->autosaveNow();
    EXPECT_FALSE(w->files()->autosaveFailing());
    ASSERT_FALSE(info.isEmpty());
    EXPECT_TRUE(info.last().contains("works again"));
    const ScenarioResult r = readScenarioFile(w->files()->sessionPath().toStdString());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.scenario->network.c, 0.1 * 4);
    w->files()->shutdown();
    clearSessions();
}

#if !defined(_WIN32) && defined(STEPWISE_APP)

namespace {

// The real program, as a window on the offscreen platform, with a data folder of the test's.
struct App {
    QProcess process;
    explicit App(const QString& data, const QStringList& args = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("XDG_DATA_HOME", data);
        env.insert("XDG_CONFIG_HOME", data + "/config");
        process.setProcessEnvironment(env);
        process.start(STEPWISE_APP, args);
        process.waitForStarted(10000);
    }
    ~App() {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

QString sessionFolderUnder(const QString& data) {
    return data + "/Stepwise/Stepwise/sessions";
}

} // namespace

TEST(Sessions, TwoProcessesNeverShareAndAKilledOnesSessionIsOfferedNextTime) {
    QTemporaryDir data;
    const QString folder = sessionFolderUnder(data.path());
    App a(data.path());
    ASSERT_TRUE(waitForSession([&] { return sessionsIn(folder).size() == 1; }, 20000));
    const QString aSession = sessionsIn(folder).first();
    App b(data.path());
    ASSERT_TRUE(waitForSession([&] { return sessionsIn(folder).size() == 2; }, 20000))
        << "the second window has a session of its own";
    EXPECT_TRUE(sessionsIn(folder).contains(aSession)) << "and did not take the first one's";

    ::kill(static_cast<pid_t>(a.process.processId()), SIGKILL);
    a.process.waitForFinished(5000);
    EXPECT_TRUE(QFile::exists(folder + "/" + aSession)) << "a kill leaves the session behind";

    App c(data.path());
    ASSERT_TRUE(waitForSession([&] { return !sessionsIn(folder).contains(aSession); }, 20000))
        << "the next start took the killed window's session";
    EXPECT_EQ(sessionsIn(folder).size(), 2) << "b's, untouched, and c's with a's work";

    b.process.terminate(); // SIGTERM
    ASSERT_TRUE(b.process.waitForFinished(20000));
    EXPECT_EQ(b.process.exitCode(), 143);
    int closedMarkers = 0;
    for (const QString& s : sessionsIn(folder))
        closedMarkers += QFile::exists(folder + "/" + s + ".closed");
    EXPECT_EQ(closedMarkers, 1) << "SIGTERM saved b's session as closed";
}

#endif

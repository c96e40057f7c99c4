// The command line, run as a user runs it: exit codes, the one-line error, the JSON report,
// exports (a GIF that decodes to the expected number of frames, the trained model), and long
// runs stopped by Ctrl+C or SIGTERM.
#include "core/deep/RandomLayered.h"
#include "core/export/ModelExport.h"
#include "core/scenario/ScenarioFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <gif_lib.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iostream>

#ifndef _WIN32
#include <csignal>
#include <sys/types.h>
#endif

using namespace stepwise;

namespace {

struct ProcessResult {
    int code = -1;
    QString out, err;
};

QProcessEnvironment headlessEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("QT_QPA_PLATFORM"); // the program must manage without a display by itself
    env.remove("DISPLAY");
    return env;
}

ProcessResult finished(QProcess& p) {
    p.waitForFinished(120000);
    ProcessResult r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

ProcessResult stepwiseRun(const QStringList& args) {
    QProcess p;
    p.setProcessEnvironment(headlessEnvironment());
    p.start(STEPWISE_APP, args);
    return finished(p);
}

nlohmann::json readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << path.toStdString();
        return {};
    }
    return nlohmann::json::parse(f.readAll().toStdString());
}

QString example(const char* name) {
    return QString(STEPWISE_SOURCE_DIR) + "/resources/examples/" + name;
}

QString writeScenarioTo(const QTemporaryDir& dir, const char* name, const Scenario& s) {
    const QString path = dir.filePath(name);
    std::string error;
    EXPECT_TRUE(writeScenarioFile(path.toStdString(), s, &error)) << error;
    return path;
}

Scenario sineScenario(double learningRate) {
    Scenario s = defaultScenario();
    s.network = Network(4, {ActivationKind::Sigmoid, 3.0});
    s.network.w << 2, -2, 3, -3;
    s.network.b << 0.5, 0.2, -0.4, 0.1;
    s.network.v << 0.3, -0.2, 0.1, 0.4;
    s.domain.samples = 200;
    s.target.preset = TargetPreset::Sine;
    s.training.optimizer.kind = OptimizerKind::SGD;
    s.training.optimizer.learningRate = learningRate;
    return s;
}

} // namespace

TEST(CommandLine, CheckAcceptsAValidFile) {
    const ProcessResult r = stepwiseRun({"--check", example("added.stepwise")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("valid"));
}

TEST(CommandLine, CheckRefusesABrokenFileWithOneLine) {
    const QString file = QString(STEPWISE_TEST_DATA) + "/broken/hidden-257.stepwise";
    const ProcessResult r = stepwiseRun({"--check", file});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.trimmed().count('\n'), 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith(file)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("network.hidden")) << r.err.toStdString();
}

TEST(CommandLine, ALayeredNetworkIsRefusedByNameNotTrainedAsSomethingElse) {
    QTemporaryDir dir;
    Scenario s = defaultScenario();
    std::mt19937_64 rng(4);
    s.layered = randomLayeredNetwork(
        1, {{4, {ActivationKind::Tanh, 1.0}}, {3, {ActivationKind::ReLU, 1.0}}}, -1.0, 1.0, rng);
    const QString file = writeScenarioTo(dir, "deep.stepwise", s);
    EXPECT_EQ(stepwiseRun({"--check", file}).code, 0) << "a valid version-3 file";
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "10"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("network.layers")) << r.err.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << r.err.toStdString();
}

TEST(CommandLine, MissingFileIsBadInput) {
    const ProcessResult r = stepwiseRun({"--scenario", "/no/such/file.stepwise", "--train", "10"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("/no/such/file.stepwise"));
}

TEST(CommandLine, BadArgumentsAreBadInput) {
    EXPECT_EQ(stepwiseRun({"--scenario", example("added.stepwise"), "--train", "lots"}).code, 2);
    EXPECT_EQ(stepwiseRun({"--scenario", example("added.stepwise"), "--export", "x.bmp"}).code, 2);
    EXPECT_EQ(stepwiseRun({"--train", "10"}).code, 2);
    EXPECT_EQ(stepwiseRun({"--no-such-option"}).code, 2);
    // Training needs a target; the lesson's network alone has none.
    EXPECT_EQ(stepwiseRun({"--scenario", example("added.stepwise"), "--train", "10"}).code, 2);
}

TEST(CommandLine, HelpAndVersion) {
    const ProcessResult help = stepwiseRun({"--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_TRUE(help.out.contains("--scenario"));
    EXPECT_TRUE(help.out.contains("Exit codes"));
    const ProcessResult version = stepwiseRun({"--version"});
    EXPECT_EQ(version.code, 0);
    EXPECT_TRUE(version.out.startsWith("stepwise "));
}

TEST(CommandLine, ReportHoldsStepsLossAndEveryParameter) {
    QTemporaryDir dir;
    const Scenario s = sineScenario(0.5);
    const QString file = writeScenarioTo(dir, "sine.stepwise", s);
    const QString report = dir.filePath("report.json");
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "300", "--report", report});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile f(report);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const auto j = nlohmann::json::parse(f.readAll().toStdString());
    EXPECT_EQ(j["steps"].get<long>(), 300);
    EXPECT_EQ(j["stepsRequested"].get<long>(), 300);
    EXPECT_FALSE(j["interrupted"].get<bool>());
    EXPECT_FALSE(j["diverged"].get<bool>());
    EXPECT_EQ(j["parameters"].size(), static_cast<std::size_t>(paramCount(4)));
    // The same run in the core gives the same loss and weights.
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    Trainer t(s.network, x, sampleTarget(s.target, x, s.domain.lo, s.domain.hi), s.training,
              std::mt19937_64(s.training.seed));
    const TrainReport expected = t.run(300);
    EXPECT_DOUBLE_EQ(j["loss"].get<double>(), expected.loss);
    EXPECT_DOUBLE_EQ(j["parameters"]["w21"].get<double>(), t.network().v[1]);
    EXPECT_DOUBLE_EQ(j["parameters"]["c"].get<double>(), t.network().c);
}

TEST(CommandLine, DivergingRunReportsItWithFiniteWeights) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "wild.stepwise", sineScenario(900.0));
    const QString report = dir.filePath("report.json");
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "500", "--report", report});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile f(report);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const auto j = nlohmann::json::parse(f.readAll().toStdString());
    EXPECT_TRUE(j["diverged"].get<bool>());
    for (const auto& [name, value] : j["parameters"].items())
        EXPECT_TRUE(value.is_number() && std::isfinite(value.get<double>())) << name;
}

TEST(CommandLine, ExportsEveryFormatWithoutADisplay) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenario(0.5));
    for (const char* ext : {"png", "svg", "pdf"}) {
        const QString out = dir.filePath(QString("graph.") + ext);
        const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "50", "--export", out});
        EXPECT_EQ(r.code, 0) << ext << ": " << r.err.toStdString();
        EXPECT_GT(QFile(out).size(), 1000) << ext;
    }
    const ProcessResult bad =
        stepwiseRun({"--scenario", file, "--export", "/no/such/dir/graph.png"});
    EXPECT_EQ(bad.code, 1);
}

TEST(CommandLine, GifDecodesToTheExpectedFrames) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenario(0.5));
    const QString out = dir.filePath("training.gif");
    const ProcessResult r =
        stepwiseRun({"--scenario", file, "--train", "400", "--export", out, "--size", "480x300"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    int err = 0;
    GifFileType* gif = DGifOpenFileName(out.toLocal8Bit().constData(), &err);
    ASSERT_NE(gif, nullptr);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    EXPECT_EQ(gif->ImageCount, 60);
    EXPECT_EQ(gif->SWidth, 480);
    EXPECT_EQ(gif->SHeight, 300);
    DGifCloseFile(gif, &err);
    EXPECT_LT(QFile(out).size(), 5 * 1024 * 1024);
}

namespace {

// The network a run of `steps` steps reaches, computed by the core in this process.
Network trainedInCore(const Scenario& s, long steps) {
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    Trainer t(s.network, x, sampleTarget(s.target, x, s.domain.lo, s.domain.hi), s.training,
              std::mt19937_64(s.training.seed));
    t.run(steps);
    return t.network();
}

void expectParametersAre(const nlohmann::json& parameters, const Network& net,
                         const std::string& where) {
    ASSERT_EQ(parameters.size(), static_cast<std::size_t>(paramCount(net.hidden()))) << where;
    for (int i = 0; i < paramCount(net.hidden()); ++i) {
        const ParamId id = paramAt(i, net.hidden());
        EXPECT_EQ(parameters[paramName(id, net.hidden())].get<double>(), param(net, id))
            << where << ": " << paramName(id, net.hidden());
    }
}

} // namespace

TEST(CommandLine, ExportsTheTrainedModelAsCPythonAndJson) {
    QTemporaryDir dir;
    const Scenario s = sineScenario(0.5);
    const QString file = writeScenarioTo(dir, "sine.stepwise", s);
    const QString c = dir.filePath("model.c"), py = dir.filePath("model.py"),
                  json = dir.filePath("model.json"), report = dir.filePath("report.json");
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "250", "--export", c,
                                         "--export", py, "--export", json, "--report", report});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const Network net = trainedInCore(s, 250);
    ModelNotes notes;
    notes.source = "sine.stepwise";
    notes.domainLo = s.domain.lo;
    notes.domainHi = s.domain.hi;
    notes.steps = 250;
    QFile cFile(c), pyFile(py);
    ASSERT_TRUE(cFile.open(QIODevice::ReadOnly));
    ASSERT_TRUE(pyFile.open(QIODevice::ReadOnly));
    const std::string cText = cFile.readAll().toStdString();
    EXPECT_NE(cText.find("double stepwise_predict(double x)"), std::string::npos);
    EXPECT_EQ(cText, modelC(net, notes)); // the core's network, to the last bit
    EXPECT_EQ(pyFile.readAll().toStdString(), modelPython(net, notes));
    const nlohmann::json model = readJson(json);
    EXPECT_EQ(model["activation"], "sigmoid");
    expectParametersAre(model["parameters"], net, "model.json");
    expectParametersAre(readJson(report)["parameters"], net, "report.json");
}

TEST(CommandLine, ModelExportOfAnUntrainedNetworkAndBadNames) {
    QTemporaryDir dir;
    const QString c = dir.filePath("added.c");
    const ProcessResult r = stepwiseRun({"--scenario", example("added.stepwise"), "--export", c});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const ScenarioResult added = readScenarioFile(example("added.stepwise").toStdString());
    ASSERT_TRUE(added.ok());
    QFile f(c);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_NE(f.readAll().toStdString().find(roundTripNumber(added.scenario->network.v[0])),
              std::string::npos);
    const ProcessResult bad =
        stepwiseRun({"--scenario", example("added.stepwise"), "--export", dir.filePath("m.cpp")});
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.startsWith(dir.filePath("m.cpp"))) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(".json, .py, .c")) << bad.err.toStdString();
    EXPECT_EQ(bad.err.trimmed().count('\n'), 0) << bad.err.toStdString();
    const ProcessResult badSize = stepwiseRun({"--scenario", example("added.stepwise"), "--export",
                                               dir.filePath("g.png"), "--size", "8x8"});
    EXPECT_EQ(badSize.code, 2);
    EXPECT_TRUE(badSize.err.startsWith("--size")) << badSize.err.toStdString();
}

TEST(CommandLine, NoProgressLineWhenStderrIsNotATerminal) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenario(0.5));
    QElapsedTimer clock;
    clock.start();
    // Long enough (over a second) that a terminal would have seen the progress line.
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "400000"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.isEmpty()) << r.err.toStdString() << " after " << clock.elapsed() << " ms";
}

#ifndef _WIN32
namespace {

// Waits until process pid catches sig (Linux shows it in /proc/PID/status, SigCgt), at most
// 30 s; where there is no /proc, waits three seconds. Then gives training a moment to start.
void waitUntilCatching(qint64 pid, int sig) {
    QElapsedTimer clock;
    clock.start();
    const QString status = QStringLiteral("/proc/%1/status").arg(pid);
    if (QFile::exists(status)) {
        while (clock.elapsed() < 30000) {
            QFile f(status);
            if (f.open(QIODevice::ReadOnly)) {
                for (const QByteArray& line : f.readAll().split('\n'))
                    if (line.startsWith("SigCgt:") &&
                        (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (sig - 1)) & 1)
                        return QThread::msleep(800); // and training has begun
            }
            QThread::msleep(20);
        }
        ADD_FAILURE() << "the program never caught signal " << sig;
    } else {
        QThread::msleep(3000);
    }
}

// A run far too long to finish, stopped by sig once it trains.
ProcessResult runStoppedBy(int sig, const QStringList& args) {
    QProcess p;
    p.setProcessEnvironment(headlessEnvironment());
    p.start(STEPWISE_APP, args);
    EXPECT_TRUE(p.waitForStarted(30000));
    waitUntilCatching(p.processId(), sig);
    ::kill(static_cast<pid_t>(p.processId()), sig);
    return finished(p);
}

void expectStoppedCleanly(int sig, int expectedCode) {
    QTemporaryDir dir;
    const Scenario s = sineScenario(0.5);
    const QString file = writeScenarioTo(dir, "sine.stepwise", s);
    const QString report = dir.filePath("report.json"), model = dir.filePath("model.json"),
                  picture = dir.filePath("graph.png");
    const long requested = 1'000'000'000;
    const ProcessResult r =
        runStoppedBy(sig, {"--scenario", file, "--train", QString::number(requested), "--report",
                           report, "--export", model, "--export", picture});
    EXPECT_EQ(r.code, expectedCode) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("interrupted after")) << r.err.toStdString();
    EXPECT_FALSE(r.err.contains('\r')) << "a progress line although stderr is a pipe";
    const nlohmann::json j = readJson(report);
    ASSERT_TRUE(j.is_object());
    EXPECT_TRUE(j["interrupted"].get<bool>());
    const long steps = j["steps"].get<long>();
    EXPECT_GE(steps, 0);
    EXPECT_LT(steps, requested);
    EXPECT_EQ(j["stepsRequested"].get<long>(), requested);
    std::cout << "stopped after " << steps << " steps\n";
    // What was reached is what the core reaches in that many steps, in the report and the model.
    const Network reached = trainedInCore(s, steps);
    expectParametersAre(j["parameters"], reached, "report.json");
    expectParametersAre(readJson(model)["parameters"], reached, "model.json");
    EXPECT_GT(QFile(picture).size(), 1000);
}

} // namespace

TEST(CommandLine, CtrlCStopsALongRunAndWritesWhatWasReached) {
    expectStoppedCleanly(SIGINT, 130);
}

TEST(CommandLine, SigtermStopsALongRunAndWritesWhatWasReached) {
    expectStoppedCleanly(SIGTERM, 143);
}

// On a terminal (a pseudo-terminal from script(1), where present) the progress line is drawn
// in place with the steps, the loss and the time left.
TEST(CommandLine, ProgressLineOnATerminal) {
    const QString script = QStandardPaths::findExecutable("script");
    const QString timeout = QStandardPaths::findExecutable("timeout");
    if (script.isEmpty() || timeout.isEmpty())
        GTEST_SKIP() << "script(1) or timeout(1) is missing: no terminal to try";
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenario(0.5));
    const QString command = QStringLiteral("%1 -s INT 3 %2 --scenario %3 --train 1000000000")
                                .arg(timeout, STEPWISE_APP, file);
    QProcess p;
    p.setProcessEnvironment(headlessEnvironment());
    p.start(script, {"-qec", command, "/dev/null"});
    const ProcessResult r = finished(p);
    EXPECT_TRUE(r.out.contains("\rTraining: ")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(" steps (") && r.out.contains("%), loss ")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(" left")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("interrupted after")) << r.out.toStdString();
}
#endif

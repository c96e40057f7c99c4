// The command line, run as a user runs it: exit codes, the one-line error, the JSON report,
// and exports (a GIF that decodes to the expected number of frames).
#include "core/scenario/ScenarioFile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <gif_lib.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace stepwise;

namespace {

struct ProcessResult {
    int code = -1;
    QString out, err;
};

ProcessResult stepwiseRun(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("QT_QPA_PLATFORM"); // the program must manage without a display by itself
    env.remove("DISPLAY");
    p.setProcessEnvironment(env);
    p.start(STEPWISE_APP, args);
    p.waitForFinished(120000);
    ProcessResult r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
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

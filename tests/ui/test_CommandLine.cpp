// The command line, run as a user runs it: exit codes, the one-line error, the JSON report,
// exports (a GIF that decodes to the expected number of frames, the trained model), and long
// runs stopped by Ctrl+C or SIGTERM.
#include "core/data/DataSet.h"
#include "core/data/PointsReader.h"
#include "core/deep/RandomLayered.h"
#include "core/export/ModelExport.h"
#include "core/lesson/Lesson.h"
#include "core/scenario/ScenarioFile.h"
#include "core/scenario/TargetSurface.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
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

// The same with LeakSanitizer's exit check off in a sanitizer build (elsewhere it changes
// nothing). Started through QProcess, a sanitizer-built stepwise that has printed a PDF has its
// leak checker's own tracer crash at exit (signal 11 inside LeakSanitizer, before any report),
// which turns a good run's exit code into 1; AddressSanitizer and UBSan still check the run.
ProcessResult stepwiseRunWithoutLeakCheck(const QStringList& args) {
    QProcessEnvironment env = headlessEnvironment();
    const QString asan = env.value("ASAN_OPTIONS");
    env.insert("ASAN_OPTIONS", (asan.isEmpty() ? QString() : asan + ":") + "detect_leaks=0");
    QProcess p;
    p.setProcessEnvironment(env);
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

Scenario sineScenarioAt(double learningRate) {
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

// A network of several hidden layers (a version 3 file) trains headless on the general engine,
// reports its layers and exports its model; what this version cannot do with it (pictures,
// several inputs) is refused by name, never done to something else.
TEST(CommandLine, ALayeredNetworkTrainsHeadlessAndExportsItsModel) {
    QTemporaryDir dir;
    Scenario s = defaultScenario();
    s.target.preset = TargetPreset::Sine;
    s.training.optimizer = {OptimizerKind::Adam, 0.01};
    std::mt19937_64 rng(4);
    s.layered = randomLayeredNetwork(
        1, {{8, {ActivationKind::Tanh, 1.0}}, {6, {ActivationKind::Tanh, 1.0}}}, -1.0, 1.0, rng);
    const QString file = writeScenarioTo(dir, "deep.stepwise", s);
    const ProcessResult checked = stepwiseRun({"--check", file});
    EXPECT_EQ(checked.code, 0) << "a valid version-3 file";
    EXPECT_TRUE(checked.out.contains("hidden layers: 8 tanh, 6 tanh")) << checked.out.toStdString();
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    const double before = (evaluateOutput(*s.layered, x.matrix().transpose()) - t).square().mean();

    const QString report = dir.filePath("r.json"), model = dir.filePath("m.json");
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "400", "--report", report,
                                         "--export", model, "--export", dir.filePath("m.py")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const nlohmann::json j = readJson(report);
    EXPECT_EQ(j["steps"], 400);
    EXPECT_LT(j["loss"].get<double>(), before / 2);
    ASSERT_EQ(j["network"]["layers"].size(), 2u);
    EXPECT_EQ(j["network"]["layers"][0]["neurons"], 8);
    EXPECT_EQ(j["network"]["layers"][1]["neurons"], 6);
    // Every parameter by its name: 8·2 + 6·9 + 6 + 1, the layer-2 weight from neuron 8 to
    // neuron 6 among them, as the network holds it.
    EXPECT_EQ(j["parameters"].size(), 77u);
    EXPECT_EQ(j["parameters"]["w2_8_6"].get<double>(),
              j["network"]["layers"][1]["W"][5][7].get<double>());
    EXPECT_TRUE(j["parameters"].contains("w1_8") && j["parameters"].contains("c"));
    EXPECT_EQ(readJson(model)["format"], "stepwise-layered-model");
    EXPECT_TRUE(QFile::exists(dir.filePath("m.py")));

    // Same seed, same run: the file's settings make it reproducible.
    const QString again = dir.filePath("again.json");
    ASSERT_EQ(stepwiseRun({"--scenario", file, "--train", "400", "--report", again}).code, 0);
    EXPECT_EQ(readJson(again)["loss"].get<double>(), j["loss"].get<double>());

    // A picture of a layered network is drawn as the window draws it, and its training as an
    // animation; a picture type Stepwise does not write is refused by name, nothing written.
    const ProcessResult picture =
        stepwiseRun({"--scenario", file, "--export", dir.filePath("g.png")});
    EXPECT_EQ(picture.code, 0) << picture.err.toStdString();
    const QImage drawn(dir.filePath("g.png"));
    ASSERT_FALSE(drawn.isNull());
    EXPECT_EQ(drawn.size(), QSize(1200, 750));
    const ProcessResult gif = stepwiseRun({"--scenario", file, "--train", "200", "--export",
                                           dir.filePath("g.gif"), "--size", "400x250"});
    EXPECT_EQ(gif.code, 0) << gif.err.toStdString();
    int err = 0;
    GifFileType* frames = DGifOpenFileName(dir.filePath("g.gif").toLocal8Bit().constData(), &err);
    ASSERT_NE(frames, nullptr);
    ASSERT_EQ(DGifSlurp(frames), GIF_OK);
    EXPECT_EQ(frames->ImageCount, 60);
    EXPECT_EQ(frames->SWidth, 400);
    EXPECT_EQ(frames->SHeight, 250);
    DGifCloseFile(frames, &err);
    const ProcessResult bmp = stepwiseRun({"--scenario", file, "--export", dir.filePath("g.bmp")});
    EXPECT_EQ(bmp.code, 2);
    EXPECT_TRUE(bmp.err.contains("g.bmp")) << bmp.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("g.bmp")));

    // Three inputs: no target has a form for them yet.
    Scenario three = s;
    std::mt19937_64 rng3(5);
    three.layered = randomLayeredNetwork(3, {{4, {ActivationKind::Tanh, 1.0}}}, -1.0, 1.0, rng3);
    const QString threeFile = writeScenarioTo(dir, "three.stepwise", three);
    const ProcessResult refused = stepwiseRun({"--scenario", threeFile, "--train", "10"});
    EXPECT_EQ(refused.code, 2);
    EXPECT_TRUE(refused.err.contains("network.inputs")) << refused.err.toStdString();
    EXPECT_EQ(refused.err.count('\n'), 1) << refused.err.toStdString();
}

// Two inputs learn the file's target over the plane (Nielsen's tower), on the plane's grid.
TEST(CommandLine, TwoInputsLearnTheTargetOverThePlane) {
    QTemporaryDir dir;
    Scenario s = defaultScenario();
    s.training.optimizer = {OptimizerKind::Adam, 0.02};
    std::mt19937_64 rng(6);
    s.layered = randomLayeredNetwork(2, {{8, {ActivationKind::Sigmoid, 4.0}}}, -1.0, 1.0, rng);
    const QString noTarget = writeScenarioTo(dir, "plain.stepwise", s);
    const ProcessResult none = stepwiseRun({"--scenario", noTarget, "--train", "10"});
    EXPECT_EQ(none.code, 2);
    EXPECT_TRUE(none.err.contains("targetSurface")) << none.err.toStdString();

    s.surface = TargetSurface{};
    s.surface->preset = SurfacePreset::Tower;
    const QString file = writeScenarioTo(dir, "tower.stepwise", s);
    const Eigen::MatrixXd x = planeGrid(s.domain.lo, s.domain.hi);
    const Eigen::ArrayXd t = sampleSurface(*s.surface, x, s.domain.lo, s.domain.hi);
    const double before = (evaluateOutput(*s.layered, x) - t).square().mean();
    const QString report = dir.filePath("r.json");
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", "600", "--report", report,
                                         "--export", dir.filePath("tower.c")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const nlohmann::json j = readJson(report);
    EXPECT_EQ(j["samples"], kSurfaceSide * kSurfaceSide);
    EXPECT_EQ(j["network"]["inputs"], 2);
    EXPECT_LT(j["loss"].get<double>(), before / 2);
    QFile c(dir.filePath("tower.c"));
    ASSERT_TRUE(c.open(QIODevice::ReadOnly));
    EXPECT_TRUE(c.readAll().contains("double stepwise_predict(const double* x)"));
}

// The examples of a deeper network and of two inputs: valid, trained, and drawn (the surface's
// maps over the plane: the output where the tower stands is brighter than in a corner).
TEST(CommandLine, TheLayeredExamplesCheckTrainAndDraw) {
    QTemporaryDir dir;
    for (const char* name : {"deeper-sine", "two-input-tower"}) {
        const QString file =
            QString(STEPWISE_SOURCE_DIR) + "/resources/examples/" + name + ".stepwise";
        EXPECT_EQ(stepwiseRun({"--check", file}).code, 0) << name;
        const QString report = dir.filePath(QString(name) + ".json");
        const QString png = dir.filePath(QString(name) + ".png");
        const ProcessResult r =
            stepwiseRun({"--scenario", file, "--train", "1500", "--report", report, "--export", png,
                         "--export", dir.filePath(QString(name) + ".pdf")});
        ASSERT_EQ(r.code, 0) << name << ": " << r.err.toStdString();
        EXPECT_LT(readJson(report)["loss"].get<double>(), 0.05) << name;
        const QImage image(png);
        ASSERT_FALSE(image.isNull()) << name;
        int dark = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                dark += qGray(image.pixel(x, y)) < 100;
        EXPECT_GT(dark, 300) << name; // drawn, not a blank page
        EXPECT_GT(QFileInfo(dir.filePath(QString(name) + ".pdf")).size(), 1000) << name;
    }
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
    const Scenario s = sineScenarioAt(0.5);
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

TEST(CommandLine, PointsReplaceTheTargetAndTheReportHasTheTestLoss) {
    QTemporaryDir dir;
    const Scenario s = sineScenarioAt(0.05);
    const QString file = writeScenarioTo(dir, "sine.stepwise", s);
    const QString data = QString(STEPWISE_TEST_DATA) + "/points/spring.csv";
    const QString report = dir.filePath("report.json");
    const ProcessResult r = stepwiseRun({"--scenario", file, "--points", data, "--test-fraction",
                                         "0.25", "--train", "200", "--report", report});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const auto j = readJson(report);
    EXPECT_EQ(j["points"].get<long>(), 8);
    EXPECT_EQ(j["trainPoints"].get<long>(), 6);
    EXPECT_EQ(j["testPoints"].get<long>(), 2);
    // The same run in the core: the file's points, split by the file's seed, the domain following
    // them; only the training points learnt.
    Scenario expected = s;
    expected.target = {};
    expected.target.points = *readPointsFile(data.toStdString()).points;
    expected.target.split = {0.25, s.target.split.seed};
    expected.domain = *domainForPoints(expected.target.points, 0.05, s.domain.samples);
    const DataSet d = makeDataSet(expected.target, expected.domain);
    const PointArrays train = toArrays(d.train), test = toArrays(d.test);
    Trainer t(s.network, train.x, train.y, s.training, std::mt19937_64(s.training.seed));
    t.setTestSet(test.x, test.y);
    const TrainReport want = t.run(200);
    ASSERT_TRUE(want.testLoss.has_value());
    EXPECT_DOUBLE_EQ(j["trainLoss"].get<double>(), want.loss);
    EXPECT_DOUBLE_EQ(j["loss"].get<double>(), want.loss);
    EXPECT_DOUBLE_EQ(j["testLoss"].get<double>(), *want.testLoss);
    EXPECT_DOUBLE_EQ(j["parameters"]["c"].get<double>(), t.network().c);
}

TEST(CommandLine, PointsWithoutASplitReportANullTestLoss) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenarioAt(0.05));
    const QString report = dir.filePath("report.json");
    const ProcessResult r =
        stepwiseRun({"--scenario", file, "--points",
                     QString(STEPWISE_TEST_DATA) + "/points/pendulum-semicolon.txt", "--train",
                     "50", "--report", report});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const auto j = readJson(report);
    EXPECT_EQ(j["points"].get<long>(), 6);
    EXPECT_TRUE(j["testLoss"].is_null());
    EXPECT_GT(j["trainLoss"].get<double>(), 0.0);
}

TEST(CommandLine, BadPointsAreBadInputInOneLine) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenarioAt(0.05));
    const QString bad = dir.filePath("bad.csv");
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("x,y\n1,2\n3,four\n5,6\n");
    }
    const QString report = dir.filePath("report.json");
    const ProcessResult r =
        stepwiseRun({"--scenario", file, "--points", bad, "--train", "10", "--report", report});
    EXPECT_EQ(r.code, 2);
    const QString err = r.err.trimmed();
    EXPECT_FALSE(err.contains('\n')) << err.toStdString();
    EXPECT_TRUE(err.contains("bad.csv: line 3, column 2:")) << err.toStdString();
    EXPECT_TRUE(err.contains("not a number")) << err.toStdString();
    EXPECT_FALSE(QFile::exists(report)) << "nothing is written for bad data";
    EXPECT_EQ(stepwiseRun({"--scenario", file, "--points", dir.filePath("none.csv")}).code, 2);
    EXPECT_EQ(stepwiseRun({"--scenario", file, "--test-fraction", "2"}).code, 2);
    EXPECT_EQ(stepwiseRun({"--points", bad}).code, 2) << "--points needs --scenario";
}

TEST(CommandLine, DivergingRunReportsItWithFiniteWeights) {
    QTemporaryDir dir;
    const QString file = writeScenarioTo(dir, "wild.stepwise", sineScenarioAt(900.0));
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
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenarioAt(0.5));
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
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenarioAt(0.5));
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
    const Scenario s = sineScenarioAt(0.5);
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
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenarioAt(0.5));
    QElapsedTimer clock;
    clock.start();
    // Long enough (over a second) that a terminal would have seen the progress line; the
    // sanitizers' builds run about ten times slower, so fewer steps last as long there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    const char* steps = "40000";
#else
    const char* steps = "400000";
#endif
    const ProcessResult r = stepwiseRun({"--scenario", file, "--train", steps});
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
    const Scenario s = sineScenarioAt(0.5);
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
    const QString file = writeScenarioTo(dir, "sine.stepwise", sineScenarioAt(0.5));
    // The shell keeps the terminal open for a second after the app has gone: script(1) may stop
    // reading as soon as its child exits, and the last line (the interruption) would be lost.
    const QString command =
        QStringLiteral("%1 -s INT 3 %2 --scenario %3 --train 1000000000; sleep 1")
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

// The handout: every chapter on a page of its own (at least), rendered by the app; checked by
// counting the PDF's pages with pdfinfo and rendering every page with pdftoppm (poppler-utils,
// which scripts/test installs).
TEST(CommandLine, HandoutWritesAPdfWithAPagePerChapter) {
    QTemporaryDir dir;
    const QString out = dir.filePath("lesson.pdf");
    const ProcessResult r = stepwiseRunWithoutLeakCheck({"--handout", out, "--paper", "a4"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(5).startsWith("%PDF-"));
    f.close();

    QProcess info;
    info.start("pdfinfo", {out});
    ASSERT_TRUE(info.waitForFinished(60000)) << "pdfinfo (poppler-utils) is needed";
    const QString text = QString::fromLocal8Bit(info.readAllStandardOutput());
    const QRegularExpressionMatch pages = QRegularExpression("Pages:\\s+(\\d+)").match(text);
    ASSERT_TRUE(pages.hasMatch()) << text.toStdString();
    const int count = pages.captured(1).toInt();
    EXPECT_GE(count, lessonChapterCount());
    EXPECT_TRUE(text.contains("595.276 x 841.89") || text.contains("595 x 842"))
        << "A4 is 595 × 842 pt\n"
        << text.toStdString();

    QProcess render;
    render.start("pdftoppm", {"-r", "20", "-png", out, dir.filePath("page")});
    ASSERT_TRUE(render.waitForFinished(120000));
    EXPECT_EQ(render.exitCode(), 0);
    const QStringList pngs = QDir(dir.path()).entryList({"page*.png"});
    EXPECT_EQ(pngs.size(), count);
    // Each page has something on it: not a blank white sheet.
    for (const QString& name : pngs) {
        const QImage page(dir.filePath(name));
        ASSERT_FALSE(page.isNull()) << name.toStdString();
        int ink = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                ink += qGray(page.pixel(x, y)) < 160 ? 1 : 0;
        EXPECT_GT(ink, 10) << name.toStdString();
    }
}

TEST(CommandLine, HandoutRefusesBadNamesAndPaperAndKeepsTheOldFile) {
    QTemporaryDir dir;
    ProcessResult r = stepwiseRun({"--handout", dir.filePath("lesson.txt")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("must end in .pdf")) << r.err.toStdString();
    r = stepwiseRun({"--handout", dir.filePath("lesson.pdf"), "--paper", "a3"});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains("--paper")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("lesson.pdf")));
    // A folder that is not there: exit 1 and one line.
    r = stepwiseRun({"--handout", dir.filePath("no/such/folder/lesson.pdf")});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.trimmed().count('\n'), 0) << r.err.toStdString();
    // Letter paper: 612 × 792 pt.
    const QString out = dir.filePath("letter.pdf");
    r = stepwiseRunWithoutLeakCheck({"--handout", out, "--paper", "letter"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QProcess info;
    info.start("pdfinfo", {out});
    ASSERT_TRUE(info.waitForFinished(60000));
    EXPECT_TRUE(QString::fromLocal8Bit(info.readAllStandardOutput()).contains("612 x 792"));
}

#include "app/Headless.h"

#include "app/ProgressLine.h"
#include "app/StopSignals.h"
#include "core/data/DataSet.h"
#include "core/data/PointsReader.h"
#include "core/export/ModelExport.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/base/AppPaths.h"
#include "ui/shell/Exporter.h"
#include "ui/shell/Handout.h"

#include <QCoreApplication>
#include <QLocale>

#include <QElapsedTimer>
#include <QFileInfo>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

namespace stepwise::app {

namespace {
void say(FILE* f, const QString& line) {
    std::fprintf(f, "%s\n", line.toLocal8Bit().constData());
}
} // namespace

int writeHandout(const QString& path, const QString& paper) {
    auto refuse = [](int code, const QString& line) {
        say(stderr, QStringLiteral("stepwise: ") + line);
        return code;
    };
    QPageSize::PageSizeId page = ui::handoutPageFor(QLocale());
    if (paper.compare("a4", Qt::CaseInsensitive) == 0)
        page = QPageSize::A4;
    else if (paper.compare("letter", Qt::CaseInsensitive) == 0)
        page = QPageSize::Letter;
    else if (!paper.isEmpty())
        return refuse(
            kExitBadInput,
            QCoreApplication::translate("main", "--paper: '%1' is not a4 or letter").arg(paper));
    if (!path.endsWith(".pdf", Qt::CaseInsensitive))
        return refuse(
            kExitBadInput,
            QCoreApplication::translate("main", "--handout: '%1' must end in .pdf").arg(path));
    QString error;
    if (ui::writeHandout(path, page, {}, &error) != ui::ExportResult::Written)
        return refuse(kExitFailure, QStringLiteral("%1: %2").arg(path, error));
    return kExitOk;
}

int checkScenario(const QString& file) {
    const ScenarioResult r = readScenarioFile(ui::fsPath(file));
    if (!r.ok()) {
        say(stderr, QString::fromStdString(formatError(file.toStdString(), r.error)));
        return kExitBadInput;
    }
    const Scenario& s = *r.scenario;
    if (beyondTheLessonsNetwork(s)) { // a layered network: its shape, layer by layer
        QStringList layers;
        for (const Layer& l : s.layered->layers)
            layers << QStringLiteral("%1 %2").arg(l.width()).arg(
                QString::fromLatin1(activationName(l.activation.kind).data()));
        const bool target =
            s.layered->inputs == 2 ? s.surface && !s.surface->empty() : !s.target.empty();
        say(stdout,
            QStringLiteral("%1: valid (%2 input(s); hidden layers: %3; %4)")
                .arg(file)
                .arg(s.layered->inputs)
                .arg(layers.join(", "))
                .arg(target ? QStringLiteral("with a target") : QStringLiteral("no target")));
        return kExitOk;
    }
    say(stdout,
        QStringLiteral("%1: valid (%2 hidden neuron(s), %3, %4)")
            .arg(file)
            .arg(s.network.hidden())
            .arg(QString::fromLatin1(activationName(s.network.activation.kind).data()))
            .arg(s.target.empty() ? QStringLiteral("no target") : QStringLiteral("with a target")));
    return kExitOk;
}

namespace {
bool isModel(const QString& path) {
    return modelFormatFor(ui::fsPath(path)).has_value();
}
bool isPicture(const QString& path) {
    return ui::exportFormatFor(path) != ui::ExportFormat::Unknown;
}
} // namespace

int runScenario(const RunRequest& req) {
    StopSignals::install(); // from here on Ctrl+C and SIGTERM stop the run cleanly
    ProgressLine progress;
    const ScenarioResult r = readScenarioFile(ui::fsPath(req.scenario));
    if (!r.ok()) {
        say(stderr, QString::fromStdString(formatError(req.scenario.toStdString(), r.error)));
        return kExitBadInput;
    }
    // A network of several hidden layers trains on the general engine (HeadlessLayered.cpp), on
    // the file's curve or surface.
    if (beyondTheLessonsNetwork(*r.scenario)) {
        if (!req.points.isEmpty()) {
            say(stderr, QStringLiteral("%1: --points: a network of several layers or inputs learns "
                                       "the file's curve or surface in this version of Stepwise")
                            .arg(req.points));
            return kExitBadInput;
        }
        return runLayeredScenario(req, *r.scenario, progress);
    }
    Scenario scenario = *r.scenario;
    if (!req.points.isEmpty()) {
        // The same reader and the same one-line errors as File ▸ Import points in the window.
        const PointsResult pr = readPointsFile(ui::fsPath(req.points));
        if (!pr.ok()) {
            say(stderr, QString::fromStdString(pr.message));
            return kExitBadInput;
        }
        TargetCurve t;
        t.points = *pr.points;
        t.noise = scenario.target.noise;
        t.split = scenario.target.split;
        scenario.target = t;
        if (const auto d = domainForPoints(t.points, 0.05, scenario.domain.samples)) {
            scenario.domain = *d;
            scenario.view = viewForPoints(t.points, *d);
        }
    }
    if (req.testFraction) scenario.target.split.fraction = *req.testFraction;
    bool pictures = false;
    for (const QString& out : req.exports) {
        if (!isModel(out) && !isPicture(out)) {
            say(stderr, QStringLiteral("%1: --export: the name must end in .png, .svg, .pdf, "
                                       ".gif (the graph) or .json, .py, .c (the model)")
                            .arg(out));
            return kExitBadInput;
        }
        pictures = pictures || isPicture(out);
    }
    if (pictures && (req.width < 16 || req.height < 16 || req.width > 8000 || req.height > 8000)) {
        say(stderr, QStringLiteral("--size: %1x%2: each side must be between 16 and 8000 pixels")
                        .arg(req.width)
                        .arg(req.height));
        return kExitBadInput;
    }
    // What the window learns from too (core/data/DataSet.h): the points, or the curve's samples;
    // noise added; the test points held out.
    const DataSet data = makeDataSet(scenario.target, scenario.domain);
    const PointArrays train = toArrays(data.train), test = toArrays(data.test);
    const Eigen::ArrayXd& x = train.x;
    const Eigen::ArrayXd& t = train.y;
    if (req.steps > 0 && t.size() == 0) {
        say(stderr, QStringLiteral("%1: target: there is no target curve or points to train on")
                        .arg(req.scenario));
        return kExitBadInput;
    }

    // Train, polling for a stop request after every step (the trainer's cancel callback).
    QElapsedTimer clock;
    clock.start();
    TrainReport report;
    Network trained = scenario.network;
    if (t.size() > 0) {
        Trainer trainer(scenario.network, x, t, scenario.training,
                        std::mt19937_64(scenario.training.seed));
        trainer.setTestSet(test.x, test.y);
        auto onStep = [&](long done) {
            if (StopSignals::requested() != 0) return false;
            const std::vector<double>& losses = trainer.lossHistory();
            if (!losses.empty()) progress.training(done, req.steps, losses.back());
            // Nothing here reads the history: keep memory flat however long the run.
            if (losses.size() >= 4096) trainer.clearHistory();
            return true;
        };
        report = trainer.run(StopSignals::requested() != 0 ? 0 : req.steps, onStep, 1);
        trained = trainer.network();
    }
    const double seconds = clock.elapsed() / 1000.0;
    progress.finish();
    if (StopSignals::requested() != 0)
        say(stderr, QStringLiteral("%1: interrupted after %L2 of %L3 steps; writing what was "
                                   "reached")
                        .arg(req.scenario)
                        .arg(report.steps)
                        .arg(req.steps));

    // The exports: each of what was reached. A failed one is said and the others still written.
    bool failed = false;
    const bool stoppedInTraining = StopSignals::requested() != 0;
    ModelNotes notes;
    notes.source = QFileInfo(req.scenario).fileName().toStdString();
    notes.domainLo = scenario.domain.lo;
    notes.domainHi = scenario.domain.hi;
    notes.steps = report.steps;
    Scenario reached = scenario;
    reached.network = trained;
    ui::ExportOptions o;
    o.width = req.width;
    o.height = req.height;
    o.projector = req.projector;
    for (const QString& out : req.exports) {
        QString error;
        if (isModel(out)) {
            std::string e;
            if (!writeModelFile(ui::fsPath(out), trained, notes, &e))
                error = QString::fromStdString(e);
        } else if (ui::exportFormatFor(out) == ui::ExportFormat::Gif) {
            // An animation shows the run itself: it trains again from the start, frame by frame,
            // to the steps reached (the same seed gives the same steps). A stop request that
            // comes while it is drawn abandons it.
            auto onFrame = [&](int frame, int frames) {
                progress.stage(QStringLiteral("Drawing %1, frame").arg(QFileInfo(out).fileName()),
                               frame, frames);
                return stoppedInTraining || StopSignals::requested() == 0;
            };
            const ui::ExportResult drawn = ui::exportScenario(scenario, out, report.steps, o,
                                                              onFrame, &error, nullptr, nullptr);
            progress.finish();
            if (drawn == ui::ExportResult::Cancelled) {
                say(stderr, QStringLiteral("%1: not written: the run was interrupted").arg(out));
                continue;
            }
        } else {
            ui::exportScenario(reached, out, 0, o, {}, &error, nullptr, nullptr);
        }
        if (!error.isEmpty()) {
            say(stderr, QStringLiteral("%1: %2").arg(out, error));
            failed = true;
        }
    }

    if (!req.reportPath.isEmpty()) {
        nlohmann::ordered_json j;
        j["scenario"] = req.scenario.toStdString();
        j["steps"] = report.steps;
        j["stepsRequested"] = req.steps;
        j["interrupted"] = StopSignals::requested() != 0;
        j["loss"] = t.size() > 0 ? report.loss : 0.0;
        j["hasTarget"] = t.size() > 0;
        // The mean squared error on the training points (the loss above) and on the test points.
        j["trainLoss"] = t.size() > 0 ? report.loss : 0.0;
        if (report.testLoss)
            j["testLoss"] = *report.testLoss; // as the trainer scored it (annealing: the sigmoid)
        else if (const auto tl = pointsLoss(trained, data.test))
            j["testLoss"] = *tl;
        else
            j["testLoss"] = nullptr;
        j["points"] = data.points.size();
        j["trainPoints"] = data.train.size();
        j["testPoints"] = data.test.size();
        j["stoppedEarly"] = report.stoppedEarly;
        j["diverged"] = report.diverged;
        if (report.diverged) j["reason"] = report.reason;
        j["reachedStopLoss"] = report.reachedStopLoss;
        j["seconds"] = seconds;
        j["activation"] = std::string(activationName(trained.activation.kind));
        j["steepness"] = trained.activation.steepness;
        j["hidden"] = trained.hidden();
        nlohmann::ordered_json params;
        for (int i = 0; i < paramCount(trained.hidden()); ++i) {
            const ParamId id = paramAt(i, trained.hidden());
            params[paramName(id, trained.hidden())] = param(trained, id);
        }
        j["parameters"] = params;
        std::string error;
        if (!writeFileAtomically(ui::fsPath(req.reportPath), j.dump(2) + "\n", &error)) {
            say(stderr,
                QStringLiteral("%1: %2").arg(req.reportPath, QString::fromStdString(error)));
            failed = true;
        }
    }
    return finishRun(req.scenario, report, failed);
}

int finishRun(const QString& scenario, const TrainReport& report, bool failed) {
    if (report.diverged)
        say(stderr,
            QStringLiteral("%1: training diverged (%2); the report holds the last good weights")
                .arg(scenario, QString::fromStdString(report.reason)));
    if (failed) return kExitFailure;
    return StopSignals::requested() != 0 ? StopSignals::exitCode() : kExitOk;
}

} // namespace stepwise::app

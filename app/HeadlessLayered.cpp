// Headless runs of a layered network (a version 3 scenario: more than one hidden layer, core/deep):
// trained by LayeredTrainer with the file's settings, reported, and exported as a model or as a
// picture drawn by the window's layered workspace (the graph over x, or the surface over the
// plane), or the training as an animated GIF. A network of two inputs learns the
// file's targetSurface on the plane's grid (core/scenario/TargetSurface.h); more inputs have no
// target form yet.
#include "app/Headless.h"
#include "app/ProgressLine.h"
#include "app/StopSignals.h"
#include "core/deep/LayeredNames.h"
#include "core/deep/LayeredTrainer.h"
#include "core/export/LayeredModelExport.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/base/AppPaths.h"
#include "ui/base/Palette.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/document/Document.h"
#include "ui/shell/LayeredGif.h"
#include "ui/shell/LayeredWorkspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

namespace stepwise::app {

namespace {

void sayLine(const QString& line) {
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

// A picture the layered workspace writes, or its animation.
bool isLayeredPicture(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == "png" || suffix == "svg" || suffix == "pdf" || suffix == "gif";
}

} // namespace

int runLayeredScenario(const RunRequest& req, const Scenario& scenario, ProgressLine& progress) {
    const LayeredNetwork& net = *scenario.layered;
    if (net.inputs > 2) {
        sayLine(QStringLiteral("%1: network.inputs: %2 inputs; this version of Stepwise trains "
                               "and exports networks of one or two inputs only")
                    .arg(req.scenario)
                    .arg(net.inputs));
        return kExitBadInput;
    }
    for (const QString& out : req.exports)
        if (!modelFormatFor(ui::fsPath(out)) && !isLayeredPicture(out)) {
            sayLine(QStringLiteral("%1: --export: a layered network is exported as a model "
                                   "(.json, .py or .c), a picture (.png, .svg or .pdf) or an "
                                   "animation of its training (.gif)")
                        .arg(out));
            return kExitBadInput;
        }
    // One input: the curve on the domain's grid. Two: the surface on the plane's grid.
    const Domain& d = scenario.domain;
    Eigen::MatrixXd x;
    Eigen::ArrayXd t;
    if (net.inputs == 1) {
        const Eigen::ArrayXd g = grid(d.lo, d.hi, d.samples);
        x = g.matrix().transpose();
        t = sampleTarget(scenario.target, g, d.lo, d.hi);
    } else if (scenario.surface && !scenario.surface->empty()) {
        x = planeGrid(d.lo, d.hi);
        t = sampleSurface(*scenario.surface, x, d.lo, d.hi);
    }
    if (req.steps > 0 && t.size() == 0) {
        sayLine(net.inputs == 1
                    ? QStringLiteral("%1: target: there is no target curve to train on")
                          .arg(req.scenario)
                    : QStringLiteral("%1: targetSurface: there is no target over the plane to "
                                     "train on")
                          .arg(req.scenario));
        return kExitBadInput;
    }

    QElapsedTimer clock;
    clock.start();
    TrainReport report;
    LayeredNetwork trained = net;
    double lossNow = 0.0;
    if (t.size() > 0) {
        // The window's settings (which layers learn included).
        LayeredTrainer trainer(net, x, t, ui::LayeredTrainingController::settingsFrom(scenario),
                               std::mt19937_64(scenario.training.seed));
        if (trainer.problem()) {
            sayLine(QStringLiteral("%1: %2").arg(req.scenario,
                                                 QString::fromStdString(*trainer.problem())));
            return kExitBadInput;
        }
        auto onStep = [&](long done) {
            if (StopSignals::requested() != 0) return false;
            if (!trainer.lossHistory().empty())
                progress.training(done, req.steps, trainer.lossHistory().back());
            return true;
        };
        report = trainer.run(StopSignals::requested() != 0 ? 0 : req.steps, onStep, 1);
        trained = trainer.network();
        lossNow = trainer.loss();
    }
    const double seconds = clock.elapsed() / 1000.0;
    progress.finish();
    if (StopSignals::requested() != 0)
        sayLine(QStringLiteral("%1: interrupted after %L2 of %L3 steps; writing what was reached")
                    .arg(req.scenario)
                    .arg(report.steps)
                    .arg(req.steps));

    bool failed = false;
    ModelNotes notes;
    notes.source = QFileInfo(req.scenario).fileName().toStdString();
    notes.domainLo = d.lo;
    notes.domainHi = d.hi;
    notes.steps = report.steps;
    for (const QString& out : req.exports) {
        if (ui::exportFormatFor(out) == ui::ExportFormat::Gif) {
            // The run itself: trained again from the start, frame by frame, to the steps
            // reached (the same seed gives the same steps). A stop request abandons it.
            const bool stoppedInTraining = StopSignals::requested() != 0;
            ui::ExportOptions o;
            o.width = req.width;
            o.height = req.height;
            o.projector = req.projector;
            auto onFrame = [&](int frame, int frames) {
                progress.stage(QStringLiteral("Drawing %1, frame").arg(QFileInfo(out).fileName()),
                               frame, frames);
                return stoppedInTraining || StopSignals::requested() == 0;
            };
            QString error;
            const ui::ExportResult drawn =
                ui::exportLayeredGif(scenario, out, report.steps, o, onFrame, &error);
            progress.finish();
            if (drawn == ui::ExportResult::Cancelled) {
                sayLine(QStringLiteral("%1: not written: the run was interrupted").arg(out));
            } else if (drawn == ui::ExportResult::Failed) {
                sayLine(QStringLiteral("%1: %2").arg(out, error));
                failed = true;
            }
            continue;
        }
        if (isLayeredPicture(out)) {
            // As the window draws it: the layered workspace's graph, or its surface.
            Scenario shown = scenario;
            shown.layered = trained;
            ui::Document doc;
            doc.replaceScenario(shown);
            ui::LayeredWorkspace workspace(&doc);
            workspace.setPalette(req.projector ? ui::Palette::projector() : ui::Palette::light());
            // Laid out as a window would be, without appearing anywhere.
            workspace.setAttribute(Qt::WA_DontShowOnScreen, true);
            workspace.resize(req.width + 420, req.height + 420);
            workspace.show();
            doc.flush();
            QCoreApplication::processEvents();
            QString error;
            if (!workspace.exportPicture(out, req.width, req.height, &error)) {
                sayLine(QStringLiteral("%1: %2").arg(out, error));
                failed = true;
            }
            continue;
        }
        std::string error;
        if (!writeLayeredModelFile(ui::fsPath(out), trained, notes, &error)) {
            sayLine(QStringLiteral("%1: %2").arg(out, QString::fromStdString(error)));
            failed = true;
        }
    }
    if (!req.reportPath.isEmpty()) {
        nlohmann::ordered_json j;
        j["scenario"] = req.scenario.toStdString();
        j["steps"] = report.steps;
        j["stepsRequested"] = req.steps;
        j["interrupted"] = StopSignals::requested() != 0;
        j["loss"] = lossNow;
        j["hasTarget"] = t.size() > 0;
        j["diverged"] = report.diverged;
        if (report.diverged) j["reason"] = report.reason;
        j["reachedStopLoss"] = report.reachedStopLoss;
        j["seconds"] = seconds;
        j["samples"] = t.size();
        j["network"] = nlohmann::ordered_json::parse(layeredModelJson(trained));
        // Every parameter by the name the window gives it, in ASCII (core/deep/LayeredNames.h).
        nlohmann::ordered_json params;
        const Eigen::VectorXd p = packParams(trained);
        for (long k = 0; k < p.size(); ++k)
            params[layeredParamKey(trained, k)] = p[k];
        j["parameters"] = params;
        std::string error;
        if (!writeFileAtomically(ui::fsPath(req.reportPath), j.dump(2) + "\n", &error)) {
            sayLine(QStringLiteral("%1: %2").arg(req.reportPath, QString::fromStdString(error)));
            failed = true;
        }
    }
    return finishRun(req.scenario, report, failed);
}

} // namespace stepwise::app

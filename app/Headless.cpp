#include "app/Headless.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/shell/Exporter.h"

#include <QElapsedTimer>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>

namespace stepwise::app {

namespace {
std::filesystem::path fsPath(const QString& s) {
    return std::filesystem::path(s.toStdU16String());
}

void say(FILE* f, const QString& line) {
    std::fprintf(f, "%s\n", line.toLocal8Bit().constData());
}
} // namespace

int checkScenario(const QString& file) {
    const ScenarioResult r = readScenarioFile(fsPath(file));
    if (!r.ok()) {
        say(stderr, QString::fromStdString(formatError(file.toStdString(), r.error)));
        return kExitBadInput;
    }
    const Scenario& s = *r.scenario;
    say(stdout,
        QStringLiteral("%1: valid (%2 hidden neuron(s), %3, %4)")
            .arg(file)
            .arg(s.network.hidden())
            .arg(QString::fromLatin1(activationName(s.network.activation.kind).data()))
            .arg(s.target.empty() ? QStringLiteral("no target") : QStringLiteral("with a target")));
    return kExitOk;
}

int runScenario(const RunRequest& req) {
    const ScenarioResult r = readScenarioFile(fsPath(req.scenario));
    if (!r.ok()) {
        say(stderr, QString::fromStdString(formatError(req.scenario.toStdString(), r.error)));
        return kExitBadInput;
    }
    Scenario scenario = *r.scenario;
    if (!req.exportPath.isEmpty() &&
        ui::exportFormatFor(req.exportPath) == ui::ExportFormat::Unknown) {
        say(stderr, QStringLiteral("%1: --export: the name must end in .png, .svg, .pdf or .gif")
                        .arg(req.exportPath));
        return kExitBadInput;
    }
    const Eigen::ArrayXd x = grid(scenario.domain.lo, scenario.domain.hi, scenario.domain.samples);
    const Eigen::ArrayXd t =
        sampleTarget(scenario.target, x, scenario.domain.lo, scenario.domain.hi);
    if (req.steps > 0 && t.size() == 0) {
        say(stderr,
            QStringLiteral("%1: target: there is no target curve to train on").arg(req.scenario));
        return kExitBadInput;
    }

    QElapsedTimer clock;
    clock.start();
    TrainReport report;
    Network trained = scenario.network;
    if (!req.exportPath.isEmpty()) {
        ui::ExportOptions o;
        o.width = req.width;
        o.height = req.height;
        o.projector = req.projector;
        QString error;
        // No progress callback: a headless export is never cancelled, so it is written or failed.
        if (ui::exportScenario(scenario, req.exportPath, req.steps, o, {}, &error, &report,
                               &trained) != ui::ExportResult::Written) {
            say(stderr, QStringLiteral("%1: %2").arg(req.exportPath, error));
            return kExitFailure;
        }
    } else if (t.size() > 0) {
        Trainer trainer(scenario.network, x, t, scenario.training,
                        std::mt19937_64(scenario.training.seed));
        report = trainer.run(req.steps);
        trained = trainer.network();
    }
    const double seconds = clock.elapsed() / 1000.0;

    if (!req.reportPath.isEmpty()) {
        nlohmann::ordered_json j;
        j["scenario"] = req.scenario.toStdString();
        j["steps"] = report.steps;
        j["loss"] = t.size() > 0 ? report.loss : 0.0;
        j["hasTarget"] = t.size() > 0;
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
            params[paramName(id)] = param(trained, id);
        }
        j["parameters"] = params;
        std::string error;
        if (!writeFileAtomically(fsPath(req.reportPath), j.dump(2) + "\n", &error)) {
            say(stderr,
                QStringLiteral("%1: %2").arg(req.reportPath, QString::fromStdString(error)));
            return kExitFailure;
        }
    }
    if (report.diverged)
        say(stderr,
            QStringLiteral("%1: training diverged (%2); the report holds the last good weights")
                .arg(req.scenario, QString::fromStdString(report.reason)));
    return kExitOk;
}

} // namespace stepwise::app

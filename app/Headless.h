// Headless: the command-line modes that need no display — validate a scenario, or load it,
// train it, export its graph and the trained model, and write a JSON report.
//
// A run is stopped cleanly by SIGINT (Ctrl+C) or SIGTERM (app/StopSignals.h): training ends
// after the step in progress, the exports and the report hold what was reached (the report says
// "interrupted": true), and the exit code is 130 or 143.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace stepwise {
struct Scenario;
struct TrainReport;
} // namespace stepwise

namespace stepwise::app {

// Exit codes (also in --help and the man page).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int checkScenario(const QString& file);

struct RunRequest {
    QString scenario;
    long steps = 0;
    QStringList exports; // pictures (.png .svg .pdf .gif) and models (.json .py .c)
    QString reportPath;  // empty = none
    // --points: the scenario's target becomes these measured points (its noise and test split
    // settings stay); the domain follows them. --test-fraction sets the share held out.
    QString points;
    std::optional<double> testFraction;
    int width = 1200, height = 750;
    bool projector = false;
};
int runScenario(const RunRequest& request);
// The same for a scenario whose network has more than one hidden layer (core/deep).
class ProgressLine;
// What every run ends with: the line about a diverged run, then the exit code (1 when an export
// or the report failed; 130 / 143 when a signal stopped the run; else 0).
int finishRun(const QString& scenario, const TrainReport& report, bool failed);
int runLayeredScenario(const RunRequest& request, const stepwise::Scenario& scenario,
                       ProgressLine& progress);

// The lesson as a printable PDF (ui/shell/Handout.h). paper: "a4", "letter" or empty for the
// locale's paper.
int writeHandout(const QString& path, const QString& paper);

} // namespace stepwise::app

// Headless: the command-line modes that need no display — validate a scenario, or load it,
// train it, export its graph and write a JSON report.
#pragma once

#include <QString>

namespace stepwise::app {

// Exit codes (also in --help and the man page).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

int checkScenario(const QString& file);

struct RunRequest {
    QString scenario;
    long steps = 0;
    QString exportPath; // empty = none
    QString reportPath; // empty = none
    int width = 1200, height = 750;
    bool projector = false;
};
int runScenario(const RunRequest& request);

} // namespace stepwise::app

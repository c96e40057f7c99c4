// StopSignals: Ctrl+C (SIGINT) and SIGTERM ask a headless run to stop cleanly.
//
// The handler only records which signal came (in a lock-free atomic, the one thing a signal
// handler may safely touch) and puts the default action back, so a second Ctrl+C ends the
// program at once. The training loop polls requested() between steps through the trainer's
// cancel callback, then the run writes its report and exports and exits with exitCode():
// 128 + the signal's number, 130 for SIGINT and 143 for SIGTERM, as shells report a signal.
#pragma once

namespace stepwise::app {

class StopSignals {
public:
    // Catches SIGINT and SIGTERM from now on (SIGTERM does not exist for consoles on Windows;
    // Ctrl+C does).
    static void install();
    // The signal that asked to stop, or 0 if none came.
    static int requested();
    // 130 for SIGINT, 143 for SIGTERM, 0 when no signal came.
    static int exitCode();
    // Forgets a request (for tests of the run loop in one process).
    static void reset();
};

} // namespace stepwise::app

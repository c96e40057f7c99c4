// QuitSignals: a logout, a shutdown or `kill` (SIGTERM, SIGHUP) ends Stepwise like a quit, not
// like a crash. A signal handler may do almost nothing, so it only writes the signal's number
// into a pipe (the self-pipe trick); a QSocketNotifier on the pipe's other end runs on the
// event loop, where each window saves its session marked closed, releases its lock and closes.
// The session manager's commit-data request (QGuiApplication::commitDataRequest) saves the same
// way (MainWindow). On Windows there is no SIGTERM or SIGHUP to catch: a logout there reaches
// Qt as the session manager's request.
#pragma once

namespace stepwise::ui {

// Installs the handlers once (the GUI's main() calls it after creating the QApplication).
void installQuitSignals();
// The signal that ended the run, 0 if none (for the exit code: 128 + signal).
int quitSignal();

} // namespace stepwise::ui

#include "app/StopSignals.h"

#include <atomic>
#include <csignal>

namespace stepwise::app {

namespace {
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "a signal handler needs a lock-free flag");

extern "C" void onStopSignal(int signal) {
    g_signal.store(signal, std::memory_order_relaxed);
    // The next SIGINT or SIGTERM ends the program at once (signal() is async-signal-safe in
    // POSIX; standard C only allows resetting the signal being handled).
#ifdef _WIN32
    std::signal(signal, SIG_DFL);
#else
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
#endif
}
} // namespace

void StopSignals::install() {
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

int StopSignals::requested() {
    return g_signal.load(std::memory_order_relaxed);
}

int StopSignals::exitCode() {
    switch (requested()) {
    case 0:
        return 0;
    case SIGINT:
        return 130; // 128 + 2 on every platform Stepwise runs on
    case SIGTERM:
        return 143; // 128 + 15
    default:
        return 128 + requested();
    }
}

void StopSignals::reset() {
    g_signal.store(0, std::memory_order_relaxed);
}

} // namespace stepwise::app

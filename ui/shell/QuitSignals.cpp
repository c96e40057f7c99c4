#include "ui/shell/QuitSignals.h"

#include "ui/shell/MainWindow.h"

#include <QApplication>

#ifndef _WIN32
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace stepwise::ui {

namespace {

int lastSignal = 0;

void closeEveryWindow() {
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* window = qobject_cast<MainWindow*>(w))
            window->closeForQuitSignal(); // saves the session marked closed
    QApplication::quit();
}

#ifndef _WIN32
int pipeEnds[2] = {-1, -1};

extern "C" void onQuitSignal(int signal) {
    const unsigned char byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t n = ::write(pipeEnds[0], &byte, 1);
}
#endif

} // namespace

void installQuitSignals() {
#ifndef _WIN32
    if (pipeEnds[0] >= 0) return;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeEnds) != 0) return;
    auto* notifier = new QSocketNotifier(pipeEnds[1], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [notifier] {
        notifier->setEnabled(false);
        unsigned char byte = 0;
        if (::read(pipeEnds[1], &byte, 1) == 1) lastSignal = byte;
        closeEveryWindow();
    });
    struct sigaction action = {};
    action.sa_handler = onQuitSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
#endif
}

int quitSignal() {
    return lastSignal;
}

} // namespace stepwise::ui

// stepwise: opens the window, or runs headless from the command line (see --help).
#include "app/Headless.h"
#include "core/network/KernelSet.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/QuitSignals.h"
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

// Every option of ours runs without a window (and so does a mistyped one, which must fail with
// exit code 2 rather than for want of a display); only Qt's own window options keep the GUI.
bool wantsHeadless(int argc, char** argv) {
    static const char* const qtWindowOptions[] = {"-style",    "-platform",     "-qwindowgeometry",
                                                  "-reverse",  "-stylesheet",   "-display",
                                                  "-geometry", "-qwindowtitle", "-session"};
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-') continue;
        bool qtOption = false;
        for (const char* o : qtWindowOptions)
            if (std::strcmp(argv[i], o) == 0) qtOption = true;
        if (!qtOption) return true;
    }
    return false;
}

// Headless runs promise one clear line on stderr for bad input: keep Qt's own chatter (for
// example about a missing XDG_RUNTIME_DIR) out of it unless asked for.
void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& msg) {
    if (type == QtCriticalMsg || type == QtFatalMsg || qEnvironmentVariableIsSet("STEPWISE_DEBUG"))
        std::fprintf(stderr, "%s\n", msg.toLocal8Bit().constData());
}

int badInput(const QString& message) {
    std::fprintf(stderr, "stepwise: %s\n", message.toLocal8Bit().constData());
    return stepwise::app::kExitBadInput;
}

} // namespace

int main(int argc, char** argv) {
    using namespace stepwise;
    // The headless modes must run without a display: use Qt's offscreen platform for them.
    if (wantsHeadless(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietMessages);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("Stepwise");
    QApplication::setOrganizationName("Stepwise");
    QApplication::setOrganizationDomain("stepwise.github.io");
    QApplication::setApplicationVersion(STEPWISE_VERSION);
    QApplication::setDesktopFileName("io.github.stepwise.Stepwise");
    ui::installTranslations(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Stepwise shows, by dragging and drawing, how neurons network to learn.\n\n"
                "Exit codes: 0 success, 2 bad input (one line on stderr names the file, the\n"
                "field and the problem), 1 anything else.\n\n"
                "A headless run shows its progress on stderr when that is a terminal. Ctrl+C\n"
                "(SIGINT) or SIGTERM stops the training cleanly: the report (marked\n"
                "\"interrupted\": true) and the exports hold what was reached, and the exit\n"
                "code is 130 for SIGINT, 143 for SIGTERM."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        "file",
        QApplication::translate(
            "main", "A scenario (*.stepwise) to open in the window, or a table of points "
                    "(.csv, .tsv, .txt) to import into it."),
        "[FILE]");
    const QCommandLineOption scenario(
        "scenario", QApplication::translate("main", "Run headless: load FILE (no window)."),
        "FILE");
    const QCommandLineOption train(
        "train",
        QApplication::translate("main",
                                "With --scenario: train STEPS steps with the file's settings."),
        "STEPS");
    const QCommandLineOption exportOut(
        "export",
        QApplication::translate(
            "main", "With --scenario: write the graph to OUT (.png, .svg, .pdf, or .gif to "
                    "animate the training), or the trained network as a model to use elsewhere "
                    "(.json; .py, a Python function predict(x) needing NumPy; .c, a C function "
                    "double stepwise_predict(double x) needing <math.h>). May be given more than "
                    "once."),
        "OUT");
    const QCommandLineOption report(
        "report",
        QApplication::translate(
            "main", "With --scenario: write a JSON report (steps, loss, diverged, every parameter; "
                    "trainLoss, testLoss and points)."),
        "OUT.json");
    const QCommandLineOption size(
        "size",
        QApplication::translate("main",
                                "With --export: picture size in pixels (default 1200x750)."),
        "WxH");
    const QCommandLineOption projector(
        "projector", QApplication::translate("main", "With --export: use the projector palette."));
    const QCommandLineOption points(
        "points",
        QApplication::translate(
            "main", "With --scenario: learn DATA.csv's measured points (x, y from CSV or TSV) "
                    "instead of the file's target; the domain follows the points. Bad data is "
                    "bad input (exit 2, one line naming the line and column)."),
        "DATA.csv");
    const QCommandLineOption testFraction(
        "test-fraction",
        QApplication::translate(
            "main", "With --scenario: hold out this share of the points (0 to 0.95) as test "
                    "points, chosen by the file's split seed; the report gives their testLoss."),
        "P");
    const QCommandLineOption check(
        "check", QApplication::translate("main", "Validate FILE and exit."), "FILE");
    const QCommandLineOption handout(
        "handout",
        QApplication::translate("main", "Write the lesson as a printable PDF to OUT.pdf: every "
                                        "chapter's text, tasks, hints and picture."),
        "OUT.pdf");
    const QCommandLineOption paper(
        "paper",
        QApplication::translate("main", "With --handout: a4 or letter (default: the paper of "
                                        "your locale)."),
        "SIZE");
    parser.addOptions({scenario, train, exportOut, report, size, projector, points, testFraction,
                       check, handout, paper});
    if (!parser.parse(QApplication::arguments())) return badInput(parser.errorText());
    if (parser.isSet("help") || parser.isSet("help-all")) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return app::kExitOk;
    }
    if (parser.isSet("version")) {
        std::printf("stepwise %s\n", STEPWISE_VERSION);
        std::string sets; // the compiled loops in use (core/network/KernelSet.h)
        for (const std::string& s : stepwise::availableKernelSets())
            sets += (sets.empty() ? "" : " ") + s;
        std::printf("kernels: %s (available: %s)\n", stepwise::activeKernelSet(), sets.c_str());
        return app::kExitOk;
    }
    if (parser.isSet(check)) return app::checkScenario(parser.value(check));
    if (parser.isSet(handout)) return app::writeHandout(parser.value(handout), parser.value(paper));
    if (parser.isSet(paper))
        return badInput(QApplication::translate("main", "--paper needs --handout OUT.pdf"));
    if (parser.isSet(scenario)) {
        app::RunRequest req;
        req.scenario = parser.value(scenario);
        if (parser.isSet(train)) {
            bool ok = false;
            req.steps = parser.value(train).toLong(&ok);
            if (!ok || req.steps < 0 || req.steps > 1'000'000'000)
                return badInput(QApplication::translate(
                                    "main", "--train: '%1' is not a step count (0 to 1000000000)")
                                    .arg(parser.value(train)));
        }
        req.exports = parser.values(exportOut);
        req.reportPath = parser.value(report);
        if (parser.isSet(size)) {
            const QStringList wh = parser.value(size).split('x');
            bool ok1 = false, ok2 = false;
            if (wh.size() == 2) {
                req.width = wh[0].toInt(&ok1);
                req.height = wh[1].toInt(&ok2);
            }
            if (!ok1 || !ok2)
                return badInput(QApplication::translate("main", "--size: '%1' is not WIDTHxHEIGHT")
                                    .arg(parser.value(size)));
        }
        req.projector = parser.isSet(projector);
        req.points = parser.value(points);
        if (parser.isSet(testFraction)) {
            bool ok = false;
            const double p = parser.value(testFraction).toDouble(&ok);
            if (!ok || !(p >= 0.0 && p <= 0.95))
                return badInput(QApplication::translate(
                                    "main", "--test-fraction: '%1' is not a share from 0 to 0.95")
                                    .arg(parser.value(testFraction)));
            req.testFraction = p;
        }
        return app::runScenario(req);
    }
    for (const QCommandLineOption* o : {&train, &exportOut, &report, &size, &points, &testFraction})
        if (parser.isSet(*o))
            return badInput(QApplication::translate("main", "--%1 needs --scenario FILE")
                                .arg(o->names().first()));

    ui::installQuitSignals(); // SIGTERM, SIGHUP: save every window's session, then quit
    ui::MainWindow window;
    const QStringList files = parser.positionalArguments();
    window.startSession(files.isEmpty() ? QString() : files.first());
    window.show();
    const int code = app.exec();
    return ui::quitSignal() ? 128 + ui::quitSignal() : code;
}

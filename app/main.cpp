// stepwise: opens the window (or, later, runs headless from the command line).
#include "ui/MainWindow.h"

#include <QApplication>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Stepwise");
    QApplication::setOrganizationName("Stepwise");
    QApplication::setApplicationVersion(STEPWISE_VERSION);
    stepwise::ui::MainWindow w;
    w.show();
    return app.exec();
}

// Runs the UI tests on real widgets; QT_QPA_PLATFORM=offscreen needs no display.
#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // ctest runs test processes side by side: each gets a home of its own, so settings,
    // autosaves and recent files never leak between them (nor into the user's own).
    static QTemporaryDir home;
    if (home.isValid()) {
        qputenv("HOME", home.path().toLocal8Bit());
        qunsetenv("XDG_CONFIG_HOME");
        qunsetenv("XDG_DATA_HOME");
        qunsetenv("XDG_CACHE_HOME");
    }
    QStandardPaths::setTestModeEnabled(true); // QSettings and data files go to a test location
    QApplication app(argc, argv);
    QApplication::setOrganizationName("StepwiseTests");
    QApplication::setApplicationName("StepwiseTests");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

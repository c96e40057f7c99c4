// Runs the UI tests on real widgets; QT_QPA_PLATFORM=offscreen needs no display.
#include <QApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // QSettings and data files go to a test location
    QApplication app(argc, argv);
    QApplication::setOrganizationName("StepwiseTests");
    QApplication::setApplicationName("StepwiseTests");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

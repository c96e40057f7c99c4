// Preferences: stored in QSettings, shown in the dialog, and applied to the window.
#include "ui/base/Preferences.h"
#include "ui/document/Document.h"
#include "ui/files/FileController.h"
#include "ui/graph/GraphView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <gtest/gtest.h>

using namespace stepwise;
using namespace stepwise::ui;

namespace {
// Each test starts from no stored preferences and leaves none behind.
struct PreferencesTest : ::testing::Test {
    void SetUp() override { clear(); }
    void TearDown() override {
        clear();
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
    static void clear() {
        QSettings s;
        s.remove("preferences");
        s.remove("session/autosave");
    }
};

QPalette darkDesktop() {
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    return p;
}

Preferences somePreferences() {
    Preferences p;
    p.theme = Preferences::Theme::Projector;
    p.lineWidth = 1.75;
    p.samples = 400;
    p.activation = ActivationKind::Sigmoid;
    p.autosave = false;
    return p;
}
} // namespace

TEST_F(PreferencesTest, DefaultsFollowTheSystemAndAutosave) {
    const Preferences p = Preferences::load();
    EXPECT_EQ(p.theme, Preferences::Theme::System);
    EXPECT_EQ(p.lineWidth, 1.0);
    EXPECT_EQ(p.samples, kDefaultSamples);
    EXPECT_EQ(p.activation, ActivationKind::Step);
    EXPECT_TRUE(p.autosave);
}

TEST_F(PreferencesTest, RoundTripThroughSettings) {
    somePreferences().save();
    EXPECT_EQ(Preferences::load(), somePreferences());
}

TEST_F(PreferencesTest, OutOfRangeValuesFallBackToDefaults) {
    QSettings s;
    s.setValue("preferences/palette", "purple");
    s.setValue("preferences/lineWidth", 1e9);
    s.setValue("preferences/samples", -5);
    s.setValue("preferences/activation", "banana");
    EXPECT_EQ(Preferences::load(), Preferences{});
}

TEST_F(PreferencesTest, DarkDesktopPaletteIsRecognised) {
    EXPECT_TRUE(isDarkPalette(darkDesktop()));
    EXPECT_FALSE(isDarkPalette(QApplication::style()->standardPalette()));
    Preferences p;
    EXPECT_EQ(p.palette(darkDesktop()).background, Palette::dark().background);
    EXPECT_EQ(p.palette(QApplication::style()->standardPalette()).background,
              Palette::light().background);
}

TEST_F(PreferencesTest, LineWidthScalesEveryPalette) {
    Preferences p;
    p.lineWidth = 2.5;
    EXPECT_DOUBLE_EQ(p.palette(QPalette()).lineScale, 2.5 * Palette::light().lineScale);
    p.theme = Preferences::Theme::Projector;
    EXPECT_DOUBLE_EQ(p.palette(QPalette()).lineScale, 2.5 * Palette::projector().lineScale);
}

TEST_F(PreferencesTest, DialogShowsAndReturnsTheSameValues) {
    PreferencesDialog dialog(somePreferences());
    EXPECT_EQ(dialog.preferences(), somePreferences());
    dialog.setPreferences(Preferences{});
    EXPECT_EQ(dialog.preferences(), Preferences{});
}

TEST_F(PreferencesTest, NewScenarioTakesActivationAndSamples) {
    somePreferences().save();
    MainWindow w;
    w.files()->newScenario();
    EXPECT_EQ(w.document()->network().activation.kind, ActivationKind::Sigmoid);
    EXPECT_EQ(w.document()->scenario().domain.samples, 400);
}

TEST_F(PreferencesTest, ApplyingSetsPaletteAutosaveAndOnlyThenSamples) {
    MainWindow w;
    const int before = w.document()->scenario().domain.samples;
    const Preferences p = somePreferences();
    w.applyPreferences(p);
    EXPECT_DOUBLE_EQ(w.graph()->palette().lineScale, 1.75 * Palette::projector().lineScale);
    EXPECT_FALSE(w.files()->autosaveEnabled());
    EXPECT_EQ(w.document()->scenario().domain.samples, before); // not at start-up
    w.applyPreferences(p, true);
    EXPECT_EQ(w.document()->scenario().domain.samples, 400);
}

TEST_F(PreferencesTest, SystemThemeFollowsTheDesktopWhenItChanges) {
    MainWindow w;
    w.applyPreferences(Preferences{});
    EXPECT_EQ(w.graph()->palette().background, Palette::light().background);
    QApplication::setPalette(darkDesktop());
    EXPECT_EQ(w.graph()->palette().background, Palette::dark().background);
}

TEST_F(PreferencesTest, ExplicitDarkDarkensTheWidgetsToo) {
    MainWindow w;
    Preferences p;
    p.theme = Preferences::Theme::Dark;
    w.applyPreferences(p);
    EXPECT_TRUE(isDarkPalette(QApplication::palette()));
    EXPECT_EQ(w.graph()->palette().background, Palette::dark().background);
    w.applyPreferences(Preferences{}); // back to the system: the desktop's palette returns
    EXPECT_FALSE(isDarkPalette(QApplication::palette()));
}

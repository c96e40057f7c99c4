// The Help menu and the About dialog: what a teacher checks before installing on a class set.
#include "core/network/KernelSet.h"
#include "ui/base/AppPaths.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/HelpMenu.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <gtest/gtest.h>

using namespace stepwise::ui;

namespace {
QString labelText(const QWidget& w, const char* name) {
    auto* l = w.findChild<QLabel*>(name);
    return l ? l->text() : QString();
}
} // namespace

TEST(AboutDialog, ShowsVersionLicenceAndKernels) {
    const QString saved = QApplication::applicationVersion();
    QApplication::setApplicationVersion("9.8.7");
    AboutDialog about;
    EXPECT_TRUE(labelText(about, "aboutTitle").contains("9.8.7"));
    EXPECT_TRUE(labelText(about, "aboutLicence").contains("General Public License"));
    // The set the dispatcher picked, and every set this CPU could run.
    const QString kernels = labelText(about, "aboutKernels");
    EXPECT_TRUE(kernels.startsWith(QString("kernels: ") + stepwise::activeKernelSet()))
        << kernels.toStdString();
    EXPECT_TRUE(kernels.contains("baseline")) << kernels.toStdString();
    EXPECT_FALSE(labelText(about, "aboutHow").isEmpty());
    QApplication::setApplicationVersion(saved);
}

TEST(AboutDialog, SaysDevelopmentBuildWithoutAVersion) {
    const QString saved = QApplication::applicationVersion();
    QApplication::setApplicationVersion(QString());
    EXPECT_EQ(AboutDialog::versionText(), "development build");
    QApplication::setApplicationVersion(saved);
}

TEST(HelpMenu, IsLastWithGuideAboutAndAboutQt) {
    MainWindow w;
    const QList<QAction*> menus = w.menuBar()->actions();
    ASSERT_FALSE(menus.isEmpty());
    QMenu* help = menus.last()->menu();
    ASSERT_NE(help, nullptr);
    EXPECT_EQ(help->objectName(), "helpMenu");
    QStringList texts;
    for (QAction* a : help->actions())
        if (!a->isSeparator()) texts << a->text();
    EXPECT_EQ(texts, (QStringList{"User &guide", "&About Stepwise", "About &Qt"}));
    EXPECT_FALSE(w.windowIcon().isNull());
}

TEST(HelpMenu, AppIconIsCompiledIn) {
    EXPECT_TRUE(QFileInfo::exists(appIconPath()));
}

TEST(HelpMenu, FindsTheGuideInTheSourceTree) {
    // The test binary lives in a build folder inside the source tree, as in development.
    if (!QFileInfo::exists(STEPWISE_SOURCE_DIR "/docs/user-guide.md"))
        GTEST_SKIP() << "docs/user-guide.md not written yet";
    const QString path = userGuidePath();
    ASSERT_FALSE(path.isEmpty());
    EXPECT_TRUE(path.endsWith("user-guide.md"));
}

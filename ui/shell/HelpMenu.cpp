#include "ui/shell/HelpMenu.h"

#include "ui/base/AppPaths.h"
#include "ui/shell/AboutDialog.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUrl>

namespace stepwise::ui {

namespace {
// Gives the free functions below a translation context of their own.
struct HelpMenu {
    Q_DECLARE_TR_FUNCTIONS(HelpMenu)
};
const char* const kGuideOnline =
    "https://github.com/stepwise/stepwise/blob/main/docs/user-guide.md";
} // namespace

QMenu* addHelpMenu(QMainWindow* window) {
    QMenu* help = window->menuBar()->addMenu(HelpMenu::tr("&Help"));
    help->setObjectName("helpMenu");
    QAction* guide = help->addAction(HelpMenu::tr("User &guide"), window, [window] {
        const QString path = userGuidePath();
        const QUrl url = path.isEmpty() ? QUrl(kGuideOnline) : QUrl::fromLocalFile(path);
        if (!QDesktopServices::openUrl(url))
            QMessageBox::information(window, HelpMenu::tr("User guide"),
                                     HelpMenu::tr("No program here opens %1. The guide is a "
                                                  "Markdown text file; open it in any editor.")
                                         .arg(url.toDisplayString()));
    });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName("userGuideAction");
    help->addSeparator();
    QAction* about = help->addAction(HelpMenu::tr("&About Stepwise"), window, [window] {
        AboutDialog dialog(window);
        dialog.exec();
    });
    about->setObjectName("aboutAction");
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(HelpMenu::tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    return help;
}

} // namespace stepwise::ui

// HelpMenu: the Help menu (user guide, About Stepwise, About Qt) and where the user guide is
// found: installed under share/doc/stepwise, or in the docs folder of a source checkout.
#pragma once

#include <QString>

class QMainWindow;
class QMenu;

namespace stepwise::ui {

// Adds Help to the window's menu bar and returns it.
QMenu* addHelpMenu(QMainWindow* window);

// The user guide to open: the first of the installed copy (XDG data dirs, then the prefix the
// binary runs from) and docs/user-guide.md in a folder above the binary (a build tree inside
// the source tree). Empty when none exists.
QString userGuidePath();

// The icon of the app, for the window and the About dialog.
QString appIconPath();

} // namespace stepwise::ui

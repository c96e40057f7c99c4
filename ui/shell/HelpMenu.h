// HelpMenu: the Help menu (user guide, About Stepwise, About Qt).
#pragma once

#include <QString>

class QMainWindow;
class QMenu;

namespace stepwise::ui {

// Adds Help to the window's menu bar and returns it.
QMenu* addHelpMenu(QMainWindow* window);

} // namespace stepwise::ui

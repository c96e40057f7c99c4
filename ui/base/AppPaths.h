// AppPaths: where the program finds what it ships beside itself: the user guide (installed
// under share/doc/stepwise, or in the docs folder of a source checkout) and its icon.
#pragma once

#include <QString>

namespace stepwise::ui {

// The user guide to open: the first of the installed copy (XDG data dirs, then the prefix the
// binary runs from) and docs/user-guide.md in a folder above the binary (a build tree inside
// the source tree). Empty when none exists.
QString userGuidePath();

// The icon of the app, for the window and the About dialog.
QString appIconPath();

} // namespace stepwise::ui

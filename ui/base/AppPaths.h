// AppPaths: where the program finds what it ships beside itself: the user guide (installed
// under share/doc/stepwise, or in the docs folder of a source checkout) and its icon.
#pragma once

#include <QString>

#include <filesystem>

namespace stepwise::ui {

// The user guide to open: the first of the installed copy (XDG data dirs, then the prefix the
// binary runs from) and docs/user-guide.md in a folder above the binary (a build tree inside
// the source tree). Empty when none exists.
QString userGuidePath();

// The icon of the app, for the window and the About dialog.
QString appIconPath();

// A file name from Qt as the standard library's path, without a round trip through the local
// 8-bit encoding (a name with characters outside it stays whole on every system).
inline std::filesystem::path fsPath(const QString& s) {
    return std::filesystem::path(s.toStdU16String());
}

} // namespace stepwise::ui

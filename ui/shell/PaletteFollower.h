// PaletteFollower: puts a theme's widget palette on the application (a dark one for an explicit
// Dark choice, the desktop's own otherwise) and, while the theme is System, keeps a window's
// views in step with the desktop palette when the desktop changes it.
#pragma once

#include "ui/base/Palette.h"
#include "ui/base/Preferences.h"

#include <QObject>
#include <QPalette>

#include <functional>

namespace stepwise::ui {

class PaletteFollower : public QObject {
public:
    // `views` receives the palette the views draw with, at once and after each desktop change.
    using ViewPalette = std::function<void(const Palette&)>;
    PaletteFollower(QObject* owner, ViewPalette views);

    void apply(const Preferences& prefs);

protected:
    bool eventFilter(QObject* obj, QEvent* e) override;

private:
    ViewPalette views_;
    QPalette desktop_; // the desktop's own palette, restored when an explicit choice is left
    Preferences prefs_;
    bool overridden_ = false;
    bool applying_ = false;
};

} // namespace stepwise::ui

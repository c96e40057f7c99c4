// PreferencesDialog: edits the Preferences (palette, line width, samples, the activation of
// new networks, autosave). OK saves them to QSettings and applies them to the window.
#pragma once

#include "ui/Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace stepwise::ui {

class MainWindow;

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& prefs, QWidget* parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences& prefs);

    // Shows the dialog for `window`; on OK saves and applies what was chosen.
    static void editFor(MainWindow* window);

private:
    QComboBox* theme_;
    QDoubleSpinBox* lineWidth_;
    QSpinBox* samples_;
    QComboBox* activation_;
    QCheckBox* autosave_;
};

} // namespace stepwise::ui

// PreferencesDialog: edits the Preferences (palette, line width, samples, the activation of
// new networks, autosave). OK saves them to QSettings and applies them to the window.
#pragma once

#include "ui/base/Preferences.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace stepwise::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& prefs, QWidget* parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences& prefs);

    // Shows the dialog; on OK saves and returns the new preferences (the caller applies them).
    static std::optional<Preferences> edit(QWidget* parent);

private:
    QComboBox* theme_;
    QDoubleSpinBox* lineWidth_;
    QSpinBox* samples_;
    QComboBox* activation_;
    QCheckBox* autosave_;
};

} // namespace stepwise::ui

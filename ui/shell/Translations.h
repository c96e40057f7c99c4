// Translations: loads the user's language for Qt's own texts (qtbase_<lang>.qm, from the Qt
// installation) and for Stepwise's (stepwise_<lang>.qm, compiled in under :/i18n).
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace stepwise::ui {

// Installs translators for `locale` on `app` (call before creating windows). Returns the
// languages found for Stepwise itself, empty when it runs in English, its source language.
QStringList installTranslations(QCoreApplication* app, const QLocale& locale = QLocale());

// The languages compiled into the program, e.g. {"en", "de"}.
QStringList availableLanguages();

} // namespace stepwise::ui

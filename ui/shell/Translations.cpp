#include "ui/shell/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace stepwise::ui {

QStringList availableLanguages() {
    QStringList langs;
    const QStringList files = QDir(":/i18n").entryList({"stepwise_*.qm"}, QDir::Files);
    for (const QString& f : files)
        langs << f.mid(int(qstrlen("stepwise_")), f.size() - int(qstrlen("stepwise_.qm")));
    return langs;
}

QStringList installTranslations(QCoreApplication* app, const QLocale& locale) {
    auto* qt = new QTranslator(app);
    if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    QStringList found;
    auto* own = new QTranslator(app);
    if (own->load(locale, "stepwise", "_", ":/i18n") && !own->isEmpty()) {
        QCoreApplication::installTranslator(own);
        found << own->language();
    } else {
        delete own;
    }
    return found;
}

} // namespace stepwise::ui

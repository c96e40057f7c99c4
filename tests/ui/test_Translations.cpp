// Translations: the English catalogue is compiled in, and English needs no translator.
#include "ui/shell/Translations.h"

#include <QApplication>
#include <QDir>
#include <gtest/gtest.h>

using namespace stepwise::ui;

TEST(Translations, EveryCatalogueInTheSourceTreeIsCompiledIn) {
    if (!QDir(":/i18n").exists()) GTEST_SKIP() << "built without Qt6LinguistTools";
    const QStringList ts = QDir(STEPWISE_SOURCE_DIR "/translations")
                               .entryList({"stepwise_*.ts"}, QDir::Files, QDir::Name);
    QStringList expected;
    for (const QString& f : ts)
        expected << f.mid(9, f.size() - 12);
    QStringList got = availableLanguages();
    got.sort();
    EXPECT_EQ(got, expected);
    EXPECT_TRUE(got.contains("en"));
}

TEST(Translations, EnglishRunsOnTheSourceStrings) {
    QCoreApplication* app = QCoreApplication::instance();
    EXPECT_TRUE(installTranslations(app, QLocale(QLocale::English)).isEmpty());
    EXPECT_EQ(
        QCoreApplication::translate("stepwise::ui::AboutDialog", "kernels: %1 (available: %2)"),
        "kernels: %1 (available: %2)");
}

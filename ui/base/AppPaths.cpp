#include "ui/base/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace stepwise::ui {

QString appIconPath() {
    return QStringLiteral(":/icons/io.github.stepwise.Stepwise.svg");
}

QString userGuidePath() {
    const QString installed =
        QStandardPaths::locate(QStandardPaths::GenericDataLocation, "doc/stepwise/user-guide.md");
    if (!installed.isEmpty()) return installed;
    QDir dir(QCoreApplication::applicationDirPath());
    const QString prefixed = dir.absoluteFilePath("../share/doc/stepwise/user-guide.md");
    if (QFileInfo::exists(prefixed)) return QFileInfo(prefixed).canonicalFilePath();
    for (int up = 0; up < 4; ++up) {
        const QString candidate = dir.absoluteFilePath("docs/user-guide.md");
        if (QFileInfo::exists(candidate)) return QFileInfo(candidate).canonicalFilePath();
        if (!dir.cdUp()) break;
    }
    return {};
}

} // namespace stepwise::ui

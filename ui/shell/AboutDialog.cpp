#include "ui/shell/AboutDialog.h"

#include "core/network/KernelSet.h"

#include "ui/base/AppPaths.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace stepwise::ui {

QString AboutDialog::versionText() {
    const QString v = QApplication::applicationVersion();
    return v.isEmpty() ? tr("development build") : tr("version %1").arg(v);
}

QString AboutDialog::kernelText() {
    QStringList available;
    for (const std::string& k : availableKernelSets())
        available << QString::fromStdString(k);
    return tr("kernels: %1 (available: %2)")
        .arg(QString::fromLatin1(activeKernelSet()), available.join(' '));
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName("aboutDialog");
    setWindowTitle(tr("About Stepwise"));

    auto* icon = new QLabel(this);
    const int side = fontMetrics().height() * 5; // scales with the font and the screen
    icon->setPixmap(QIcon(appIconPath()).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Stepwise icon"));

    auto* title =
        new QLabel(tr("<h2>Stepwise</h2><p>%1 · Qt %2</p>")
                       .arg(versionText().toHtmlEscaped(), QString::fromLatin1(qVersion())),
                   this);
    title->setObjectName("aboutTitle");
    auto* how = new QLabel(
        tr("<p>See how neurons network to learn.</p>"
           "<p>Each hidden neuron answers with a step placed where w·x&nbsp;+&nbsp;b crosses zero; "
           "the "
           "network's output is the weighted sum of those steps, and training nudges every "
           "weight and bias downhill on the error until the sum traces the target.</p>"),
        this);
    how->setObjectName("aboutHow");
    kernels_ = new QLabel(kernelText(), this);
    kernels_->setObjectName("aboutKernels");
    kernels_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* licence = new QLabel(
        tr("<p>Stepwise is free software: you may share and change it under the terms of the "
           "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License, "
           "version 3 or later</a>. It comes with no warranty.</p>"
           "<p>It is built on Qt (LGPL-3.0), QCustomPlot (GPL-3.0), Eigen (MPL-2.0) and "
           "nlohmann/json (MIT).</p>"),
        this);
    licence->setObjectName("aboutLicence");
    licence->setOpenExternalLinks(true);
    for (QLabel* l : {title, how, licence}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
    }
    how->setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(how);
    text->addWidget(kernels_);
    text->addWidget(licence);
    text->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace stepwise::ui

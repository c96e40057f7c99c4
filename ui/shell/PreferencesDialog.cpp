#include "ui/shell/PreferencesDialog.h"

#include "ui/base/ActivationLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace stepwise::ui {

PreferencesDialog::PreferencesDialog(const Preferences& prefs, QWidget* parent) : QDialog(parent) {
    setObjectName("preferencesDialog");
    setWindowTitle(tr("Preferences"));

    theme_ = new QComboBox(this);
    theme_->setObjectName("prefPalette");
    theme_->addItem(tr("Follow the system"), int(Preferences::Theme::System));
    theme_->addItem(tr("Light"), int(Preferences::Theme::Light));
    theme_->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    theme_->addItem(tr("Projector (high contrast, thick lines)"),
                    int(Preferences::Theme::Projector));
    theme_->setAccessibleName(tr("Palette"));
    theme_->setAccessibleDescription(
        tr("The colours of the graph and the diagram; the system choice follows the desktop's "
           "light or dark setting."));

    lineWidth_ = new QDoubleSpinBox(this);
    lineWidth_->setObjectName("prefLineWidth");
    lineWidth_->setRange(Preferences::kMinLineWidth, Preferences::kMaxLineWidth);
    lineWidth_->setSingleStep(0.25);
    lineWidth_->setDecimals(2);
    lineWidth_->setSuffix(tr(" ×"));
    lineWidth_->setAccessibleName(tr("Line width"));
    lineWidth_->setAccessibleDescription(
        tr("Multiplies the width of every curve and edge; larger reads better from afar."));

    samples_ = new QSpinBox(this);
    samples_->setObjectName("prefSamples");
    samples_->setRange(Preferences::kMinSamples, Preferences::kMaxPreferredSamples);
    samples_->setSingleStep(100);
    samples_->setAccessibleName(tr("Number of samples"));
    samples_->setAccessibleDescription(
        tr("How many points along x the curves are computed at and the loss is averaged over. "
           "Applies to the open scenario and to new ones."));

    activation_ = new QComboBox(this);
    activation_->setObjectName("prefActivation");
    for (ActivationKind k : menuActivations())
        activation_->addItem(activationLabel(k), int(k));
    activation_->setAccessibleName(tr("Activation of new networks"));
    activation_->setAccessibleDescription(
        tr("The activation a new scenario (File, New) starts with."));

    autosave_ = new QCheckBox(tr("&Save my work automatically and restore it at start"), this);
    autosave_->setObjectName("prefAutosave");
    autosave_->setAccessibleDescription(
        tr("Keeps a copy of the open scenario a few seconds after each change, and brings it "
           "back when Stepwise starts again."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Palette:"), theme_);
    form->addRow(tr("&Line width:"), lineWidth_);
    form->addRow(tr("&Number of samples:"), samples_);
    form->addRow(tr("&Activation of new networks:"), activation_);
    form->addRow(autosave_);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setPreferences(Preferences{}); });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setPreferences(prefs);
}

void PreferencesDialog::setPreferences(const Preferences& p) {
    theme_->setCurrentIndex(std::max(0, theme_->findData(int(p.theme))));
    lineWidth_->setValue(p.lineWidth);
    samples_->setValue(p.samples);
    activation_->setCurrentIndex(std::max(0, activation_->findData(int(p.activation))));
    autosave_->setChecked(p.autosave);
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.theme = static_cast<Preferences::Theme>(theme_->currentData().toInt());
    p.lineWidth = lineWidth_->value();
    p.samples = samples_->value();
    p.activation = static_cast<ActivationKind>(activation_->currentData().toInt());
    p.autosave = autosave_->isChecked();
    return p;
}

std::optional<Preferences> PreferencesDialog::edit(QWidget* parent) {
    PreferencesDialog dialog(Preferences::load(), parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    const Preferences p = dialog.preferences();
    p.save();
    return p;
}

} // namespace stepwise::ui

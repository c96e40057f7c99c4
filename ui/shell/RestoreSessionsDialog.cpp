#include "ui/shell/RestoreSessionsDialog.h"

#include "ui/document/Document.h"
#include "ui/graph/GraphView.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {

namespace {

QPixmap thumbnail(const Scenario& s) {
    Document doc;
    doc.replaceScenario(s);
    GraphView graph(&doc);
    graph.setPalette(Palette::light());
    graph.setStepHandlesAllowed(false);
    graph.resize(320, 200);
    doc.flush();
    graph.layOutFor(320, 200);
    graph.replotNow();
    return graph.toPixmap(320, 200).scaled(160, 100, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

RestoreSessionsDialog::RestoreSessionsDialog(const std::vector<LeftSession>& left, QWidget* parent)
    : QDialog(parent) {
    setObjectName("restoreSessionsDialog");
    setWindowTitle(tr("Restore your work"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(
        tr("Stepwise found the work of %1 windows that are no longer open. Tick what to "
           "restore: each opens in a window of its own. What is not ticked is discarded.")
            .arg(left.size()),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    list_ = new QListWidget(this);
    list_->setIconSize(QSize(160, 100));
    list_->setAccessibleName(tr("Sessions left"));
    const QLocale locale;
    for (const LeftSession& s : left) {
        auto* item = new QListWidgetItem(
            QIcon(thumbnail(s.scenario)),
            tr("%1\n%2 · hidden neurons: %3")
                .arg(locale.toString(s.saved, QLocale::LongFormat),
                     s.closed ? tr("closed normally") : tr("did not close properly"))
                .arg(s.scenario.network.hidden()),
            list_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    layout->addWidget(list_);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* restore = buttons->addButton(tr("&Restore the ticked, discard the rest"),
                                              QDialogButtonBox::AcceptRole);
    restore->setDefault(true);
    buttons->addButton(tr("Restore &all"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 420);
}

std::vector<int> RestoreSessionsDialog::chosen() const {
    std::vector<int> out;
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->checkState() == Qt::Checked) out.push_back(i);
    return out;
}

void RestoreSessionsDialog::setChosen(const std::vector<int>& indices) {
    for (int i = 0; i < list_->count(); ++i)
        list_->item(i)->setCheckState(std::find(indices.begin(), indices.end(), i) != indices.end()
                                          ? Qt::Checked
                                          : Qt::Unchecked);
}

std::vector<int> RestoreSessionsDialog::choose(const std::vector<LeftSession>& left,
                                               QWidget* parent) {
    RestoreSessionsDialog dialog(left, parent);
    if (dialog.exec() == QDialog::Accepted) return dialog.chosen();
    std::vector<int> all; // "Restore all", or the dialog closed: nothing is discarded
    for (int i = 0; i < static_cast<int>(left.size()); ++i)
        all.push_back(i);
    return all;
}

} // namespace stepwise::ui

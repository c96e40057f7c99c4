#include "ui/files/ColumnsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace stepwise::ui {

ColumnsDialog::ColumnsDialog(const PointsDialect& d, QWidget* parent) : QDialog(parent) {
    setObjectName("columnsDialog");
    setWindowTitle(tr("Choose the columns"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("The data has %n column(s). Which two hold x and y?", nullptr, d.columns), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    x_ = new QComboBox(this);
    y_ = new QComboBox(this);
    x_->setObjectName("xColumnBox");
    y_->setObjectName("yColumnBox");
    x_->setAccessibleName(tr("Column of x"));
    y_->setAccessibleName(tr("Column of y"));
    for (int c = 0; c < d.columns; ++c) {
        const bool named = d.header && c < static_cast<int>(d.names.size()) &&
                           !d.names[static_cast<std::size_t>(c)].empty();
        const QString label =
            named ? tr("%1 (column %2)")
                        .arg(QString::fromStdString(d.names[static_cast<std::size_t>(c)]))
                        .arg(c + 1)
                  : tr("column %1").arg(c + 1);
        x_->addItem(label, c);
        y_->addItem(label, c);
    }
    x_->setCurrentIndex(d.xColumn);
    y_->setCurrentIndex(d.yColumn);
    form->addRow(tr("&x"), x_);
    form->addRow(tr("&y"), y_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto sameColumn = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(x_->currentIndex() != y_->currentIndex());
    };
    connect(x_, &QComboBox::currentIndexChanged, this, sameColumn);
    connect(y_, &QComboBox::currentIndexChanged, this, sameColumn);
    sameColumn();
}

std::pair<int, int> ColumnsDialog::columns() const {
    return {x_->currentData().toInt(), y_->currentData().toInt()};
}

std::optional<std::pair<int, int>> ColumnsDialog::choose(const PointsDialect& dialect,
                                                         QWidget* parent) {
    ColumnsDialog dialog(dialect, parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.columns();
}

} // namespace stepwise::ui

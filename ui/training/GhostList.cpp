#include "ui/training/GhostList.h"

#include "ui/base/GhostColour.h"
#include "ui/training/RunGhosts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace stepwise::ui {

GhostList::GhostList(RunGhosts* ghosts, QWidget* parent)
    : QGroupBox(tr("Earlier runs (ghosts)"), parent), ghosts_(ghosts) {
    setObjectName("ghostList");
    setToolTip(tr("Each run that ended leaves a faint copy of its output and loss curves, "
                  "named by what differed from the run after it"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 4, 6, 4);
    outer->setSpacing(2);
    rows_ = new QVBoxLayout;
    rows_->setSpacing(0);
    outer->addLayout(rows_);
    clear_ = new QPushButton(tr("Clear &ghosts"), this);
    clear_->setObjectName("clearGhostsButton");
    clear_->setAccessibleName(tr("Clear ghosts"));
    clear_->setToolTip(tr("Remove every earlier run's ghost"));
    outer->addWidget(clear_, 0, Qt::AlignLeft);
    connect(clear_, &QPushButton::clicked, ghosts_, &RunGhosts::clear);
    connect(ghosts_, &RunGhosts::changed, this, &GhostList::rebuild);
    rebuild();
}

QPushButton* GhostList::removeButton(int i) const {
    return removes_.value(i, nullptr);
}

void GhostList::setPalette(const Palette& p) {
    palette_ = p;
    rebuild();
}

void GhostList::rebuild() {
    removes_.clear();
    while (QLayoutItem* item = rows_->takeAt(0)) {
        if (QLayout* l = item->layout()) {
            while (QLayoutItem* inner = l->takeAt(0)) {
                // Later: the remove button clicked may be the one whose signal led here.
                if (QWidget* w = inner->widget()) {
                    w->hide();
                    w->deleteLater();
                }
                delete inner;
            }
        }
        delete item;
    }
    const int h = fontMetrics().height();
    for (const RunGhost& g : ghosts_->ghosts()) {
        auto* row = new QHBoxLayout;
        row->setSpacing(6);
        // A dashed stroke in the ghost's colour, as the curves are drawn.
        QPixmap swatch(2 * h, h);
        swatch.fill(Qt::transparent);
        {
            QPainter painter(&swatch);
            painter.setPen(QPen(ghostColour(palette_, g.colour), 2.0, Qt::DashLine));
            painter.drawLine(0, h / 2, 2 * h, h / 2);
        }
        auto* icon = new QLabel(this);
        icon->setPixmap(swatch);
        auto* text = new QLabel(g.label, this);
        text->setWordWrap(true);
        auto* remove = new QPushButton(QStringLiteral("×"), this);
        remove->setObjectName("removeGhostButton");
        remove->setAccessibleName(tr("Remove ghost: %1").arg(g.label));
        remove->setToolTip(tr("Remove this ghost"));
        remove->setFixedWidth(3 * h / 2 + 8);
        const int id = g.id;
        connect(remove, &QPushButton::clicked, ghosts_, [this, id] { ghosts_->remove(id); });
        row->addWidget(icon);
        row->addWidget(text, 1);
        row->addWidget(remove);
        rows_->addLayout(row);
        removes_.push_back(remove);
    }
    setVisible(!ghosts_->ghosts().empty());
}

} // namespace stepwise::ui

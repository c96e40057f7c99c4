// GhostList: the Training tab's list of earlier runs' ghosts (RunGhosts), one row each: a swatch
// of its colour, what differed from the run after it, and a button that removes it; "Clear
// ghosts" removes them all. Hidden while there are none.
#pragma once

#include "ui/base/Palette.h"

#include <QGroupBox>

class QVBoxLayout;
class QPushButton;

namespace stepwise::ui {

class RunGhosts;

class GhostList : public QGroupBox {
    Q_OBJECT
public:
    GhostList(RunGhosts* ghosts, QWidget* parent = nullptr);
    void setPalette(const Palette& p);
    QPushButton* clearButton() const { return clear_; }
    // The remove button of row i (oldest first), or null.
    QPushButton* removeButton(int i) const;

private:
    void rebuild();

    RunGhosts* ghosts_;
    Palette palette_ = Palette::light();
    QVBoxLayout* rows_;
    QPushButton* clear_;
    QList<QPushButton*> removes_;
};

} // namespace stepwise::ui

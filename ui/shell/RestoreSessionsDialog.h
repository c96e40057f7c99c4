// RestoreSessionsDialog: several sessions were left (several windows killed, or closed while
// others ran): one row each with when it was saved, whether its window closed properly, and a
// small picture of its graph; the learner ticks those to restore (each opens in a window of
// its own) and the rest are discarded.
#pragma once

#include "ui/files/SessionStore.h"

#include <QDialog>

#include <vector>

class QListWidget;

namespace stepwise::ui {

class RestoreSessionsDialog : public QDialog {
    Q_OBJECT
public:
    RestoreSessionsDialog(const std::vector<LeftSession>& left, QWidget* parent = nullptr);

    std::vector<int> chosen() const; // indices into the list, in order
    void setChosen(const std::vector<int>& indices);
    QListWidget* list() const { return list_; }

    // The chooser the window's FileController uses: shows this dialog; closing it restores all.
    static std::vector<int> choose(const std::vector<LeftSession>& left, QWidget* parent);

private:
    QListWidget* list_;
};

} // namespace stepwise::ui

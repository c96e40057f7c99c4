// ColumnsDialog: asks which two columns of an imported table are x and y, naming them by their
// header when there is one.
#pragma once

#include "core/data/PointsReader.h"

#include <QDialog>

#include <optional>
#include <utility>

class QComboBox;

namespace stepwise::ui {

class ColumnsDialog : public QDialog {
    Q_OBJECT
public:
    ColumnsDialog(const PointsDialect& dialect, QWidget* parent = nullptr);
    std::pair<int, int> columns() const;
    QComboBox* xBox() const { return x_; }
    QComboBox* yBox() const { return y_; }

    // Shows the dialog and waits; none when cancelled.
    static std::optional<std::pair<int, int>> choose(const PointsDialect& dialect, QWidget* parent);

private:
    QComboBox *x_, *y_;
};

} // namespace stepwise::ui

// LayeredParamTree: every parameter of a layered network, grouped by layer and then by neuron
// (a neuron's incoming weights and its bias; the output's weights and bias), in a tree whose
// groups fold. An open group shows a row per parameter — its name (core/deep/LayeredNames.h), a
// slider, an exact number box and the gradient arrow (ui/base/ParamRow.h: the arrow shows
// −∂L/∂θ, the way a training step moves the parameter, since the gradient points uphill).
// Rows are made when their group opens and dropped when it folds, so 64×64 weights cost nothing
// until looked at.
//
// Like the diagram, the tree holds no document: it shows what it is given and reports edits,
// slider grabs and releases, and the selection through signals.
#pragma once

#include "core/deep/LayeredNetwork.h"

#include <QWidget>

#include <map>
#include <optional>

class QTreeWidget;
class QTreeWidgetItem;

namespace stepwise::ui {

class ParamRow;

class LayeredParamTree : public QWidget {
    Q_OBJECT
public:
    explicit LayeredParamTree(QWidget* parent = nullptr);

    void setNetwork(const LayeredNetwork& net);
    // ∂L/∂θ in the flat layout of packParams; arrows hidden when `visible` is false (no target).
    // Parameters of a step layer, and of every layer below one, get a borrowed slope (the
    // trainer's surrogate, core/deep/LayeredGradient.h) and their arrows are dashed.
    void setGradient(const Eigen::VectorXd& gradient, bool visible);
    void setSelection(std::optional<long> flatIndex); // opens its group and shows its row
    std::optional<long> selection() const { return selection_; }

    // For tests: the tree, the row of a parameter (none while its group is folded), the item of
    // a parameter.
    QTreeWidget* tree() const { return tree_; }
    ParamRow* row(long flatIndex) const;
    QTreeWidgetItem* item(long flatIndex) const;
    int rowCount() const { return static_cast<int>(rows_.size()); }

signals:
    void selected(std::optional<long> flatIndex);
    void paramEdited(long flatIndex, double value);
    void dragStarted();
    void dragFinished();

private:
    void rebuild();
    void open(QTreeWidgetItem* group);
    void fold(QTreeWidgetItem* group);
    void showRow(long flatIndex, ParamRow* r) const;
    bool borrowed(long flatIndex) const;

    QTreeWidget* tree_;
    LayeredNetwork net_;
    bool built_ = false;
    Eigen::VectorXd gradient_;
    bool arrows_ = false;
    std::optional<long> selection_;
    std::map<long, QTreeWidgetItem*> items_; // every parameter's leaf
    std::map<long, ParamRow*> rows_;         // the rows of open groups
};

} // namespace stepwise::ui

#include "ui/deep/LayeredParamTree.h"

#include "core/deep/LayeredNames.h"
#include "ui/base/ActivationLabel.h"
#include "ui/base/ParamRow.h"
#include "ui/deep/LayeredText.h"

#include <QHeaderView>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace stepwise::ui {

namespace {
constexpr int kIndexRole = Qt::UserRole; // a leaf's flat index; −1 on a group

bool isOutput(const std::optional<LayeredParam>& p) {
    return p && (p->kind == LayeredParam::Kind::OutputWeight ||
                 p->kind == LayeredParam::Kind::OutputBias);
}
} // namespace

LayeredParamTree::LayeredParamTree(QWidget* parent) : QWidget(parent) {
    setObjectName("layeredParamTree");
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(1);
    tree_->header()->hide();
    tree_->setAccessibleName(tr("Parameters by layer and neuron"));
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setUniformRowHeights(false);
    box->addWidget(tree_);
    connect(tree_, &QTreeWidget::itemExpanded, this, &LayeredParamTree::open);
    connect(tree_, &QTreeWidget::itemCollapsed, this, &LayeredParamTree::fold);
    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* now) {
        const long k = now ? now->data(0, kIndexRole).toLongLong() : -1;
        if (k < 0 || selection_ == k) return;
        setSelection(k);
        emit selected(k);
    });
}

ParamRow* LayeredParamTree::row(long flatIndex) const {
    const auto it = rows_.find(flatIndex);
    return it == rows_.end() ? nullptr : it->second;
}

QTreeWidgetItem* LayeredParamTree::item(long flatIndex) const {
    const auto it = items_.find(flatIndex);
    return it == items_.end() ? nullptr : it->second;
}

bool LayeredParamTree::borrowed(long flatIndex) const {
    const auto p = layeredParamAt(net_, flatIndex);
    if (!p || isOutput(p)) return false;
    for (int l = p->layer; l < net_.depth(); ++l)
        if (net_.layers[static_cast<std::size_t>(l)].activation.kind == ActivationKind::Step)
            return true;
    return false;
}

void LayeredParamTree::setNetwork(const LayeredNetwork& net) {
    const bool reshaped = !built_ || net.shape() != net_.shape() || net.inputs != net_.inputs;
    net_ = net;
    if (reshaped) {
        rebuild();
        return;
    }
    for (const auto& [k, r] : rows_)
        showRow(k, r);
}

void LayeredParamTree::setGradient(const Eigen::VectorXd& gradient, bool visible) {
    gradient_ = gradient;
    arrows_ = visible && gradient.size() == paramCount(net_);
    for (const auto& [k, r] : rows_)
        showRow(k, r);
}

void LayeredParamTree::showRow(long k, ParamRow* r) const {
    const double v = layeredParamValue(net_, k);
    // A value past the slider's range widens it, so the handle never sits at an end that lies.
    if (std::isfinite(v) && (v < r->lo() || v > r->hi()))
        r->setRange(std::min(r->lo(), std::floor(v)), std::max(r->hi(), std::ceil(v)));
    r->setValue(v);
    const double g = arrows_ && k < gradient_.size() ? gradient_[k] : 0.0;
    r->setGradient(std::isfinite(g) ? -g : 0.0, borrowed(k), arrows_);
    r->setHighlighted(selection_ == k);
}

void LayeredParamTree::rebuild() {
    built_ = true;
    QSignalBlocker block(tree_);
    rows_.clear();
    items_.clear();
    tree_->clear(); // deletes the rows with their items
    auto leaf = [&](QTreeWidgetItem* parent, long k) {
        auto* it = new QTreeWidgetItem(parent);
        it->setData(0, kIndexRole, static_cast<qlonglong>(k));
        it->setText(0, QString::fromStdString(layeredParamName(net_, k)));
        items_[k] = it;
    };
    for (int l = 0; l < net_.depth(); ++l) {
        const Layer& layer = net_.layers[static_cast<std::size_t>(l)];
        auto* group = new QTreeWidgetItem(tree_);
        group->setData(0, kIndexRole, -1);
        const QString g = activationLabel(layer.activation.kind);
        group->setText(0,
                       layer.width() == 1
                           ? tr("Layer %1 · %2 · one neuron").arg(l + 1).arg(g)
                           : tr("Layer %1 · %2 · %3 neurons").arg(l + 1).arg(g).arg(layer.width()));
        for (int j = 0; j < layer.width(); ++j) {
            auto* neuron = new QTreeWidgetItem(group);
            neuron->setData(0, kIndexRole, -1);
            neuron->setText(0, tr("Neuron %1").arg(j + 1));
            for (int i = 0; i < layer.w.cols(); ++i)
                leaf(neuron, layeredFlatIndex(net_, {LayeredParam::Kind::Weight, l, i, j}));
            leaf(neuron, layeredFlatIndex(net_, {LayeredParam::Kind::Bias, l, 0, j}));
        }
    }
    auto* output = new QTreeWidgetItem(tree_);
    output->setData(0, kIndexRole, -1);
    output->setText(0, tr("Output · linear"));
    for (int j = 0; j < net_.v.size(); ++j)
        leaf(output,
             layeredFlatIndex(net_, {LayeredParam::Kind::OutputWeight, net_.depth(), j, 0}));
    leaf(output, layeredFlatIndex(net_, {LayeredParam::Kind::OutputBias, net_.depth(), 0, 0}));
    block.unblock();
    if (selection_ && !item(*selection_)) selection_.reset();
    if (selection_) setSelection(*selection_);
}

void LayeredParamTree::open(QTreeWidgetItem* group) {
    for (int c = 0; c < group->childCount(); ++c) {
        QTreeWidgetItem* child = group->child(c);
        const long k = child->data(0, kIndexRole).toLongLong();
        if (k < 0 || rows_.count(k)) continue;
        const bool output = isOutput(layeredParamAt(net_, k));
        auto* r = new ParamRow(child->text(0), output ? -3.0 : -10.0, output ? 3.0 : 10.0);
        connect(r, &ParamRow::edited, this, [this, k](double v) { emit paramEdited(k, v); });
        connect(r, &ParamRow::grabbed, this, [this, k] {
            setSelection(k);
            emit selected(k);
            emit dragStarted();
        });
        connect(r, &ParamRow::released, this, &LayeredParamTree::dragFinished);
        r->setAutoFillBackground(true);
        r->setFormula(child->text(0) + ": " + paramRole(net_, k)); // what it connects
        showRow(k, r);
        tree_->setItemWidget(child, 0, r);
        rows_[k] = r;
    }
}

void LayeredParamTree::fold(QTreeWidgetItem* group) {
    for (int c = 0; c < group->childCount(); ++c) {
        QTreeWidgetItem* child = group->child(c);
        const long k = child->data(0, kIndexRole).toLongLong();
        if (k < 0) {
            if (child->isExpanded()) child->setExpanded(false); // folds its rows too
            continue;
        }
        if (!rows_.count(k)) continue;
        if (rows_[k]->slider()->isSliderDown()) emit dragFinished();
        rows_.erase(k);
        tree_->removeItemWidget(child, 0); // deletes the row
    }
}

void LayeredParamTree::setSelection(std::optional<long> flatIndex) {
    const auto old = selection_;
    selection_ = flatIndex && item(*flatIndex) ? flatIndex : std::nullopt;
    if (old && row(*old)) row(*old)->setHighlighted(false);
    if (!selection_) return;
    QTreeWidgetItem* it = item(*selection_);
    for (QTreeWidgetItem* up = it->parent(); up; up = up->parent())
        if (!up->isExpanded()) up->setExpanded(true); // opens its rows
    {
        const QSignalBlocker block(tree_);
        tree_->setCurrentItem(it);
    }
    tree_->scrollToItem(it);
    if (ParamRow* r = row(*selection_)) r->setHighlighted(true);
}

} // namespace stepwise::ui

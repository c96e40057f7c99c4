// The parameter tree: grouped by layer and neuron, rows made only for open groups, edits and
// slider grabs reported with the parameter's flat index, selection opening its group, and the
// gradient arrow pointing against ∂L/∂θ (dashed where a step layer borrows its slope).
#include "UiTestSupport.h"

#include "core/deep/LayeredNames.h"
#include "core/deep/RandomLayered.h"
#include "tests/core/CoreTestSupport.h"
#include "ui/base/ParamRow.h"
#include "ui/deep/LayeredParamTree.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QTreeWidget>
#include <gtest/gtest.h>

#include <tuple>
#include <type_traits>
#include <vector>

using namespace stepwise;
using stepwise::test::Calls;
using stepwise::test::kTanh;

namespace {
LayeredNetwork treeNet(const std::vector<LayerShape>& shape) {
    std::mt19937_64 rng(6);
    return randomLayeredNetwork(1, shape, -1.0, 1.0, rng);
}
} // namespace

TEST(LayeredParamTree, GroupsByLayerThenNeuronAndMakesRowsOnlyWhenOpened) {
    const LayeredNetwork net = treeNet({{64, kTanh}, {64, kTanh}});
    ui::LayeredParamTree t;
    t.setNetwork(net);
    QTreeWidget* tree = t.tree();
    ASSERT_EQ(tree->topLevelItemCount(), 3); // two layers and the output
    EXPECT_EQ(tree->topLevelItem(1)->childCount(), 64);
    EXPECT_EQ(tree->topLevelItem(1)->child(0)->childCount(), 65); // 64 weights in and a bias
    EXPECT_EQ(tree->topLevelItem(2)->childCount(), 65);           // v₁ … v₆₄ and c
    EXPECT_EQ(t.rowCount(), 0);
    tree->topLevelItem(1)->setExpanded(true);
    tree->topLevelItem(1)->child(2)->setExpanded(true);
    EXPECT_EQ(t.rowCount(), 65);
    const long k = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 1, 5, 2});
    ASSERT_NE(t.row(k), nullptr);
    EXPECT_DOUBLE_EQ(t.row(k)->value(), std::round(net.layers[1].w(2, 5) * 1000) / 1000);
    EXPECT_EQ(t.row(k)->spinBox()->toolTip().toStdString(),
              "w⁽²⁾₆₃: the weight from neuron 6 of layer 1 to neuron 3 of layer 2");
    tree->topLevelItem(1)->setExpanded(false);
    EXPECT_EQ(t.rowCount(), 0);
}

TEST(LayeredParamTree, AnEditIsReportedWithItsFlatIndex) {
    const LayeredNetwork net = treeNet({{3, kTanh}});
    ui::LayeredParamTree t;
    t.setNetwork(net);
    Calls<long, double> edited(&t, &ui::LayeredParamTree::paramEdited);
    t.tree()->topLevelItem(1)->setExpanded(true); // the output
    const long c = paramCount(net) - 1;
    ASSERT_NE(t.row(c), nullptr);
    t.row(c)->spinBox()->setValue(1.25);
    ASSERT_EQ(edited.count(), 1);
    EXPECT_EQ(std::get<0>(edited.list[0]), c);
    EXPECT_DOUBLE_EQ(std::get<1>(edited.list[0]), 1.25);
}

TEST(LayeredParamTree, SelectingOpensTheGroupAndFollowsTheCurrentItem) {
    const LayeredNetwork net = treeNet({{4, kTanh}, {3, kTanh}});
    ui::LayeredParamTree t;
    t.setNetwork(net);
    const long k = layeredFlatIndex(net, {LayeredParam::Kind::Bias, 1, 0, 2});
    t.setSelection(k);
    ASSERT_NE(t.row(k), nullptr); // its group opened
    EXPECT_EQ(t.tree()->currentItem(), t.item(k));
    Calls<std::optional<long>> selected(&t, &ui::LayeredParamTree::selected);
    const long other = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 1, 0, 2});
    t.tree()->setCurrentItem(t.item(other));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(std::get<0>(selected.list[0]), other);
    EXPECT_EQ(t.selection(), other);
}

TEST(LayeredParamTree, TheArrowPointsAgainstTheGradientAndIsBorrowedBelowAStep) {
    const LayeredNetwork net = treeNet({{3, {ActivationKind::Step, 1.0}}, {2, kTanh}});
    ui::LayeredParamTree t;
    t.setNetwork(net);
    Eigen::VectorXd g = Eigen::VectorXd::LinSpaced(paramCount(net), -1.0, 1.0);
    t.setGradient(g, true);
    const long w1 = 0, w2 = layerOffset(net, 1), c = paramCount(net) - 1;
    for (long k : {w1, w2, c})
        t.setSelection(k); // opens each group
    ASSERT_TRUE(t.row(w1) && t.row(w2) && t.row(c));
    EXPECT_DOUBLE_EQ(t.row(w1)->arrow()->push(), -g[w1]);
    EXPECT_DOUBLE_EQ(t.row(c)->arrow()->push(), -g[c]);
    EXPECT_TRUE(t.row(w1)->arrow()->borrowed());  // a step layer's own weight
    EXPECT_FALSE(t.row(w2)->arrow()->borrowed()); // above the step layer: a true slope
    EXPECT_FALSE(t.row(c)->arrow()->borrowed());
    t.setGradient(g, false);
    EXPECT_TRUE(t.row(c)->arrow()->isHidden());
}

TEST(LayeredParamTree, ANewShapeRebuildsTheTreeAndDropsASelectionItNoLongerHas) {
    ui::LayeredParamTree t;
    const LayeredNetwork big = treeNet({{4, kTanh}, {3, kTanh}});
    t.setNetwork(big);
    t.setSelection(paramCount(big) - 1);
    ASSERT_EQ(t.selection(), paramCount(big) - 1);
    const LayeredNetwork small = treeNet({{2, kTanh}});
    t.setNetwork(small);
    EXPECT_EQ(t.tree()->topLevelItemCount(), 2);
    EXPECT_EQ(t.tree()->topLevelItem(0)->childCount(), 2);
    EXPECT_EQ(t.selection(), std::nullopt);
}

// The shape editor: it shows a shape, its form reads back what the learner set, applying emits
// that shape once, and it says when the shape is the lesson's one-layer network.
#include "UiTestSupport.h"

#include "tests/core/CoreTestSupport.h"
#include "ui/deep/ShapeEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSpinBox>
#include <gtest/gtest.h>

#include <tuple>
#include <type_traits>
#include <vector>

using namespace stepwise;
using stepwise::test::Calls;
using stepwise::test::kRelu;

namespace {
const Activation kSig{ActivationKind::Sigmoid, 4.0};
} // namespace

TEST(ShapeEditor, ShowsAShapeAndReadsItBack) {
    ui::ShapeEditor e;
    e.setShape(2, {{5, kRelu}, {7, kSig}});
    EXPECT_EQ(e.inputs(), 2);
    EXPECT_EQ(e.layers(), (std::vector<LayerShape>{{5, kRelu}, {7, kSig}}));
    EXPECT_FALSE(e.pending());
    EXPECT_FALSE(e.applyButton()->isEnabled());
    EXPECT_TRUE(e.steepnessBox(1)->isEnabled());  // a sigmoid has a steepness
    EXPECT_FALSE(e.steepnessBox(0)->isEnabled()); // a ReLU has none
}

TEST(ShapeEditor, ApplyingEmitsTheFormsShapeOnce) {
    ui::ShapeEditor e;
    e.show();
    e.setShape(1, {{4, kRelu}});
    Calls<int, const std::vector<LayerShape>&> applied(&e, &ui::ShapeEditor::applied);
    e.depthBox()->setValue(3);
    e.widthBox(1)->setValue(64);
    e.activationBox(2)->setCurrentIndex(
        e.activationBox(2)->findData(static_cast<int>(ActivationKind::Identity)));
    EXPECT_TRUE(e.pending());
    ASSERT_TRUE(e.applyButton()->isEnabled());
    e.applyButton()->click();
    ASSERT_EQ(applied.count(), 1);
    EXPECT_EQ(std::get<0>(applied.list[0]), 1);
    const auto shape = std::get<1>(applied.list[0]);
    ASSERT_EQ(shape.size(), 3u);
    EXPECT_EQ(shape[0], (LayerShape{4, kRelu}));
    EXPECT_EQ(shape[1].width, 64);
    EXPECT_EQ(shape[2].activation.kind, ActivationKind::Identity);
    EXPECT_FALSE(e.pending());
    EXPECT_FALSE(e.applyButton()->isEnabled());
    // The form bounds the shape: no 65th neuron, no fourth layer.
    e.widthBox(0)->setValue(65);
    e.depthBox()->setValue(4);
    EXPECT_EQ(e.widthBox(0)->value(), kMaxWidth);
    EXPECT_EQ(e.depthBox()->value(), kMaxLayers);
}

TEST(ShapeEditor, TheSummaryCountsParametersAndNamesTheLessonsNetwork) {
    ui::ShapeEditor e;
    e.setShape(1, {{3, kRelu}});
    EXPECT_TRUE(e.summary().contains("10 parameters")) << e.summary().toStdString();
    EXPECT_TRUE(e.summary().contains("lesson")) << e.summary().toStdString();
    e.depthBox()->setValue(2); // the second layer takes the first one's shape: 3×3 + 3 more
    EXPECT_TRUE(e.summary().contains("22 parameters")) << e.summary().toStdString();
    EXPECT_FALSE(e.summary().contains("lesson"));
}

TEST(ShapeEditor, TheDialogStartsFromTheShapeItIsGiven) {
    ui::ShapeDialog d(2, {{6, kSig}, {3, kRelu}});
    EXPECT_EQ(d.editor()->inputs(), 2);
    EXPECT_EQ(d.editor()->layers(), (std::vector<LayerShape>{{6, kSig}, {3, kRelu}}));
    EXPECT_TRUE(d.editor()->applyButton()->isHidden());
}

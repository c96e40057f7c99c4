// LayeredNames: every flat index is one parameter and back, each name is the one the screen
// shows (w⁽ˡ⁾ᵢⱼ from i to j, b⁽ˡ⁾ⱼ, vⱼ, c), the names of a network are all distinct, and the value
// read by index is packParams' entry.
#include "core/deep/LayeredNames.h"

#include <gtest/gtest.h>

#include <set>

using namespace stepwise;

namespace {
LayeredNetwork numbered(int inputs, const std::vector<int>& widths) {
    std::vector<LayerShape> shape;
    for (int w : widths)
        shape.push_back({w, {ActivationKind::ReLU, 1.0}});
    LayeredNetwork net = layeredNetwork(inputs, shape);
    Eigen::VectorXd p(paramCount(net));
    for (Eigen::Index k = 0; k < p.size(); ++k)
        p[k] = 0.5 * static_cast<double>(k) + 1.0;
    unpackParams(net, p);
    return net;
}
} // namespace

TEST(LayeredNames, FlatIndexRoundTripsThroughEveryParameter) {
    for (const auto& [inputs, widths] : std::vector<std::pair<int, std::vector<int>>>{
             {1, {3}}, {2, {4, 3}}, {1, {12, 10, 2}}, {2, {64}}}) {
        const LayeredNetwork net = numbered(inputs, widths);
        const Eigen::VectorXd p = packParams(net);
        for (long k = 0; k < paramCount(net); ++k) {
            const auto at = layeredParamAt(net, k);
            ASSERT_TRUE(at) << k;
            EXPECT_EQ(layeredFlatIndex(net, *at), k);
            EXPECT_DOUBLE_EQ(layeredParamValue(net, k), p[k]) << k;
        }
        EXPECT_FALSE(layeredParamAt(net, -1));
        EXPECT_FALSE(layeredParamAt(net, paramCount(net)));
        EXPECT_EQ(layeredParamName(net, paramCount(net)), "");
    }
}

TEST(LayeredNames, AWeightIsNamedFromItsSourceToItsNeuron) {
    const LayeredNetwork net = numbered(2, {3, 2});
    // Layer 2's W is 2×3, stored column by column: W(1, 2) (neuron 3 of layer 1 → neuron 2 of
    // layer 2) is entry 2·2 + 1 of the layer.
    const long w = layerOffset(net, 1) + 2 * 2 + 1;
    EXPECT_EQ(layeredParamAt(net, w), (LayeredParam{LayeredParam::Kind::Weight, 1, 2, 1}));
    EXPECT_EQ(layeredParamName(net, w), "w⁽²⁾₃₂");
    EXPECT_EQ(layeredParamKey(net, w), "w2_3_2");
    EXPECT_DOUBLE_EQ(layeredParamValue(net, w), net.layers[1].w(1, 2));
    // Input 2 → neuron 1 of layer 1.
    EXPECT_EQ(layeredParamName(net, 3), "w⁽¹⁾₂₁");
    EXPECT_EQ(layeredParamName(net, layerOffset(net, 1) - 1), "b⁽¹⁾₃");
    EXPECT_EQ(layeredParamName(net, layerOffset(net, 2)), "v₁");
    EXPECT_EQ(layeredParamName(net, paramCount(net) - 1), "c");
    EXPECT_EQ(layeredParamKey(net, paramCount(net) - 2), "v2");
}

TEST(LayeredNames, OneInputNamesTheFirstLayerByItsNeuronAsTheLessonDoes) {
    const LayeredNetwork net = numbered(1, {3});
    // As Network's w1, w2, w3, b1 …: one input, so one index.
    EXPECT_EQ(layeredParamName(net, 0), "w⁽¹⁾₁");
    EXPECT_EQ(layeredParamName(net, 2), "w⁽¹⁾₃");
    EXPECT_EQ(layeredParamName(net, 3), "b⁽¹⁾₁");
    EXPECT_EQ(layeredParamKey(net, 2), "w1_3");
}

TEST(LayeredNames, TwoDigitIndicesArePartedByAComma) {
    const LayeredNetwork net = numbered(1, {12, 10});
    // From neuron 12 of layer 1 to neuron 3 of layer 2: W_2(2, 11).
    const long k = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 1, 11, 2});
    EXPECT_EQ(layeredParamName(net, k), "w⁽²⁾₁₂,₃");
    const long k2 = layeredFlatIndex(net, {LayeredParam::Kind::Weight, 1, 0, 9});
    EXPECT_EQ(layeredParamName(net, k2), "w⁽²⁾₁,₁₀");
}

TEST(LayeredNames, EveryNameOfANetworkIsDistinct) {
    const LayeredNetwork net = numbered(2, {12, 11, 10});
    std::set<std::string> names, keys;
    for (long k = 0; k < paramCount(net); ++k) {
        names.insert(layeredParamName(net, k));
        keys.insert(layeredParamKey(net, k));
    }
    EXPECT_EQ(static_cast<long>(names.size()), paramCount(net));
    EXPECT_EQ(static_cast<long>(keys.size()), paramCount(net));
}

TEST(LayeredNames, AParameterTheNetworkDoesNotHaveHasNoIndex) {
    const LayeredNetwork net = numbered(1, {3, 2});
    EXPECT_EQ(layeredFlatIndex(net, {LayeredParam::Kind::Weight, 2, 0, 0}), -1);
    EXPECT_EQ(layeredFlatIndex(net, {LayeredParam::Kind::Weight, 0, 1, 0}), -1); // one input
    EXPECT_EQ(layeredFlatIndex(net, {LayeredParam::Kind::Bias, 1, 0, 2}), -1);
    EXPECT_EQ(layeredFlatIndex(net, {LayeredParam::Kind::OutputWeight, 2, 2, 0}), -1);
}

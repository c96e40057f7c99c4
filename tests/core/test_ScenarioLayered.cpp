// ScenarioFile, version 3: a layered network round-trips exactly, a one-layer network is still
// written as version 1, and hostile layered files are refused before anything of their size is
// made, with one line naming the field.
#include "core/deep/RandomLayered.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using namespace stepwise;
using json = nlohmann::json;

namespace {

Scenario layeredScenario(int inputs, const std::vector<LayerShape>& shape, std::uint64_t seed) {
    Scenario s = defaultScenario();
    std::mt19937_64 rng(seed);
    s.layered = randomLayeredNetwork(inputs, shape, -1.0, 1.0, rng);
    s.layered->c = 0.1 + 0.2; // a double that needs all its digits
    s.network = Network(kMinHidden);
    return s;
}

const std::vector<LayerShape> kTwoLayers = {{8, {ActivationKind::Tanh, 1.0}},
                                            {5, {ActivationKind::Sigmoid, 2.5}}};

// A small valid version 3 file, as json to be broken field by field.
json layeredFile() {
    return json::parse(writeScenario(layeredScenario(2, kTwoLayers, 3)));
}

void expectLayeredScenarioError(const json& file, const std::string& field,
                                const std::string& words) {
    const ScenarioResult r = readScenario(file.dump());
    ASSERT_FALSE(r.ok()) << "accepted; expected an error in " << field;
    EXPECT_EQ(r.error.field, field) << r.error.problem;
    EXPECT_NE(r.error.problem.find(words), std::string::npos)
        << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(formatError("f.stepwise", r.error).find('\n'), std::string::npos);
}

} // namespace

TEST(ScenarioLayered, DeepNetworksRoundTripAsVersion3) {
    for (int inputs : {1, 2})
        for (const auto& shape :
             {kTwoLayers, std::vector<LayerShape>{{3, {ActivationKind::ReLU, 1.0}},
                                                  {kMaxWidth, {ActivationKind::Identity, 1.0}},
                                                  {2, {ActivationKind::Step, 7.0}}}}) {
            const Scenario s = layeredScenario(inputs, shape, 5);
            const std::string text = writeScenario(s);
            EXPECT_EQ(json::parse(text)["version"], 3);
            const ScenarioResult r = readScenario(text);
            ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
            ASSERT_TRUE(r.scenario->layered);
            EXPECT_TRUE(*r.scenario->layered == *s.layered); // every double bit for bit
            EXPECT_EQ(*r.scenario, s);
            EXPECT_EQ(writeScenario(*r.scenario), text);
        }
}

TEST(ScenarioLayered, OneHiddenLayerOfOneInputIsStillWrittenAsVersion1) {
    std::mt19937_64 rng(2);
    const Network one = randomNetwork(6, {ActivationKind::Sigmoid, 3.0}, -1.0, 1.0, rng);
    Scenario s = defaultScenario();
    s.layered = fromNetwork(one);
    const std::string text = writeScenario(s);
    EXPECT_EQ(json::parse(text)["version"], 1);
    EXPECT_TRUE(json::parse(text)["network"].contains("hidden"));
    const ScenarioResult r = readScenario(text);
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_FALSE(r.scenario->layered);
    EXPECT_TRUE(r.scenario->network == one);
    // The same file as the lesson's network written directly.
    Scenario plain = defaultScenario();
    plain.network = one;
    EXPECT_EQ(writeScenario(plain), text);
}

TEST(ScenarioLayered, Version1FilesReadAsBefore) {
    const Scenario s = defaultScenario();
    const ScenarioResult r = readScenario(writeScenario(s));
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r.scenario->layered);
    EXPECT_EQ(*r.scenario, s);
    // A version 1 file's "layers" (no such field in version 1) is ignored, like any unknown field.
    json j = json::parse(writeScenario(s));
    j["network"]["layers"] = layeredFile()["network"]["layers"];
    const ScenarioResult again = readScenario(j.dump());
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again.scenario->layered);
}

TEST(ScenarioLayered, AVersion3FileReadsIntoOneNeutralNeuronBesideTheLayers) {
    const ScenarioResult r = readScenario(layeredFile().dump());
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(r.scenario->network.hidden(), kMinHidden);
    EXPECT_EQ(r.scenario->layered->depth(), 2);
    EXPECT_EQ(r.scenario->layered->inputs, 2);
}

TEST(ScenarioLayeredError, VersionsOutsideOneToThree) {
    json j = layeredFile();
    j["version"] = 4;
    expectLayeredScenarioError(j, "version", "version 4 is newer than this Stepwise understands");
    j["version"] = 0;
    expectLayeredScenarioError(j, "version", "must be 1 to 3");
    // A version 3 file with the lesson's network fields: version 3 wants layers.
    json v1 = json::parse(writeScenario(defaultScenario()));
    v1["version"] = 3;
    expectLayeredScenarioError(v1, "network.layers", "missing");
}

TEST(ScenarioLayeredError, CountsAreBoundedBeforeAnythingIsMade) {
    json j = layeredFile();
    j["network"]["layers"] = json::array();
    expectLayeredScenarioError(j, "network.layers", "between 1 and 3 hidden layers, not 0");
    j = layeredFile();
    for (int k = 0; k < 2; ++k)
        j["network"]["layers"].push_back(j["network"]["layers"][0]);
    expectLayeredScenarioError(j, "network.layers", "between 1 and 3 hidden layers, not 4");
    j = layeredFile();
    j["network"]["layers"][1]["neurons"] = json::array();
    expectLayeredScenarioError(j, "network.layers[1].neurons", "between 1 and 64 neurons, not 0");
    j = layeredFile();
    json many = json::array();
    for (int k = 0; k < 100000; ++k)
        many.push_back(0);
    j["network"]["layers"][0]["neurons"] = many;
    expectLayeredScenarioError(j, "network.layers[0].neurons",
                               "between 1 and 64 neurons, not 100000");
    j = layeredFile();
    j["network"]["layers"][0]["neurons"][3]["w"] = many;
    expectLayeredScenarioError(j, "network.layers[0].neurons[3].w",
                               "must hold 2 weights (one per input), not");
    j = layeredFile();
    j["network"]["layers"][1]["neurons"][0]["w"].erase(0);
    expectLayeredScenarioError(j, "network.layers[1].neurons[0].w",
                               "must hold 8 weights (one per neuron of the layer before), not 7");
    j = layeredFile();
    j["network"]["output"]["v"].push_back(1.0);
    expectLayeredScenarioError(
        j, "network.output.v",
        "must hold 5 weights (one per neuron of the last hidden layer), not 6");
    j = layeredFile();
    j["network"]["inputs"] = 0;
    expectLayeredScenarioError(j, "network.inputs", "");
    j["network"]["inputs"] = kMaxInputs + 1;
    expectLayeredScenarioError(j, "network.inputs", "");
    j = layeredFile();
    j["network"]["inputs"] = 3; // the first layer's weights were written for 2
    expectLayeredScenarioError(j, "network.layers[0].neurons[0].w",
                               "must hold 3 weights (one per input), not 2");
}

TEST(ScenarioLayeredError, EveryFieldIsChecked) {
    json j = layeredFile();
    j["network"]["layers"][0]["activation"] = "softplus";
    expectLayeredScenarioError(j, "network.layers[0].activation", "not an activation");
    j = layeredFile();
    j["network"]["layers"][1]["steepness"] = -2.0;
    expectLayeredScenarioError(j, "network.layers[1].steepness", "");
    j = layeredFile();
    j["network"]["layers"][1]["neurons"][2]["b"] = "0.5";
    expectLayeredScenarioError(j, "network.layers[1].neurons[2].b", "");
    j = layeredFile();
    j["network"]["layers"][0]["neurons"][1]["w"][1] = 1e300;
    expectLayeredScenarioError(j, "network.layers[0].neurons[1].w[1]", "");
    j = layeredFile();
    j["network"]["output"]["c"] = nullptr;
    expectLayeredScenarioError(j, "network.output.c", "");
    j = layeredFile();
    j["network"]["layers"][0]["neurons"][0].erase("b");
    expectLayeredScenarioError(j, "network.layers[0].neurons[0].b", "missing");
    j = layeredFile();
    j["network"].erase("output");
    expectLayeredScenarioError(j, "network.output", "missing");
    j = layeredFile();
    j["network"]["layers"][0] = 5;
    expectLayeredScenarioError(j, "network.layers[0]", "must be an object");
}

TEST(ScenarioLayered, BeyondTheLessonsNetworkIsNamedNotShownAsSomethingElse) {
    const auto deep = beyondTheLessonsNetwork(layeredScenario(2, kTwoLayers, 3));
    ASSERT_TRUE(deep.has_value());
    EXPECT_EQ(deep->field, "network.layers");
    EXPECT_NE(deep->problem.find("2 input(s) and 2 hidden layer(s)"), std::string::npos)
        << deep->problem;
    // The lesson's own network, plain or as a one-layer layered network, is fine.
    EXPECT_FALSE(beyondTheLessonsNetwork(defaultScenario()).has_value());
    EXPECT_FALSE(beyondTheLessonsNetwork(layeredScenario(1, {{4, {ActivationKind::Tanh, 1.0}}}, 3))
                     .has_value());
}

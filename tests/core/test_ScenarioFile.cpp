// ScenarioFile: write → read round trips exactly (awkward doubles, uint64 seeds, strokes, lesson);
// every kind of broken file is refused with an error naming its field; the corpora in
// tests/data and the examples in resources/examples; atomic writes and bounded reads.
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

using namespace stepwise;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Every field away from its default, so a field the writer or reader forgets shows up.
Scenario richScenario() {
    Scenario s;
    s.network = Network(3, Activation{ActivationKind::Sigmoid, 12.5});
    s.network.w << 1.25, -3.0, 0.1 + 0.2;
    s.network.b << -0.5, 2.0, 1e-300;
    s.network.v << 0.75, -1.5, 3.0;
    s.network.c = -0.125;
    s.domain = {-2.5, 3.5, 777};
    s.target.preset = TargetPreset::Gaussian;
    s.target.noiseSeed = 0xFFFFFFFFFFFFFFFFull;
    s.target.smoothing = 3;
    s.target.strokes = {Stroke{{{-1.0, 0.5}, {0.0, 1.0 / 3.0}, {0.5, -0.25}}, false},
                        Stroke{{{0.25, 0.0}}, true}, Stroke{{}, false}};
    s.training.optimizer = {OptimizerKind::Momentum, 0.0125, 0.85, 0.8, 0.99, 1e-7};
    s.training.batchSize = 32;
    s.training.layers = LearningLayers::OutputOnly;
    s.training.stepTraining = StepTraining::Anneal;
    s.training.surrogateSteepness = 7.0;
    s.training.annealStart = 1.5;
    s.training.annealEnd = 150.0;
    s.training.annealSteps = 1234;
    s.training.stopLoss = 1e-4;
    s.training.seed = (std::uint64_t{1} << 53) + 1; // not representable as a double
    s.view = {-3.0, 4.0, -2.0, 5.0};
    s.lesson.chapter = 4;
    s.lesson.tasksDone = {"ch2.place-step", "ch3.invert", "ch5.draw"};
    s.lesson.freeMode = true;
    return s;
}

// richScenario with measured points, noise, a split, weight decay and early stopping: version 2.
Scenario dataScenario() {
    Scenario s = richScenario();
    s.target.points = {{0.1, 0.2}, {-0.5, 1.0 / 3.0}, {1e-300, -0.0}, {kMaxPointCoordinate, 2.5}};
    s.target.noise = {0.125, 0xFFFFFFFFFFFFFFFFull};
    s.target.split = {0.25, (std::uint64_t{1} << 53) + 1};
    s.training.weightDecay = 1e-3;
    s.training.earlyStopping = true;
    s.training.patience = 250;
    return s;
}

const char* kMinimal = R"({"format": "stepwise-scenario", "version": 1,
  "network": {"activation": "step", "hidden": [{"w": 4, "b": 2, "v": 1}]}})";

// The minimal file with one value changed; pointer like "/network/hidden/0/w".
std::string minimalWith(const std::string& pointer, const json& value) {
    json j = json::parse(kMinimal);
    j[json::json_pointer(pointer)] = value;
    return j.dump();
}

std::string minimalWithout(const std::string& pointer) {
    json j = json::parse(kMinimal);
    const json::json_pointer p(pointer);
    j[p.parent_pointer()].erase(p.back());
    return j.dump();
}

// The version-2 scenario written, with one value changed.
std::string dataWith(const std::string& pointer, const json& value) {
    json j = json::parse(writeScenario(dataScenario()));
    j[json::json_pointer(pointer)] = value;
    return j.dump();
}

// A full written scenario with one value changed.
std::string richWith(const std::string& pointer, const json& value) {
    json j = json::parse(writeScenario(richScenario()));
    j[json::json_pointer(pointer)] = value;
    return j.dump();
}

// Expects an error whose field is `field` and whose problem contains `words`.
void expectScenarioError(const std::string& bytes, const std::string& field,
                         const std::string& words) {
    const ScenarioResult r = readScenario(bytes);
    ASSERT_FALSE(r.ok()) << "accepted: " << bytes.substr(0, 200);
    EXPECT_EQ(r.error.field, field) << r.error.problem;
    EXPECT_NE(r.error.problem.find(words), std::string::npos)
        << "problem: " << r.error.problem << "\nexpected to contain: " << words;
}

// Expects an error located at a line/column (a syntax error), with `words` in the problem.
void expectSyntaxError(const std::string& bytes, const std::string& words) {
    const ScenarioResult r = readScenario(bytes);
    ASSERT_FALSE(r.ok()) << "accepted: " << bytes.substr(0, 200);
    EXPECT_EQ(r.error.field.rfind("line ", 0), 0u) << r.error.field;
    EXPECT_NE(r.error.problem.find(words), std::string::npos)
        << "problem: " << r.error.problem << "\nexpected to contain: " << words;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".stepwise") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A scratch folder per test, removed afterwards.
class ScenarioFileDisk : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() /
               ("stepwise-test-" + std::string(info->name()) + "-" +
                std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir_, ec);
    }
    std::size_t entries() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
    }
    fs::path dir_;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Round trips

TEST(ScenarioFile, DefaultScenarioRoundTrips) {
    const Scenario s = defaultScenario();
    const ScenarioResult r = readScenario(writeScenario(s));
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(*r.scenario, s);
}

TEST(ScenarioFile, EveryFieldRoundTrips) {
    const Scenario s = richScenario();
    const std::string text = writeScenario(s);
    const ScenarioResult r = readScenario(text);
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(r.scenario->network, s.network);
    EXPECT_EQ(r.scenario->domain, s.domain);
    EXPECT_EQ(r.scenario->target, s.target);
    EXPECT_EQ(r.scenario->training, s.training);
    EXPECT_EQ(r.scenario->view, s.view);
    EXPECT_EQ(r.scenario->lesson, s.lesson);
    EXPECT_EQ(*r.scenario, s);
    // Writing is deterministic: the same scenario gives the same bytes.
    EXPECT_EQ(writeScenario(*r.scenario), text);
}

TEST(ScenarioFile, AwkwardDoublesRoundTripBitForBit) {
    const double awkward[] = {0.1 + 0.2,
                              1e-300,
                              std::numeric_limits<double>::denorm_min(),
                              -std::numeric_limits<double>::denorm_min(),
                              std::numeric_limits<double>::min(),
                              2.2250738585072009e-308, // largest subnormal
                              -0.0,
                              1.0 / 3.0,
                              123456789.12345678,
                              999999999999.99988,
                              -kMaxParamMagnitude,
                              kMaxParamMagnitude};
    Scenario s;
    s.network = Network(static_cast<int>(std::size(awkward)), Activation{});
    for (std::size_t i = 0; i < std::size(awkward); ++i) {
        const auto k = static_cast<Eigen::Index>(i);
        s.network.w[k] = awkward[i];
        s.network.b[k] = -awkward[i];
        s.network.v[k] = awkward[i] * 0.5;
    }
    s.network.c = -0.0;
    s.training.stopLoss = std::numeric_limits<double>::max();
    s.target.strokes = {Stroke{{{0.1 + 0.2, std::numeric_limits<double>::denorm_min()}}, false}};
    const ScenarioResult r = readScenario(writeScenario(s));
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    for (Eigen::Index k = 0; k < s.network.w.size(); ++k) {
        // Bit patterns, so -0.0 and 0.0 are told apart.
        EXPECT_EQ(std::bit_cast<std::uint64_t>(r.scenario->network.w[k]),
                  std::bit_cast<std::uint64_t>(s.network.w[k]))
            << "w[" << k << "] = " << s.network.w[k];
        EXPECT_EQ(std::bit_cast<std::uint64_t>(r.scenario->network.b[k]),
                  std::bit_cast<std::uint64_t>(s.network.b[k]));
        EXPECT_EQ(std::bit_cast<std::uint64_t>(r.scenario->network.v[k]),
                  std::bit_cast<std::uint64_t>(s.network.v[k]));
    }
    EXPECT_TRUE(std::signbit(r.scenario->network.c));
    EXPECT_EQ(*r.scenario, s);
}

TEST(ScenarioFile, Uint64SeedsRoundTripExactly) {
    for (const std::uint64_t seed :
         {std::uint64_t{0}, std::uint64_t{1}, (std::uint64_t{1} << 53) + 1,
          std::uint64_t{0x8000000000000000ull}, std::numeric_limits<std::uint64_t>::max()}) {
        Scenario s = defaultScenario();
        s.training.seed = seed;
        s.target.noiseSeed = ~seed;
        const std::string text = writeScenario(s);
        EXPECT_NE(text.find(std::to_string(seed)), std::string::npos) << text;
        const ScenarioResult r = readScenario(text);
        ASSERT_TRUE(r.ok()) << r.error.problem;
        EXPECT_EQ(r.scenario->training.seed, seed);
        EXPECT_EQ(r.scenario->target.noiseSeed, ~seed);
    }
}

TEST(ScenarioFile, WrittenFileStartsWithFormatAndVersion) {
    const std::string text = writeScenario(defaultScenario());
    EXPECT_EQ(text.rfind("{\n  \"format\": \"stepwise-scenario\",\n  \"version\": 1,", 0), 0u)
        << text;
    EXPECT_EQ(text.back(), '\n');
    // A neuron is one line.
    EXPECT_NE(text.find(R"({"w": 4.0, "b": 2.0, "v": 1.0})"), std::string::npos) << text;
}

TEST(ScenarioFile, MinimalFileGetsDefaults) {
    const ScenarioResult r = readScenario(kMinimal);
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    Scenario expected;
    expected.network = networkPreset(NetworkPreset::OneNeuron);
    expected.network.activation.steepness = 1.0; // not given: the default
    EXPECT_EQ(*r.scenario, expected);
}

TEST(ScenarioFile, UnknownFieldsAreIgnored) {
    json j = json::parse(writeScenario(richScenario()));
    j["futureSection"] = {{"anything", {1, 2, 3}}};
    j["network"]["hidden"][0]["label"] = "neuron one";
    j["training"]["warmup"] = 100;
    const ScenarioResult r = readScenario(j.dump());
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(*r.scenario, richScenario());
}

TEST(ScenarioFile, ByteOrderMarkIsAccepted) {
    EXPECT_TRUE(readScenario(std::string("\xEF\xBB\xBF") + kMinimal).ok());
}

TEST(ScenarioFile, WholeNumbersWrittenAsDecimalsAreAccepted) {
    const ScenarioResult r = readScenario(minimalWith("/domain", {{"samples", 500.0}}));
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_EQ(r.scenario->domain.samples, 500);
}

TEST(ScenarioFileVersion2, PointsNoiseSplitDecayAndEarlyStoppingRoundTrip) {
    const Scenario s = dataScenario();
    const std::string text = writeScenario(s);
    EXPECT_EQ(json::parse(text)["version"], 2);
    const ScenarioResult r = readScenario(text);
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(r.scenario->target, s.target);
    EXPECT_EQ(r.scenario->training, s.training);
    EXPECT_EQ(*r.scenario, s);
    EXPECT_EQ(writeScenario(*r.scenario), text);
    // A point is one line.
    EXPECT_NE(text.find("[0.1, 0.2]"), std::string::npos) << text;
}

TEST(ScenarioFileVersion2, EachNewFieldAloneNeedsVersion2) {
    EXPECT_EQ(scenarioVersionFor(richScenario()), 1);
    EXPECT_EQ(scenarioVersionFor(defaultScenario()), 1);
    const std::vector<void (*)(Scenario&)> changes = {
        [](Scenario& s) {
            s.target.points = {{0.0, 1.0}};
        },
        [](Scenario& s) { s.target.noise.sd = 0.5; },
        [](Scenario& s) { s.target.noise.seed = 7; },
        [](Scenario& s) { s.target.split.fraction = 0.5; },
        [](Scenario& s) { s.target.split.seed = 7; },
        [](Scenario& s) { s.training.weightDecay = 0.5; },
        [](Scenario& s) { s.training.earlyStopping = true; },
        [](Scenario& s) { s.training.patience = 3; },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        Scenario s = richScenario();
        changes[i](s);
        SCOPED_TRACE(i);
        EXPECT_EQ(scenarioVersionFor(s), 2);
        const std::string text = writeScenario(s);
        EXPECT_EQ(json::parse(text)["version"], 2);
        const ScenarioResult r = readScenario(text);
        ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
        EXPECT_EQ(*r.scenario, s); // the change survives the round trip
    }
}

TEST(ScenarioFileVersion2, OlderContentIsWrittenAsVersion1WithoutNewFields) {
    const json j = json::parse(writeScenario(richScenario()));
    EXPECT_EQ(j["version"], 1);
    EXPECT_FALSE(j["target"].contains("points"));
    EXPECT_FALSE(j["target"].contains("noise"));
    EXPECT_FALSE(j["target"].contains("split"));
    EXPECT_FALSE(j["training"].contains("weightDecay"));
    EXPECT_FALSE(j["training"].contains("earlyStopping"));
    EXPECT_FALSE(j["training"].contains("patience"));
    // A version-2 file without version-2 content reads back as the same scenario, written as 1.
    json two = j;
    two["version"] = 2;
    const ScenarioResult r = readScenario(two.dump());
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_EQ(*r.scenario, richScenario());
}

TEST(ScenarioFileVersion2, Version1FileIgnoresVersion2Fields) {
    // As a version-1 reader did: the fields are unknown there.
    json j = json::parse(writeScenario(dataScenario()));
    j["version"] = 1;
    const ScenarioResult r = readScenario(j.dump());
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_EQ(*r.scenario, richScenario());
    // Even broken ones: version 1 never looked at them.
    j["target"]["points"] = "not a list";
    j["training"]["weightDecay"] = -1;
    EXPECT_TRUE(readScenario(j.dump()).ok());
}

TEST(ScenarioFileVersion2, ErrorsNameTheirField) {
    expectScenarioError(dataWith("/target/points", 3), "target.points", "must be a list");
    expectScenarioError(dataWith("/target/points/1", json::array({1, 2, 3})), "target.points[1]",
                        "must be a point [x, y], not a list of 3 values");
    expectScenarioError(dataWith("/target/points/2/0", "x"), "target.points[2][0]",
                        "must be a number");
    expectScenarioError(dataWith("/target/points/0/1", 2e12), "target.points[0][1]", "between");
    expectScenarioError(dataWith("/target/noise", 0.1), "target.noise", "must be an object");
    expectScenarioError(dataWith("/target/noise/sd", -0.1), "target.noise.sd",
                        "between 0 and 1000");
    expectScenarioError(dataWith("/target/noise/sd", 1001), "target.noise.sd",
                        "between 0 and 1000");
    expectScenarioError(dataWith("/target/noise/seed", -1), "target.noise.seed", "from 0 to");
    expectScenarioError(dataWith("/target/split", json::array()), "target.split",
                        "must be an object");
    expectScenarioError(dataWith("/target/split/testFraction", 1.0), "target.split.testFraction",
                        "between 0 and 0.95");
    expectScenarioError(dataWith("/target/split/testFraction", -0.5), "target.split.testFraction",
                        "between 0 and 0.95");
    expectScenarioError(dataWith("/target/split/seed", 0.5), "target.split.seed", "from 0 to");
    expectScenarioError(dataWith("/training/weightDecay", -1e-3), "training.weightDecay",
                        "between 0");
    expectScenarioError(dataWith("/training/weightDecay", "0.1"), "training.weightDecay",
                        "must be a number");
    expectScenarioError(dataWith("/training/earlyStopping", 1), "training.earlyStopping",
                        "true or false");
    expectScenarioError(dataWith("/training/patience", -1), "training.patience", "between 0 and");
    expectScenarioError(dataWith("/training/patience", 2.5), "training.patience", "whole number");
}

TEST(ScenarioFileVersion2, PointsCountWithStrokesAgainstTheLimit) {
    json points = json::array();
    for (long i = 0; i < kMaxTotalStrokePoints; ++i)
        points.push_back(json::array({0.5, 0.5}));
    json j = json::parse(writeScenario(dataScenario())); // its strokes hold 4 points
    j["target"]["points"] = points;
    expectScenarioError(j.dump(), "target.points", "more than 200000 points in all");
    j["target"]["strokes"] = json::array();
    const ScenarioResult r = readScenario(j.dump());
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    EXPECT_EQ(r.scenario->target.points.size(), static_cast<std::size_t>(kMaxTotalStrokePoints));
    // The largest scenario the reader takes is written within the file limits, and reads back.
    const std::string text = writeScenario(*r.scenario);
    EXPECT_LE(text.size(), kMaxScenarioBytes);
    EXPECT_TRUE(readScenario(text).ok());
}

TEST(ScenarioFile, NullPresetMeansNoPreset) {
    const ScenarioResult r = readScenario(richWith("/target/preset", nullptr));
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_FALSE(r.scenario->target.preset.has_value());
}

// ---------------------------------------------------------------------------------------------
// Errors: each names its field

TEST(ScenarioFileError, WrongFormat) {
    expectScenarioError(minimalWith("/format", "other-app"), "format", "not a Stepwise scenario");
    expectScenarioError(minimalWith("/format", 3), "format", "not a number");
    expectScenarioError(minimalWithout("/format"), "format", "missing");
}

TEST(ScenarioFileError, UnknownVersion) {
    expectScenarioError(
        minimalWith("/version", 4), "version",
        "version 4 is newer than this Stepwise understands (it reads versions 1 to 3)");
    expectScenarioError(minimalWith("/version", 0), "version", "must be 1 to 3");
    expectScenarioError(minimalWith("/version", -7), "version", "must be 1 to 3");
    expectScenarioError(minimalWith("/version", 1.5), "version", "whole number");
    expectScenarioError(minimalWith("/version", "1"), "version", "whole number");
    expectScenarioError(minimalWithout("/version"), "version", "missing");
}

TEST(ScenarioFileError, MissingRequired) {
    expectScenarioError(minimalWithout("/network"), "network", "missing");
    expectScenarioError(minimalWithout("/network/hidden"), "network.hidden", "missing");
    expectScenarioError(minimalWithout("/network/hidden/0/w"), "network.hidden[0].w", "missing");
    expectScenarioError(minimalWithout("/network/hidden/0/b"), "network.hidden[0].b", "missing");
    expectScenarioError(minimalWithout("/network/hidden/0/v"), "network.hidden[0].v", "missing");
    json j = json::parse(writeScenario(richScenario()));
    j["target"]["strokes"][1].erase("points");
    expectScenarioError(j.dump(), "target.strokes[1].points", "missing");
}

TEST(ScenarioFileError, WrongTypes) {
    expectScenarioError(minimalWith("/network", json::array()), "network", "must be an object");
    expectScenarioError(minimalWith("/network/hidden", 3), "network.hidden", "must be a list");
    expectScenarioError(minimalWith("/network/hidden/0", 3), "network.hidden[0]",
                        "must be an object");
    expectScenarioError(minimalWith("/network/hidden/0/w", "4"), "network.hidden[0].w",
                        "must be a number, not text");
    expectScenarioError(minimalWith("/network/hidden/0/b", true), "network.hidden[0].b",
                        "must be a number");
    expectScenarioError(minimalWith("/network/hidden/0/v", nullptr), "network.hidden[0].v",
                        "must be a number, not null");
    expectScenarioError(minimalWith("/network/activation", 1), "network.activation",
                        "must be text");
    expectScenarioError(
        minimalWith("/network/activation", "softmax"), "network.activation",
        "\"softmax\" is not an activation (one of: step, sigmoid, tanh, relu, identity)");
    expectScenarioError(richWith("/target/preset", "zigzag"), "target.preset", "\"zigzag\" is not");
    expectScenarioError(richWith("/target/strokes/0/erase", "no"), "target.strokes[0].erase",
                        "true or false");
    expectScenarioError(richWith("/target/strokes/0/points/1", json::array({1, 2, 3})),
                        "target.strokes[0].points[1]", "must be a point [x, y]");
    expectScenarioError(richWith("/target/strokes/0/points/2/1", "y"),
                        "target.strokes[0].points[2][1]", "must be a number");
    expectScenarioError(richWith("/training/optimizer", "lbfgs"), "training.optimizer",
                        "sgd, momentum");
    expectScenarioError(richWith("/training/layers", "hidden"), "training.layers", "all, output");
    expectScenarioError(richWith("/training/stepTraining", "magic"), "training.stepTraining",
                        "surrogate, anneal");
    expectScenarioError(richWith("/lesson/tasksDone", "ch1"), "lesson.tasksDone", "must be a list");
    expectScenarioError(richWith("/lesson/tasksDone/1", 5), "lesson.tasksDone[1]", "must be text");
    expectScenarioError(richWith("/lesson/freeMode", 1), "lesson.freeMode", "true or false");
    expectScenarioError(richWith("/view", "all"), "view", "must be an object");
    expectScenarioError("[1, 2]", "(file)", "JSON object");
    expectScenarioError("\"stepwise-scenario\"", "(file)", "JSON object");
    expectScenarioError("null", "(file)", "JSON object");
}

TEST(ScenarioFileError, OutOfRangeValues) {
    expectScenarioError(minimalWith("/network/steepness", 0), "network.steepness",
                        "greater than 0");
    expectScenarioError(minimalWith("/network/steepness", -1), "network.steepness",
                        "greater than 0");
    expectScenarioError(minimalWith("/network/steepness", 1e7), "network.steepness",
                        "at most 1e+06");
    expectScenarioError(minimalWith("/network/hidden/0/w", 1e13), "network.hidden[0].w", "between");
    expectScenarioError(minimalWith("/network/c", -1e300), "network.c", "between");
    expectScenarioError(richWith("/domain/lo", 5.0), "domain.hi", "greater than domain.lo");
    expectScenarioError(richWith("/domain/hi", -2.5), "domain.hi", "greater than domain.lo");
    expectScenarioError(richWith("/domain/hi", -2.5 + 1e-9), "domain.hi", "by at least");
    expectScenarioError(richWith("/domain/lo", -1e7), "domain.lo", "between");
    expectScenarioError(richWith("/domain/samples", 1), "domain.samples", "between 2 and 100000");
    expectScenarioError(richWith("/domain/samples", 100001), "domain.samples",
                        "between 2 and 100000");
    expectScenarioError(richWith("/domain/samples", 10.5), "domain.samples", "whole number");
    expectScenarioError(richWith("/target/smoothing", -1), "target.smoothing", "between");
    expectScenarioError(richWith("/target/noiseSeed", -1), "target.noiseSeed", "from 0 to");
    expectScenarioError(richWith("/training/learningRate", 0), "training.learningRate",
                        "greater than 0");
    expectScenarioError(richWith("/training/learningRate", -0.1), "training.learningRate",
                        "greater than 0");
    expectScenarioError(richWith("/training/momentum", 1.0), "training.momentum", "between");
    expectScenarioError(richWith("/training/beta2", 1.0), "training.beta2", "between");
    expectScenarioError(richWith("/training/epsilon", 0), "training.epsilon", "greater than 0");
    expectScenarioError(richWith("/training/batchSize", -1), "training.batchSize", "between 0 and");
    expectScenarioError(richWith("/training/annealSteps", 0), "training.annealSteps",
                        "between 1 and");
    expectScenarioError(richWith("/training/stopLoss", -1), "training.stopLoss", "between");
    expectScenarioError(richWith("/training/seed", -1), "training.seed", "from 0 to");
    expectScenarioError(richWith("/training/seed", 1.5), "training.seed", "from 0 to");
    // 2^64 does not fit: the JSON library reads it as a double.
    expectScenarioError(R"({"format": "stepwise-scenario", "version": 1, "network": {"hidden":
        [{"w": 1, "b": 0, "v": 1}]}, "training": {"seed": 18446744073709551616}})",
                        "training.seed", "from 0 to");
    expectScenarioError(richWith("/view/xHi", -3.0), "view.xHi", "greater than view.xLo");
    expectScenarioError(richWith("/view/yLo", 6.0), "view.yHi", "greater than view.yLo");
    expectScenarioError(richWith("/lesson/chapter", 16), "lesson.chapter", "between 0 and 15");
    expectScenarioError(richWith("/lesson/chapter", -1), "lesson.chapter", "between 0 and 15");
    expectScenarioError(richWith("/lesson/tasksDone/0", ""), "lesson.tasksDone[0]", "1 to 64");
    expectScenarioError(richWith("/lesson/tasksDone/0", std::string(65, 'a')),
                        "lesson.tasksDone[0]", "1 to 64");
    expectScenarioError(richWith("/lesson/tasksDone/0", "two words"), "lesson.tasksDone[0]",
                        "letters, digits");
}

TEST(ScenarioFileError, OutOfRangeCounts) {
    expectScenarioError(minimalWith("/network/hidden", json::array()), "network.hidden",
                        "between 1 and 256 neurons, not 0");
    json neurons = json::array();
    for (int i = 0; i < kMaxHidden + 1; ++i)
        neurons.push_back({{"w", 1}, {"b", 0}, {"v", 1}});
    expectScenarioError(minimalWith("/network/hidden", neurons), "network.hidden", "not 257");
    neurons.erase(neurons.size() - 1);
    EXPECT_TRUE(readScenario(minimalWith("/network/hidden", neurons)).ok());

    // Strokes and points, built at test time rather than committed.
    json point = json::array({0.5, 0.5});
    json strokes = json::array();
    for (int i = 0; i < kMaxStrokes + 1; ++i)
        strokes.push_back(json{{"points", json::array({point})}});
    expectScenarioError(minimalWith("/target", {{"strokes", strokes}}), "target.strokes",
                        "at most 10000 strokes");

    json points = json::array();
    for (int i = 0; i < kMaxStrokePoints + 1; ++i)
        points.push_back(point);
    expectScenarioError(
        minimalWith("/target", json{{"strokes", json::array({json{{"points", points}}})}}),
        "target.strokes[0].points", "at most 100000 points");

    points.erase(points.size() - 1);
    json many = json::array();
    for (int i = 0; i < 3; ++i)
        many.push_back(json{{"points", points}});
    expectScenarioError(minimalWith("/target", {{"strokes", many}}), "target.strokes[2].points",
                        "more than 200000 points in all");

    json tasks = json::array();
    for (int i = 0; i < kMaxTasksDone + 1; ++i)
        tasks.push_back("t" + std::to_string(i));
    expectScenarioError(minimalWith("/lesson", {{"tasksDone", tasks}}), "lesson.tasksDone",
                        "at most 256 tasks");
}

TEST(ScenarioFileError, NonFiniteNumbersSpelledAnyWay) {
    for (const std::string spelling : {"NaN", "nan", "-NaN", "NAN", "Infinity", "-Infinity",
                                       "+Infinity", "infinity", "inf", "-inf", "Inf"}) {
        std::string text = richWith("/training/learningRate", 0.4375);
        const std::size_t at = text.find("0.4375");
        ASSERT_NE(at, std::string::npos);
        text.replace(at, 6, spelling);
        SCOPED_TRACE(spelling);
        expectSyntaxError(text, "NaN and Infinity are not allowed");
    }
    for (const std::string spelling : {"1e999", "-1e999", "1E+400", "123456789e1000"}) {
        SCOPED_TRACE(spelling);
        std::string text = richWith("/network/c", 0.4375);
        text.replace(text.find("0.4375"), 6, spelling);
        expectSyntaxError(text, "too large; every number must be finite");
    }
    // The strings "NaN" and "Infinity" are text, not numbers.
    expectScenarioError(minimalWith("/network/c", "NaN"), "network.c",
                        "must be a number, not text");
    // Underflow is not an error: 1e-999 is 0.
    std::string text = richWith("/network/c", 0.4375);
    text.replace(text.find("0.4375"), 6, "1e-999");
    const ScenarioResult r = readScenario(text);
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_EQ(r.scenario->network.c, 0.0);
}

TEST(ScenarioFileError, SyntaxErrorsGiveLineAndColumn) {
    const ScenarioResult r = readScenario("{\n  \"format\": \"stepwise-scenario\",\n  oops\n}");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.field, "line 3, column 3");
    EXPECT_NE(r.error.problem.find("not valid JSON"), std::string::npos) << r.error.problem;
}

TEST(ScenarioFileError, EmptyAndBlank) {
    expectScenarioError("", "(file)", "empty");
    expectSyntaxError("   \n\t ", "ends in the middle");
}

TEST(ScenarioFileError, Truncated) {
    const std::string full = writeScenario(richScenario());
    // Every cut of a written file is refused (a cut that happens to end on the root's closing
    // brace is the whole file).
    for (std::size_t n = 1; n + 1 < full.size(); n += 7) {
        const ScenarioResult r = readScenario(std::string_view(full).substr(0, n));
        ASSERT_FALSE(r.ok()) << "cut at " << n;
        EXPECT_FALSE(r.error.field.empty());
        EXPECT_FALSE(r.error.problem.empty());
    }
    expectSyntaxError(full.substr(0, full.size() / 2), "cut short");
}

TEST(ScenarioFileError, TooLarge) {
    std::string big(kMaxScenarioBytes + 1, ' ');
    big.replace(0, std::char_traits<char>::length(kMinimal), kMinimal);
    expectScenarioError(big, "(file)", "more than the limit");
    // Exactly at the limit is allowed (whitespace after the object).
    big.pop_back();
    EXPECT_TRUE(readScenario(big).ok());
}

TEST(ScenarioFileError, TooDeep) {
    // A 100000-deep nest must not reach the parser (nor blow the stack).
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const ScenarioResult r = readScenario(deep);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.field, "line 1, column " + std::to_string(kMaxJsonDepth + 1));
    EXPECT_NE(r.error.problem.find("nested more than 32"), std::string::npos);
    // Objects too, and brackets inside strings do not count.
    std::string objects;
    for (int i = 0; i < 50000; ++i)
        objects += "{\"a\":";
    expectSyntaxError(objects, "nested more than");
    EXPECT_TRUE(readScenario(minimalWith("/lesson", {{"tasksDone",
                                                      {"[[[[[[[[[[[[[[[[[[[["
                                                       "[[[[[[[[[[[[[[[[[[[["}}}))
                    .ok());
}

TEST(ScenarioFileError, TooManyValues) {
    std::string flat = "[0";
    for (long i = 0; i < kMaxJsonValues; ++i)
        flat += ",0";
    flat += "]";
    expectSyntaxError(flat, "more than 1000000 values");
}

TEST(ScenarioFileError, BinaryGarbage) {
    std::string garbage;
    std::uint32_t state = 12345;
    for (int i = 0; i < 4096; ++i) {
        state = state * 1664525u + 1013904223u;
        garbage += static_cast<char>(state >> 24);
    }
    garbage[0] = '\x89'; // like a PNG
    const ScenarioResult r = readScenario(garbage);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.field.rfind("line ", 0), 0u) << r.error.field;
    // The problem quotes no raw bytes: everything outside printable ASCII is escaped.
    for (unsigned char ch : r.error.problem)
        EXPECT_TRUE(ch >= 0x20 && ch < 0x7f) << r.error.problem;
    expectSyntaxError(std::string("\0\0\0\0", 4), "zero byte");
    // The JSON library stops at a zero byte: what follows must not be ignored.
    expectSyntaxError(kMinimal + std::string("\0garbage", 8), "zero byte");
}

TEST(ScenarioFileError, InvalidUtf8) {
    for (const std::string bad :
         {"\xFF", "\xC0\xAF", "\xE9t\xE9", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
        SCOPED_TRACE(testing::PrintToString(bad));
        std::string text = richWith("/lesson/tasksDone/0", "PLACEHOLDER");
        text.replace(text.find("PLACEHOLDER"), 11, bad);
        expectSyntaxError(text, "not valid UTF-8");
    }
    // UTF-16 (with its byte-order mark) is not UTF-8 either.
    std::string utf16 = "\xFF\xFE";
    for (char ch : std::string(kMinimal)) {
        utf16 += ch;
        utf16 += '\0';
    }
    const ScenarioResult r = readScenario(utf16);
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(r.error.problem.empty());
}

TEST(ScenarioFileError, FormatErrorIsOneLine) {
    EXPECT_EQ(formatError("fit.stepwise", {"network.hidden[3].w", "must be a number, not text"}),
              "fit.stepwise: network.hidden[3].w: must be a number, not text");
    EXPECT_EQ(formatError("a\nb", {"f", "p\rq"}), "a b: f: p q");
}

// ---------------------------------------------------------------------------------------------
// Corpora

TEST(ScenarioFileCorpus, EveryBrokenFileIsRefusedWithFieldAndProblem) {
    const auto files = filesIn(fs::path(STEPWISE_TEST_DATA) / "broken");
    ASSERT_GE(files.size(), 40u);
    for (const fs::path& f : files) {
        const ScenarioResult r = readScenarioFile(f);
        EXPECT_FALSE(r.ok()) << f.filename() << " was accepted";
        EXPECT_FALSE(r.error.field.empty()) << f.filename();
        EXPECT_FALSE(r.error.problem.empty()) << f.filename();
        // One line, printable: the message goes to a terminal as it is.
        const std::string line = formatError(f.filename().string(), r.error);
        EXPECT_EQ(line.find('\n'), std::string::npos) << line;
        for (unsigned char ch : line)
            EXPECT_GE(ch, 0x20) << line;
    }
}

TEST(ScenarioFileCorpus, EveryValidFileReadsAndRoundTrips) {
    const auto files = filesIn(fs::path(STEPWISE_TEST_DATA) / "valid");
    ASSERT_GE(files.size(), 3u);
    for (const fs::path& f : files) {
        const ScenarioResult r = readScenarioFile(f);
        ASSERT_TRUE(r.ok()) << formatError(f.filename().string(), r.error);
        const ScenarioResult again = readScenario(writeScenario(*r.scenario));
        ASSERT_TRUE(again.ok()) << f.filename();
        EXPECT_EQ(*again.scenario, *r.scenario) << f.filename();
    }
}

TEST(ScenarioFileCorpus, EveryExampleReads) {
    const auto files = filesIn(fs::path(STEPWISE_SOURCE_DIR) / "resources" / "examples");
    ASSERT_GE(files.size(), 8u);
    for (const fs::path& f : files) {
        const ScenarioResult r = readScenarioFile(f);
        EXPECT_TRUE(r.ok()) << formatError(f.filename().string(), r.error);
    }
}

TEST(ScenarioFileCorpus, LessonExamplesHoldTheLessonPresets) {
    const fs::path dir = fs::path(STEPWISE_SOURCE_DIR) / "resources" / "examples";
    for (int i = 0; i < kNetworkPresetCount; ++i) {
        const auto preset = static_cast<NetworkPreset>(i);
        const fs::path f = dir / (std::string(networkPresetName(preset)) + ".stepwise");
        const ScenarioResult r = readScenarioFile(f);
        ASSERT_TRUE(r.ok()) << formatError(f.string(), r.error);
        EXPECT_EQ(r.scenario->network, networkPreset(preset)) << f.filename();
    }
}

TEST(ScenarioFileCorpus, TrainedSineExampleFitsItsTarget) {
    const ScenarioResult r = readScenarioFile(fs::path(STEPWISE_SOURCE_DIR) /
                                              "resources/examples/trained-sine-fit.stepwise");
    ASSERT_TRUE(r.ok()) << r.error.problem;
    const Scenario& s = *r.scenario;
    EXPECT_EQ(s.network.hidden(), 8);
    EXPECT_EQ(s.network.activation.kind, ActivationKind::Sigmoid);
    const Eigen::ArrayXd x = grid(s.domain.lo, s.domain.hi, s.domain.samples);
    const Eigen::ArrayXd t = sampleTarget(s.target, x, s.domain.lo, s.domain.hi);
    const Eigen::ArrayXd y = evaluateOutput(s.network, x);
    EXPECT_LT((y - t).abs().maxCoeff(), 0.05);
}

// ---------------------------------------------------------------------------------------------
// Disk

TEST_F(ScenarioFileDisk, SaveAndLoad) {
    const fs::path f = dir_ / "fit.stepwise";
    std::string error;
    ASSERT_TRUE(writeScenarioFile(f, richScenario(), &error)) << error;
    const ScenarioResult r = readScenarioFile(f);
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_EQ(*r.scenario, richScenario());
    EXPECT_EQ(entries(), 1u); // no temporary file left behind
}

TEST_F(ScenarioFileDisk, TooManyPointsAreNotSaved) {
    // An import may hold more points than a file: saving refuses and leaves the old file.
    const fs::path f = dir_ / "many.stepwise";
    spit(f, "old");
    Scenario s = defaultScenario();
    s.target.points.assign(static_cast<std::size_t>(kMaxTotalStrokePoints) + 1, {0.5, 0.5});
    std::string error;
    EXPECT_FALSE(writeScenarioFile(f, s, &error));
    EXPECT_NE(error.find("at most 200000"), std::string::npos) << error;
    EXPECT_EQ(slurp(f), "old");
    s.target.points.pop_back();
    ASSERT_TRUE(writeScenarioFile(f, s, &error)) << error;
    const ScenarioResult r = readScenarioFile(f);
    ASSERT_TRUE(r.ok()) << r.error.problem;
    EXPECT_EQ(r.scenario->target.points.size(), static_cast<std::size_t>(kMaxTotalStrokePoints));
}

TEST_F(ScenarioFileDisk, AtomicWriteReplacesWholeFile) {
    const fs::path f = dir_ / "a.stepwise";
    spit(f, std::string(10000, 'x'));
    std::string error;
    ASSERT_TRUE(writeFileAtomically(f, "short", &error)) << error;
    EXPECT_EQ(slurp(f), "short");
    ASSERT_TRUE(writeFileAtomically(f, "", &error)) << error;
    EXPECT_EQ(slurp(f), "");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(ScenarioFileDisk, AtomicWriteFailsWhereParentIsAFile) {
    // Fails for every user, root included: a regular file cannot hold files.
    const fs::path notADir = dir_ / "plain";
    spit(notADir, "I am a file");
    std::string error;
    EXPECT_FALSE(writeFileAtomically(notADir / "x.stepwise", "data", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(slurp(notADir), "I am a file");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(ScenarioFileDisk, AtomicWriteFailsInMissingFolder) {
    std::string error;
    EXPECT_FALSE(writeFileAtomically(dir_ / "no" / "such" / "x.stepwise", "data", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(fs::exists(dir_ / "no"));
}

TEST_F(ScenarioFileDisk, AtomicWriteOverFolderFailsAndLeavesItAlone) {
    const fs::path target = dir_ / "folder.stepwise";
    fs::create_directory(target);
    spit(target / "inside", "kept");
    std::string error;
    EXPECT_FALSE(writeFileAtomically(target, "data", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(slurp(target / "inside"), "kept");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(ScenarioFileDisk, AtomicWriteInReadOnlyFolderKeepsOldFile) {
    const fs::path sub = dir_ / "ro";
    fs::create_directory(sub);
    const fs::path f = sub / "old.stepwise";
    spit(f, "old contents");
    fs::permissions(sub, fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
    // Root (and some file systems) ignore the permission. Then the write goes through, and
    // must still be whole and leave no temporary file behind.
    const fs::path probe = sub / "probe";
    if (std::ofstream(probe).is_open()) {
        fs::remove(probe);
        std::string error;
        EXPECT_TRUE(writeFileAtomically(f, "new contents", &error)) << error;
        EXPECT_EQ(slurp(f), "new contents");
        EXPECT_EQ(std::distance(fs::directory_iterator(sub), fs::directory_iterator()), 1);
        fs::permissions(sub, fs::perms::owner_all, fs::perm_options::replace);
        return;
    }
    std::string error;
    EXPECT_FALSE(writeFileAtomically(f, "new contents", &error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(slurp(f), "old contents");
    EXPECT_EQ(std::distance(fs::directory_iterator(sub), fs::directory_iterator()), 1);
}

TEST_F(ScenarioFileDisk, ReadFileIsBounded) {
    const fs::path f = dir_ / "f";
    spit(f, std::string(100, 'a'));
    std::string out, error;
    EXPECT_TRUE(readFile(f, 100, out, error)) << error;
    EXPECT_EQ(out.size(), 100u);
    EXPECT_FALSE(readFile(f, 99, out, error));
    EXPECT_NE(error.find("limit"), std::string::npos) << error;
    EXPECT_FALSE(readFile(dir_ / "missing", 100, out, error));
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(readFile(dir_, 100, out, error));
    EXPECT_NE(error.find("folder"), std::string::npos) << error;
}

TEST_F(ScenarioFileDisk, UnreadableFileNamesTheFile) {
    const ScenarioResult r = readScenarioFile(dir_ / "missing.stepwise");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error.field, "(file)");
    EXPECT_FALSE(r.error.problem.empty());
}

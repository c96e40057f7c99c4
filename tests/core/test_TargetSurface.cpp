// TargetSurface: the presets are the shapes their names say, the brush marks once per stroke and
// erases what was painted, and a surface goes through a version 3 file and back; a file that
// gives a plane's target to a network of one input is refused by name.
#include "core/scenario/TargetSurface.h"

#include "core/deep/RandomLayered.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioFile.h"

#include <gtest/gtest.h>

#include <random>

using namespace stepwise;

namespace {

double at(const TargetSurface& s, double x1, double x2, double lo = -1.0, double hi = 1.0) {
    Eigen::MatrixXd x(2, 1);
    x << x1, x2;
    return sampleSurface(s, x, lo, hi)[0];
}

TargetSurface preset(SurfacePreset p) {
    TargetSurface s;
    s.preset = p;
    return s;
}

} // namespace

TEST(TargetSurface, PresetsAreTheirShapes) {
    const TargetSurface tower = preset(SurfacePreset::Tower);
    EXPECT_EQ(at(tower, 0.0, 0.0), 1.0);
    EXPECT_EQ(at(tower, 0.5, 0.0), 0.0);
    EXPECT_EQ(at(tower, 0.0, -0.5), 0.0);
    const TargetSurface ring = preset(SurfacePreset::Ring);
    EXPECT_EQ(at(ring, 0.0, 0.0), 0.0);
    EXPECT_EQ(at(ring, 0.6, 0.0), 1.0);
    EXPECT_EQ(at(ring, 0.0, -0.9), 0.0);
    EXPECT_DOUBLE_EQ(at(preset(SurfacePreset::Saddle), 0.5, 0.25), 0.25 - 0.0625);
    EXPECT_DOUBLE_EQ(at(preset(SurfacePreset::Ramp), 0.5, -0.1), 0.2);
    const TargetSurface board = preset(SurfacePreset::Checkerboard);
    EXPECT_EQ(at(board, -0.9, -0.9), 1.0);
    EXPECT_EQ(at(board, -0.4, -0.9), 0.0);
    EXPECT_EQ(at(board, -0.4, -0.4), 1.0);
    EXPECT_EQ(at(board, 1.0, 1.0), 1.0); // the top-right corner belongs to the last square
    const TargetSurface bumps = preset(SurfacePreset::TwoBumps);
    EXPECT_NEAR(at(bumps, 0.4, 0.4), 1.0, 1e-4);
    EXPECT_NEAR(at(bumps, -0.4, -0.4), 1.0, 1e-4);
    EXPECT_LT(at(bumps, 0.4, -0.4), 0.05);
    // Shapes fill any domain: the tower on [0, 10] stands at its middle.
    EXPECT_EQ(at(tower, 5.0, 5.0, 0.0, 10.0), 1.0);
    EXPECT_EQ(at(tower, 1.0, 5.0, 0.0, 10.0), 0.0);
}

TEST(TargetSurface, NoisyIsTheTowerPlusBoundedSeededNoise) {
    const Eigen::MatrixXd x = planeGrid(-1.0, 1.0, 21);
    TargetSurface noisy = preset(SurfacePreset::Noisy);
    const Eigen::ArrayXd a = sampleSurface(noisy, x, -1.0, 1.0);
    const Eigen::ArrayXd tower = sampleSurface(preset(SurfacePreset::Tower), x, -1.0, 1.0);
    EXPECT_LE((a - tower).abs().maxCoeff(), 0.15);
    EXPECT_GT((a - tower).abs().maxCoeff(), 0.05);
    EXPECT_TRUE((sampleSurface(noisy, x, -1.0, 1.0) == a).all()); // the same seed, the same noise
    noisy.noiseSeed = 2;
    EXPECT_FALSE((sampleSurface(noisy, x, -1.0, 1.0) == a).all());
}

TEST(TargetSurface, TheBrushMarksOncePerStrokeAndEraseTakesThePaintBack) {
    TargetSurface s;
    BrushStroke raise;
    raise.radius = 0.5;
    raise.strength = 0.8;
    raise.points = {{0.0, 0.0}, {0.1, 0.0}, {0.0, 0.0}}; // back and forth: still one mark
    s.strokes.push_back(raise);
    EXPECT_DOUBLE_EQ(at(s, 0.0, 0.0), 0.8);
    EXPECT_DOUBLE_EQ(at(s, 0.0, 0.25), 0.8 * (1.0 - 0.0625 / 0.25));
    EXPECT_EQ(at(s, 0.0, 0.6), 0.0); // outside the rim
    BrushStroke lower = raise;
    lower.strength = -0.3;
    lower.points = {{0.0, 0.0}};
    s.strokes.push_back(lower);
    EXPECT_DOUBLE_EQ(at(s, 0.0, 0.0), 0.5);
    BrushStroke erase = raise;
    erase.erase = true;
    erase.points = {{0.0, 0.0}};
    s.strokes.push_back(erase);
    EXPECT_DOUBLE_EQ(at(s, 0.0, 0.0), 0.0); // under the centre the paint is gone
    EXPECT_GT(at(s, 0.0, 0.45), 0.0);       // near the rim some is left
    // Paint sits on the preset; an erase takes back the paint, never the preset.
    s.preset = SurfacePreset::Tower;
    EXPECT_DOUBLE_EQ(at(s, 0.0, 0.0), 1.0);
}

TEST(TargetSurface, ValuesStayFiniteAndBounded) {
    TargetSurface s = preset(SurfacePreset::Saddle);
    BrushStroke huge;
    huge.radius = 3.0;
    huge.strength = kMaxBrushStrength;
    huge.points = {{0.0, 0.0}};
    for (int i = 0; i < 5; ++i)
        s.strokes.push_back(huge);
    const Eigen::ArrayXd y = sampleSurface(s, planeGrid(-1.0, 1.0, 11), -1.0, 1.0);
    EXPECT_TRUE(y.allFinite());
    EXPECT_LE(y.abs().maxCoeff(), kTargetLimit);
}

TEST(TargetSurface, PlaneGridRunsAlongX1First) {
    const Eigen::MatrixXd x = planeGrid(0.0, 2.0, 3);
    ASSERT_EQ(x.rows(), 2);
    ASSERT_EQ(x.cols(), 9);
    EXPECT_EQ(x(0, 1), 1.0);
    EXPECT_EQ(x(1, 1), 0.0);
    EXPECT_EQ(x(0, 3), 0.0);
    EXPECT_EQ(x(1, 3), 1.0);
    EXPECT_EQ(x(0, 8), 2.0);
    EXPECT_EQ(x(1, 8), 2.0);
}

namespace {

Scenario twoInputScenario() {
    Scenario s = defaultScenario();
    std::mt19937_64 rng(3);
    s.layered = randomLayeredNetwork(2, {{6, {ActivationKind::Sigmoid, 4.0}}}, -1.0, 1.0, rng);
    TargetSurface t = preset(SurfacePreset::Ring);
    t.noiseSeed = 9;
    BrushStroke b;
    b.radius = 0.3;
    b.strength = -0.25;
    b.erase = false;
    b.points = {{0.5, -0.25}, {0.25, 0.125}};
    t.strokes.push_back(b);
    s.surface = t;
    return s;
}

} // namespace

TEST(TargetSurface, GoesThroughAVersion3FileAndBack) {
    const Scenario s = twoInputScenario();
    const std::string text = writeScenario(s);
    EXPECT_NE(text.find("\"targetSurface\""), std::string::npos);
    const ScenarioResult r = readScenario(text);
    ASSERT_TRUE(r.ok()) << r.error.field << ": " << r.error.problem;
    ASSERT_TRUE(r.scenario->surface);
    EXPECT_EQ(*r.scenario->surface, *s.surface);
    ASSERT_TRUE(r.scenario->layered);
    EXPECT_EQ(r.scenario->layered->inputs, 2);
}

TEST(TargetSurface, FilesThatMisuseItAreRefusedByName) {
    auto refused = [](const std::string& text, const std::string& field) {
        const ScenarioResult r = readScenario(text);
        EXPECT_FALSE(r.ok()) << text;
        if (!r.ok()) {
            EXPECT_EQ(r.error.field.rfind(field, 0), 0u) << r.error.field;
        }
    };
    const std::string good = writeScenario(twoInputScenario());
    auto replaced = [&good](const std::string& from, const std::string& to) {
        std::string s = good;
        const auto at = s.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos) s.replace(at, from.size(), to);
        return s;
    };
    refused(replaced("\"ring\"", "\"pyramid\""), "targetSurface.preset");
    refused(replaced("\"radius\": 0.3", "\"radius\": -1"), "targetSurface.strokes[0].radius");
    refused(replaced("\"strength\": -0.25", "\"strength\": \"lots\""),
            "targetSurface.strokes[0].strength");
    refused(replaced("[0.5, -0.25]", "[0.5]"), "targetSurface.strokes[0].points[0]");
    // A plane's target for a network of one input.
    Scenario one = twoInputScenario();
    std::mt19937_64 rng(4);
    one.layered = randomLayeredNetwork(
        1, {{3, {ActivationKind::Tanh, 1.0}}, {2, {ActivationKind::Tanh, 1.0}}}, -1.0, 1.0, rng);
    std::string text = writeScenario(one); // the writer leaves it out …
    EXPECT_EQ(text.find("targetSurface"), std::string::npos);
    const auto close = text.rfind('}');
    text.insert(close,
                ",\n\"targetSurface\": {\"preset\": \"tower\"}\n"); // … a hand-made file has it
    refused(text, "targetSurface");
}

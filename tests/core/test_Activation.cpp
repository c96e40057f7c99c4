// Activation: each g and g' checked by hand at known points, and g' against a central difference;
// then every entry of the activation table walked (core/network/ActivationTable.h), so that a new
// entry is checked without a line added here.
#include "core/network/Activation.h"
#include "core/scenario/ScenarioFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace stepwise;

namespace {

double centralDifference(const Activation& g, double z, double h = 1e-6) {
    return (g(z + h) - g(z - h)) / (2.0 * h);
}

// Points that stay clear of the ReLU kink at 0 by much more than the difference step.
const std::vector<double> kPoints = {-3.0, -1.7, -0.8, -0.31, -0.05, 0.07, 0.4, 0.9, 1.6, 2.9};

} // namespace

TEST(Activation, StepIsHeavisideWithOneAtZero) {
    const Activation g{ActivationKind::Step, 1.0};
    EXPECT_EQ(g(0.0), 1.0); // H(0) = 1: a neuron fires exactly at its threshold
    EXPECT_EQ(g(-0.0), 1.0);
    EXPECT_EQ(g(1e-300), 1.0);
    EXPECT_EQ(g(-1e-300), 0.0);
    EXPECT_EQ(g(-2.0), 0.0);
    EXPECT_EQ(g(5.0), 1.0);
}

TEST(Activation, StepDerivativeIsExactlyZero) {
    const Activation g{ActivationKind::Step, 1.0};
    for (double z : {-2.0, -1e-9, 0.0, 1e-9, 3.0})
        EXPECT_EQ(g.derivative(z), 0.0) << "z = " << z;
}

TEST(Activation, SigmoidValuesByHand) {
    // σ(k·z) = 1/(1 + e^(−kz)): σ(0) = 1/2, σ(ln 3) = 3/4, σ(−ln 3) = 1/4.
    const double ln3 = std::log(3.0);
    const Activation g1{ActivationKind::Sigmoid, 1.0};
    EXPECT_DOUBLE_EQ(g1(0.0), 0.5);
    EXPECT_DOUBLE_EQ(g1(ln3), 0.75);
    EXPECT_DOUBLE_EQ(g1(-ln3), 0.25);
    // Steepness k scales z: with k = 4, z = ln3/4 gives 3/4.
    const Activation g4{ActivationKind::Sigmoid, 4.0};
    EXPECT_DOUBLE_EQ(g4(ln3 / 4.0), 0.75);
    // g'(z) = k·g·(1−g): at 0 it is k/4.
    EXPECT_DOUBLE_EQ(g1.derivative(0.0), 0.25);
    EXPECT_DOUBLE_EQ(g4.derivative(0.0), 1.0);
    EXPECT_DOUBLE_EQ(g4.derivative(ln3 / 4.0), 4.0 * 0.75 * 0.25);
}

TEST(Activation, SteepSigmoidApproachesStep) {
    const Activation step{ActivationKind::Step, 1.0};
    const Activation steep{ActivationKind::Sigmoid, 1000.0};
    for (double z : {-1.0, -0.1, -0.02, 0.02, 0.1, 1.0})
        EXPECT_NEAR(steep(z), step(z), 1e-8) << "z = " << z;
}

TEST(Activation, TanhReluIdentityValuesByHand) {
    const Activation t{ActivationKind::Tanh, 1.0};
    // tanh(ln 2) = (2 − 1/2)/(2 + 1/2) = 3/5.
    EXPECT_DOUBLE_EQ(t(std::log(2.0)), 0.6);
    EXPECT_DOUBLE_EQ(t.derivative(std::log(2.0)), 1.0 - 0.36);
    const Activation r{ActivationKind::ReLU, 1.0};
    EXPECT_EQ(r(-2.5), 0.0);
    EXPECT_EQ(r(0.0), 0.0);
    EXPECT_EQ(r(2.5), 2.5);
    EXPECT_EQ(r.derivative(-1.0), 0.0);
    EXPECT_EQ(r.derivative(0.0), 0.0); // g'(z) = 1 only for z > 0
    EXPECT_EQ(r.derivative(1.0), 1.0);
    const Activation id{ActivationKind::Identity, 1.0};
    EXPECT_EQ(id(-1.25), -1.25);
    EXPECT_EQ(id.derivative(-1.25), 1.0);
}

TEST(Activation, SigmoidDerivativeMatchesCentralDifference) {
    for (double k : {0.5, 1.0, 3.0, 10.0}) {
        const Activation g{ActivationKind::Sigmoid, k};
        for (double z : kPoints) {
            const double h = 1e-5 / k;
            EXPECT_NEAR(g.derivative(z), centralDifference(g, z, h), 1e-7 * std::max(1.0, k))
                << "k = " << k << ", z = " << z;
        }
    }
}

TEST(Activation, TanhReluIdentityDerivativesMatchCentralDifference) {
    for (ActivationKind kind :
         {ActivationKind::Tanh, ActivationKind::ReLU, ActivationKind::Identity}) {
        const Activation g{kind, 1.0};
        for (double z : kPoints)
            EXPECT_NEAR(g.derivative(z), centralDifference(g, z), 1e-8)
                << activationName(kind) << " z = " << z;
    }
}

TEST(Activation, ArrayFormsMatchScalarForms) {
    Eigen::ArrayXXd z(4, 3);
    z << -3.0, -0.5, 0.0, -0.1, 0.1, 0.25, 1.0, 2.0, -1e-12, 4.0, -4.0, 0.7;
    for (ActivationKind kind : {ActivationKind::Step, ActivationKind::Sigmoid, ActivationKind::Tanh,
                                ActivationKind::ReLU, ActivationKind::Identity}) {
        const Activation g{kind, 2.5};
        Eigen::ArrayXXd a(4, 3), d(4, 3);
        g.apply(z, a);
        g.derivative(z, a, d);
        for (Eigen::Index i = 0; i < z.rows(); ++i)
            for (Eigen::Index j = 0; j < z.cols(); ++j) {
                EXPECT_NEAR(a(i, j), g(z(i, j)), 1e-15) << activationName(kind);
                EXPECT_NEAR(d(i, j), g.derivative(z(i, j)), 1e-15) << activationName(kind);
            }
    }
}

TEST(Activation, NamesRoundTrip) {
    for (ActivationKind kind : {ActivationKind::Step, ActivationKind::Sigmoid, ActivationKind::Tanh,
                                ActivationKind::ReLU, ActivationKind::Identity}) {
        const auto back = activationFromName(activationName(kind));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, kind);
    }
    EXPECT_EQ(activationName(ActivationKind::Step), "step");
    EXPECT_EQ(activationName(ActivationKind::Sigmoid), "sigmoid");
    EXPECT_FALSE(activationFromName("softmax").has_value());
    EXPECT_FALSE(activationFromName("").has_value());
}

// ---------------------------------------------------------------------------------------------
// Every entry of the table

namespace {

// The steepnesses an entry is checked at (those without a steepness ignore k).
template <class G> std::vector<double> steepnesses(G) {
    if (G::hasSteepness) return {0.5, 1.0, 3.0, 10.0};
    return {1.0};
}

template <class G> std::string describeActivation(G, double k) {
    return std::string(G::name) + " k = " + std::to_string(k);
}

} // namespace

TEST(ActivationTable, CountIsTheNumberOfEntriesWithDistinctNames) {
    std::set<std::string_view> names;
    forEachActivation([&](auto g) { names.insert(g.name); });
    EXPECT_EQ(static_cast<int>(names.size()), kActivationCount);
    EXPECT_EQ(static_cast<int>(kActivationNames.size()), kActivationCount);
}

TEST(ActivationTable, EveryEntryIsTheActivationOfItsKind) {
    // Activation (out of line) and the entry (header) give the same bits at the same z.
    forEachActivation([](auto g) {
        for (double k : steepnesses(g)) {
            const Activation act{g.kind, k};
            for (double z : kPoints) {
                EXPECT_EQ(act(z), g.f(z, k)) << describeActivation(g, k) << " z = " << z;
                EXPECT_EQ(act.derivative(z), g.slope(z, g.f(z, k), k))
                    << describeActivation(g, k) << " z = " << z;
            }
        }
    });
}

TEST(ActivationTable, EverySlopeMatchesCentralDifference) {
    // kPoints stay clear of the kinks (step, ReLU at 0) by more than the difference step.
    forEachActivation([](auto g) {
        for (double k : steepnesses(g)) {
            const Activation act{g.kind, k};
            const double h = 1e-5 / k;
            for (double z : kPoints)
                EXPECT_NEAR(act.derivative(z), centralDifference(act, z, h),
                            1e-7 * std::max(1.0, k))
                    << describeActivation(g, k) << " z = " << z;
        }
    });
}

TEST(ActivationTable, EveryArrayFormMatchesTheScalarForm) {
    Eigen::ArrayXXd z(4, 3);
    z << -3.0, -0.5, 0.0, -0.1, 0.1, 0.25, 1.0, 2.0, -1e-12, 4.0, -4.0, 0.7;
    forEachActivation([&](auto g) {
        for (double k : steepnesses(g)) {
            const Activation act{g.kind, k};
            Eigen::ArrayXXd a(4, 3), d(4, 3);
            act.apply(z, a);
            act.derivative(z, a, d);
            // The entry's own array form, on an expression as the kernels use it.
            const Eigen::ArrayXXd aExpr = g.f(1.0 * z, k);
            const Eigen::ArrayXXd dExpr = g.slope(1.0 * z, a, k);
            for (Eigen::Index i = 0; i < z.rows(); ++i)
                for (Eigen::Index j = 0; j < z.cols(); ++j) {
                    // Eigen's vectorised exp may differ from std::exp in the last bit.
                    EXPECT_NEAR(a(i, j), act(z(i, j)), 1e-15)
                        << describeActivation(g, k) << " z = " << z(i, j);
                    EXPECT_NEAR(d(i, j), act.derivative(z(i, j)), 1e-15)
                        << describeActivation(g, k) << " z = " << z(i, j);
                    EXPECT_EQ(aExpr(i, j), a(i, j)) << describeActivation(g, k);
                    EXPECT_EQ(dExpr(i, j), d(i, j)) << describeActivation(g, k);
                }
        }
    });
}

TEST(ActivationTable, EveryNameRoundTrips) {
    forEachActivation([](auto g) {
        EXPECT_EQ(activationName(g.kind), g.name);
        const auto back = activationFromName(g.name);
        ASSERT_TRUE(back.has_value()) << g.name;
        EXPECT_EQ(*back, g.kind);
        EXPECT_FALSE(activationFromName(std::string(g.name) + "x").has_value()) << g.name;
    });
}

TEST(ActivationTable, ScenarioReaderAcceptsEveryNameAndListsThemAll) {
    // Pins the reader's list of activations to the table (it once held a literal count of 5).
    std::string all;
    forEachActivation([&](auto g) {
        const std::string file =
            R"({"format": "stepwise-scenario", "version": 1, "network": {"activation": ")" +
            std::string(g.name) + R"(", "hidden": [{"w": 4, "b": 2, "v": 1}]}})";
        const ScenarioResult r = readScenario(file);
        ASSERT_TRUE(r.ok()) << g.name << ": " << r.error.field << ": " << r.error.problem;
        EXPECT_EQ(r.scenario->network.activation.kind, g.kind) << g.name;
        // And back through the writer.
        const ScenarioResult again = readScenario(writeScenario(*r.scenario));
        ASSERT_TRUE(again.ok()) << g.name;
        EXPECT_EQ(again.scenario->network.activation.kind, g.kind) << g.name;
        all += (all.empty() ? "" : ", ") + std::string(g.name);
    });
    const ScenarioResult bad = readScenario(
        R"({"format": "stepwise-scenario", "version": 1, "network": {"activation": "softmax", )"
        R"("hidden": [{"w": 4, "b": 2, "v": 1}]}})");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error.field, "network.activation");
    EXPECT_NE(bad.error.problem.find("(one of: " + all + ")"), std::string::npos)
        << bad.error.problem;
}

TEST(ActivationTable, EveryGlyphStaysInsideItsBox) {
    // The diagram draws g(zScale·u), u in [−1, 1], from low (bottom) to high (top), with the
    // sigmoid's k at most 3: the curve must fill the box without leaving it.
    forEachActivation([](auto g) {
        ASSERT_LT(g.glyph.low, g.glyph.high) << g.name;
        ASSERT_GT(g.glyph.zScale, 0.0) << g.name;
        for (double k : {0.5, 1.0, 3.0}) {
            double lo = g.glyph.high, hi = g.glyph.low;
            for (int i = 0; i <= 24; ++i) {
                const double u = -1.0 + 2.0 * i / 24.0;
                for (double sign : {1.0, -1.0}) {
                    const double val = g.f(g.glyph.zScale * sign * u, k);
                    lo = std::min(lo, val);
                    hi = std::max(hi, val);
                }
            }
            EXPECT_GE(lo, g.glyph.low) << describeActivation(g, k);
            EXPECT_LE(hi, g.glyph.high) << describeActivation(g, k);
            // At least 60 % of the box's height is used.
            EXPECT_GT(hi - lo, 0.6 * (g.glyph.high - g.glyph.low)) << describeActivation(g, k);
        }
    });
}

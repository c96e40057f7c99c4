// KernelSet: every compiled kernel set (baseline, AVX2+FMA, AVX-512) against the baseline, the
// baseline against the plain whole-batch formulas it replaced, and the thread count against the
// bits of the result.
#include "core/kernels/KernelTable.h"
#include "core/landscape/LossLandscape.h"
#include "core/network/Backprop.h"
#include "core/network/KernelSet.h"
#include "core/scenario/Presets.h"
#include "core/training/Trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>

using namespace stepwise;

namespace {

// Puts the kernel set and thread count back as they were.
struct KernelGuard {
    std::string set = activeKernelSet();
    ~KernelGuard() {
        setKernelSet(set);
        setKernelThreads(0);
    }
};

struct KernelCase {
    Activation g;
    bool surrogate = false;
    int hidden = 0, samples = 0;
};

std::vector<KernelCase> kernelCases() {
    std::vector<KernelCase> out;
    std::vector<Activation> kinds; // every entry of the table, two steepnesses where it has one
    forEachActivation([&](auto g) {
        kinds.push_back({g.kind, 1.0});
        if (g.hasSteepness) kinds.push_back({g.kind, 4.0});
    });
    for (const auto& [h, n] : {std::pair{2, 256}, {5, 40}, {16, 600}, {64, 1100}})
        for (const Activation& g : kinds) {
            out.push_back({g, false, h, n});
            if (g.kind == ActivationKind::Step) out.push_back({g, true, h, n});
        }
    return out;
}

struct Problem {
    Network net;
    Eigen::ArrayXd x, t;
};

Problem problem(const KernelCase& c) {
    std::mt19937_64 rng(static_cast<std::uint64_t>(c.hidden * 1000 + c.samples));
    Problem p;
    p.net = randomNetwork(c.hidden, c.g, -1.5, 1.5, rng);
    p.net.c = 0.3;
    p.x = grid(-2.0, 2.0, c.samples);
    p.t = (3.0 * p.x).sin();
    return p;
}

std::string describeKernelCase(const KernelCase& c) {
    return std::string(activationName(c.g.kind)) + " k=" + std::to_string(c.g.steepness) +
           (c.surrogate ? " surrogate" : "") + " H=" + std::to_string(c.hidden) +
           " N=" + std::to_string(c.samples);
}

struct Result {
    double loss = 0.0;
    Eigen::VectorXd gradient;
};

Result gradientOf(const KernelCase& c) {
    const Problem p = problem(c);
    BackpropOptions o;
    o.stepSurrogate = c.surrogate;
    GradientKernel kernel;
    Result r;
    r.loss = kernel.compute(p.net, p.x, p.t, r.gradient, o);
    return r;
}

// |a − b| within 1e-12 of the larger of |b| and the largest entry (FMA rounds differently).
void expectArraysClose(const Eigen::Ref<const Eigen::ArrayXd>& a,
                       const Eigen::Ref<const Eigen::ArrayXd>& b, const std::string& what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    const double scale = b.abs().maxCoeff();
    for (Eigen::Index i = 0; i < a.size(); ++i)
        ASSERT_NEAR(a[i], b[i], 1e-12 * std::max({std::abs(b[i]), scale, 1e-300}))
            << what << " entry " << i;
}

// The whole-batch formulas GradientKernel computed before it was cut into chunks (commit 08f2a56).
Result plainGradient(const KernelCase& c) {
    const Problem p = problem(c);
    const Network& net = p.net;
    const Eigen::Index n = p.x.size(), h = net.hidden();
    Eigen::ArrayXXd a(n, h);
    Eigen::ArrayXd z(n), e(n), d(n);
    e = net.c - p.t;
    for (Eigen::Index j = 0; j < h; ++j) {
        z = net.w[j] * p.x + net.b[j];
        net.activation.apply(z, a.col(j));
        e += net.v[j] * a.col(j);
    }
    Result r;
    r.loss = e.square().mean();
    r.gradient.resize(3 * h + 1);
    e *= 2.0 / static_cast<double>(n);
    const bool surrogate = c.surrogate && net.activation.kind == ActivationKind::Step;
    for (Eigen::Index j = 0; j < h; ++j) {
        const auto aj = a.col(j);
        r.gradient[2 * h + j] = (aj * e).sum();
        z = net.w[j] * p.x + net.b[j];
        if (surrogate) {
            d = (1.0 + (-10.0 * z).exp()).inverse();
            d = 10.0 * d * (1.0 - d);
        } else {
            net.activation.derivative(z, aj, d);
        }
        d *= e * net.v[j];
        r.gradient[j] = (d * p.x).sum();
        r.gradient[h + j] = d.sum();
    }
    r.gradient[3 * h] = e.sum();
    return r;
}

} // namespace

TEST(KernelSet, BaselineIsBuiltAndRunsEverywhere) {
    const auto compiled = compiledKernelSets();
    const auto available = availableKernelSets();
    ASSERT_FALSE(compiled.empty());
    EXPECT_EQ(compiled.front(), "baseline");
    ASSERT_FALSE(available.empty());
    EXPECT_EQ(available.front(), "baseline");
    EXPECT_NE(std::find(available.begin(), available.end(), activeKernelSet()), available.end());
    for (const std::string& name : available)
        EXPECT_NE(std::find(compiled.begin(), compiled.end(), name), compiled.end());
}

TEST(KernelSet, RefusesASetItCannotRun) {
    KernelGuard guard;
    const std::string before = activeKernelSet();
    std::string why;
    EXPECT_FALSE(setKernelSet("avx1024", &why));
    EXPECT_NE(why.find("avx1024"), std::string::npos) << why;
    EXPECT_NE(why.find("available: baseline"), std::string::npos) << why;
    EXPECT_EQ(activeKernelSet(), before);
    const auto available = availableKernelSets();
    for (const std::string& name : compiledKernelSets())
        if (std::find(available.begin(), available.end(), name) == available.end()) {
            EXPECT_FALSE(setKernelSet(name, &why)) << name;
            EXPECT_NE(why.find("lacks"), std::string::npos) << why;
        }
}

// Run by ctest a second time with STEPWISE_KERNELS set (tests/kernels/CMakeLists.txt).
TEST(KernelSetEnvironment, PinsTheSetItNames) {
    const auto available = availableKernelSets();
    const char* pinned = std::getenv("STEPWISE_KERNELS");
    if (pinned && std::find(available.begin(), available.end(), pinned) != available.end())
        EXPECT_STREQ(activeKernelSet(), pinned);
    else // unset, unknown or beyond this CPU: the fastest this CPU runs
        EXPECT_EQ(activeKernelSet(), available.back());
}

TEST(KernelSet, BaselineGivesTheSameBitsAsThePlainFormulasForOneChunk) {
    KernelGuard guard;
    ASSERT_TRUE(setKernelSet("baseline"));
    for (const KernelCase& c : kernelCases()) {
        const Result ours = gradientOf(c), plain = plainGradient(c);
        if (c.samples <= kernels::kChunk) {
            EXPECT_EQ(ours.loss, plain.loss) << describeKernelCase(c);
            EXPECT_EQ(ours.gradient, plain.gradient) << describeKernelCase(c);
        } else { // the chunks add up the same terms in another order
            EXPECT_NEAR(ours.loss, plain.loss, 1e-12 * plain.loss) << describeKernelCase(c);
            expectArraysClose(ours.gradient, plain.gradient, describeKernelCase(c));
        }
    }
}

TEST(KernelSet, EverySetAgreesWithTheBaseline) {
    KernelGuard guard;
    for (const std::string& set : availableKernelSets()) {
        for (const KernelCase& c : kernelCases()) {
            ASSERT_TRUE(setKernelSet("baseline"));
            const Result base = gradientOf(c);
            ASSERT_TRUE(setKernelSet(set));
            const Result ours = gradientOf(c);
            EXPECT_NEAR(ours.loss, base.loss, 1e-12 * base.loss)
                << set << " " << describeKernelCase(c);
            expectArraysClose(ours.gradient, base.gradient, set + " " + describeKernelCase(c));
        }
    }
}

TEST(KernelSet, EverySetEvaluatesTheGraphLikeTheBaseline) {
    KernelGuard guard;
    for (const std::string& set : availableKernelSets())
        for (const KernelCase& c : kernelCases()) {
            const Problem p = problem(c);
            Evaluation base, ours;
            ASSERT_TRUE(setKernelSet("baseline"));
            evaluate(p.net, p.x, base);
            ASSERT_TRUE(setKernelSet(set));
            evaluate(p.net, p.x, ours);
            const std::string what = set + " " + describeKernelCase(c);
            expectArraysClose(ours.z.reshaped(), base.z.reshaped(), what + " z");
            expectArraysClose(ours.activation.reshaped(), base.activation.reshaped(), what + " a");
            expectArraysClose(ours.contribution.reshaped(), base.contribution.reshaped(),
                              what + " v·a");
            expectArraysClose(ours.output, base.output, what + " y");
            // And the baseline against the definition.
            if (set == "baseline") {
                Eigen::ArrayXd y = Eigen::ArrayXd::Constant(p.x.size(), p.net.c);
                for (int j = 0; j < p.net.hidden(); ++j)
                    for (Eigen::Index i = 0; i < p.x.size(); ++i)
                        y[i] += p.net.v[j] * p.net.activation(p.net.w[j] * p.x[i] + p.net.b[j]);
                expectArraysClose(base.output, y, what + " y by definition");
            }
        }
}

TEST(KernelSet, EverySetDrawsTheHiddenLandscapeLikeTheBaseline) {
    KernelGuard guard;
    for (const std::string& set : availableKernelSets())
        for (const KernelCase& c : kernelCases()) {
            const Problem p = problem(c);
            LandscapeAxes axes =
                defaultAxes(p.net, {ParamKind::HiddenWeight, 0}, {ParamKind::HiddenBias, 0}, 24);
            ASSERT_TRUE(setKernelSet("baseline"));
            const Landscape base = computeLandscape(p.net, p.x, p.t, axes);
            ASSERT_TRUE(setKernelSet(set));
            const Landscape ours = computeLandscape(p.net, p.x, p.t, axes);
            expectArraysClose(ours.loss.array().reshaped(), base.loss.array().reshaped(),
                              set + " " + describeKernelCase(c));
            // The corner point against the loss itself.
            Network m = p.net;
            m.w[0] = base.valueP(0);
            m.b[0] = base.valueQ(0);
            EXPECT_NEAR(base.loss(0, 0), loss(m, p.x, p.t), 1e-12 * base.loss(0, 0));
        }
}

TEST(GradientKernel, ThreadCountDoesNotChangeTheBits) {
    KernelGuard guard;
    for (const std::string& set : availableKernelSets()) {
        ASSERT_TRUE(setKernelSet(set));
        for (const auto& [h, n] : {std::pair{64, 1100}, {128, 2100}, {256, 4096}}) {
            const KernelCase c{{ActivationKind::Sigmoid, 1.0}, false, h, n};
            const Problem p = problem(c);
            std::vector<Result> results;
            std::vector<double> losses;
            for (int threads : {1, 2, 3, 4}) {
                setKernelThreads(threads);
                results.push_back(gradientOf(c));
                losses.push_back(loss(p.net, p.x, p.t));
            }
            for (std::size_t i = 1; i < results.size(); ++i) {
                EXPECT_EQ(results[i].loss, results[0].loss) << set << " H=" << h;
                EXPECT_EQ(results[i].gradient, results[0].gradient) << set << " H=" << h;
                EXPECT_EQ(losses[i], losses[0]) << set << " H=" << h;
            }
            EXPECT_EQ(losses[0], results[0].loss);
        }
    }
}

TEST(Trainer, RunIsBitIdenticalOnOneThreadAndOnSeveral) {
    KernelGuard guard;
    const KernelCase c{{ActivationKind::Sigmoid, 1.0}, false, 128, 2048}; // large enough to share
    const Problem p = problem(c);
    TrainSettings s;
    s.optimizer.kind = OptimizerKind::SGD;
    s.optimizer.learningRate = 0.1;
    std::vector<Network> after;
    std::vector<double> finalLoss;
    for (int threads : {1, 2}) {
        setKernelThreads(threads);
        Trainer trainer(p.net, p.x, p.t, s, std::mt19937_64(1));
        for (int chunk = 0; chunk < 5; ++chunk) // the report's loss is reused by the next step
            finalLoss.push_back(trainer.run(20).loss);
        after.push_back(trainer.network());
    }
    EXPECT_EQ(after[0], after[1]);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(finalLoss[i], finalLoss[i + 5]);
}

// LayeredNetwork and LayeredGradient: the shape and its limits, the flat layout, the starting
// network, the analytic gradient against central differences for every activation, depth 1–3
// and 1 or 2 inputs, the step's surrogate against a sample-by-sample chain rule, the one-layer
// case against Network/Backprop, and the same bits on any number of threads.
#include "core/deep/LayeredGradient.h"
#include "core/deep/LayeredNetwork.h"
#include "core/deep/RandomLayered.h"
#include "core/network/Backprop.h"
#include "core/scenario/Presets.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

using namespace stepwise;

namespace {

double uniform(std::mt19937_64& rng, double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Every parameter uniform in [−scale, scale] (weights) or [−1, 1] (biases, output).
LayeredNetwork randomParams(int inputs, const std::vector<LayerShape>& shape, double scale,
                            std::mt19937_64& rng) {
    LayeredNetwork net = layeredNetwork(inputs, shape);
    for (Layer& l : net.layers) {
        for (Eigen::Index k = 0; k < l.w.size(); ++k)
            l.w.data()[k] = uniform(rng, -scale, scale);
        for (Eigen::Index k = 0; k < l.b.size(); ++k)
            l.b[k] = uniform(rng, -1.0, 1.0);
    }
    for (Eigen::Index k = 0; k < net.v.size(); ++k)
        net.v[k] = uniform(rng, -1.0, 1.0);
    net.c = uniform(rng, -0.5, 0.5);
    return net;
}

Eigen::MatrixXd randomInputs(int inputs, Eigen::Index n, std::mt19937_64& rng) {
    Eigen::MatrixXd x(inputs, n);
    for (Eigen::Index k = 0; k < x.size(); ++k)
        x.data()[k] = uniform(rng, -1.5, 1.5);
    return x;
}

// Keeps the samples at which no sum of any layer lies within `gap` of 0 (a ReLU's kink, a step's
// jump), so that a central difference never straddles one.
Eigen::MatrixXd awayFromKinks(const LayeredNetwork& net, const Eigen::MatrixXd& x, double gap) {
    const LayeredEvaluation e = evaluate(net, x);
    std::vector<Eigen::Index> kept;
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
        bool ok = true;
        for (const Eigen::ArrayXXd& z : e.z)
            ok = ok && (z.col(i).abs() > gap).all();
        if (ok) kept.push_back(i);
    }
    Eigen::MatrixXd out(x.rows(), static_cast<Eigen::Index>(kept.size()));
    for (std::size_t k = 0; k < kept.size(); ++k)
        out.col(static_cast<Eigen::Index>(k)) = x.col(kept[k]);
    return out;
}

// ∂L/∂θ_i by (L(θ + h·e_i) − L(θ − h·e_i)) / 2h, the loss computed plainly by evaluate().
Eigen::VectorXd numericLayeredGradient(const LayeredNetwork& net, const Eigen::MatrixXd& x,
                                       const Eigen::ArrayXd& t, double h) {
    const Eigen::VectorXd p0 = packParams(net);
    Eigen::VectorXd g(p0.size());
    LayeredNetwork m = net;
    auto plainLoss = [&] { return (evaluateOutput(m, x) - t).square().mean(); };
    for (Eigen::Index i = 0; i < p0.size(); ++i) {
        Eigen::VectorXd p = p0;
        p[i] = p0[i] + h;
        unpackParams(m, p);
        const double up = plainLoss();
        p[i] = p0[i] - h;
        unpackParams(m, p);
        const double down = plainLoss();
        g[i] = (up - down) / (2.0 * h);
    }
    return g;
}

std::string describeShape(int inputs, const std::vector<LayerShape>& shape) {
    std::string s = "d=" + std::to_string(inputs) + " layers=";
    for (const LayerShape& l : shape)
        s += std::to_string(l.width) + std::string(activationName(l.activation.kind)) + " ";
    return s;
}

void expectLayeredGradientMatchesNumeric(int inputs, const std::vector<LayerShape>& shape,
                                         unsigned seed) {
    std::mt19937_64 rng(seed);
    const LayeredNetwork net = randomParams(inputs, shape, 1.2, rng);
    const Eigen::MatrixXd x = awayFromKinks(net, randomInputs(inputs, 60, rng), 1e-3);
    ASSERT_GE(x.cols(), 30) << describeShape(inputs, shape);
    Eigen::ArrayXd t(x.cols());
    for (Eigen::Index i = 0; i < t.size(); ++i)
        t[i] = uniform(rng, -1.0, 1.0);
    LayeredGradient kernel;
    Eigen::VectorXd analytic;
    const double l = kernel.compute(net, x, t, analytic);
    EXPECT_NEAR(l, (evaluateOutput(net, x) - t).square().mean(), 1e-13 * std::max(1.0, l));
    const Eigen::VectorXd numeric = numericLayeredGradient(net, x, t, 1e-6);
    ASSERT_EQ(analytic.size(), paramCount(net));
    for (Eigen::Index i = 0; i < analytic.size(); ++i)
        EXPECT_NEAR(analytic[i], numeric[i], 2e-6 * std::max(1.0, std::abs(numeric[i])))
            << describeShape(inputs, shape) << "seed " << seed << " param " << i;
}

const Activation kSmooth[] = {{ActivationKind::Sigmoid, 1.0},
                              {ActivationKind::Sigmoid, 3.0},
                              {ActivationKind::Tanh, 1.0},
                              {ActivationKind::ReLU, 1.0},
                              {ActivationKind::Identity, 1.0}};

bool sameBits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return a.size() == b.size() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(double)) ==
               0;
}

} // namespace

TEST(LayeredShape, AcceptsTheLimits) {
    for (int d : {kMinInputs, 2, kMaxInputs})
        for (int depth = kMinLayers; depth <= kMaxLayers; ++depth)
            for (int w : {kMinWidth, 7, kMaxWidth}) {
                const std::vector<LayerShape> s(static_cast<std::size_t>(depth),
                                                {w, {ActivationKind::Tanh, 1.0}});
                EXPECT_FALSE(shapeProblem(d, s)) << describeShape(d, s);
                const LayeredNetwork net = layeredNetwork(d, s);
                EXPECT_EQ(net.depth(), depth);
                EXPECT_FALSE(networkProblem(net)) << describeShape(d, s);
                EXPECT_EQ(paramCount(net), packParams(net).size());
            }
}

TEST(LayeredShape, RejectsHostileSizesNamingTheField) {
    const Activation g{ActivationKind::Sigmoid, 1.0};
    struct Case {
        int inputs;
        std::vector<LayerShape> layers;
        const char* field;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Case cases[] = {
        {0, {{4, g}}, "inputs:"},
        {-3, {{4, g}}, "inputs:"},
        {kMaxInputs + 1, {{4, g}}, "inputs:"},
        {1, {}, "layers:"},
        {1, {{4, g}, {4, g}, {4, g}, {4, g}}, "layers:"},
        {1, {{0, g}}, "layers[0].width:"},
        {1, {{4, g}, {kMaxWidth + 1, g}}, "layers[1].width:"},
        {1, {{4, g}, {4, g}, {-2147483647 - 1, g}}, "layers[2].width:"},
        {1, {{4, {ActivationKind::Sigmoid, nan}}}, "layers[0].steepness:"},
        {1, {{4, g}, {4, {ActivationKind::Sigmoid, -1.0}}}, "layers[1].steepness:"},
        {1, {{4, {static_cast<ActivationKind>(9), 1.0}}}, "layers[0].activation:"},
    };
    for (const Case& c : cases) {
        const auto problem = shapeProblem(c.inputs, c.layers);
        ASSERT_TRUE(problem) << c.field;
        EXPECT_EQ(problem->rfind(c.field, 0), 0u) << *problem;
        EXPECT_EQ(problem->find('\n'), std::string::npos) << *problem;
        EXPECT_EQ(layeredNetwork(c.inputs, c.layers).depth(), 0) << c.field;
    }
}

TEST(LayeredShape, NetworkProblemFindsMatricesOfTheWrongSize) {
    LayeredNetwork net = layeredNetwork(2, {{3, {}}, {5, {}}});
    ASSERT_FALSE(networkProblem(net));
    LayeredNetwork bad = net;
    bad.layers[1].w.resize(5, 2);
    ASSERT_TRUE(networkProblem(bad));
    EXPECT_EQ(networkProblem(bad)->rfind("layers[1].w:", 0), 0u) << *networkProblem(bad);
    bad = net;
    bad.v.resize(4);
    ASSERT_TRUE(networkProblem(bad));
    EXPECT_EQ(networkProblem(bad)->rfind("output.v:", 0), 0u) << *networkProblem(bad);
}

TEST(LayeredLayout, PackUnpackRoundTripsAndOneLayerMatchesNetwork) {
    std::mt19937_64 rng(3);
    const LayeredNetwork net = randomParams(2, {{3, {}}, {4, {}}, {2, {}}}, 1.0, rng);
    const Eigen::VectorXd p = packParams(net);
    EXPECT_EQ(p.size(), 3 * 3 + 4 * 4 + 2 * 5 + 2 + 1);
    LayeredNetwork back = layeredNetwork(2, net.shape());
    unpackParams(back, p);
    EXPECT_TRUE(back == net);
    EXPECT_EQ(layerOffset(net, 1), 9);
    EXPECT_EQ(layerOffset(net, 2), 9 + 16);
    EXPECT_EQ(layerOffset(net, 3), 9 + 16 + 10);
    EXPECT_EQ(p[layerOffset(net, 1) + 1], net.layers[1].w(1, 0)); // column-major
    EXPECT_EQ(p[layerOffset(net, 1) + 4], net.layers[1].w(0, 1));

    std::mt19937_64 rng2(4);
    const Network one = randomNetwork(5, {ActivationKind::Tanh, 1.0}, -1.0, 1.0, rng2);
    EXPECT_EQ(packParams(fromNetwork(one)), packParams(one));
    ASSERT_TRUE(toNetwork(fromNetwork(one)));
    EXPECT_TRUE(*toNetwork(fromNetwork(one)) == one);
    EXPECT_FALSE(toNetwork(net));
}

TEST(LayeredStart, OneLayerIsRandomNetworkDrawForDraw) {
    for (const Activation g : kSmooth) {
        std::mt19937_64 a(11), b(11);
        const LayeredNetwork deep = randomLayeredNetwork(1, {{7, g}}, -2.0, 3.0, a);
        const Network one = randomNetwork(7, g, -2.0, 3.0, b);
        EXPECT_EQ(packParams(deep), packParams(one)) << activationName(g.kind);
        EXPECT_EQ(a(), b()); // the engines have drawn as much
    }
}

TEST(LayeredStart, EveryLayerSwitchesInsideTheDomain) {
    for (const Activation g :
         {Activation{ActivationKind::Tanh, 1.0}, Activation{ActivationKind::Sigmoid, 1.0},
          Activation{ActivationKind::ReLU, 1.0}})
        for (unsigned seed : {1u, 2u, 3u}) {
            std::mt19937_64 rng(seed);
            const double lo = -2.0, hi = 1.0;
            const LayeredNetwork net =
                randomLayeredNetwork(1, {{8, g}, {8, g}, {6, g}}, lo, hi, rng);
            ASSERT_EQ(net.depth(), 3);
            EXPECT_TRUE(allFinite(net));
            // First layer: the switching points −b/w spread over [lo, hi], one per n-th of it.
            const Layer& first = net.layers[0];
            for (int j = 0; j < first.width(); ++j) {
                const double s = -first.b[j] / first.w(j, 0);
                EXPECT_GT(s, lo + (hi - lo) * j / 8.0) << j;
                EXPECT_LT(s, lo + (hi - lo) * (j + 1) / 8.0) << j;
            }
            // Every neuron of every layer changes sign somewhere on the domain.
            const Eigen::MatrixXd x = grid(lo, hi, 65).matrix().transpose();
            const LayeredEvaluation e = evaluate(net, x);
            for (int l = 0; l < 3; ++l)
                for (Eigen::Index j = 0; j < e.z[l].rows(); ++j) {
                    EXPECT_LE(e.z[l].row(j).minCoeff(), 0.0) << "layer " << l << " neuron " << j;
                    EXPECT_GT(e.z[l].row(j).maxCoeff(), 0.0) << "layer " << l << " neuron " << j;
                }
        }
}

TEST(LayeredStart, TwoInputsSwitchInsideTheBox) {
    std::mt19937_64 rng(5);
    const LayeredNetwork net =
        randomLayeredNetwork(2, {{12, {ActivationKind::Tanh, 1.0}}}, -1.0, 1.0, rng);
    const Layer& first = net.layers[0];
    // Each neuron's line w·x + b = 0 crosses the square: its sign differs at two corners.
    const Eigen::Matrix<double, 2, 4> corners{{-1, 1, -1, 1}, {-1, -1, 1, 1}};
    for (int j = 0; j < first.width(); ++j) {
        const Eigen::RowVector4d z =
            first.w.row(j) * corners + Eigen::RowVector4d::Constant(first.b[j]);
        EXPECT_LT(z.minCoeff(), 0.0) << j;
        EXPECT_GT(z.maxCoeff(), 0.0) << j;
    }
}

TEST(LayeredGradientCheck, EverySmoothActivationDepthAndInputCount) {
    unsigned seed = 100;
    for (const Activation g : kSmooth)
        for (int inputs : {1, 2})
            for (int depth = 1; depth <= 3; ++depth) {
                const std::vector<LayerShape> shape(static_cast<std::size_t>(depth), {4, g});
                expectLayeredGradientMatchesNumeric(inputs, shape, ++seed);
            }
}

TEST(LayeredGradientCheck, MixedActivationsAndWidths) {
    const std::vector<LayerShape> shape = {{5, {ActivationKind::Tanh, 1.0}},
                                           {3, {ActivationKind::ReLU, 1.0}},
                                           {6, {ActivationKind::Sigmoid, 2.0}}};
    for (unsigned seed : {7u, 8u}) {
        expectLayeredGradientMatchesNumeric(1, shape, seed);
        expectLayeredGradientMatchesNumeric(2, shape, seed);
    }
    expectLayeredGradientMatchesNumeric(
        2, {{1, {ActivationKind::Identity, 1.0}}, {9, {ActivationKind::Tanh, 1.0}}}, 9);
}

// The step, sample by sample with plain loops: forward with the step, backward with σ'(k_s·z)
// in each step layer's δ (the surrogate), or with 0 (without it).
Eigen::VectorXd chainRuleBySample(const LayeredNetwork& net, const Eigen::MatrixXd& x,
                                  const Eigen::ArrayXd& t, bool surrogate, double ks) {
    const int depth = net.depth();
    Eigen::VectorXd grad = Eigen::VectorXd::Zero(paramCount(net));
    const double n = static_cast<double>(x.cols());
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
        std::vector<Eigen::VectorXd> z(depth), a(depth + 1);
        a[0] = x.col(i);
        std::vector<Eigen::VectorXd> in(depth);
        for (int l = 0; l < depth; ++l) {
            const Layer& layer = net.layers[l];
            in[l] = l == 0 ? Eigen::VectorXd(x.col(i)) : a[l];
            z[l].resize(layer.width());
            Eigen::VectorXd out(layer.width());
            for (int j = 0; j < layer.width(); ++j) {
                double sum = layer.b[j];
                for (Eigen::Index k = 0; k < in[l].size(); ++k)
                    sum += layer.w(j, k) * in[l][k];
                z[l][j] = sum;
                out[j] = layer.activation(sum);
            }
            a[l + 1] = out;
        }
        double y = net.c;
        for (Eigen::Index j = 0; j < net.v.size(); ++j)
            y += net.v[j] * a[depth][j];
        const double g = 2.0 * (y - t[i]) / n;
        const long vAt = layerOffset(net, depth);
        for (Eigen::Index j = 0; j < net.v.size(); ++j)
            grad[vAt + j] += g * a[depth][j];
        grad[vAt + net.v.size()] += g;
        // δ of the last layer, then back.
        Eigen::VectorXd upstream = g * net.v; // ∂L/∂a of the last layer
        for (int l = depth - 1; l >= 0; --l) {
            const Layer& layer = net.layers[l];
            Eigen::VectorXd delta(layer.width());
            for (int j = 0; j < layer.width(); ++j) {
                double slope = layer.activation.derivative(z[l][j]);
                if (layer.activation.kind == ActivationKind::Step)
                    slope =
                        surrogate ? ks * sigmoid(z[l][j], ks) * (1.0 - sigmoid(z[l][j], ks)) : 0.0;
                delta[j] = upstream[j] * slope;
            }
            const long at = layerOffset(net, l);
            for (int j = 0; j < layer.width(); ++j) {
                for (Eigen::Index k = 0; k < in[l].size(); ++k)
                    grad[at + k * layer.width() + j] += delta[j] * in[l][k];
                grad[at + layer.w.size() + j] += delta[j];
            }
            Eigen::VectorXd next = Eigen::VectorXd::Zero(in[l].size());
            for (int j = 0; j < layer.width(); ++j)
                for (Eigen::Index k = 0; k < in[l].size(); ++k)
                    next[k] += layer.w(j, k) * delta[j];
            upstream = next;
        }
    }
    return grad;
}

TEST(LayeredGradientCheck, StepLayersUseTheSurrogateSampleBySample) {
    const Activation step{ActivationKind::Step, 1.0}, tanh{ActivationKind::Tanh, 1.0};
    for (const auto& shape :
         {std::vector<LayerShape>{{4, step}}, std::vector<LayerShape>{{4, step}, {3, tanh}},
          std::vector<LayerShape>{{3, tanh}, {4, step}, {2, step}}})
        for (bool surrogate : {true, false}) {
            std::mt19937_64 rng(21);
            const LayeredNetwork net = randomParams(2, shape, 1.5, rng);
            const Eigen::MatrixXd x = randomInputs(2, 300, rng); // more than one chunk
            Eigen::ArrayXd t(x.cols());
            for (Eigen::Index i = 0; i < t.size(); ++i)
                t[i] = uniform(rng, -1.0, 1.0);
            LayeredBackpropOptions o;
            o.stepSurrogate = surrogate;
            o.surrogateSteepness = 7.0;
            LayeredGradient kernel;
            Eigen::VectorXd analytic;
            kernel.compute(net, x, t, analytic, o);
            const Eigen::VectorXd expected = chainRuleBySample(net, x, t, surrogate, 7.0);
            for (Eigen::Index i = 0; i < analytic.size(); ++i)
                EXPECT_NEAR(analytic[i], expected[i], 1e-12 * std::max(1.0, std::abs(expected[i])))
                    << describeShape(2, shape) << (surrogate ? "surrogate" : "plain") << " param "
                    << i;
            // The output layer's gradient of a step network is exact: check it numerically too,
            // on the samples away from every jump.
            const Eigen::MatrixXd xs = awayFromKinks(net, x, 1e-3);
            ASSERT_GE(xs.cols(), 200);
            const Eigen::ArrayXd ts = (xs.row(0).array() * xs.row(1).array()).transpose();
            Eigen::VectorXd onKinkFree;
            kernel.compute(net, xs, ts, onKinkFree, o);
            const Eigen::VectorXd numeric = numericLayeredGradient(net, xs, ts, 1e-7);
            const long vAt = layerOffset(net, net.depth());
            for (Eigen::Index i = vAt; i < numeric.size(); ++i)
                EXPECT_NEAR(onKinkFree[i], numeric[i], 1e-6) << "output param " << i;
        }
}

TEST(LayeredGradientCheck, OneLayerEqualsNetworkBackprop) {
    // The same parameters through Network's GradientKernel and through LayeredGradient.
    const Eigen::ArrayXd x = grid(-1.3, 1.1, 1000); // four chunks
    const Eigen::ArrayXd t = (3.0 * x).sin() + 0.2 * x;
    for (const Activation g :
         {Activation{ActivationKind::Step, 1.0}, Activation{ActivationKind::Sigmoid, 1.0},
          Activation{ActivationKind::Sigmoid, 5.0}, Activation{ActivationKind::Tanh, 1.0},
          Activation{ActivationKind::ReLU, 1.0}, Activation{ActivationKind::Identity, 1.0}})
        for (int hidden : {1, 6, 33}) {
            std::mt19937_64 rng(static_cast<unsigned>(hidden));
            const Network one = randomNetwork(hidden, g, -1.3, 1.1, rng);
            const LayeredNetwork deep = fromNetwork(one);
            BackpropOptions bo;
            bo.stepSurrogate = true;
            bo.surrogateSteepness = 6.0;
            LayeredBackpropOptions lo;
            lo.surrogateSteepness = 6.0;
            GradientKernel a;
            LayeredGradient b;
            Eigen::VectorXd ga, gb;
            const double la = a.compute(one, x, t, ga, bo);
            const double lb = b.compute(deep, x.matrix().transpose(), t, gb, lo);
            const std::string what = std::string(activationName(g.kind)) +
                                     " k=" + std::to_string(g.steepness) +
                                     " H=" + std::to_string(hidden);
            EXPECT_NEAR(la, lb, 1e-12 * std::max(1.0, la)) << what;
            ASSERT_EQ(ga.size(), gb.size()) << what;
            for (Eigen::Index i = 0; i < ga.size(); ++i)
                EXPECT_NEAR(ga[i], gb[i], 1e-12 * std::max(1.0, std::abs(ga[i])))
                    << what << " param " << paramName(paramAt(static_cast<int>(i), hidden), hidden);
            const Eigen::ArrayXd ya = evaluateOutput(one, x);
            const Eigen::ArrayXd yb = evaluateOutput(deep, x.matrix().transpose());
            EXPECT_LT((ya - yb).abs().maxCoeff(), 1e-12) << what;
        }
}

TEST(LayeredGradientCheck, FrozenLayersGetZeroAndTheRestIsUnchanged) {
    std::mt19937_64 rng(31);
    const Activation g{ActivationKind::Tanh, 1.0};
    const LayeredNetwork net = randomParams(1, {{5, g}, {4, g}, {3, g}}, 1.0, rng);
    const Eigen::MatrixXd x = randomInputs(1, 100, rng);
    const Eigen::ArrayXd t = x.row(0).array().sin().transpose();
    LayeredGradient kernel;
    Eigen::VectorXd all, some;
    kernel.compute(net, x, t, all);
    LayeredBackpropOptions o;
    o.learns = {false, true, false, true}; // layers 1 and 3 frozen, output learns
    kernel.compute(net, x, t, some, o);
    for (int l = 0; l <= 3; ++l) {
        const long from = layerOffset(net, l);
        const long to = l < 3 ? layerOffset(net, l + 1) : paramCount(net);
        for (long i = from; i < to; ++i) {
            if (o.learns[static_cast<std::size_t>(l)])
                EXPECT_EQ(some[i], all[i]) << "layer " << l << " param " << i;
            else
                EXPECT_EQ(some[i], 0.0) << "layer " << l << " param " << i;
        }
    }
}

TEST(LayeredThreads, SameBitsOnAnyNumberOfThreads) {
    std::mt19937_64 rng(41);
    const Activation g{ActivationKind::Sigmoid, 1.0};
    for (int inputs : {1, 2}) {
        const LayeredNetwork net = randomParams(inputs, {{24, g}, {17, g}}, 1.0, rng);
        const Eigen::MatrixXd x = randomInputs(inputs, 2000, rng); // three chunks, the last short
        Eigen::ArrayXd t = x.row(0).array().sin().transpose();
        LayeredGradient kernel;
        Eigen::VectorXd one, more;
        LayeredBackpropOptions o;
        o.threads = 1;
        const double l1 = kernel.compute(net, x, t, one, o);
        for (int threads : {2, 3, 4}) {
            o.threads = threads;
            const double lt = kernel.compute(net, x, t, more, o);
            EXPECT_EQ(std::memcmp(&l1, &lt, sizeof l1), 0) << threads << " threads";
            EXPECT_TRUE(sameBits(one, more)) << threads << " threads";
            EXPECT_EQ(std::memcmp(&l1, &lt, sizeof l1), 0);
            const double lossOnly = kernel.loss(net, x, t, threads);
            EXPECT_EQ(std::memcmp(&l1, &lossOnly, sizeof l1), 0) << threads << " threads";
        }
    }
}

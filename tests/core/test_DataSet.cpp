// DataSet: the split is reproducible from its seed and independent of the values and the noise;
// train and test partition the points; a curve target gives its grid samples; the loss on points
// is the trainer's; and training never sees a test point.
#include "core/data/DataSet.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioFile.h"
#include "core/training/Trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace stepwise;

namespace {

std::vector<TargetPoint> linePoints(std::size_t n) {
    std::vector<TargetPoint> p;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = -1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(n - 1);
        p.push_back({x, std::sin(3.0 * x)});
    }
    return p;
}

std::size_t countTest(const std::vector<bool>& m) {
    return static_cast<std::size_t>(std::count(m.begin(), m.end(), true));
}

std::vector<bool> choose(std::size_t n, double fraction, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return chooseTestPoints(n, fraction, rng);
}

} // namespace

TEST(DataSetSplit, ReproducibleFromItsSeed) {
    EXPECT_EQ(choose(100, 0.3, 17), choose(100, 0.3, 17));
    EXPECT_NE(choose(100, 0.3, 17), choose(100, 0.3, 18));
}

TEST(DataSetSplit, SizeFollowsTheFraction) {
    EXPECT_EQ(countTest(choose(100, 0.2, 1)), 20u);
    EXPECT_EQ(countTest(choose(10, 0.25, 1)), 3u); // 2.5 rounds up
    EXPECT_EQ(countTest(choose(10, 0.01, 1)), 1u); // at least one when asked for any
    EXPECT_EQ(countTest(choose(10, 0.99, 1)), 9u); // one always left to learn from
    EXPECT_EQ(countTest(choose(10, 0.0, 1)), 0u);
    EXPECT_EQ(countTest(choose(1, 0.5, 1)), 0u);
    EXPECT_EQ(choose(0, 0.5, 1).size(), 0u);
}

TEST(DataSetSplit, EveryPointCanBeHeldOut) {
    // Over many seeds each of 10 points is held out about 30% of the time: no index is favoured.
    std::vector<int> held(10, 0);
    for (std::uint64_t seed = 0; seed < 2000; ++seed) {
        const auto m = choose(10, 0.3, seed);
        for (std::size_t i = 0; i < m.size(); ++i)
            held[i] += m[i];
    }
    for (int h : held)
        EXPECT_NEAR(h / 2000.0, 0.3, 0.05);
}

TEST(DataSetSplit, DoesNotDependOnTheValuesOrTheNoise) {
    auto a = linePoints(40), b = linePoints(40);
    for (auto& p : b)
        p.y = -7.0 * p.y + 1.0;
    const DataSet da = makeDataSet(a, {0.0, 1}, {0.25, 99});
    const DataSet db = makeDataSet(b, {0.5, 1234}, {0.25, 99});
    EXPECT_EQ(da.isTest, db.isTest);
    EXPECT_EQ(countTest(da.isTest), 10u);
}

TEST(DataSetSplit, NewSplitSeedKeepsTheNoise) {
    const DataSet a = makeDataSet(linePoints(30), {0.2, 5}, {0.3, 1});
    const DataSet b = makeDataSet(linePoints(30), {0.2, 5}, {0.3, 2});
    EXPECT_EQ(a.points, b.points);
    EXPECT_NE(a.isTest, b.isTest);
}

TEST(DataSetSplit, TrainAndTestPartitionThePointsInOrder) {
    const DataSet d = makeDataSet(linePoints(25), {0.1, 3}, {0.4, 8});
    ASSERT_EQ(d.points.size(), 25u);
    ASSERT_EQ(d.train.size() + d.test.size(), 25u);
    std::size_t tr = 0, te = 0;
    for (std::size_t i = 0; i < d.points.size(); ++i) {
        if (d.isTest[i])
            EXPECT_EQ(d.test[te++], d.points[i]);
        else
            EXPECT_EQ(d.train[tr++], d.points[i]);
    }
}

TEST(DataSet, NoiseIsAddedToEveryPoint) {
    const auto clean = linePoints(20);
    const DataSet d = makeDataSet(clean, {0.1, 3}, {});
    ASSERT_EQ(d.points.size(), clean.size());
    for (std::size_t i = 0; i < clean.size(); ++i) {
        EXPECT_EQ(d.points[i].x, clean[i].x);
        EXPECT_NE(d.points[i].y, clean[i].y);
        EXPECT_LT(std::abs(d.points[i].y - clean[i].y), 0.6); // 6σ
    }
    EXPECT_TRUE(d.test.empty());
    EXPECT_EQ(d.train, d.points);
}

TEST(DataSet, CurveTargetGivesItsGridSamples) {
    TargetCurve t;
    t.preset = TargetPreset::Sine;
    const Domain dom{-2.0, 3.0, 50};
    const DataSet d = makeDataSet(t, dom);
    const Eigen::ArrayXd x = grid(dom.lo, dom.hi, dom.samples);
    const Eigen::ArrayXd y = sampleTarget(t, x, dom.lo, dom.hi);
    ASSERT_EQ(d.points.size(), 50u);
    for (std::size_t i = 0; i < 50; ++i) {
        EXPECT_EQ(d.points[i].x, x[static_cast<Eigen::Index>(i)]);
        EXPECT_EQ(d.points[i].y, y[static_cast<Eigen::Index>(i)]);
    }
    // Measured points take the curve's place.
    t.points = {{0.5, 1.0}, {1.5, 2.0}};
    EXPECT_EQ(makeDataSet(t, dom).points, t.points);
    EXPECT_TRUE(makeDataSet(TargetCurve{}, dom).points.empty());
}

TEST(DataSet, PointsLossIsTheTrainersLoss) {
    std::mt19937_64 rng(2);
    const Network net = randomNetwork(5, {ActivationKind::Tanh, 1.0}, -1.0, 1.0, rng);
    const auto p = linePoints(33);
    const PointArrays a = toArrays(p);
    const Trainer trainer(net, a.x, a.y, TrainSettings{}, std::mt19937_64(1));
    ASSERT_TRUE(pointsLoss(net, p).has_value());
    EXPECT_EQ(*pointsLoss(net, p), trainer.loss());
    double byHand = 0.0;
    for (const TargetPoint& q : p) {
        const double e = evaluateOutput(net, Eigen::ArrayXd::Constant(1, q.x))[0] - q.y;
        byHand += e * e / static_cast<double>(p.size());
    }
    EXPECT_NEAR(*pointsLoss(net, p), byHand, 1e-12);
    EXPECT_FALSE(pointsLoss(net, {}).has_value());
}

TEST(DataSet, TrainingNeverSeesATestPoint) {
    // Two data sets that differ only in their test points: the training runs are bit-identical,
    // while the test losses (so the test points were in use) differ.
    const auto clean = linePoints(40);
    const DataSet a = makeDataSet(clean, {0.05, 4}, {0.25, 6});
    auto moved = clean;
    for (std::size_t i = 0; i < moved.size(); ++i)
        if (a.isTest[i]) moved[i] = {moved[i].x * 0.5, moved[i].y + 3.0};
    const DataSet b = makeDataSet(moved, {0.05, 4}, {0.25, 6});
    ASSERT_EQ(a.isTest, b.isTest);
    ASSERT_NE(a.test, b.test);

    auto train = [](const DataSet& d) {
        std::mt19937_64 init(10);
        const Network start = randomNetwork(8, {ActivationKind::Sigmoid, 4.0}, -1.0, 1.0, init);
        TrainSettings s;
        s.batchSize = 8; // mini-batches too: the shuffle must not count test points
        s.weightDecay = 1e-4;
        const PointArrays tr = toArrays(d.train), te = toArrays(d.test);
        Trainer t(start, tr.x, tr.y, s, std::mt19937_64(s.seed));
        t.setTestSet(te.x, te.y);
        t.setRecordParams(true);
        t.run(300);
        return t;
    };
    const Trainer ta = train(a), tb = train(b);
    EXPECT_EQ(ta.network(), tb.network());
    EXPECT_EQ(ta.lossHistory(), tb.lossHistory());
    EXPECT_EQ(ta.paramHistory(), tb.paramHistory());
    EXPECT_NE(ta.testLossHistory(), tb.testLossHistory());

    // The check can fail: moving one training point instead changes the run.
    auto movedTrain = clean;
    for (std::size_t i = 0; i < movedTrain.size(); ++i)
        if (!a.isTest[i]) {
            movedTrain[i].y += 0.5;
            break;
        }
    const Trainer tc = train(makeDataSet(movedTrain, {0.05, 4}, {0.25, 6}));
    EXPECT_NE(ta.lossHistory(), tc.lossHistory());
}

TEST(DataSet, DomainFollowsThePointsWithAMargin) {
    const std::vector<TargetPoint> p = {{2.0, 0.0}, {-1.0, 5.0}, {0.5, -3.0}};
    const auto d = domainForPoints(p, 0.1, 300);
    ASSERT_TRUE(d.has_value());
    EXPECT_DOUBLE_EQ(d->lo, -1.0 - 0.3); // width 3, margin 10%
    EXPECT_DOUBLE_EQ(d->hi, 2.0 + 0.3);
    EXPECT_EQ(d->samples, 300);
    // One x only: a width of 1 around it.
    const auto one = domainForPoints({{4.0, 1.0}, {4.0, 2.0}}, 0.5);
    ASSERT_TRUE(one.has_value());
    EXPECT_DOUBLE_EQ(one->lo, 3.5);
    EXPECT_DOUBLE_EQ(one->hi, 4.5);
    EXPECT_FALSE(domainForPoints({}).has_value());
    // Far out: clamped to what a scenario's domain may be, and still a valid domain.
    const auto far = domainForPoints({{-1e9, 0.0}, {1e12, 1.0}});
    ASSERT_TRUE(far.has_value());
    EXPECT_EQ(far->lo, -kMaxCoordinate);
    EXPECT_EQ(far->hi, kMaxCoordinate);
    const auto edge = domainForPoints({{1e9, 0.0}, {2e9, 1.0}});
    ASSERT_TRUE(edge.has_value());
    EXPECT_GE(edge->hi - edge->lo, kMinDomainWidth);
    EXPECT_LE(edge->hi, kMaxCoordinate);
    // The domain a scenario reads back.
    Scenario s = defaultScenario();
    s.domain = *edge;
    EXPECT_TRUE(readScenario(writeScenario(s)).ok());
}

TEST(DataSet, ViewShowsEveryPoint) {
    const std::vector<TargetPoint> pts = {{0.0, 2.0}, {1.0, -3.0}, {4.0, 7.0}};
    const Domain d = *domainForPoints(pts);
    const ViewRect v = viewForPoints(pts, d);
    EXPECT_EQ(v.xLo, d.lo);
    EXPECT_EQ(v.xHi, d.hi);
    EXPECT_DOUBLE_EQ(v.yLo, -3.0 - 0.12 * 10.0);
    EXPECT_DOUBLE_EQ(v.yHi, 7.0 + 0.12 * 10.0);
    // All at one height: still a view of some height around it.
    const ViewRect flat = viewForPoints({{0.0, 1.0}, {1.0, 1.0}}, d);
    EXPECT_DOUBLE_EQ(flat.yLo, 0.9);
    EXPECT_DOUBLE_EQ(flat.yHi, 1.1);
}

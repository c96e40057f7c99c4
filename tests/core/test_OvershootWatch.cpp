// OvershootWatch: counts the loss's leaps back up once a run has settled, only the ones a loss
// curve would show, and says "overshooting" after a few. Then a real run: Adam at the default
// rate on the sine target spikes, the same run at the suggested third of it does not.
#include "core/scenario/Presets.h"
#include "core/scenario/TargetCurve.h"
#include "core/training/OvershootWatch.h"
#include "core/training/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace stepwise;

namespace {

void feed(OvershootWatch& w, const std::vector<double>& losses) {
    for (double l : losses)
        w.add(l);
}

// From 1 down to `floor` over n steps, geometrically.
std::vector<double> decay(double floor, int n) {
    std::vector<double> out;
    for (int i = 0; i < n; ++i)
        out.push_back(std::pow(floor, static_cast<double>(i) / (n - 1)));
    return out;
}

} // namespace

TEST(OvershootWatch, ASmoothDescentHasNoSpikes) {
    OvershootWatch w;
    feed(w, decay(1e-6, 5000));
    EXPECT_EQ(w.spikes(), 0);
    EXPECT_FALSE(w.overshooting());
}

TEST(OvershootWatch, RepeatedVisibleLeapsAreOvershooting) {
    OvershootWatch w;
    feed(w, decay(1e-4, 1000));
    for (int k = 0; k < 3; ++k) {
        EXPECT_FALSE(w.overshooting()) << "after " << k << " spikes";
        feed(w, {1e-3, 5e-2, 2e-2, 1e-3, 1.5e-4, 1e-4}); // up tenfold and more, then back down
    }
    EXPECT_EQ(w.spikes(), 3);
    EXPECT_TRUE(w.overshooting());
    w.reset();
    EXPECT_EQ(w.spikes(), 0);
}

TEST(OvershootWatch, OneLongRiseIsOneSpike) {
    OvershootWatch w;
    feed(w, decay(1e-4, 1000));
    feed(w, {5e-2, 6e-2, 7e-2, 5e-2, 4e-2}); // stays up: still the same spike
    EXPECT_EQ(w.spikes(), 1);
}

TEST(OvershootWatch, LeapsBeforeSettlingOrTooSmallToSeeDoNotCount) {
    OvershootWatch early;
    feed(early, {1.0, 0.5, 0.3, 0.9, 0.4, 0.8, 0.3, 0.7}); // never below a tenth of the start
    EXPECT_EQ(early.spikes(), 0);

    OvershootWatch tiny;
    feed(tiny, decay(1e-7, 1000));
    for (int k = 0; k < 10; ++k)
        feed(tiny, {1e-6, 5e-6, 1e-7}); // fiftyfold, but far below 1 % of the start
    EXPECT_EQ(tiny.spikes(), 0);

    OvershootWatch junk;
    feed(junk, {1.0, std::nan(""), -1.0, INFINITY, 0.5});
    EXPECT_EQ(junk.spikes(), 0);
}

TEST(OvershootWatch, AdamSpikesAtTheDefaultRateAndSettlesAtTheSuggestedOne) {
    const Eigen::ArrayXd x = grid(-1.0, 1.0, 200);
    const Eigen::ArrayXd t = presetSamples(TargetPreset::Sine, x, -1.0, 1.0);
    auto run = [&](double lr) {
        std::mt19937_64 init(2);
        const Network start = randomNetwork(8, {ActivationKind::Sigmoid, 1.0}, -3.0, 3.0, init);
        TrainSettings s;
        s.optimizer.kind = OptimizerKind::Adam;
        s.optimizer.learningRate = lr;
        Trainer trainer(start, x, t, s, std::mt19937_64(2024));
        OvershootWatch w;
        for (int chunk = 0; chunk < 120; ++chunk) {
            trainer.run(100);
            for (double l : trainer.lossHistory())
                w.add(l);
            trainer.clearHistory();
        }
        return w;
    };
    // The default rate (0.05) overshoots on this start; the rate the window then suggests, a
    // third of it, settles.
    EXPECT_TRUE(run(0.05).overshooting());
    EXPECT_FALSE(run(0.05 / 3).overshooting());
}

// TrainingHistory (issue 16, long sessions stay small): however many steps go in, the history
// keeps at most its bound, spread evenly over the run, with the parameters beside their losses.
#include "ui/training/TrainingHistory.h"

#include <gtest/gtest.h>

using namespace stepwise::ui;

TEST(TrainingHistory, KeepsEveryStepUnderTheBound) {
    TrainingHistory h(100);
    for (long s = 0; s < 100; ++s)
        h.add(s, 1.0 / (s + 1), nullptr);
    ASSERT_EQ(h.size(), 100u);
    EXPECT_EQ(h.stride(), 1);
    EXPECT_EQ(h.steps()[37], 37.0);
    EXPECT_DOUBLE_EQ(h.losses()[37], 1.0 / 38);
}

TEST(TrainingHistory, AMillionStepsStayUnderTheBoundAndSpreadEvenly) {
    TrainingHistory h(1000);
    Eigen::VectorXd p(3);
    for (long s = 0; s < 1000000; ++s) {
        p << s, 2.0 * s, 3.0 * s;
        h.add(s, static_cast<double>(s), &p);
        ASSERT_LE(h.size(), 1000u) << "at step " << s;
    }
    EXPECT_GE(h.size(), 500u);
    ASSERT_EQ(h.params().size(), h.size());
    // Every stride-th step from 0, in order, each with its own loss and parameters.
    const long stride = h.stride();
    EXPECT_EQ(stride, 1024); // 10^6 steps in at most 1000 points: the first power of two that fits
    for (std::size_t i = 0; i < h.size(); ++i) {
        const long step = static_cast<long>(i) * stride;
        ASSERT_EQ(h.steps()[i], static_cast<double>(step));
        ASSERT_EQ(h.losses()[i], static_cast<double>(step));
        ASSERT_EQ(h.params()[i][1], 2.0 * step);
    }
    EXPECT_GT(h.steps().back(), 1000000.0 - stride - 1); // reaches the end of the run
}

TEST(TrainingHistory, AppendingIsLikeAddingOneByOne) {
    TrainingHistory whole(64), later(1000), joined(64);
    for (long s = 0; s < 500; ++s)
        whole.add(s, s * 0.5, nullptr);
    for (long s = 0; s < 200; ++s)
        joined.add(s, s * 0.5, nullptr);
    for (long s = 200; s < 500; ++s)
        later.add(s, s * 0.5, nullptr);
    joined.append(later);
    EXPECT_EQ(joined.steps(), whole.steps());
    EXPECT_EQ(joined.losses(), whole.losses());
    EXPECT_EQ(joined.stride(), whole.stride());
}

TEST(TrainingHistory, RepeatedStepsStillStayUnderTheBound) {
    // A run restarted from step 0 without clearing (the network's size changed) repeats steps.
    TrainingHistory h(50);
    for (int run = 0; run < 40; ++run)
        for (long s = 0; s < 4; ++s)
            h.add(s * 64, 1.0, nullptr);
    EXPECT_LE(h.size(), 50u);
    EXPECT_GE(h.size(), 25u);
}

TEST(TrainingHistory, ClearStartsOver) {
    TrainingHistory h(10);
    for (long s = 0; s < 100; ++s)
        h.add(s, 1.0, nullptr);
    EXPECT_GT(h.stride(), 1);
    h.clear();
    EXPECT_TRUE(h.empty());
    EXPECT_EQ(h.stride(), 1);
}

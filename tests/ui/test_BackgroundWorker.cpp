// BackgroundWorker (ui/base/BackgroundWorker.h): jobs run in order on one thread, a newer job
// replaces a waiting one, a body stops at the cancel flag between chunks, stop() returns only
// when no body runs, results merge in the mailbox, and destruction cancels a running job.
#include "ui/base/BackgroundWorker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace stepwise::ui;
using namespace std::chrono_literals;

namespace {

using clock_type = std::chrono::steady_clock;

// A job of `chunks` chunks of about 1 ms each; it reports how many chunks it did.
struct Work {
    int chunks = 0;
    std::string label;
};
struct Done {
    std::vector<std::string> labels;
    int chunks = 0;
    bool cancelled = false;
};
using Worker = BackgroundWorker<Work, Done>;

void doChunks(Work& w, const Worker::Context& ctx, std::atomic<int>& inside) {
    ++inside;
    int done = 0;
    bool cancelled = false;
    for (; done < w.chunks; ++done) {
        if (ctx.cancelled()) {
            cancelled = true;
            break;
        }
        std::this_thread::sleep_for(1ms);
    }
    --inside;
    ctx.deliver({{w.label}, done, cancelled});
}

template <class Pred> bool waitForWorker(Pred pred, std::chrono::milliseconds limit) {
    const auto end = clock_type::now() + limit;
    while (clock_type::now() < end) {
        if (pred()) return true;
        std::this_thread::sleep_for(1ms);
    }
    return pred();
}

} // namespace

TEST(BackgroundWorker, RunsAJobAndLeavesItsResultInTheMailbox) {
    std::atomic<int> inside{0};
    Worker w([&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); });
    EXPECT_FALSE(w.take().has_value());
    const auto gen = w.submit({3, "a"});
    EXPECT_EQ(gen, 1u);
    ASSERT_TRUE(waitForWorker([&] { return !w.busy(); }, 5s));
    const std::optional<Done> r = w.take();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->labels, std::vector<std::string>{"a"});
    EXPECT_EQ(r->chunks, 3);
    EXPECT_FALSE(r->cancelled);
    EXPECT_FALSE(w.take().has_value()); // take() empties the mailbox
}

TEST(BackgroundWorker, AWaitingJobIsReplacedAndCanHandOnWhatItCarried) {
    std::atomic<int> inside{0};
    Worker::Hooks hooks;
    hooks.merge = [](Done& older, Done&& newer) { // every label; the newest count and flag
        older.labels.insert(older.labels.end(), newer.labels.begin(), newer.labels.end());
        older.chunks = newer.chunks;
        older.cancelled = newer.cancelled;
    };
    hooks.absorb = [](Work& newer, Work&& waiting) { newer.label = waiting.label + newer.label; };
    Worker w([&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); }, hooks);
    w.submit({200, "long"});
    ASSERT_TRUE(waitForWorker([&] { return inside.load() == 1; }, 5s));
    w.submit({1, "b"}); // waits behind "long"
    w.submit({1, "c"}); // replaces "b", which never runs, taking over its label
    w.stop();           // cancels "long" and the waiting job, which still runs, cancelled
    const std::optional<Done> r = w.take();
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->labels, (std::vector<std::string>{"long", "bc"}));
    EXPECT_TRUE(r->cancelled);
    EXPECT_EQ(r->chunks, 0); // "bc" saw the cancel before its first chunk
}

TEST(BackgroundWorker, StopCancelsALongJobPromptlyAndReturnsOnlyWhenNoBodyRuns) {
    std::atomic<int> inside{0};
    Worker w([&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); });
    w.submit({100000, "forever"}); // 100 s of chunks
    ASSERT_TRUE(waitForWorker([&] { return inside.load() == 1; }, 5s));
    const auto t0 = clock_type::now();
    w.stop();
    const auto took = clock_type::now() - t0;
    EXPECT_EQ(inside.load(), 0); // nothing runs once stop() returned
    EXPECT_FALSE(w.busy());
    EXPECT_LT(took, 2s);
    const std::optional<Done> r = w.take();
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->cancelled);
    EXPECT_LT(r->chunks, 100000);
    // A job submitted after the stop runs normally.
    w.submit({2, "after"});
    ASSERT_TRUE(waitForWorker([&] { return !w.busy(); }, 5s));
    const std::optional<Done> again = w.take();
    ASSERT_TRUE(again.has_value());
    EXPECT_FALSE(again->cancelled);
    EXPECT_EQ(again->chunks, 2);
}

TEST(BackgroundWorker, CancelReturnsAtOnceAndTheBodyStopsSoonAfter) {
    std::atomic<int> inside{0};
    Worker w([&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); });
    w.submit({100000, "forever"});
    ASSERT_TRUE(waitForWorker([&] { return inside.load() == 1; }, 5s));
    w.cancel();
    EXPECT_TRUE(waitForWorker([&] { return !w.busy(); }, 2s));
    const std::optional<Done> r = w.take();
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->cancelled);
}

TEST(BackgroundWorker, ACancellingSubmitStopsTheRunningJobForTheNewOne) {
    std::atomic<int> inside{0};
    Worker::Hooks hooks;
    hooks.merge = [](Done& older, Done&& newer) {
        older.labels.insert(older.labels.end(), newer.labels.begin(), newer.labels.end());
        older.chunks += newer.chunks;
    };
    Worker w([&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); }, hooks);
    w.submit({100000, "old"});
    ASSERT_TRUE(waitForWorker([&] { return inside.load() == 1; }, 5s));
    w.submit({3, "new"}, Worker::Running::Cancel);
    ASSERT_TRUE(waitForWorker([&] { return !w.busy(); }, 5s));
    const std::optional<Done> r = w.take();
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->labels, (std::vector<std::string>{"old", "new"}));
    EXPECT_LT(r->chunks, 100000); // "old" was cut short; "new" ran its 3 chunks
    EXPECT_GE(r->chunks, 3);
}

TEST(BackgroundWorker, ABodyThatRunsUntilToldSeesANewerJob) {
    std::atomic<int> inside{0};
    std::atomic<int> bodies{0};
    Worker w([&](Work& job, const Worker::Context& ctx) {
        ++bodies;
        ++inside;
        while (!ctx.shouldStop())
            std::this_thread::sleep_for(1ms);
        --inside;
        ctx.deliver({{job.label}, 0, ctx.cancelled()});
    });
    w.submit({0, "first"});
    ASSERT_TRUE(waitForWorker([&] { return inside.load() == 1; }, 5s));
    w.submit({0, "second"}); // not a cancel: "first" makes way because it is superseded
    ASSERT_TRUE(waitForWorker([&] { return bodies.load() == 2 && inside.load() == 1; }, 5s));
    const std::optional<Done> first = w.take();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->labels, std::vector<std::string>{"first"});
    EXPECT_FALSE(first->cancelled);
    w.stop();
    EXPECT_EQ(inside.load(), 0);
}

TEST(BackgroundWorker, NotifyIsCalledAfterEachDelivery) {
    std::atomic<int> inside{0}, notified{0};
    Worker::Hooks hooks;
    hooks.notify = [&] { ++notified; };
    Worker w([&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); }, hooks);
    w.submit({1, "a"});
    ASSERT_TRUE(waitForWorker([&] { return notified.load() == 1; }, 5s));
    w.submit({1, "b"});
    ASSERT_TRUE(waitForWorker([&] { return notified.load() == 2; }, 5s));
    EXPECT_EQ(w.take()->labels, std::vector<std::string>{"b"}); // by default the newer replaces
}

TEST(BackgroundWorker, DestructionCancelsARunningJobAndJoins) {
    std::atomic<int> inside{0};
    auto w = std::make_unique<Worker>(
        [&](Work& job, const Worker::Context& ctx) { doChunks(job, ctx, inside); });
    w->submit({100000, "forever"});
    ASSERT_TRUE(waitForWorker([&] { return inside.load() == 1; }, 5s));
    w->submit({100000, "waiting"}); // dropped: it never starts
    const auto t0 = clock_type::now();
    w.reset();
    EXPECT_LT(clock_type::now() - t0, 2s);
    EXPECT_EQ(inside.load(), 0);
}

// WorkerPool (core/training/WorkerPool.h): every task runs exactly once whatever the thread count,
// the caller sees every task's writes when run() returns, and callers at the same time share the
// pool safely (one gets the helpers, the others work alone).
#include "core/training/WorkerPool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace stepwise;

namespace {

struct Slots {
    std::vector<long> value; // each task writes its own slot (no atomics: the pool's contract)
    std::atomic<long> calls{0};
};

void square(void* context, long i) {
    auto* s = static_cast<Slots*>(context);
    s->value[static_cast<std::size_t>(i)] =
        i * i + (s->value[static_cast<std::size_t>(i)] == 0 ? 0 : 1000000);
    ++s->calls;
}

} // namespace

TEST(WorkerPool, EveryTaskRunsExactlyOnceOnAnyNumberOfThreads) {
    WorkerPool pool;
    for (int threads : {1, 2, 3, 4})
        for (long count : {0L, 1L, 2L, 7L, 1000L}) {
            Slots s;
            s.value.assign(static_cast<std::size_t>(count), 0);
            pool.run(count, square, &s, threads);
            ASSERT_EQ(s.calls.load(), count) << threads << " threads, " << count << " tasks";
            for (long i = 0; i < count; ++i) // a task run twice would have added 1000000
                ASSERT_EQ(s.value[static_cast<std::size_t>(i)], i * i) << "task " << i;
        }
}

TEST(WorkerPool, ManyJobsInARowReuseTheHelpers) {
    WorkerPool pool;
    for (int job = 0; job < 2000; ++job) {
        Slots s;
        s.value.assign(16, 0);
        pool.run(16, square, &s, 2);
        ASSERT_EQ(s.calls.load(), 16) << "job " << job;
        ASSERT_EQ(s.value[15], 225);
    }
}

TEST(WorkerPool, CallersAtTheSameTimeEachGetTheirTasksDone) {
    WorkerPool pool;
    std::atomic<int> failures{0};
    auto caller = [&] {
        for (int job = 0; job < 300; ++job) {
            Slots s;
            s.value.assign(64, 0);
            pool.run(64, square, &s, 2);
            for (long i = 0; i < 64; ++i)
                if (s.value[static_cast<std::size_t>(i)] != i * i) ++failures;
        }
    };
    std::thread a(caller), b(caller);
    caller();
    a.join();
    b.join();
    EXPECT_EQ(failures.load(), 0);
}

// WorkerPool: a few helper threads that live as long as the program, so a training step can share
// its chunks with the other cores without starting a thread ~100 times a second.
//
// run(count, task) calls task(0) … task(count − 1), each exactly once, on the calling thread and
// on up to threads − 1 helpers, and returns when all are done. Tasks are claimed one at a time
// from a shared counter, so a helper the scheduler keeps waiting simply claims fewer. Which thread
// runs a task must not matter to the result: tasks write to slots of their own. While another
// caller is using the helpers, run() does all the tasks on its own thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace stepwise {

class WorkerPool {
public:
    using Task = void (*)(void* context, long index);

    static WorkerPool& shared();

    void run(long count, Task task, void* context, int threads);

    WorkerPool() = default;
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

private:
    void helperLoop();
    void work(Task task, void* context, long count);

    std::mutex busy_; // held by the caller whose job the helpers are on
    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    std::vector<std::thread> helpers_;
    // The job, guarded by mutex_ (next_ and done_ are claimed without it).
    Task task_ = nullptr;
    void* context_ = nullptr;
    long count_ = 0;
    int wanted_ = 0; // helpers that may join this job
    int joined_ = 0; // helpers that have joined it
    int inside_ = 0; // helpers still inside it (may yet touch next_)
    unsigned long generation_ = 0;
    bool stop_ = false;
    std::atomic<long> next_{0}, done_{0};
};

} // namespace stepwise

// WorkerPool: a few helper threads that live as long as the program, so a training step can share
// its chunks with the other cores without starting a thread ~100 times a second. It is the core's
// one threading tool (Qt-free); the ui's is BackgroundWorker, and docs/architecture.md, "Threads",
// puts both side by side.
//
// run(count, task, context, threads) calls task(context, 0) … task(context, count − 1), each
// exactly once, on the calling thread and on up to threads − 1 helpers, and returns when all are
// done. Tasks are claimed one at a time from a shared counter, so a helper the scheduler keeps
// waiting simply claims fewer. Which thread runs a task must not matter to the result: tasks
// write to slots of their own.
//
// Rules:
// - Threads. Any thread may call run(); several may call it at once: one of them gets the helpers
//   (it holds busy_ for the whole job), the others do all their tasks on their own thread. The
//   helpers run tasks and nothing else.
// - Locks. mutex_ guards the job's description (task_, context_, count_, wanted_, joined_,
//   inside_, generation_, stop_). Tasks are claimed through the atomic next_ and counted done
//   through the atomic done_ without it; the caller sees every task's writes once done_ reaches
//   count (done_ is released by each task and acquired by the caller). A task runs with no lock
//   of ours held, so it may take its own.
// - Memory. Everything a task reads — context and what it points to — belongs to the caller and
//   must stay unchanged until run() returns; a task writes only to its own slots. run() returns
//   only after every task has finished, so nothing of the caller is touched afterwards.
// - Cancelling. There is none: a job is a few milliseconds of arithmetic. A caller that wants to
//   stop early (the trainer, between steps) does so between two calls of run().
// - Destruction. The destructor (at the end of the program, for shared()) stops and joins the
//   helpers; no run() may be in progress then.
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

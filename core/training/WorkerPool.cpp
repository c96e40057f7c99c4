#include "core/training/WorkerPool.h"

namespace stepwise {

WorkerPool& WorkerPool::shared() {
    static WorkerPool pool;
    return pool;
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : helpers_)
        t.join();
}

void WorkerPool::work(Task task, void* context, long count) {
    for (long i; (i = next_.fetch_add(1, std::memory_order_relaxed)) < count;) {
        task(context, i);
        if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == count) {
            std::lock_guard lock(mutex_);
            finished_.notify_all();
        }
    }
}

void WorkerPool::helperLoop() {
    unsigned long seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stop_ || (generation_ != seen && joined_ < wanted_); });
        if (stop_) return;
        seen = generation_;
        ++joined_;
        ++inside_;
        const Task task = task_;
        void* const context = context_;
        const long count = count_;
        lock.unlock();
        work(task, context, count);
        lock.lock();
        if (--inside_ == 0) finished_.notify_all();
    }
}

void WorkerPool::run(long count, Task task, void* context, int threads) {
    auto serial = [&] {
        for (long i = 0; i < count; ++i)
            task(context, i);
    };
    if (threads <= 1 || count <= 1) return serial();
    std::unique_lock<std::mutex> owner(busy_, std::try_to_lock);
    if (!owner.owns_lock()) return serial();
    {
        std::unique_lock lock(mutex_);
        while (static_cast<int>(helpers_.size()) < threads - 1)
            helpers_.emplace_back([this] { helperLoop(); });
        // A helper late from the previous job may still be about to read next_: let it leave.
        finished_.wait(lock, [&] { return inside_ == 0; });
        task_ = task;
        context_ = context;
        count_ = count;
        wanted_ = threads - 1;
        joined_ = 0;
        next_.store(0);
        done_.store(0);
        ++generation_;
    }
    wake_.notify_all();
    work(task, context, count);
    if (done_.load(std::memory_order_acquire) == count) return;
    // The last tasks are with helpers: spin briefly (they are nearly done), then sleep.
    for (int spin = 0; spin < 200; ++spin) {
        if (done_.load(std::memory_order_acquire) == count) return;
        std::this_thread::yield();
    }
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return done_.load(std::memory_order_acquire) == count; });
}

} // namespace stepwise

// BackgroundWorker<Job, Result>: one worker thread, one job slot and one mailbox — the one way
// Stepwise runs work off the GUI thread and hands the results back (training, the landscape).
//
// Rules (docs/architecture.md, "Threads", says the same in short):
//
// - Threads. The owner — the object that holds the worker, a QObject living on the GUI thread —
//   calls every public function, always from that one thread. The body runs on the worker
//   thread only. `notify` runs on the worker thread, after a delivery, without any lock held;
//   it should do no more than post a queued call to the owner (QMetaObject::invokeMethod with
//   Qt::QueuedConnection), so that the owner collects the result on its own thread.
// - Locks. One mutex inside guards the job slot, the mailbox and the bookkeeping, and is held
//   only for moments (never while the body runs, never while merge or absorb could wait).
//   Nothing else is shared: anything the body reaches besides its own Job (the Trainer the
//   training body steps, say) belongs to the body while a job runs, and to the owner only when
//   no job runs — after stop() returned and until the next submit(). The owner keeps its own
//   copies of whatever it needs to read meanwhile.
// - Jobs. submit() puts a job in the slot and returns its generation (1, 2, 3, … in order of
//   submission). A job still waiting in the slot is replaced; the `absorb` hook may let the new
//   job take over what the replaced one carried (edits that must not be lost). The worker takes
//   jobs one at a time, in order, each to the end of its body.
// - Cancelling. The body checks ctx.cancelled() between chunks of its work — one atomic load,
//   cheap enough for every step — and returns soon once it is true. ctx.superseded() says that a
//   newer job waits; a body that works until told otherwise returns then too, one that does a
//   fixed amount of work may finish it. cancel() cancels every job submitted so far and returns
//   at once: the running one stops at its next check, and the waiting one still runs but finds
//   ctx.cancelled() true from the start (so it can take over what its job carries — edits — and
//   return without working). submit(job, Running::Cancel) cancels the running job in favour of
//   the new one. stop() cancels and waits until no job waits or runs.
// - Results. The body hands results over with ctx.deliver(result), as often as it likes. The
//   mailbox keeps one Result: a delivery into a full mailbox is merged by the `merge` hook (by
//   default the newer replaces the older). The owner empties the mailbox with take(), on a
//   timer or when notify told it to. A cancelled body may still deliver what it did (a partial
//   training run is still a run); results carry what the owner needs to judge them (a
//   generation, the axes, …).
// - Destruction. The destructor cancels the running job, drops the waiting one and joins the
//   thread: afterwards neither the body nor notify runs again. Declare the worker as the owner's
//   last member, so it is destroyed — and joined — before anything the body or notify touches.
//   A queued call that notify posted to the owner is dropped by Qt when the owner is destroyed.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace stepwise::ui {

template <class Job, class Result> class BackgroundWorker {
public:
    // What the body sees of its worker, on the worker thread.
    class Context {
    public:
        std::uint64_t generation() const { return gen_; }
        // The owner asked this job to stop (cancel(), stop(), a cancelling submit, destruction).
        bool cancelled() const { return w_.cancelledUpTo_.load(std::memory_order_acquire) >= gen_; }
        // A newer job waits in the slot.
        bool superseded() const { return w_.submitted_.load(std::memory_order_acquire) > gen_; }
        bool shouldStop() const { return cancelled() || superseded(); }
        // Leaves a result in the mailbox (merged with one not yet taken), then calls notify.
        void deliver(Result r) const { w_.deliver(std::move(r)); }

    private:
        friend class BackgroundWorker;
        Context(BackgroundWorker& w, std::uint64_t gen) : w_(w), gen_(gen) {}
        BackgroundWorker& w_;
        std::uint64_t gen_;
    };

    using Body = std::function<void(Job& job, const Context& ctx)>;
    struct Hooks {
        // Under the lock, on the worker thread: fold a newer result into one not yet taken.
        std::function<void(Result& older, Result&& newer)> merge;
        // Under the lock, on the owner's thread: `newer` replaces `waiting`, which never ran.
        std::function<void(Job& newer, Job&& waiting)> absorb;
        // On the worker thread, no lock held, after every delivery.
        std::function<void()> notify;
    };
    enum class Running { Continue, Cancel };

    explicit BackgroundWorker(Body body, Hooks hooks = {})
        : body_(std::move(body)), hooks_(std::move(hooks)), thread_([this] { loop(); }) {}

    ~BackgroundWorker() {
        {
            std::lock_guard lock(mutex_);
            quit_ = true;
            slot_.reset();
            cancelledUpTo_.store(std::numeric_limits<std::uint64_t>::max(),
                                 std::memory_order_release);
        }
        wake_.notify_all();
        thread_.join();
    }

    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    std::uint64_t submit(Job job, Running running = Running::Continue) {
        std::uint64_t gen;
        {
            std::lock_guard lock(mutex_);
            if (running == Running::Cancel) cancelledUpTo_.store(last_, std::memory_order_release);
            if (slot_ && hooks_.absorb) hooks_.absorb(job, std::move(*slot_));
            slot_ = std::move(job);
            gen = ++last_;
            submitted_.store(gen, std::memory_order_release);
        }
        wake_.notify_all();
        return gen;
    }

    // Cancels every job submitted so far (the waiting one still runs, cancelled); returns at once.
    void cancel() {
        std::lock_guard lock(mutex_);
        cancelledUpTo_.store(last_, std::memory_order_release);
    }

    // cancel(), then waits until no job waits or runs. Afterwards what the body shares with the
    // owner is the owner's, until the next submit().
    void stop() {
        std::unique_lock lock(mutex_);
        cancelledUpTo_.store(last_, std::memory_order_release);
        idle_.wait(lock, [this] { return !running_ && !slot_; });
    }

    // A job waits or runs.
    bool busy() const {
        std::lock_guard lock(mutex_);
        return running_ || slot_.has_value();
    }

    // Empties the mailbox.
    std::optional<Result> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(mailbox_, std::nullopt);
    }

    // Calls f(const std::optional<Result>&) on the mailbox under the lock, without emptying it.
    template <class F> decltype(auto) peek(F&& f) const {
        std::lock_guard lock(mutex_);
        return std::forward<F>(f)(std::as_const(mailbox_));
    }

private:
    void loop() {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [this] { return quit_ || slot_.has_value(); });
            if (quit_) return;
            Job job = std::move(*slot_);
            slot_.reset();
            const Context ctx(*this, last_);
            running_ = true;
            lock.unlock();
            body_(job, ctx);
            lock.lock();
            running_ = false;
            idle_.notify_all();
        }
    }

    void deliver(Result r) {
        {
            std::lock_guard lock(mutex_);
            if (mailbox_ && hooks_.merge)
                hooks_.merge(*mailbox_, std::move(r));
            else
                mailbox_ = std::move(r);
        }
        if (hooks_.notify) hooks_.notify();
    }

    const Body body_;
    const Hooks hooks_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    // Under mutex_.
    std::optional<Job> slot_;
    std::optional<Result> mailbox_;
    std::uint64_t last_ = 0; // the newest generation submitted
    bool running_ = false, quit_ = false;
    // Written under mutex_, read by the body without it.
    std::atomic<std::uint64_t> submitted_{0}, cancelledUpTo_{0};
    std::thread thread_; // last: started once everything above exists
};

} // namespace stepwise::ui

#include "ui/landscape/LandscapeComputer.h"

namespace stepwise::ui {

LandscapeComputer::LandscapeComputer(QObject* parent) : QObject(parent) {
    worker_ = std::thread([this] { run(); });
}

LandscapeComputer::~LandscapeComputer() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        cancelRunning_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

std::uint64_t LandscapeComputer::submit(Job job) {
    std::uint64_t gen;
    {
        std::lock_guard lock(mutex_);
        if (busy_ && !(job.axes == runningAxes_)) cancelRunning_ = true;
        pending_ = std::move(job);
        gen = pendingGen_ = ++generation_;
    }
    wake_.notify_all();
    return gen;
}

void LandscapeComputer::cancel() {
    std::lock_guard lock(mutex_);
    pending_.reset();
    if (busy_) cancelRunning_ = true;
    ++generation_;
}

bool LandscapeComputer::busy() const {
    std::lock_guard lock(mutex_);
    return busy_ || pending_.has_value();
}

void LandscapeComputer::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return quit_ || pending_.has_value(); });
        if (quit_) return;
        Job job = std::move(*pending_);
        pending_.reset();
        const std::uint64_t gen = pendingGen_;
        busy_ = true;
        runningAxes_ = job.axes;
        cancelRunning_ = false;
        lock.unlock();

        Landscape result = computeLandscape(job.net, job.x, job.t, job.axes,
                                            [this](double) { return !cancelRunning_.load(); });

        lock.lock();
        busy_ = false;
        if (result.complete && !cancelRunning_.load() && !quit_) {
            result_ = std::make_pair(std::move(result), gen);
            QMetaObject::invokeMethod(this, &LandscapeComputer::deliver, Qt::QueuedConnection);
        }
    }
}

void LandscapeComputer::deliver() {
    std::optional<std::pair<Landscape, std::uint64_t>> r;
    {
        std::lock_guard lock(mutex_);
        r.swap(result_);
    }
    if (r) emit finished(r->first, r->second);
}

} // namespace stepwise::ui

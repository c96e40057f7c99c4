// LandscapeComputer: computes loss landscapes (core computeLandscape) on a worker thread, so the
// GUI never waits for one. Every job gets a generation number. Only the newest waiting job is
// kept; a running job is cancelled (through the core's progress callback) when a newer job
// wants different axes, since its result could no longer be shown; a job over the same axes is
// allowed to finish, so a surface that changes every frame still shows, a frame late.
// Results come back on the GUI thread through finished().
#pragma once

#include "core/landscape/LossLandscape.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

namespace stepwise::ui {

class LandscapeComputer : public QObject {
    Q_OBJECT
public:
    struct Job {
        Network net;
        Eigen::ArrayXd x, t;
        LandscapeAxes axes;
    };

    explicit LandscapeComputer(QObject* parent = nullptr);
    ~LandscapeComputer() override;

    // Queues a job (replacing any job still waiting) and returns its generation.
    std::uint64_t submit(Job job);
    // Drops the waiting job and cancels the running one.
    void cancel();
    bool busy() const;

signals:
    // On the GUI thread; only complete landscapes are reported.
    void finished(const stepwise::Landscape& landscape, quint64 generation);

private:
    void run();
    void deliver();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> pending_;
    std::uint64_t pendingGen_ = 0, generation_ = 0;
    bool busy_ = false, quit_ = false;
    LandscapeAxes runningAxes_;
    std::atomic<bool> cancelRunning_{false};
    std::optional<std::pair<Landscape, std::uint64_t>> result_;
    std::thread worker_;
};

} // namespace stepwise::ui

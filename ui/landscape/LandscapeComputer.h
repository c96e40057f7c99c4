// LandscapeComputer: computes loss landscapes (core computeLandscape) on a BackgroundWorker
// (ui/base/BackgroundWorker.h, whose rules apply here), so the GUI never waits for one. Every job
// gets a generation number. Only the newest waiting job is kept; a running job is cancelled
// (through the core's progress callback) when a newer job wants different axes, since its result
// could no longer be shown; a job over the same axes is allowed to finish, so a surface that
// changes every frame still shows, a frame late. Results come back on the GUI thread through
// finished(). A job shares nothing with the GUI: it carries its own copies of the network, the
// grid and the target.
#pragma once

#include "core/landscape/LossLandscape.h"
#include "ui/base/BackgroundWorker.h"

#include <QObject>

#include <cstdint>
#include <utility>

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
    // Cancels the waiting job and the running one; neither reports.
    void cancel();
    bool busy() const;

signals:
    // On the GUI thread; only complete landscapes are reported.
    void finished(const stepwise::Landscape& landscape, quint64 generation);

private:
    using Result = std::pair<Landscape, std::uint64_t>;
    void deliver();

    // GUI thread only.
    std::uint64_t lastGen_ = 0;            // the newest job submitted (0: none yet)
    LandscapeAxes lastAxes_;               // its axes
    std::uint64_t cancelledUpTo_ = 0;      // results of these generations are not reported
    BackgroundWorker<Job, Result> worker_; // last: joined before the members above go
};

} // namespace stepwise::ui

// LayeredLandscapeComputer: LandscapeComputer (same rules, same file's comment) for a layered
// network's landscape (core/landscape/LayeredLandscape.h). A job carries its own copies of the
// network, the inputs and the targets; only complete landscapes come back, on the GUI thread.
#pragma once

#include "core/landscape/LayeredLandscape.h"
#include "ui/base/BackgroundWorker.h"

#include <QObject>

#include <cstdint>
#include <utility>

namespace stepwise::ui {

class LayeredLandscapeComputer : public QObject {
    Q_OBJECT
public:
    struct Job {
        LayeredNetwork net;
        Eigen::MatrixXd x;
        Eigen::ArrayXd t;
        LayeredLandscapeAxes axes;
    };

    explicit LayeredLandscapeComputer(QObject* parent = nullptr);
    ~LayeredLandscapeComputer() override;

    // Queues a job (replacing any job still waiting) and returns its generation. A running job
    // over other axes is cancelled; one over the same axes finishes.
    std::uint64_t submit(Job job);
    // Cancels the waiting job and the running one; neither reports.
    void cancel();
    bool busy() const;

signals:
    void finished(const stepwise::LayeredLandscape& landscape, quint64 generation);

private:
    using Result = std::pair<LayeredLandscape, std::uint64_t>;
    void deliver();

    std::uint64_t lastGen_ = 0;
    LayeredLandscapeAxes lastAxes_;
    std::uint64_t cancelledUpTo_ = 0;
    BackgroundWorker<Job, Result> worker_; // last: joined before the members above go
};

} // namespace stepwise::ui

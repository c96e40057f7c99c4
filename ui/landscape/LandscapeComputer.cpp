#include "ui/landscape/LandscapeComputer.h"

namespace stepwise::ui {

LandscapeComputer::LandscapeComputer(QObject* parent)
    : QObject(parent),
      worker_(
          [](Job& job, const BackgroundWorker<Job, Result>::Context& ctx) {
              Landscape result = computeLandscape(job.net, job.x, job.t, job.axes,
                                                  [&ctx](double) { return !ctx.cancelled(); });
              if (result.complete && !ctx.cancelled())
                  ctx.deliver({std::move(result), ctx.generation()});
          },
          {{}, // a newer landscape replaces one not yet shown
           {}, // a waiting job is simply replaced
           // Worker thread: ask the GUI thread to collect. Dropped by Qt if this object is gone.
           [this] {
               QMetaObject::invokeMethod(this, &LandscapeComputer::deliver, Qt::QueuedConnection);
           }}) {}

LandscapeComputer::~LandscapeComputer() = default; // the worker cancels and joins

std::uint64_t LandscapeComputer::submit(Job job) {
    // Every job not yet cancelled has the axes of the newest one submitted; a job over other
    // axes makes them all useless.
    using Running = BackgroundWorker<Job, Result>::Running;
    const bool otherAxes = lastGen_ != 0 && !(job.axes == lastAxes_);
    if (otherAxes) cancelledUpTo_ = lastGen_;
    lastAxes_ = job.axes;
    lastGen_ = worker_.submit(std::move(job), otherAxes ? Running::Cancel : Running::Continue);
    return lastGen_;
}

void LandscapeComputer::cancel() {
    worker_.cancel();
    cancelledUpTo_ = lastGen_; // a landscape delivered but not yet collected is not reported either
}

bool LandscapeComputer::busy() const {
    return worker_.busy();
}

void LandscapeComputer::deliver() {
    // A cancelled job may have delivered just before it saw the cancel: drop what it left.
    std::optional<Result> r = worker_.take();
    if (r && r->second > cancelledUpTo_) emit finished(r->first, r->second);
}

} // namespace stepwise::ui

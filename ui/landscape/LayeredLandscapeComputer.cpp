#include "ui/landscape/LayeredLandscapeComputer.h"

namespace stepwise::ui {

LayeredLandscapeComputer::LayeredLandscapeComputer(QObject* parent)
    : QObject(parent),
      worker_(
          [](Job& job, const BackgroundWorker<Job, Result>::Context& ctx) {
              LayeredLandscape result = computeLayeredLandscape(
                  job.net, job.x, job.t, job.axes, [&ctx](double) { return !ctx.cancelled(); });
              if (result.complete && !ctx.cancelled())
                  ctx.deliver({std::move(result), ctx.generation()});
          },
          {{}, // a newer landscape replaces one not yet shown
           {}, // a waiting job is simply replaced
           [this] {
               QMetaObject::invokeMethod(this, &LayeredLandscapeComputer::deliver,
                                         Qt::QueuedConnection);
           }}) {}

LayeredLandscapeComputer::~LayeredLandscapeComputer() = default;

std::uint64_t LayeredLandscapeComputer::submit(Job job) {
    using Running = BackgroundWorker<Job, Result>::Running;
    const bool otherAxes = lastGen_ != 0 && !(job.axes == lastAxes_);
    if (otherAxes) cancelledUpTo_ = lastGen_;
    lastAxes_ = job.axes;
    lastGen_ = worker_.submit(std::move(job), otherAxes ? Running::Cancel : Running::Continue);
    return lastGen_;
}

void LayeredLandscapeComputer::cancel() {
    worker_.cancel();
    cancelledUpTo_ = lastGen_;
}

bool LayeredLandscapeComputer::busy() const {
    return worker_.busy();
}

void LayeredLandscapeComputer::deliver() {
    std::optional<Result> r = worker_.take();
    if (r && r->second > cancelledUpTo_) emit finished(r->first, r->second);
}

} // namespace stepwise::ui

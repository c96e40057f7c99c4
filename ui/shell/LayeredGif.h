// LayeredGif: the training of a layered network (more hidden layers, or two inputs) as an
// animated GIF — each frame the layered workspace's picture (the graph over x, or the surface
// over the plane) with the loss curve beside it — as exportScenario animates the lesson's
// network. Written under a temporary name and renamed into place: a cancelled or failed export
// leaves the file that was there as it was.
#pragma once

#include "ui/shell/Exporter.h"

namespace stepwise::ui {

// scenario.layered must be set. Trains `steps` steps spread over the frames (the early steps,
// which change most, get more frames) with the window's settings; progress(done, total) may
// return false to cancel. Failed with *error set (one line) when it cannot be written or there
// is nothing to train on.
ExportResult exportLayeredGif(const Scenario& scenario, const QString& path, long steps,
                              const ExportOptions& options,
                              const std::function<bool(int, int)>& progress, QString* error,
                              TrainReport* report = nullptr, LayeredNetwork* trained = nullptr);

} // namespace stepwise::ui

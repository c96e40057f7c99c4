// Exporter: renders a scenario's graph to a file — PNG, SVG or PDF (the picture on screen), or
// an animated GIF of the training run — without needing a visible window. Every file is written
// under a temporary name and renamed into place, so a failed export never leaves a broken file
// in place of an old one.
#pragma once

#include "core/scenario/Scenario.h"
#include "core/training/Trainer.h"

#include <QString>
#include <functional>

namespace stepwise::ui {

struct ExportOptions {
    int width = 1200, height = 750; // pixels (points for PDF)
    double scale = 1.0;             // PNG resolution multiplier
    bool projector = false;         // projector palette (thick lines, large type)
    bool withLoss = true;           // GIF: the loss curve beside the graph
    int frames = 60;                // GIF: number of frames
    int frameDelayCs = 8;           // GIF: centiseconds per frame
};

enum class ExportFormat { Png, Svg, Pdf, Gif, Unknown };
ExportFormat exportFormatFor(const QString& path);

// How an export ended. Cancelled: progress() returned false; nothing was written and the file
// that was there before (if any) is untouched.
enum class ExportResult { Written, Cancelled, Failed };

// Trains `steps` steps (for a GIF: spread over the frames) and writes the graph to path.
// progress(done, total) may return false to cancel. On failure returns Failed with *error set
// (one line saying why). report (if given) receives the training outcome.
ExportResult exportScenario(const Scenario& scenario, const QString& path, long steps,
                            const ExportOptions& options,
                            const std::function<bool(int, int)>& progress, QString* error,
                            TrainReport* report, Network* trained = nullptr);

} // namespace stepwise::ui

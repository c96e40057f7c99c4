// UiBench: figures measured on the real window, offscreen: slider-to-replot latency, frame
// times and steps per second while training, window start-up time and memory.
#pragma once

#include <string>

namespace stepwise::bench {
// Prints the `ui …` lines whose names contain filter (all when empty).
void uiFigures(bool quick, const std::string& filter);
} // namespace stepwise::bench

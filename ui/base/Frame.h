// Frame: the period at which a running view redraws.
#pragma once

namespace stepwise::ui {

// A little under 1/60 s, so a frame that starts late still lands within one display frame
// (17 ms). Live training, the race and the layered networks' training all redraw at it.
inline constexpr int kFrameMs = 15;

} // namespace stepwise::ui

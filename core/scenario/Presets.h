// Presets: the lesson's networks (one neuron; two neurons added, inverted, scaled; a bump) and
// a seeded random starting network for training.
#pragma once

#include "core/network/Network.h"

#include <optional>
#include <random>
#include <string_view>
#include <vector>

namespace stepwise {

enum class NetworkPreset { OneNeuron, Added, InvertSecond, InvertFirst, Exercise, Bump };
inline constexpr int kNetworkPresetCount = 6;

std::string_view networkPresetName(NetworkPreset p); // "one-neuron", "added", …
std::optional<NetworkPreset> networkPresetFromName(std::string_view name);

// The lesson's two step neurons: neuron 1 steps up at x = −0.5, neuron 2 at x = +0.5
// (w = 4, b = ±2), combined with (w11, w21) = (1, 1), (1, −1), (−1, 1) or (1.5, −0.5). The bump
// is two steeper steps at ±0.25 with (1, −1); one neuron is neuron 1 alone with w11 = 1.
Network networkPreset(NetworkPreset p);

// A starting network for training on [lo, hi]: step points spread evenly over the domain with a
// little jitter, slopes of either sign, small output weights.
Network randomNetwork(int hidden, Activation g, double lo, double hi, std::mt19937_64& rng);

} // namespace stepwise

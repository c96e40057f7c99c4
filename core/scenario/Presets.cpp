#include "core/scenario/Presets.h"
#include "core/scenario/EnumNames.h"

#include "core/training/Trainer.h"

namespace stepwise {

namespace {
constexpr std::array<std::string_view, 6> kPresetNames = {
    "one-neuron", "added", "invert-second", "invert-first", "exercise", "bump"};
}

std::string_view networkPresetName(NetworkPreset p) {
    return enumName(kPresetNames, p);
}

std::optional<NetworkPreset> networkPresetFromName(std::string_view name) {
    return enumFromName<NetworkPreset>(kPresetNames, name);
}

Network networkPreset(NetworkPreset p) {
    const Activation step{ActivationKind::Step, 10.0};
    if (p == NetworkPreset::OneNeuron) {
        Network n(1, step);
        n.w << 4.0;
        n.b << 2.0;
        n.v << 1.0;
        return n;
    }
    Network n(2, step);
    n.w << 4.0, 4.0;
    n.b << 2.0, -2.0;
    switch (p) {
    case NetworkPreset::Added:
        n.v << 1.0, 1.0;
        break;
    case NetworkPreset::InvertSecond:
        n.v << 1.0, -1.0;
        break;
    case NetworkPreset::InvertFirst:
        n.v << -1.0, 1.0;
        break;
    case NetworkPreset::Exercise:
        n.v << 1.5, -0.5;
        break;
    case NetworkPreset::Bump:
        n.w << 8.0, 8.0;
        n.b << 2.0, -2.0;
        n.v << 1.0, -1.0;
        break;
    case NetworkPreset::OneNeuron:
        break;
    }
    return n;
}

Network randomNetwork(int hidden, Activation g, double lo, double hi, std::mt19937_64& rng) {
    Network n(hidden, g);
    const double width = hi > lo ? hi - lo : 1.0;
    for (int j = 0; j < n.hidden(); ++j) {
        const double slope = (2.0 + 4.0 * uniform01(rng)) * 2.0 / width;
        const double sign = uniform01(rng) < 0.5 ? -1.0 : 1.0;
        const double point = lo + width * (j + 0.25 + 0.5 * uniform01(rng)) / n.hidden();
        n.w[j] = sign * slope;
        n.b[j] = -n.w[j] * point;
        n.v[j] = uniform01(rng) - 0.5;
    }
    n.c = 0.0;
    return n;
}

} // namespace stepwise

#include "core/scenario/Scenario.h"

namespace stepwise {
Scenario defaultScenario() {
    Scenario s;
    s.network = networkPreset(NetworkPreset::Added);
    return s;
}
} // namespace stepwise

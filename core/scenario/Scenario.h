// Scenario: everything a saved *.stepwise file holds — the network, the domain and sampling,
// the target, the training settings, the view and the lesson position.
#pragma once

#include "core/deep/LayeredNetwork.h"
#include "core/network/Network.h"
#include "core/scenario/TargetCurve.h"
#include "core/scenario/TargetSurface.h"
#include "core/training/Trainer.h"

#include <optional>
#include <set>
#include <string>

namespace stepwise {

inline constexpr int kMinSamples = 2;
inline constexpr int kMaxSamples = 100000;
inline constexpr int kDefaultSamples = 1000;

struct Domain {
    double lo = -1.0, hi = 1.0;
    int samples = kDefaultSamples;
    bool operator==(const Domain&) const = default;
};

struct ViewRect {
    double xLo = -1.0, xHi = 1.0, yLo = -1.5, yHi = 2.5;
    bool operator==(const ViewRect&) const = default;
};

struct LessonState {
    int chapter = 0;                 // 0-based
    std::set<std::string> tasksDone; // task ids, e.g. "ch2.place-step"
    bool freeMode = false;
    bool operator==(const LessonState&) const = default;
};

struct Scenario {
    Network network;
    // A layered network (d inputs, 1 to 3 hidden layers: core/deep), read from and written to a
    // version 3 file. When set, it is the scenario's network and `network` is not used (a version
    // 3 file reads into one neutral neuron there, so code that knows only `network` never meets
    // an empty one). One that is the lesson's network (one input, one hidden layer) is written as
    // version 1 or 2, and so reads back into `network`.
    std::optional<LayeredNetwork> layered;
    Domain domain;
    TargetCurve target;
    // The target over the plane [lo, hi]² (the domain's lo and hi on both axes), for a layered
    // network of two inputs; a version 3 file's "targetSurface".
    std::optional<TargetSurface> surface;
    TrainSettings training;
    ViewRect view;
    LessonState lesson;
    bool operator==(const Scenario&) const = default;
};

// The scenario a new window opens with: the lesson's two step neurons added with (1, 1).
Scenario defaultScenario();

} // namespace stepwise

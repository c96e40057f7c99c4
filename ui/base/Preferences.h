// Preferences: what a user sets once for all their files (palette, line width, samples, the
// activation of new networks, autosave), kept in QSettings, and how they reach the window.
// "System" follows the desktop's light or dark palette: Qt 6.4 has no colour-scheme query
// (styleHints()->colorScheme() is 6.5+), so the window colour's lightness decides.
#pragma once

#include "core/network/Activation.h"
#include "core/scenario/Scenario.h"
#include "ui/base/Palette.h"

#include <QPalette>

namespace stepwise::ui {

struct Preferences {
    enum class Theme { System, Light, Dark, Projector };

    Theme theme = Theme::System;
    double lineWidth = 1.0; // multiplies every line the views draw
    int samples = kDefaultSamples;
    ActivationKind activation = ActivationKind::Step; // of new networks
    bool autosave = true;

    static constexpr double kMinLineWidth = 0.5, kMaxLineWidth = 4.0;
    static constexpr int kMinSamples = 50, kMaxPreferredSamples = 20000;

    // Reads QSettings; values out of range fall back to the defaults.
    static Preferences load();
    void save() const;
    bool operator==(const Preferences&) const = default;

    // The palette the views draw with, for a desktop whose widget palette is `system`.
    Palette palette(const QPalette& system) const;
    // Applies the defaults for new scenarios: the activation and the number of samples.
    void applyToNewScenario(Scenario& s) const;
};

// True when the widget palette is a dark one (light text on a dark window).
bool isDarkPalette(const QPalette& p);

} // namespace stepwise::ui

#include "ui/base/Preferences.h"

#include <QSettings>

#include <algorithm>

namespace stepwise::ui {

namespace {
const char* const kTheme = "preferences/palette";
const char* const kLineWidth = "preferences/lineWidth";
const char* const kSamples = "preferences/samples";
const char* const kActivation = "preferences/activation";
const char* const kAutosave = "session/autosave"; // shared with FileController

const char* themeKey(Preferences::Theme t) {
    switch (t) {
    case Preferences::Theme::Light:
        return "light";
    case Preferences::Theme::Dark:
        return "dark";
    case Preferences::Theme::Projector:
        return "projector";
    case Preferences::Theme::System:
        break;
    }
    return "system";
}

} // namespace

bool isDarkPalette(const QPalette& p) {
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

Preferences Preferences::load() {
    QSettings s;
    Preferences p;
    const QString theme = s.value(kTheme, "system").toString();
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark, Theme::Projector})
        if (theme == themeKey(t)) p.theme = t;
    bool ok = false;
    const double width = s.value(kLineWidth, 1.0).toDouble(&ok);
    if (ok && width >= kMinLineWidth && width <= kMaxLineWidth) p.lineWidth = width;
    const int samples = s.value(kSamples, kDefaultSamples).toInt(&ok);
    if (ok && samples >= kMinSamples && samples <= kMaxPreferredSamples) p.samples = samples;
    if (auto k = activationFromName(s.value(kActivation, "step").toString().toStdString()))
        p.activation = *k;
    p.autosave = s.value(kAutosave, true).toBool();
    return p;
}

void Preferences::save() const {
    QSettings s;
    s.setValue(kTheme, themeKey(theme));
    s.setValue(kLineWidth, lineWidth);
    s.setValue(kSamples, samples);
    s.setValue(kActivation, QString::fromUtf8(activationName(activation).data(),
                                              int(activationName(activation).size())));
    s.setValue(kAutosave, autosave);
}

Palette Preferences::palette(const QPalette& system) const {
    Palette p;
    switch (theme) {
    case Theme::System:
        p = isDarkPalette(system) ? Palette::dark() : Palette::light();
        break;
    case Theme::Light:
        p = Palette::light();
        break;
    case Theme::Dark:
        p = Palette::dark();
        break;
    case Theme::Projector:
        p = Palette::projector();
        break;
    }
    p.lineScale *= lineWidth;
    return p;
}

void Preferences::applyToNewScenario(Scenario& s) const {
    s.network.activation.kind = activation;
    s.domain.samples = samples;
}

} // namespace stepwise::ui

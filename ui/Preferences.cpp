#include "ui/Preferences.h"

#include "ui/Document.h"
#include "ui/FileController.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QSettings>
#include <QStyle>

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

// A dark widget palette for an explicit Dark choice on a light desktop (Fusion draws it well).
QPalette darkWidgetPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2c, 0x30), base(0x1e, 0x1f, 0x22), text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x2a, 0x7a, 0xc0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::LinkVisited, QColor(0xCC, 0x79, 0xA7));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

// Keeps a window in step with the desktop palette while the theme is System, and remembers
// the desktop's own palette so that leaving an explicit light or dark choice restores it.
class PaletteFollower : public QObject {
    static constexpr const char* kName = "stepwisePaletteFollower";

public:
    explicit PaletteFollower(MainWindow* w)
        : QObject(w), window_(w), desktop_(QApplication::palette()) {
        setObjectName(kName);
        qApp->installEventFilter(this);
    }
    static PaletteFollower* of(MainWindow* w) {
        // No Q_OBJECT here, so findChild<PaletteFollower*> would match any child: use the name.
        QObject* child = w->findChild<QObject*>(kName, Qt::FindDirectChildrenOnly);
        auto* f = dynamic_cast<PaletteFollower*>(child);
        return f ? f : new PaletteFollower(w);
    }
    void apply(const Preferences& prefs) {
        prefs_ = prefs;
        applying_ = true;
        switch (prefs.theme) {
        case Preferences::Theme::Dark:
            QApplication::setPalette(darkWidgetPalette());
            overridden_ = true;
            break;
        case Preferences::Theme::Light:
        case Preferences::Theme::Projector:
            QApplication::setPalette(
                isDarkPalette(desktop_) ? QApplication::style()->standardPalette() : desktop_);
            overridden_ = true;
            break;
        case Preferences::Theme::System:
            if (overridden_) QApplication::setPalette(desktop_);
            overridden_ = false;
            break;
        }
        applying_ = false;
        window_->setBasePalette(prefs.palette(QApplication::palette()));
    }

protected:
    bool eventFilter(QObject* obj, QEvent* e) override {
        if (obj == qApp && e->type() == QEvent::ApplicationPaletteChange && !applying_ &&
            !overridden_ && window_) {
            desktop_ = QApplication::palette();
            window_->setBasePalette(prefs_.palette(desktop_));
        }
        return QObject::eventFilter(obj, e);
    }

private:
    QPointer<MainWindow> window_;
    QPalette desktop_;
    Preferences prefs_;
    bool overridden_ = false;
    bool applying_ = false;
};
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

void applyPreferences(MainWindow* window, const Preferences& prefs, bool applySamples) {
    PaletteFollower::of(window)->apply(prefs);
    window->files()->setAutosaveEnabled(prefs.autosave);
    Document* doc = window->document();
    if (applySamples && doc->scenario().domain.samples != prefs.samples) {
        Domain d = doc->scenario().domain;
        d.samples = prefs.samples;
        doc->setDomain(d);
    }
}

} // namespace stepwise::ui

#include "ui/shell/PaletteFollower.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>

namespace stepwise::ui {

namespace {

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

} // namespace

PaletteFollower::PaletteFollower(QObject* owner, ViewPalette views)
    : QObject(owner), views_(std::move(views)), desktop_(QApplication::palette()) {
    qApp->installEventFilter(this);
}

void PaletteFollower::apply(const Preferences& prefs) {
    prefs_ = prefs;
    applying_ = true;
    switch (prefs.theme) {
    case Preferences::Theme::Dark:
        QApplication::setPalette(darkWidgetPalette());
        overridden_ = true;
        break;
    case Preferences::Theme::Light:
    case Preferences::Theme::Projector:
        QApplication::setPalette(isDarkPalette(desktop_) ? QApplication::style()->standardPalette()
                                                         : desktop_);
        overridden_ = true;
        break;
    case Preferences::Theme::System:
        if (overridden_) QApplication::setPalette(desktop_);
        overridden_ = false;
        break;
    }
    applying_ = false;
    views_(prefs.palette(QApplication::palette()));
}

bool PaletteFollower::eventFilter(QObject* obj, QEvent* e) {
    if (obj == qApp && e->type() == QEvent::ApplicationPaletteChange && !applying_ &&
        !overridden_) {
        desktop_ = QApplication::palette();
        views_(prefs_.palette(desktop_));
    }
    return QObject::eventFilter(obj, e);
}

} // namespace stepwise::ui

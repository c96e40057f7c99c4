#include "ui/base/FocusRing.h"

#include "ui/base/Contrast.h"

#include <QApplication>
#include <QEvent>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace stepwise::ui {

FocusRing::FocusRing(QWidget* window) : QWidget(window), window_(window) {
    setObjectName("focusRing");
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget*, QWidget* now) { follow(now); });
    qApp->installEventFilter(this); // how the focus moved: by the keyboard, or by the mouse
    follow(QApplication::focusWidget());
}

QColor FocusRing::ringColor(const QPalette& p) {
    const QColor window = p.color(QPalette::Window), base = p.color(QPalette::Base);
    auto reaches = [&](const QColor& c, double ratio = kMinGraphicContrast) {
        return contrastRatio(c, window) >= ratio && contrastRatio(c, base) >= ratio;
    };
    // The desktop's own highlight when it stands out well (Fusion's reaches only about 3.2:1 on
    // its light grey, which reads as faint on a projector): 4.5:1, the ratio asked of text.
    const QColor highlight = p.color(QPalette::Highlight);
    if (reaches(highlight, 4.5)) return highlight;
    // Dark blue on light backgrounds, amber on dark ones (both readable for colour-blind eyes).
    const QColor blue(0x00, 0x4C, 0xA3), amber(0xFF, 0xB0, 0x00);
    if (reaches(blue)) return blue;
    if (reaches(amber)) return amber;
    // Mixed backgrounds (a light window with a dark text box): whichever stands out better.
    return std::min(contrastRatio(blue, window), contrastRatio(blue, base)) >=
                   std::min(contrastRatio(amber, window), contrastRatio(amber, base))
               ? blue
               : amber;
}

void FocusRing::watchChain(bool on) {
    // The focused control and its ancestors: any of them moving (a scrolled panel), resizing or
    // hiding moves the ring.
    for (const QPointer<QWidget>& w : watched_)
        if (w) w->removeEventFilter(this);
    watched_.clear();
    if (!on) return;
    for (QWidget* w = target_; w && w != window_; w = w->parentWidget()) {
        w->installEventFilter(this);
        watched_.push_back(w);
    }
}

void FocusRing::follow(QWidget* now) {
    if (now && (now->window() != window_ || now == this)) now = nullptr;
    if (now == target_) return;
    watchChain(false);
    target_ = now;
    watchChain(true);
    place();
}

bool FocusRing::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::FocusIn:
        switch (static_cast<QFocusEvent*>(event)->reason()) {
        case Qt::TabFocusReason:
        case Qt::BacktabFocusReason:
        case Qt::ShortcutFocusReason:
            keyboard_ = true;
            place();
            break;
        case Qt::MouseFocusReason:
            keyboard_ = false;
            place();
            break;
        default: // the window or a popup: as before
            break;
        }
        return false;
    case QEvent::KeyPress: {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Tab || key == Qt::Key_Backtab) && !keyboard_) {
            keyboard_ = true;
            place();
        }
        return false;
    }
    case QEvent::MouseButtonPress:
        if (keyboard_) {
            keyboard_ = false;
            place();
        }
        return false;
    default:
        break;
    }
    // The rest concerns the focused control and its ancestors only (the application's filter
    // sees every object's events).
    if (std::find(watched_.begin(), watched_.end(), watched) == watched_.end()) return false;
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::ParentChange:
        place();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::place() {
    if (!keyboard_ || !target_ || !target_->isVisible() || target_->visibleRegion().isEmpty()) {
        hide();
        return;
    }
    // Around the part of the control that can be seen (a row scrolled half out of its panel is
    // ringed where it shows), just outside its edge.
    const QRect seen = target_->visibleRegion().boundingRect();
    const QRect r(target_->mapTo(window_, seen.topLeft()), seen.size());
    const int m = kWidth;
    setGeometry(r.adjusted(-m, -m, m, m).intersected(window_->rect()));
    show();
    raise();
    update();
}

void FocusRing::changeEvent(QEvent* e) {
    if (e->type() == QEvent::PaletteChange) update();
    QWidget::changeEvent(e);
}

void FocusRing::paintEvent(QPaintEvent*) {
    if (!target_) return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect seen = target_->visibleRegion().boundingRect();
    // (mapTo needs an ancestor: through the window, whose child the ring is)
    const QRect r(target_->mapTo(window_, seen.topLeft()) - pos(), seen.size());
    QPen pen(ringColor(window_->palette()), kWidth);
    pen.setJoinStyle(Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double h = kWidth / 2.0;
    // The ring's inner edge lies on the control's edge (−1 px): it never covers what it rings.
    p.drawRoundedRect(QRectF(r).adjusted(-h + 0.5, -h + 0.5, h - 0.5, h - 0.5), 3, 3);
}

} // namespace stepwise::ui

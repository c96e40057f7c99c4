// FocusRing: a ring drawn around whichever control has the keyboard focus, in every style and
// palette, so a learner who moves with Tab always sees where they are. It is one transparent
// overlay per window that follows the focus (and the focused control when it moves, is scrolled
// or resized) and paints a rounded frame, ringColor() of the window's palette, that reaches
// kMinGraphicContrast (ui/base/Contrast.h) against the window's background.
//
// Like a browser's :focus-visible, the ring shows while the keyboard moves the focus (Tab,
// Shift+Tab, a shortcut) and goes when the mouse takes over (a click), so a learner at the mouse
// never sees a frame around what they clicked.
#pragma once

#include <QPalette>
#include <QPointer>
#include <QWidget>

namespace stepwise::ui {

class FocusRing : public QWidget {
    Q_OBJECT
public:
    // Watches the focus of `window` (a top-level widget), on whose top it draws.
    explicit FocusRing(QWidget* window);

    // The widget the ring is around, or null (no focus in this window).
    QWidget* target() const { return target_; }
    // A colour reaching at least 3:1 against the palette's window background and its base (the
    // ring crosses text boxes): the palette's highlight if it reaches 4.5:1, else dark blue
    // (7:1 on a light window) or amber (7.6:1 on a dark one).
    static QColor ringColor(const QPalette& p);
    static constexpr int kWidth = 3; // pixels

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent*) override;
    void changeEvent(QEvent* e) override; // a new palette: a new colour

private:
    void follow(QWidget* now);
    void place();
    void watchChain(bool on);

    QPointer<QWidget> target_;
    bool keyboard_ = false;            // the focus last moved by the keyboard
    QList<QPointer<QWidget>> watched_; // target_ and its ancestors up to the window
    QWidget* window_;
};

} // namespace stepwise::ui

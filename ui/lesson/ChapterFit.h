// ChapterFit: a note at the top of the lesson panel when the document's network is not the kind
// the chapter is written for (say a file of two inputs opened while chapter 1 is showing), with
// one button: the chapter written for this network, or this chapter set up afresh. Hidden when
// they fit.
#pragma once

#include "core/scenario/Scenario.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace stepwise::ui {

class ChapterFit : public QFrame {
    Q_OBJECT
public:
    explicit ChapterFit(QWidget* parent = nullptr);

    // Shows or hides the note for scenario s with chapter `chapter` showing.
    void update(const Scenario& s, int chapter);
    // The chapter the button goes to (−1 while hidden).
    int offered() const { return offered_; }
    QPushButton* button() const { return go_; }
    QString text() const;

signals:
    void goTo(int chapter);

private:
    QLabel* text_;
    QPushButton* go_;
    int offered_ = -1;
};

} // namespace stepwise::ui

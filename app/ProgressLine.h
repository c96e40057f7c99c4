// ProgressLine: one line on stderr that a long headless run redraws in place ("\r"), with the
// steps done, the loss and the time left. Shown only when stderr is a terminal and only once a
// run has taken more than a second, so short runs, pipes and log files see nothing of it.
//
// time left = elapsed · (total − done) / done   (the pace so far; steps cost the same throughout)
#pragma once

#include <QElapsedTimer>
#include <QString>

namespace stepwise::app {

class ProgressLine {
public:
    ProgressLine(); // decides once whether stderr is a terminal
    bool enabled() const { return enabled_; }

    // Training: `done` of `total` steps, with the latest loss. Cheap to call every step: it
    // redraws at most ten times a second.
    void training(long done, long total, double loss);
    // Any other long stage (drawing an animation): a label and a count.
    void stage(const QString& what, long done, long total);
    // Clears the line, leaving the terminal as it was.
    void finish();

    // "48 s", "2 min 05 s", "1 h 03 min".
    static QString duration(double seconds);
    // Whether stderr is a terminal (isatty / _isatty).
    static bool stderrIsTerminal();

private:
    bool due(); // whether it is time to (re)draw
    void draw(const QString& text);

    bool enabled_ = false;
    QElapsedTimer clock_;
    qint64 lastDrawMs_ = -1000;
    int width_ = 0; // characters drawn last time, to blank what the new text does not cover
};

} // namespace stepwise::app

#include "app/ProgressLine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace stepwise::app {

namespace {
constexpr qint64 kQuietMs = 1000; // runs shorter than this show nothing
constexpr qint64 kRedrawMs = 100; // at most ten redraws a second
} // namespace

bool ProgressLine::stderrIsTerminal() {
#ifdef _WIN32
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

ProgressLine::ProgressLine() : enabled_(stderrIsTerminal()) {
    clock_.start();
}

QString ProgressLine::duration(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    if (s < 60) return QStringLiteral("%1 s").arg(s);
    if (s < 3600) return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0'));
}

bool ProgressLine::due() {
    if (!enabled_) return false;
    const qint64 now = clock_.elapsed();
    if (now < kQuietMs || now - lastDrawMs_ < kRedrawMs) return false;
    lastDrawMs_ = now;
    return true;
}

void ProgressLine::training(long done, long total, double loss) {
    if (!due()) return;
    const double percent = total > 0 ? 100.0 * double(done) / double(total) : 100.0;
    QString text = QStringLiteral("Training: %L1 of %L2 steps (%3%), loss %4")
                       .arg(done)
                       .arg(total)
                       .arg(std::floor(percent * 10) / 10, 0, 'f', 1) // never 100.0 too soon
                       .arg(loss, 0, 'g', 4);
    if (done > 0 && total > done)
        text += QStringLiteral(", %1 left")
                    .arg(duration(clock_.elapsed() / 1000.0 * double(total - done) / done));
    draw(text);
}

void ProgressLine::stage(const QString& what, long done, long total) {
    if (!due()) return;
    draw(QStringLiteral("%1: %L2 of %L3").arg(what).arg(done).arg(total));
}

void ProgressLine::draw(const QString& text) {
    const QByteArray bytes = text.toLocal8Bit();
    const int pad = std::max(0, width_ - static_cast<int>(text.size()));
    std::fprintf(stderr, "\r%s%*s", bytes.constData(), pad, "");
    std::fflush(stderr);
    width_ = static_cast<int>(text.size());
}

void ProgressLine::finish() {
    if (width_ == 0) return;
    std::fprintf(stderr, "\r%*s\r", width_, "");
    std::fflush(stderr);
    width_ = 0;
}

} // namespace stepwise::app

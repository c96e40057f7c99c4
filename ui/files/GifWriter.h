// GifWriter: writes an animated GIF (giflib), frame by frame, looping forever. Each frame is
// reduced to a 256-colour palette of its own.
#pragma once

#include <QImage>
#include <QString>

struct GifFileType;

namespace stepwise::ui {

class GifWriter {
public:
    GifWriter() = default;
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    bool open(const QString& path, int width, int height);
    bool addFrame(const QImage& frame, int delayCentiseconds);
    bool close();
    QString error() const { return error_; }
    int frames() const { return frames_; }

private:
    GifFileType* gif_ = nullptr;
    int width_ = 0, height_ = 0, frames_ = 0;
    QString error_;
};

} // namespace stepwise::ui

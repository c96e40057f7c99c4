#include "ui/files/GifWriter.h"

#include <gif_lib.h>

#include <cstring>
#include <vector>

namespace stepwise::ui {

GifWriter::~GifWriter() {
    if (gif_) close();
}

bool GifWriter::open(const QString& path, int width, int height) {
    int err = 0;
    gif_ = EGifOpenFileName(path.toLocal8Bit().constData(), false, &err);
    if (!gif_) {
        error_ = QString::fromLatin1(GifErrorString(err));
        return false;
    }
    width_ = width;
    height_ = height;
    EGifSetGifVersion(gif_, true);
    if (EGifPutScreenDesc(gif_, width, height, 8, 0, nullptr) == GIF_ERROR) {
        error_ = QString::fromLatin1(GifErrorString(gif_->Error));
        return false;
    }
    // NETSCAPE2.0 application extension: loop forever.
    const unsigned char app[] = "NETSCAPE2.0";
    const unsigned char loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(gif_, 11, app) == GIF_ERROR ||
        EGifPutExtensionBlock(gif_, 3, loop) == GIF_ERROR ||
        EGifPutExtensionTrailer(gif_) == GIF_ERROR) {
        error_ = QString::fromLatin1(GifErrorString(gif_->Error));
        return false;
    }
    return true;
}

bool GifWriter::addFrame(const QImage& frame, int delayCentiseconds) {
    if (!gif_) return false;
    QImage img =
        frame.scaled(width_, height_)
            .convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
    const QList<QRgb> table = img.colorTable();
    ColorMapObject* map = GifMakeMapObject(256, nullptr);
    if (!map) {
        error_ = QStringLiteral("out of memory");
        return false;
    }
    for (int i = 0; i < 256; ++i) {
        const QRgb c = i < table.size() ? table[i] : 0;
        map->Colors[i] = {static_cast<GifByteType>(qRed(c)), static_cast<GifByteType>(qGreen(c)),
                          static_cast<GifByteType>(qBlue(c))};
    }
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = delayCentiseconds;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType ext[4];
    const size_t len = EGifGCBToExtension(&gcb, ext);
    bool ok =
        EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(len), ext) != GIF_ERROR &&
        EGifPutImageDesc(gif_, 0, 0, width_, height_, false, map) != GIF_ERROR;
    std::vector<GifPixelType> line(width_);
    for (int y = 0; ok && y < height_; ++y) {
        std::memcpy(line.data(), img.constScanLine(y), width_);
        ok = EGifPutLine(gif_, line.data(), width_) != GIF_ERROR;
    }
    GifFreeMapObject(map);
    if (!ok) {
        error_ = QString::fromLatin1(GifErrorString(gif_->Error));
        return false;
    }
    ++frames_;
    return true;
}

bool GifWriter::close() {
    if (!gif_) return false;
    int err = 0;
    const bool ok = EGifCloseFile(gif_, &err) != GIF_ERROR;
    gif_ = nullptr;
    if (!ok) error_ = QString::fromLatin1(GifErrorString(err));
    return ok;
}

} // namespace stepwise::ui

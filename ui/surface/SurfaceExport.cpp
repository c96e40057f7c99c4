#include "ui/surface/SurfaceExport.h"

#include "ui/surface/SectionPlot.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"

#include <QCoreApplication>
#include <QImage>
#include <QLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

#include <algorithm>
#include <vector>

namespace stepwise::ui {

namespace {

// Each plot drawn where it sits in the picture, the whole scaled to fit width × height.
void paintPicture(SurfaceView* view, QCPPainter& painter, int width, int height) {
    QWidget* picture = view->picture();
    const QSize size = picture->size();
    const double s = std::min(width / static_cast<double>(std::max(1, size.width())),
                              height / static_cast<double>(std::max(1, size.height())));
    const std::vector<QCustomPlot*> plots = {view->outputPlot(), view->targetPlot(),
                                             view->sectionAlongX1(), view->sectionAlongX2()};
    for (QCustomPlot* plot : plots) {
        if (!plot->isVisibleTo(picture)) continue;
        const QRect g(plot->mapTo(picture, QPoint(0, 0)), plot->size());
        const int w = std::max(1, static_cast<int>(g.width() * s));
        const int h = std::max(1, static_cast<int>(g.height() * s));
        painter.save();
        painter.translate(g.x() * s, g.y() * s);
        plot->toPainter(&painter, w, h);
        painter.restore();
    }
}

// While a picture is written the view shows the maps (the 3-D view is drawn by OpenGL on screen
// only), and its own choice again afterwards.
class MapsWhileExporting {
public:
    explicit MapsWhileExporting(SurfaceView* view) : view_(view), was_(view->look()) {
        if (was_ == SurfaceView::Look::Map) return;
        view_->setLook(SurfaceView::Look::Map);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
    ~MapsWhileExporting() {
        if (was_ != SurfaceView::Look::Map) view_->setLook(was_);
    }
    MapsWhileExporting(const MapsWhileExporting&) = delete;
    MapsWhileExporting& operator=(const MapsWhileExporting&) = delete;

private:
    SurfaceView* view_;
    SurfaceView::Look was_;
};

// A page not on screen has no layout yet: give it the picture's size. Then every plot drawn
// with what the view shows now (nothing waits for a queued replot).
void prepare(SurfaceView* view, int width, int height) {
    if (!view->picture()->isVisible()) {
        view->resize(width, height + 160);
        if (view->layout()) view->layout()->activate();
    }
    view->replotNow();
}

QImage paintImage(SurfaceView* view, int width, int height, double scale) {
    QImage image(static_cast<int>(width * scale), static_cast<int>(height * scale),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(view->backgroundColour());
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    paintPicture(view, painter, width, height);
    painter.end();
    return image;
}

} // namespace

QImage surfaceImage(SurfaceView* view, int width, int height, double scale) {
    if (width < 16 || height < 16 || !(scale > 0.0)) return {};
    const MapsWhileExporting maps(view);
    prepare(view, width, height);
    const QImage image = paintImage(view, width, height, scale);
    view->replotNow(); // drawing at another size left the plots' axes at that size
    return image;
}

bool exportSurface(SurfaceView* view, const QString& path, int width, int height, QString* error,
                   double scale) {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    const QString lower = path.toLower();
    const bool png = lower.endsWith(".png"), svg = lower.endsWith(".svg"),
               pdf = lower.endsWith(".pdf");
    if (!png && !svg && !pdf)
        return fail(SurfaceView::tr("the name must end in .png, .svg or .pdf"));
    if (width < 16 || height < 16) return fail(SurfaceView::tr("the picture is too small"));
    const MapsWhileExporting maps(view);
    prepare(view, width, height);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    bool painted = false;
    if (png) {
        painted = paintImage(view, width, height, scale).save(&file, "PNG");
    } else if (svg) {
        QSvgGenerator gen;
        gen.setOutputDevice(&file);
        gen.setSize(QSize(width, height));
        gen.setViewBox(QRect(0, 0, width, height));
        gen.setTitle(SurfaceView::tr("Stepwise surface"));
        QCPPainter painter;
        painted = painter.begin(&gen);
        if (painted) {
            paintPicture(view, painter, width, height);
            painted = painter.end();
        }
    } else {
        QPdfWriter writer(&file);
        writer.setTitle(SurfaceView::tr("Stepwise surface"));
        writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72);
        QCPPainter painter;
        painted = painter.begin(&writer);
        if (painted) {
            paintPicture(view, painter, width, height);
            painted = painter.end();
        }
    }
    view->replotNow(); // drawing at another size left the plots' axes at that size
    if (!painted) {
        file.cancelWriting();
        return fail(SurfaceView::tr("the picture could not be drawn"));
    }
    if (!file.commit()) return fail(file.errorString());
    return true;
}

} // namespace stepwise::ui

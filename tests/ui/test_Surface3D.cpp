// The surface in 3-D (ui/surface/Surface3D inside SurfaceView). Where no OpenGL context can be
// made (the offscreen platform these tests run on) choosing 3-D keeps the maps and says why in one
// line. The *Gl* tests need a context: ctest runs them again under Xvfb (Surface3D.UnderXvfb, with
// STEPWISE_REQUIRE_GL set, so there they fail rather than skip); there the surface's points are
// the network's output on the map's grid and follow a dragged weight.
#include "core/deep/RandomLayered.h"
#include "ui/surface/Surface3D.h"
#include "ui/surface/SurfaceExport.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QToolButton>
#include <gtest/gtest.h>

#ifdef STEPWISE_HAVE_3D
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#endif

#include <cmath>
#include <memory>
#include <random>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

constexpr double kSurface3DLo = -2.0, kSurface3DHi = 3.0;
constexpr int kSide = SurfaceView::kMapSide;

LayeredNetwork surface3DNetwork(ActivationKind g, int width, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return randomLayeredNetwork(2, {{width, {g, 1.0}}}, kSurface3DLo, kSurface3DHi, rng);
}

std::unique_ptr<SurfaceView> shownView(const LayeredNetwork& net) {
    auto view = std::make_unique<SurfaceView>();
    view->resize(1100, 820);
    view->setDomain(kSurface3DLo, kSurface3DHi);
    view->setNetwork(net);
    const TargetSurface tower{SurfacePreset::Tower, 1, {}};
    view->setSurface(&tower);
    view->show();
    QApplication::processEvents();
    return view;
}

QToolButton* lookButton(const SurfaceView& view, const char* name) {
    return view.findChild<QToolButton*>(QString::fromLatin1(name));
}

} // namespace

TEST(Surface3D, FallbackKeepsTheMapAndSaysWhy) {
    ASSERT_EQ(QGuiApplication::platformName(), QStringLiteral("offscreen"));
    const auto why = Surface3D::unavailableReason();
    ASSERT_TRUE(why.has_value());

    const LayeredNetwork net = surface3DNetwork(ActivationKind::Tanh, 8, 31);
    auto view = shownView(net);
    QToolButton* solid = lookButton(*view, "surfaceLook3d");
    ASSERT_NE(solid, nullptr);
    EXPECT_FALSE(solid->isChecked());
    EXPECT_FALSE(solid->toolTip().isEmpty());
    EXPECT_FALSE(view->lookNotice()->isVisible());

    solid->click();
    QApplication::processEvents();
    EXPECT_EQ(view->look(), SurfaceView::Look::Solid);
    EXPECT_TRUE(solid->isChecked());
    EXPECT_FALSE(view->showing3d());
    EXPECT_EQ(view->surface3d(), nullptr);
    // One line, saying why, and the map in its place with the network's values.
    EXPECT_TRUE(view->lookNotice()->isVisible());
    const QString notice = view->lookNotice()->text();
    EXPECT_EQ(notice, *why);
    EXPECT_FALSE(notice.contains('\n'));
    EXPECT_TRUE(notice.contains(QStringLiteral("OpenGL")) ||
                notice.contains(QStringLiteral("built")))
        << notice.toStdString();
    SurfacePlot* out = view->outputPlot();
    EXPECT_TRUE(out->isVisible());
    ASSERT_TRUE(out->hasValues());
    for (int i = 0; i < kSide; i += 9)
        for (int j = 0; j < kSide; j += 7)
            EXPECT_TRUE(std::isfinite(out->cell(i, j))) << i << ", " << j;
    view->showReadoutAt(0.3, -1.1);
    EXPECT_FALSE(view->readoutText().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    EXPECT_FALSE(view->readoutText().isEmpty());

    // The choice is kept while the view lives: a new network leaves it as it was.
    LayeredNetwork other = surface3DNetwork(ActivationKind::Sigmoid, 5, 32);
    view->setNetwork(other);
    EXPECT_EQ(view->look(), SurfaceView::Look::Solid);
    EXPECT_TRUE(view->lookNotice()->isVisible());
    EXPECT_TRUE(out->isVisible());

    solid->click(); // back to the maps
    QApplication::processEvents();
    EXPECT_EQ(view->look(), SurfaceView::Look::Map);
    EXPECT_FALSE(solid->isChecked());
    EXPECT_FALSE(view->lookNotice()->isVisible());
    EXPECT_TRUE(out->isVisible());
}

TEST(Surface3D, GlSurfaceIsTheOutputOnTheGridAndFollowsAWeight) {
    const auto why = Surface3D::unavailableReason();
    if (why) {
        if (qEnvironmentVariableIsSet("STEPWISE_REQUIRE_GL"))
            FAIL() << "no 3-D view on platform " << QGuiApplication::platformName().toStdString()
                   << ": " << why->toStdString();
        GTEST_SKIP() << "No OpenGL context can be made on platform "
                     << QGuiApplication::platformName().toStdString() << ": " << why->toStdString();
    }
#ifdef STEPWISE_HAVE_3D
    LayeredNetwork net = surface3DNetwork(ActivationKind::Tanh, 8, 41);
    auto view = shownView(net);
    lookButton(*view, "surfaceLook3d")->click();
    QApplication::processEvents();
    ASSERT_TRUE(view->showing3d());
    EXPECT_FALSE(view->lookNotice()->isVisible());
    Surface3D* s3 = view->surface3d();
    ASSERT_NE(s3, nullptr);
    ASSERT_NE(s3->graph(), nullptr);
    EXPECT_FALSE(s3->pending()); // not live: drawn at once
    EXPECT_EQ(s3->graph()->activeTheme()->windowColor(), Palette::light().background);

    const Eigen::MatrixXd grid = planeGrid(kSurface3DLo, kSurface3DHi, kSide);
    // The proxy holds floats (QVector3D): each height is the core's value rounded to a float.
    auto expectHeights = [&](const LayeredNetwork& n) {
        const Eigen::ArrayXd y = evaluateOutput(n, grid);
        const QSurfaceDataProxy* proxy = s3->outputSeries()->dataProxy();
        EXPECT_EQ(proxy->rowCount(), kSide);
        EXPECT_EQ(proxy->columnCount(), kSide);
        int wrong = 0;
        for (int j = 0; j < proxy->rowCount(); ++j)
            for (int i = 0; i < proxy->columnCount(); ++i) {
                const QSurfaceDataItem* item = proxy->itemAt(j, i);
                const Eigen::Index c = static_cast<Eigen::Index>(j) * kSide + i;
                const double expected = static_cast<float>(y[c]);
                if (std::abs(item->y() - expected) > 1e-9 ||
                    std::abs(item->x() - static_cast<float>(grid(0, c))) > 1e-9 ||
                    std::abs(item->z() - static_cast<float>(grid(1, c))) > 1e-9) {
                    if (++wrong <= 5)
                        ADD_FAILURE() << "at (" << i << ", " << j << "): " << item->x() << ", "
                                      << item->y() << ", " << item->z() << " for " << grid(0, c)
                                      << ", " << y[c] << ", " << grid(1, c);
                }
            }
        EXPECT_EQ(wrong, 0);
        return y;
    };
    const Eigen::ArrayXd before = expectHeights(net);

    // A weight dragged: live frames, then the last one drawn when the drag ends.
    Eigen::VectorXd p = packParams(net);
    for (int step = 1; step <= 3; ++step) {
        view->setLive(true);
        p[view->weightIndex(0, 0)] += 0.4;
        unpackParams(net, p);
        view->setNetwork(net);
    }
    view->setLive(false);
    EXPECT_FALSE(s3->pending());
    const Eigen::ArrayXd after = expectHeights(net);
    EXPECT_GT((after - before).abs().maxCoeff(), 1e-3);

    // The target: its map beside the 3-D view, or a coarser wire mesh over the surface.
    QSurface3DSeries* target = s3->targetSeries();
    EXPECT_TRUE(view->targetPlot()->isVisible());
    EXPECT_TRUE(s3->isAncestorOf(view->targetPlot()) ||
                s3->parentWidget()->isAncestorOf(view->targetPlot()));
    EXPECT_FALSE(target->isVisible());
    view->setTargetDisplay(SurfaceView::TargetDisplay::Contours);
    s3->flush();
    EXPECT_FALSE(view->targetPlot()->isVisible());
    EXPECT_TRUE(target->isVisible());
    EXPECT_EQ(target->drawMode(), QSurface3DSeries::DrawWireframe);
    EXPECT_GT(target->dataProxy()->rowCount(), 2);
    EXPECT_LT(target->dataProxy()->rowCount(), kSide);
    view->setSurface(nullptr);
    s3->flush();
    EXPECT_FALSE(target->isVisible());
    // Back on the maps the target's map is beside the output again.
    view->setTargetDisplay(SurfaceView::TargetDisplay::Beside);
    view->setLook(SurfaceView::Look::Map);
    EXPECT_TRUE(view->targetPlot()->isVisible());
    EXPECT_EQ(view->targetPlot()->parentWidget(), view->outputPlot()->parentWidget());
    view->setLook(SurfaceView::Look::Solid);
    ASSERT_TRUE(view->showing3d());

    // A picture file shows the maps (the output's map drawn into it), and the 3-D view stays.
    {
        QTemporaryDir dir;
        ASSERT_TRUE(dir.isValid());
        const QString path = dir.filePath("surface.png");
        QString error;
        ASSERT_TRUE(exportSurface(view.get(), path, 800, 600, &error)) << error.toStdString();
        EXPECT_TRUE(view->showing3d());
        const QImage image(path);
        ASSERT_FALSE(image.isNull());
        // The output map's middle holds a viridis colour, not the background.
        const QColor middle = image.pixelColor(image.width() / 4, image.height() / 3);
        EXPECT_NE(middle, QColor(view->backgroundColour())) << middle.name().toStdString();
    }

    // A network that cannot be drawn: no surface, and the reason above the picture.
    std::mt19937_64 rng(42);
    view->setNetwork(randomLayeredNetwork(1, {{3, {ActivationKind::Tanh, 1.0}}}, kSurface3DLo,
                                          kSurface3DHi, rng));
    s3->flush();
    EXPECT_FALSE(s3->outputSeries()->isVisible());
    EXPECT_FALSE(s3->message().isEmpty());
#else
    FAIL() << "built without Qt Data Visualization, yet a 3-D view was offered";
#endif
}

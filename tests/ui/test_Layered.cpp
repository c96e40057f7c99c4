// A layered network in the window (issues 17 and 18): the document's layered mode and its undo
// steps, the workspace that takes the lesson's views' place, the graph of the output, training
// on the general engine (one undo step per run, never a non-finite number shown), and the way
// back to the lesson's network.
#include "UiTestSupport.h"

#include "core/deep/Pieces.h"
#include "core/deep/RandomLayered.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/deep/DeepGraph.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/files/FileController.h"
#include "ui/lesson/LessonPanel.h"
#include "ui/shell/LayeredGif.h"
#include "ui/shell/LayeredWorkspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QMenu>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

QStackedWidget* pages(ui::MainWindow* w) {
    return w->findChild<QStackedWidget*>("pages");
}

} // namespace

TEST(Layered, EnteringDepthIsOneUndoStepAndShowsTheWorkspace) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    const Network before = doc->network();
    EXPECT_EQ(pages(w.get())->currentIndex(), 0);
    doc->setLayered(deepNet(1), "deeper");
    QApplication::processEvents();
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(pages(w.get())->currentWidget(), w->layeredWorkspace());
    EXPECT_EQ(doc->layered(), deepNet(1));
    doc->undoStack()->undo();
    QApplication::processEvents();
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(doc->network(), before);
    EXPECT_EQ(pages(w.get())->currentIndex(), 0);
    doc->undoStack()->redo();
    EXPECT_TRUE(doc->isLayered());
}

TEST(Layered, TheLessonsShapeIsTheLessonsNetwork) {
    // One input and one hidden layer is the lesson's network: setLayered of that shape leaves
    // layered mode with the same parameters (as the file format writes it).
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    std::mt19937_64 rng(2);
    const LayeredNetwork flat =
        randomLayeredNetwork(1, {{3, {ActivationKind::Sigmoid, 4.0}}}, -1.0, 1.0, rng);
    doc->setLayered(flat, "shape");
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(fromNetwork(doc->network()), flat);
}

TEST(Layered, TheGraphDrawsTheNetworksOutput) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    QApplication::processEvents();
    ui::DeepGraph* g = w->layeredWorkspace()->graph();
    const auto data = g->outputGraph()->data();
    ASSERT_GT(data->size(), 10);
    Eigen::MatrixXd x(1, data->size());
    Eigen::ArrayXd y(data->size());
    int i = 0;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it, ++i) {
        x(0, i) = it->key;
        y[i] = it->value;
    }
    const Eigen::ArrayXd expected = evaluateOutput(doc->layered(), x);
    EXPECT_LT((y - expected).abs().maxCoeff(), 1e-12);
    EXPECT_EQ(g->contributionCount(), 5); // the last hidden layer's neurons
    // Named as the parameter tree names the output weights: v₃·a⁽²⁾₃ for the third.
    QStringList names;
    for (int k = 0; k < g->plot()->graphCount(); ++k)
        names << g->plot()->graph(k)->name();
    EXPECT_TRUE(names.contains(QString::fromUtf8("v₃·a⁽²⁾₃"))) << names.join(", ").toStdString();
    // The loss the window shows is the engine's on the training points.
    const double l = loss(doc->layered(), doc->sampleX().matrix().transpose(), doc->sampleT());
    EXPECT_NEAR(doc->layeredLoss(), l, 1e-12 * std::max(1.0, l));
}

TEST(Layered, ParameterEditsMergeWhileADragIsOpen) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    const Eigen::VectorXd p0 = packParams(doc->layered());
    const int before = doc->undoStack()->count();
    doc->beginDrag();
    doc->setLayeredParam(7, 0.25);
    doc->setLayeredParam(7, 0.5);
    doc->setLayeredParam(7, 0.75);
    doc->endDrag();
    EXPECT_EQ(doc->undoStack()->count(), before + 1);
    EXPECT_EQ(packParams(doc->layered())[7], 0.75);
    doc->setLayeredParam(7, std::nan(""));                 // refused
    doc->setLayeredParam(paramCount(doc->layered()), 1.0); // out of range: refused
    EXPECT_EQ(doc->undoStack()->count(), before + 1);
    doc->undoStack()->undo();
    EXPECT_EQ(packParams(doc->layered()), p0);
}

TEST(Layered, TwoInputsLearnTheSurfaceOnThePlanesGrid) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(2), "two inputs");
    EXPECT_FALSE(doc->hasLayeredTarget());
    TargetSurface s;
    s.preset = SurfacePreset::Tower;
    doc->setSurface(s, "tower");
    ASSERT_TRUE(doc->hasLayeredTarget());
    EXPECT_EQ(doc->layeredX().rows(), 2);
    EXPECT_EQ(doc->layeredX().cols(), kSurfaceSide * kSurfaceSide);
    const Eigen::ArrayXd t = sampleSurface(s, doc->layeredX(), -1.0, 1.0);
    EXPECT_EQ(doc->layeredT().matrix(), t.matrix());
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->hasLayeredTarget());
    EXPECT_EQ(doc->surface(), nullptr);
}

TEST(Layered, OpensAVersion3FileAndRefusesMoreThanTwoInputs) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    QTemporaryDir dir;
    Scenario s = defaultScenario();
    s.layered = deepNet(1);
    TargetCurve t;
    t.preset = TargetPreset::Bump;
    s.target = t;
    const QString good = dir.filePath("deep.stepwise");
    ASSERT_TRUE(writeScenarioFile(good.toStdString(), s, nullptr));
    ASSERT_TRUE(w->files()->open(good));
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(doc->layered(), *s.layered);
    EXPECT_EQ(pages(w.get())->currentWidget(), w->layeredWorkspace());

    Scenario three = defaultScenario();
    std::mt19937_64 rng(1);
    three.layered = randomLayeredNetwork(3, {{4, {ActivationKind::Tanh, 1.0}}}, -1.0, 1.0, rng);
    const QString bad = dir.filePath("three.stepwise");
    ASSERT_TRUE(writeScenarioFile(bad.toStdString(), three, nullptr));
    QString said;
    QObject::connect(w->files(), &ui::FileController::errorOccurred,
                     [&](const QString&, const QString& m) { said = m; });
    EXPECT_FALSE(w->files()->open(bad));
    EXPECT_TRUE(said.contains("network.inputs")) << said.toStdString();
    EXPECT_EQ(doc->layered(), *s.layered); // the open document is unchanged
}

TEST(Layered, BackToTheLessonsNetwork) {
    auto w = windowWithSine();
    ui::Document* doc = w->document();
    doc->setLayered(deepNet(1), "deeper");
    QApplication::processEvents();
    doc->leaveLayered("back");
    QApplication::processEvents();
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(pages(w.get())->currentIndex(), 0);
    EXPECT_EQ(doc->network(), defaultScenario().network);
    // A lesson chapter always teaches with the lesson's network.
    doc->undoStack()->undo();
    ASSERT_TRUE(doc->isLayered());
    w->lesson()->goToChapter(2);
    EXPECT_FALSE(doc->isLayered());
}

TEST(Layered, TheDepthChapterStartsLayeredAndCountsPieces) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    w->lesson()->goToChapter(9);
    QApplication::processEvents();
    doc->flush();
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(pages(w.get())->currentWidget(), w->layeredWorkspace());
    EXPECT_TRUE(w->layeredWorkspace()->piecesText().contains("2 straight pieces"))
        << w->layeredWorkspace()->piecesText().toStdString();
    // "Show me" folds again: four pieces, and the task ticks.
    doc->adoptNetworkOf(
        [] {
            Scenario s = defaultScenario();
            s.layered = foldNetwork(2);
            return s;
        }(),
        "fold");
    doc->flush();
    EXPECT_TRUE(w->layeredWorkspace()->piecesText().contains("4 straight pieces"));
    EXPECT_TRUE(
        pumpUntil([&] { return doc->scenario().lesson.tasksDone.count("ch10.fold"); }, 2000));
    // Back to chapter 9: the lesson's network again.
    w->lesson()->goToChapter(8);
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(pages(w.get())->currentIndex(), 0);
}

TEST(Layered, TheTowersChapterBringsTwoInputsAndATargetOverThePlane) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    w->lesson()->goToChapter(10);
    QApplication::processEvents();
    ASSERT_TRUE(doc->isLayered());
    EXPECT_EQ(doc->inputs(), 2);
    ASSERT_NE(doc->surface(), nullptr);
    EXPECT_EQ(doc->surface()->preset, SurfacePreset::Tower);
    EXPECT_TRUE(doc->hasLayeredTarget());
    // One undo step takes the whole chapter set-up back.
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->isLayered());
    EXPECT_EQ(doc->surface(), nullptr);
}

TEST(Layered, ExportsShowTheLayeredNetwork) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    std::vector<TargetPoint> pts;
    for (int i = 0; i < 9; ++i)
        pts.push_back({-1.0 + 0.25 * i, std::sin(2.0 * i)});
    doc->setPoints(pts, "points");
    doc->setLayered(deepNet(1), "deeper");
    QTemporaryDir dir;
    // The points' predictions are the layered network's.
    const QString csv = dir.filePath("points.csv");
    ASSERT_TRUE(w->exportPoints(csv));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 10); // a header and the points
    Eigen::MatrixXd x(1, 9);
    for (int i = 0; i < 9; ++i)
        x(0, i) = pts[static_cast<std::size_t>(i)].x;
    const Eigen::ArrayXd y = evaluateOutput(doc->layered(), x);
    for (int i = 0; i < 9; ++i) {
        const QStringList cells = lines[i + 1].split(',');
        ASSERT_GE(cells.size(), 3) << lines[i + 1].toStdString();
        EXPECT_NEAR(cells[2].toDouble(), y[i], 1e-9) << lines[i + 1].toStdString();
    }
    // The picture is the workspace's graph: not blank, in every format.
    for (const char* name : {"graph.png", "graph.svg", "graph.pdf"}) {
        const QString path = dir.filePath(name);
        EXPECT_TRUE(w->exportGraph(path)) << name;
        EXPECT_GT(QFileInfo(path).size(), 1000) << name;
    }
    QImage png(dir.filePath("graph.png"));
    ASSERT_FALSE(png.isNull());
    int dark = 0;
    for (int yy = 0; yy < png.height(); yy += 2)
        for (int xx = 0; xx < png.width(); xx += 2)
            dark += qGray(png.pixel(xx, yy)) < 80;
    EXPECT_GT(dark, 200);
    EXPECT_FALSE(w->exportGraph(dir.filePath("graph.bmp")));
    // Two inputs: no x and y columns to write.
    doc->setLayered(deepNet(2), "two inputs");
    EXPECT_FALSE(w->exportPoints(dir.filePath("two.csv")));
    EXPECT_FALSE(QFileInfo::exists(dir.filePath("two.csv")));
}

TEST(Layered, TheTargetMenuOffersThePlanesPresetsForTwoInputs) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    auto* menu = w->findChild<QMenu*>("surfaceTargetMenu");
    ASSERT_NE(menu, nullptr);
    EXPECT_FALSE(menu->isEnabled()); // the lesson's network: a curve, not a surface
    doc->setLayered(deepNet(2), "two inputs");
    QApplication::processEvents();
    EXPECT_TRUE(menu->isEnabled());
    ASSERT_EQ(menu->actions().size(), kSurfacePresetCount);
    const int before = doc->undoStack()->count();
    menu->actions()[static_cast<int>(SurfacePreset::Ring)]->trigger();
    ASSERT_NE(doc->surface(), nullptr);
    EXPECT_EQ(doc->surface()->preset, SurfacePreset::Ring);
    EXPECT_EQ(doc->undoStack()->count(), before + 1);
    doc->setLayered(deepNet(1), "one input");
    QApplication::processEvents();
    EXPECT_FALSE(menu->isEnabled());
}

// The training of a two-input network as an animation: one frame per step of the schedule, the
// surface changing as it learns; a cancelled export leaves the file that was there untouched.
TEST(Layered, TheTrainingOfTwoInputsBecomesAnAnimation) {
    QTemporaryDir dir;
    Scenario s = defaultScenario();
    s.layered = deepNet(2);
    TargetSurface tower;
    tower.preset = SurfacePreset::Tower;
    s.surface = tower;
    ui::ExportOptions o;
    o.width = 360;
    o.height = 240;
    o.frames = 5;
    const QString path = dir.filePath("tower.gif");
    QString error;
    LayeredNetwork reached;
    TrainReport report;
    ASSERT_EQ(ui::exportLayeredGif(s, path, 300, o, {}, &error, &report, &reached),
              ui::ExportResult::Written)
        << error.toStdString();
    EXPECT_EQ(report.steps, 300);
    EXPECT_NE(reached, *s.layered);
    QImageReader reader(path);
    EXPECT_EQ(reader.imageCount(), 5);
    const QImage first = reader.read();
    QImage last;
    while (reader.canRead())
        last = reader.read();
    ASSERT_FALSE(first.isNull());
    ASSERT_FALSE(last.isNull());
    EXPECT_EQ(first.size(), QSize(360, 240));
    EXPECT_NE(first.convertToFormat(QImage::Format_RGB32),
              last.convertToFormat(QImage::Format_RGB32)); // the surface learned

    const qint64 before = QFileInfo(path).size();
    const ui::ExportResult cancelled = ui::exportLayeredGif(
        s, path, 300, o, [](int done, int) { return done < 2; }, &error);
    EXPECT_EQ(cancelled, ui::ExportResult::Cancelled);
    EXPECT_EQ(QFileInfo(path).size(), before);
    EXPECT_EQ(QImageReader(path).imageCount(), 5);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no leftovers

    Scenario none = s;
    none.surface.reset();
    EXPECT_EQ(ui::exportLayeredGif(none, dir.filePath("none.gif"), 10, o, {}, &error),
              ui::ExportResult::Failed);
    EXPECT_TRUE(error.contains("target")) << error.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath("none.gif")));
}

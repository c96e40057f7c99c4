// Your own data in the window: points imported from each dialect, pasted from the clipboard and
// dropped on the window; broken files that change nothing; points edited with the mouse and
// undone; the test split, training that never sees a test point, early stopping, the training
// tab's settings, and the CSV export of points and predictions.
#include "UiTestSupport.h"

#include "core/data/DataSet.h"
#include "core/training/Trainer.h"
#include "ui/files/PointsExport.h"
#include "ui/files/PointsImporter.h"
#include "ui/graph/PointDots.h"
#include "ui/training/LossPlot.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingPanel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QFile>
#include <QMimeData>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUrl>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace stepwise;
using namespace stepwise::test;

namespace {

QString dataFile(const char* name) {
    return QString(STEPWISE_TEST_DATA) + "/points/" + name;
}

QString writeDataFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

// The importer's error messages, as the window would show them.
struct Errors {
    QStringList messages;
    explicit Errors(ui::PointsImporter* importer) {
        QObject::connect(importer, &ui::PointsImporter::errorOccurred, importer,
                         [this](const QString&, const QString& m) { messages << m; });
    }
};

// Noisy points of a smooth curve, for training.
std::vector<TargetPoint> noisyPoints(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<TargetPoint> pts;
    for (int i = 0; i < n; ++i) {
        const double x = -1.0 + 2.0 * i / (n - 1);
        pts.push_back({x, std::sin(2.5 * x) + 0.2 * (uniform01(rng) - 0.5)});
    }
    return pts;
}

void usePoints(ui::MainWindow& w, const std::vector<TargetPoint>& pts, double testFraction,
               std::uint64_t splitSeed = 3) {
    TargetCurve t;
    t.points = pts;
    t.split.fraction = testFraction;
    t.split.seed = splitSeed;
    w.document()->setTarget(t, "test");
}

void smallTanhNetwork(ui::MainWindow& w, int hidden) {
    Network n(hidden, {ActivationKind::Tanh, 1.0});
    for (int j = 0; j < hidden; ++j) {
        n.w[j] = j % 2 == 0 ? 4.0 : -4.0;
        n.b[j] = -n.w[j] * (-0.9 + 1.8 * j / std::max(1, hidden - 1));
        n.v[j] = 0.1 * (j % 3 - 1);
    }
    w.document()->setNetwork(n, "test");
    TrainSettings s = w.document()->scenario().training;
    s.optimizer.kind = OptimizerKind::Adam;
    s.optimizer.learningRate = 0.03;
    w.document()->setTrainingSettings(s);
}

QPointF pixelOfPoint(ui::GraphView* g, TargetPoint p) {
    return {g->plot()->xAxis->coordToPixel(p.x), g->plot()->yAxis->coordToPixel(p.y)};
}

} // namespace

// ---- import ---------------------------------------------------------------------------------

TEST(Data, ImportsACommaFileWithAHeaderAsOneUndoStep) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    const Scenario before = doc->scenario();
    ASSERT_TRUE(w->pointsImporter()->importFile(dataFile("spring.csv")));
    const std::vector<TargetPoint>& pts = doc->scenario().target.points;
    ASSERT_EQ(pts.size(), 8u);
    EXPECT_EQ(pts.front(), (TargetPoint{0.0, 0.02}));
    EXPECT_EQ(pts.back(), (TargetPoint{3.5, 7.05}));
    EXPECT_FALSE(doc->scenario().target.preset) << "the points replace the curve";
    // The domain follows the points with a margin, and so does the view.
    EXPECT_LT(doc->scenario().domain.lo, 0.0);
    EXPECT_GT(doc->scenario().domain.hi, 3.5);
    EXPECT_LE(doc->scenario().view.yLo, 0.02);
    EXPECT_GE(doc->scenario().view.yHi, 7.05);
    EXPECT_EQ(doc->undoStack()->count(), 1);
    EXPECT_TRUE(doc->hasTarget());
    EXPECT_EQ(doc->sampleX().size(), 8);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->scenario().target, before.target);
    EXPECT_EQ(doc->scenario().domain, before.domain);
}

TEST(Data, ImportsSemicolonsWithADecimalComma) {
    auto w = freshWindow();
    ASSERT_TRUE(w->pointsImporter()->importFile(dataFile("pendulum-semicolon.txt")));
    const std::vector<TargetPoint>& pts = w->document()->scenario().target.points;
    ASSERT_EQ(pts.size(), 6u);
    EXPECT_EQ(pts[0], (TargetPoint{0.10, 0.63}));
    EXPECT_EQ(pts[5], (TargetPoint{0.60, 1.55}));
}

TEST(Data, ImportsTabsAndAsksWhichColumnsWhenThereAreMore) {
    auto w = freshWindow();
    int asked = 0;
    PointsDialect seen;
    w->pointsImporter()->setColumnChooser([&](const PointsDialect& d) {
        ++asked;
        seen = d;
        return std::optional<std::pair<int, int>>({1, 2});
    });
    ASSERT_TRUE(w->pointsImporter()->importFile(dataFile("three-columns.tsv")));
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(seen.columns, 3);
    EXPECT_EQ(seen.delimiter, '\t');
    const std::vector<TargetPoint>& pts = w->document()->scenario().target.points;
    ASSERT_EQ(pts.size(), 5u);
    EXPECT_EQ(pts[0], (TargetPoint{-1.0, 0.98}));
    EXPECT_EQ(pts[4], (TargetPoint{1.0, 1.03}));

    // Another choice is read again with it; a cancelled choice imports nothing.
    w->pointsImporter()->setColumnChooser([](const PointsDialect&) {
        return std::optional<std::pair<int, int>>({0, 2});
    });
    ASSERT_TRUE(w->pointsImporter()->importFile(dataFile("three-columns.tsv")));
    EXPECT_EQ(w->document()->scenario().target.points[1], (TargetPoint{2.0, 0.27}));
    const Scenario before = w->document()->scenario();
    const int steps = w->document()->undoStack()->count();
    w->pointsImporter()->setColumnChooser(
        [](const PointsDialect&) { return std::optional<std::pair<int, int>>(); });
    EXPECT_FALSE(w->pointsImporter()->importFile(dataFile("three-columns.tsv")));
    EXPECT_EQ(w->document()->scenario(), before);
    EXPECT_EQ(w->document()->undoStack()->count(), steps);
}

TEST(Data, ABrokenFileOfEachKindLeavesTheDocumentUnchanged) {
    QTemporaryDir dir;
    struct Case {
        const char* name;
        QByteArray bytes;
        const char* where;   // the line (and column) the message names
        const char* problem; // a piece of the problem it states
    };
    QByteArray many = "x,y\n";
    for (std::size_t i = 0; i <= ui::PointsImporter::maxPoints(); ++i)
        many += "1,2\n";
    const std::vector<Case> cases = {
        {"word.csv", "x,y\n1,2\n3,abc\n", "line 3, column 2", "is not a number"},
        {"nan.csv", "x,y\n1,2\nnan,4\n", "line 3, column 1", "NaN"},
        {"inf.csv", "1;2\n3;inf\n", "line 2, column 2", "infinite"},
        {"huge.csv", "1,2\n3,1e300\n", "line 2, column 2", "too large"},
        {"ragged.csv", "1,2\n3,4\n5\n", "line 3", "column"},
        {"one-point.csv", "x,y\n1,2\n", "(file)", "1 usable point"},
        {"empty.csv", "", "(file)", "empty"},
        {"utf16.csv",
         QByteArray("\xff\xfe"
                    "1\0,\0"
                    "2\0",
                    8),
         "(file)", "UTF-16"},
        {"mixed-marks.txt", "1,5;2,5\n3.5;4,5\n", "line 2, column 1", "decimal point"},
        {"many.csv", many, "(file)", "more than the limit"},
    };
    auto w = freshWindow();
    ui::Document* doc = w->document();
    TargetCurve t;
    t.preset = TargetPreset::Bump;
    doc->setTarget(t, "start");
    const Scenario before = doc->scenario();
    const int steps = doc->undoStack()->count();
    Errors errors(w->pointsImporter());
    for (const Case& c : cases) {
        errors.messages.clear();
        const QString path = writeDataFile(dir, c.name, c.bytes);
        EXPECT_FALSE(w->pointsImporter()->importFile(path)) << c.name;
        ASSERT_EQ(errors.messages.size(), 1) << c.name;
        const QString m = errors.messages.front();
        EXPECT_FALSE(m.contains('\n')) << "one line: " << m.toStdString();
        EXPECT_TRUE(m.contains(c.name)) << m.toStdString();
        EXPECT_TRUE(m.contains(c.where)) << m.toStdString();
        EXPECT_TRUE(m.contains(c.problem)) << m.toStdString();
        EXPECT_EQ(doc->scenario(), before) << c.name;
        EXPECT_EQ(doc->undoStack()->count(), steps) << c.name;
    }
}

TEST(Data, PastesAColumnPairCopiedFromASpreadsheet) {
    auto w = freshWindow();
    QGuiApplication::clipboard()->setText("height\tweight\n1,50\t3,2\n1,75\t4,1\n2,00\t5,5\n");
    ASSERT_TRUE(w->pointsImporter()->pasteFromClipboard());
    const std::vector<TargetPoint>& pts = w->document()->scenario().target.points;
    ASSERT_EQ(pts.size(), 3u);
    EXPECT_EQ(pts[0], (TargetPoint{1.5, 3.2}));
    EXPECT_EQ(pts[2], (TargetPoint{2.0, 5.5}));
    EXPECT_EQ(w->document()->undoStack()->count(), 1);

    // Text that is no table: the clipboard named in one line, nothing changed.
    const Scenario before = w->document()->scenario();
    Errors errors(w->pointsImporter());
    QGuiApplication::clipboard()->setText("just some words");
    EXPECT_FALSE(w->pointsImporter()->pasteFromClipboard());
    ASSERT_EQ(errors.messages.size(), 1);
    EXPECT_TRUE(errors.messages.front().startsWith("clipboard: "))
        << errors.messages.front().toStdString();
    EXPECT_EQ(w->document()->scenario(), before);
}

TEST(Data, ADroppedCsvFileIsImported) {
    auto w = freshWindow();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dataFile("spring.csv"))});
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    // Straight to the window's event handler: offscreen there is no drag in progress for
    // QApplication to route a drop from.
    static_cast<QObject*>(w.get())->event(&drop);
    EXPECT_EQ(w->document()->scenario().target.points.size(), 8u);
    EXPECT_EQ(w->document()->undoStack()->count(), 1);
}

// ---- points on the graph and the mouse -------------------------------------------------------

TEST(Data, TrainingPointsAreFilledDotsAndTestPointsHollow) {
    auto w = freshWindow();
    usePoints(*w, noisyPoints(20, 1), 0.25);
    w->document()->flush();
    ui::PointDots* dots = w->graph()->pointDots();
    EXPECT_EQ(dots->shownTrain(), 15);
    EXPECT_EQ(dots->shownTest(), 5);
    const QCPScatterStyle train = dots->trainGraph()->scatterStyle();
    const QCPScatterStyle test = dots->testGraph()->scatterStyle();
    EXPECT_EQ(train.brush().color(), w->graph()->palette().foreground);
    EXPECT_EQ(test.brush().color(), w->graph()->palette().background) << "hollow";
    EXPECT_EQ(test.pen().color(), w->graph()->palette().foreground);
    // Readable in presentation mode: larger and thicker.
    w->graph()->setPalette(ui::Palette::projector());
    EXPECT_GT(dots->testGraph()->scatterStyle().size(), test.size());
    EXPECT_GT(dots->testGraph()->scatterStyle().pen().widthF(), test.pen().widthF());
    // A plain curve shows no dots.
    TargetCurve t;
    t.preset = TargetPreset::Sine;
    w->document()->setTarget(t, "curve");
    w->document()->flush();
    EXPECT_EQ(dots->shownTrain() + dots->shownTest(), 0);
}

TEST(Data, PointsAreAddedMovedAndRemovedWithTheMouseOneUndoStepEach) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    ui::GraphView* g = w->graph();
    g->setMode(ui::GraphView::Mode::Points);
    QCustomPlot* plot = g->plot();
    auto click = [&](TargetPoint p, Qt::MouseButton b) {
        sendMouse(plot, QEvent::MouseButtonPress, pixelOfPoint(g, p), b, b);
        sendMouse(plot, QEvent::MouseButtonRelease, pixelOfPoint(g, p), b, Qt::NoButton);
    };
    click({-0.5, 0.5}, Qt::LeftButton);
    click({0.5, 1.0}, Qt::LeftButton);
    ASSERT_EQ(doc->scenario().target.points.size(), 2u);
    EXPECT_EQ(doc->undoStack()->count(), 2);
    EXPECT_NEAR(doc->scenario().target.points[0].x, -0.5, 0.02);
    EXPECT_NEAR(doc->scenario().target.points[1].y, 1.0, 0.02);

    // A drag of the second point, through several moves: one undo step.
    const TargetPoint start = doc->scenario().target.points[1];
    sendMouse(plot, QEvent::MouseButtonPress, pixelOfPoint(g, start), Qt::LeftButton,
              Qt::LeftButton);
    EXPECT_TRUE(doc->dragging()) << "training holds while a point is dragged";
    for (double y : {0.8, 0.5, 0.2})
        sendMouse(plot, QEvent::MouseMove, pixelOfPoint(g, {start.x, y}), Qt::NoButton,
                  Qt::LeftButton);
    sendMouse(plot, QEvent::MouseButtonRelease, pixelOfPoint(g, {start.x, 0.2}), Qt::LeftButton,
              Qt::NoButton);
    EXPECT_FALSE(doc->dragging());
    EXPECT_EQ(doc->undoStack()->count(), 3);
    EXPECT_NEAR(doc->scenario().target.points[1].y, 0.2, 0.02);
    EXPECT_EQ(doc->scenario().target.points.size(), 2u);

    // A right-click removes the first point; the Delete key removes the one under the mouse.
    click(doc->scenario().target.points[0], Qt::RightButton);
    ASSERT_EQ(doc->scenario().target.points.size(), 1u);
    EXPECT_EQ(doc->undoStack()->count(), 4);
    sendMouse(plot, QEvent::MouseMove, pixelOfPoint(g, doc->scenario().target.points[0]),
              Qt::NoButton, Qt::NoButton);
    QKeyEvent del(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
    QApplication::sendEvent(plot, &del);
    EXPECT_TRUE(doc->scenario().target.points.empty());
    EXPECT_EQ(doc->undoStack()->count(), 5);

    // Each undo takes back one edit.
    doc->undoStack()->undo();
    EXPECT_EQ(doc->scenario().target.points.size(), 1u);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->scenario().target.points.size(), 2u);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->scenario().target.points[1], start) << "the whole drag undone at once";
}

// ---- the split, training and early stopping ---------------------------------------------------

TEST(Data, TheSplitIsReproducibleFromItsSeed) {
    auto w = freshWindow();
    usePoints(*w, noisyPoints(30, 2), 0.0);
    ui::TrainingPanel* panel = w->trainingPanel();
    panel->splitSeedBox()->setValue(5);
    panel->testFractionBox()->setValue(0.3);
    const std::vector<bool> first = w->document()->dataSet().isTest;
    EXPECT_EQ(std::count(first.begin(), first.end(), true), 9);
    panel->splitSeedBox()->setValue(6);
    EXPECT_NE(w->document()->dataSet().isTest, first);
    panel->splitSeedBox()->setValue(5);
    EXPECT_EQ(w->document()->dataSet().isTest, first);
    // The same seed in another window holds out the same points.
    auto other = freshWindow();
    usePoints(*other, noisyPoints(30, 2), 0.3, 5);
    EXPECT_EQ(other->document()->dataSet().isTest, first);
    // Noise leaves the choice alone.
    panel->noiseBox()->setValue(0.1);
    EXPECT_EQ(w->document()->dataSet().isTest, first);
}

TEST(Data, TrainingNeverSeesATestPoint) {
    // Two runs whose data differ only in the test points' values: the training is the same to
    // the last bit, and only the test loss differs.
    const std::vector<TargetPoint> pts = noisyPoints(24, 3);
    auto run = [&](bool changeTestPoints, std::optional<double>* testLoss) {
        auto w = freshWindow();
        smallTanhNetwork(*w, 6);
        usePoints(*w, pts, 0.25);
        if (changeTestPoints) {
            std::vector<TargetPoint> changed = pts;
            const std::vector<bool> isTest = w->document()->dataSet().isTest;
            for (std::size_t i = 0; i < changed.size(); ++i)
                if (isTest[i]) changed[i].y += 5.0;
            usePoints(*w, changed, 0.25);
            EXPECT_EQ(w->document()->dataSet().isTest, isTest);
        }
        for (int i = 0; i < 40; ++i)
            w->trainer()->stepOnce();
        *testLoss = w->document()->testLoss();
        return w->document()->network();
    };
    std::optional<double> plainTest, changedTest;
    const Network plain = run(false, &plainTest);
    const Network changed = run(true, &changedTest);
    EXPECT_EQ(packParams(plain), packParams(changed));
    ASSERT_TRUE(plainTest && changedTest);
    EXPECT_GT(*changedTest, *plainTest + 1.0);
}

TEST(Data, TrainingReportsTheTestLossBesideTheTrainingLoss) {
    auto w = freshWindow();
    smallTanhNetwork(*w, 6);
    usePoints(*w, noisyPoints(24, 4), 0.25);
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(10);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() >= 200; }, 20000));
    tc->pause();
    ASSERT_FALSE(tc->testLossValues().empty());
    EXPECT_EQ(tc->testLossValues().size(), tc->lossValues().size());
    ASSERT_TRUE(tc->currentTestLoss().has_value());
    ASSERT_TRUE(w->document()->testLoss().has_value());
    EXPECT_TRUE(w->trainingPanel()->lossPlot()->showsTestLoss());
    // Without a split, no test curve.
    usePoints(*w, noisyPoints(24, 4), 0.0);
    tc->reset();
    tc->stepOnce();
    EXPECT_TRUE(tc->testLossValues().empty());
    EXPECT_FALSE(w->document()->testLoss().has_value());
    EXPECT_FALSE(w->trainingPanel()->lossPlot()->showsTestLoss());
}

TEST(Data, EarlyStoppingReturnsTheWeightsOfTheLowestTestLoss) {
    // Few noisy points, many neurons: the test loss turns upward, and early stopping with a
    // patience stops there with the weights the core's own run keeps.
    auto w = freshWindow();
    smallTanhNetwork(*w, 16);
    usePoints(*w, noisyPoints(14, 5), 0.3);
    TrainSettings s = w->document()->scenario().training;
    s.earlyStopping = true;
    s.patience = 150;
    w->document()->setTrainingSettings(s);
    const Network start = w->document()->network();

    ui::Document* doc = w->document();
    const PointArrays test = toArrays(doc->testPoints());
    Trainer ref(start, doc->sampleX(), doc->sampleT(), s, std::mt19937_64(s.seed));
    ref.setTestSet(test.x, test.y);
    const TrainReport expected = ref.run(20000);
    ASSERT_TRUE(expected.stoppedEarly) << "the test loss never rose: no overfitting to stop";

    ui::TrainingController* tc = w->trainer();
    bool stopped = false;
    QObject::connect(tc, &ui::TrainingController::stoppedEarly, tc,
                     [&](long, double) { stopped = true; });
    tc->setStepsPerFrame(100);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return stopped && !tc->isRunning(); }, 60000));
    EXPECT_EQ(tc->steps(), expected.steps);
    EXPECT_EQ(packParams(doc->network()), packParams(ref.network()));
    ASSERT_TRUE(doc->testLoss().has_value());
    EXPECT_NEAR(*doc->testLoss(), ref.bestTestLoss(), 1e-12);
    for (double l : tc->testLossValues())
        EXPECT_GE(l, ref.bestTestLoss());
}

TEST(Data, APauseWithEarlyStoppingGoesBackToTheLowestTestLoss) {
    auto w = freshWindow();
    smallTanhNetwork(*w, 16);
    usePoints(*w, noisyPoints(14, 5), 0.3);
    w->trainingPanel()->earlyStoppingBox()->setChecked(true); // patience 0: keep training
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(100);
    tc->play();
    ASSERT_TRUE(pumpUntil([&] { return tc->steps() >= 3000; }, 60000));
    tc->pause();
    ASSERT_TRUE(w->document()->testLoss().has_value());
    const double kept = *w->document()->testLoss();
    ASSERT_FALSE(tc->testLossValues().empty());
    for (double l : tc->testLossValues())
        EXPECT_GE(l, kept - 1e-12);
    EXPECT_LT(kept, tc->testLossValues().back()) << "the last weights were not the best";
}

// ---- the training tab --------------------------------------------------------------------------

TEST(Data, TrainingTabSettingsAreOneUndoStepEachAndGoIntoTheScenario) {
    auto w = freshWindow();
    ui::Document* doc = w->document();
    ui::TrainingPanel* p = w->trainingPanel();
    p->noiseBox()->setValue(0.2);
    p->noiseSeedBox()->setValue(9);
    p->testFractionBox()->setValue(0.2);
    p->splitSeedBox()->setValue(4);
    p->weightDecayBox()->setValue(0.001);
    p->earlyStoppingBox()->setChecked(true);
    p->patienceBox()->setValue(500);
    EXPECT_EQ(doc->undoStack()->count(), 7);
    const Scenario& s = doc->scenario();
    EXPECT_EQ(s.target.noise, (TargetNoise{0.2, 9}));
    EXPECT_EQ(s.target.split, (TestSplit{0.2, 4}));
    EXPECT_EQ(s.training.weightDecay, 0.001);
    EXPECT_TRUE(s.training.earlyStopping);
    EXPECT_EQ(s.training.patience, 500);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->scenario().training.patience, 0);
    EXPECT_EQ(p->patienceBox()->value(), 0) << "the box follows the undo";
    doc->undoStack()->undo();
    EXPECT_FALSE(p->earlyStoppingBox()->isChecked());
    doc->undoStack()->undo();
    EXPECT_EQ(doc->scenario().training.weightDecay, 0.0);
    // A scenario opened from a file sets the boxes.
    Scenario other = defaultScenario();
    other.target.noise = {0.05, 2};
    other.training.weightDecay = 0.01;
    doc->replaceScenario(other);
    EXPECT_EQ(p->noiseBox()->value(), 0.05);
    EXPECT_EQ(p->weightDecayBox()->value(), 0.01);
}

// ---- export ------------------------------------------------------------------------------------

TEST(Data, ExportWritesPointsPredictionsAndTheirSetAsCsv) {
    QTemporaryDir dir;
    auto w = freshWindow();
    smallTanhNetwork(*w, 4);
    const std::vector<TargetPoint> pts = noisyPoints(10, 6);
    usePoints(*w, pts, 0.2);
    const QString path = dir.filePath("out.csv");
    ASSERT_TRUE(w->exportPoints(path));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 11);
    EXPECT_EQ(lines[0], "x,y,prediction,set");
    const Eigen::ArrayXd xs = toArrays(pts).x;
    const Eigen::ArrayXd predicted = evaluateOutput(w->document()->network(), xs);
    const std::vector<bool>& isTest = w->document()->dataSet().isTest;
    int tests = 0;
    for (int i = 0; i < 10; ++i) {
        const QStringList cells = lines[i + 1].split(',');
        ASSERT_EQ(cells.size(), 4);
        EXPECT_EQ(cells[0].toDouble(), pts[static_cast<std::size_t>(i)].x);
        EXPECT_EQ(cells[1].toDouble(), pts[static_cast<std::size_t>(i)].y);
        EXPECT_EQ(cells[2].toDouble(), predicted[i]) << "to the last bit";
        EXPECT_EQ(cells[3], isTest[static_cast<std::size_t>(i)] ? "test" : "train");
        tests += cells[3] == "test";
    }
    EXPECT_EQ(tests, 2);
    // The export reads back as points.
    auto again = freshWindow();
    again->pointsImporter()->setColumnChooser([](const PointsDialect&) {
        return std::optional<std::pair<int, int>>({0, 1});
    });
    ASSERT_TRUE(again->pointsImporter()->importFile(path));
    EXPECT_EQ(again->document()->scenario().target.points, pts);
}

#include "UiBench.h"

#ifdef STEPWISE_BENCH_UI

#include "core/deep/LayeredTrainer.h"
#include "core/deep/RandomLayered.h"
#include "core/scenario/Presets.h"
#include "ui/deep/DeepGraph.h"
#include "ui/deep/LayeredParamTree.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/document/Document.h"
#include "ui/files/FileController.h"
#include "ui/graph/GraphView.h"
#include "ui/params/ParamRow.h"
#include "ui/params/ParameterPanel.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/shell/MainWindow.h"
#include "ui/surface/SurfacePlot.h"
#include "ui/surface/SurfaceView.h"
#include "ui/training/TrainingController.h"
#include "ui/training/TrainingHistory.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <vector>

namespace stepwise::bench {

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t i =
        std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5));
    return v[i];
}

// Resident memory in MB where the platform tells it cheaply, else a negative number.
double residentMb() {
#ifdef __linux__
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kb = 0;
            status >> kb;
            return kb / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
#endif
    return -1.0;
}

std::unique_ptr<ui::MainWindow> window(int hidden, int samples, ActivationKind g) {
    auto w = std::make_unique<ui::MainWindow>();
    w->resize(1600, 1000);
    w->show();
    Scenario s = defaultScenario();
    s.lesson.freeMode = true;
    std::mt19937_64 rng(7);
    s.network = randomNetwork(hidden, {g, 1.0}, -1.0, 1.0, rng);
    s.domain.samples = samples;
    s.target.preset = TargetPreset::Sine;
    w->document()->replaceScenario(s);
    QApplication::processEvents();
    return w;
}

// Notes when a widget gets a paint event. Once processEvents() returns after that, the paint is
// done: the new picture is on the widget.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(QWidget* w) { w->installEventFilter(this); }
    bool painted = false;

protected:
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::Paint) painted = true;
        return false;
    }
};

// Calls onPaint on every paint event of the widgets it watches (a frame).
class FrameWatch : public QObject {
public:
    std::function<void()> onPaint;
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::Paint) onPaint();
        return false;
    }
};

// From a slider's new value to the graph painted with it (the diagram, number box and the rest
// of the window are painted in the same pass).
void sliderToReplot(int hidden, int samples, int moves) {
    auto w = window(hidden, samples, ActivationKind::Sigmoid);
    QCustomPlot* plot = w->graph()->plot();
    PaintWatch watch(plot);
    bool& replotted = watch.painted;
    QSlider* slider = w->parameters()->row({ParamKind::HiddenBias, 0})->slider();
    slider->setSliderDown(true);
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < moves; ++i) {
        replotted = false;
        t.start();
        slider->setValue(slider->minimum() + (i * 37) % (slider->maximum() - slider->minimum()));
        while (!replotted)
            QApplication::processEvents();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    slider->setSliderDown(false);
    std::printf("ui slider_to_replot_ms hidden=%d samples=%d p50=%.3f p95=%.3f\n", hidden, samples,
                percentile(ms, 0.5), percentile(ms, 0.95));
    std::fflush(stdout);
}

void trainingFrames(int hidden, int samples, double seconds) {
    auto w = window(hidden, samples, ActivationKind::Sigmoid);
    TrainSettings ts;
    ts.optimizer.kind = OptimizerKind::SGD;
    ts.optimizer.learningRate = 0.1;
    w->document()->setTrainingSettings(ts);
    QCustomPlot* plot = w->graph()->plot();
    std::vector<double> frames;
    QElapsedTimer clock;
    qint64 last = -1;
    // A frame is a paint of the graph (a full replot or the curves alone).
    FrameWatch watch;
    watch.onPaint = [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0) frames.push_back((now - last) / 1e6);
        last = now;
    };
    plot->installEventFilter(&watch);
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    clock.start();
    tc->play();
    const long startSteps = tc->steps();
    QElapsedTimer run;
    run.start();
    while (run.elapsed() < seconds * 1000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    const double elapsed = run.nsecsElapsed() / 1e9;
    const long steps = tc->steps() - startSteps;
    tc->pause();
    std::printf("ui training_frame_ms hidden=%d samples=%d p50=%.2f p95=%.2f frames=%zu\n", hidden,
                samples, percentile(frames, 0.5), percentile(frames, 0.95), frames.size());
    std::printf("ui training_steps_per_s hidden=%d samples=%d value=%.0f\n", hidden, samples,
                steps / elapsed);
    std::fflush(stdout);
}

// Issue 16: a window left training for a whole lesson stays small. A million steps as fast as
// possible, with every frame drawn on the real window; resident memory before and after, and
// halfway (the histories are full by then: what follows must not grow).
void longRunMemory(long steps, int hidden, int samples) {
    auto w = window(hidden, samples, ActivationKind::Sigmoid);
    TrainSettings ts;
    ts.optimizer.kind = OptimizerKind::SGD;
    ts.optimizer.learningRate = 0.05;
    w->document()->setTrainingSettings(ts);
    QCustomPlot* plot = w->graph()->plot();
    PaintWatch watch(plot);
    long frames = 0;
    ui::TrainingController* tc = w->trainer();
    tc->setStepsPerFrame(0);
    plot->replot();
    QApplication::processEvents();
    const double before = residentMb();
    double half = -1.0;
    QElapsedTimer run;
    run.start();
    tc->play();
    while (tc->steps() < steps && tc->isRunning()) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        if (watch.painted) {
            ++frames;
            watch.painted = false;
        }
        if (half < 0 && tc->steps() >= steps / 2) half = residentMb();
    }
    tc->pause();
    const double seconds = run.nsecsElapsed() / 1e9;
    QApplication::processEvents();
    const double after = residentMb();
    std::printf("ui long_run_memory_mb steps=%ld hidden=%d samples=%d before=%.1f half=%.1f "
                "after=%.1f growth=%.1f steps_done=%ld history=%zu undo=%d frames=%ld "
                "seconds=%.1f\n",
                steps, hidden, samples, before, half, after, after - before, tc->steps(),
                tc->history().size(), w->document()->undoStack()->count(), frames, seconds);
    std::fflush(stdout);
}

// Issue 18: a weight of a two-input network dragged, to the surface view painted with it — the
// output map (128 × 128 samples), its cross-sections and the first layer's pictures, at the size
// the window gives them. Contours wait for the end of a drag (the view is live meanwhile).
void surfaceReplot(int hidden, int moves) {
    ui::SurfaceView view;
    view.resize(1100, 820);
    std::mt19937_64 rng(7);
    LayeredNetwork net =
        randomLayeredNetwork(2, {{hidden, {ActivationKind::Sigmoid, 1.0}}}, -1.0, 1.0, rng);
    view.setDomain(-1.0, 1.0);
    view.setNetwork(net);
    TargetSurface tower;
    tower.preset = SurfacePreset::Tower;
    view.setSurface(&tower);
    view.show();
    QApplication::processEvents();
    view.replotNow();
    PaintWatch watch(view.outputPlot());
    view.setLive(true);
    std::vector<double> ms;
    QElapsedTimer t;
    const double w0 = net.layers[0].w(0, 0);
    for (int i = 0; i < moves; ++i) {
        watch.painted = false;
        t.start();
        net.layers[0].w(0, 0) = w0 + 0.02 * ((i * 37) % 100);
        view.setNetwork(net);
        while (!watch.painted)
            QApplication::processEvents();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    view.setLive(false);
    std::printf("ui surface_replot_ms inputs=2 grid=%d hidden=%d p50=%.3f p95=%.3f\n",
                ui::SurfaceView::kMapSide, hidden, percentile(ms, 0.5), percentile(ms, 0.95));
    std::fflush(stdout);
}

// A window holding a layered network of these inputs and hidden layers (sigmoid), on the sine's
// samples (one input) or the tower over the plane (two inputs).
std::unique_ptr<ui::MainWindow> layeredWindow(int inputs, const std::vector<int>& widths,
                                              int samples) {
    auto w = std::make_unique<ui::MainWindow>();
    w->resize(1600, 1000);
    w->show();
    Scenario s = defaultScenario();
    s.lesson.freeMode = true;
    s.domain.samples = samples;
    s.target.preset = TargetPreset::Sine;
    std::vector<LayerShape> layers;
    for (int n : widths)
        layers.push_back({n, {ActivationKind::Sigmoid, 1.0}});
    std::mt19937_64 rng(7);
    s.layered = randomLayeredNetwork(inputs, layers, -1.0, 1.0, rng);
    if (inputs == 2) {
        TargetSurface tower;
        tower.preset = SurfacePreset::Tower;
        s.surface = tower;
    }
    w->document()->replaceScenario(s);
    QApplication::processEvents();
    return w;
}

std::string widthsText(const std::vector<int>& widths) {
    std::string t;
    for (int n : widths)
        t += (t.empty() ? "" : ",") + std::to_string(n);
    return t;
}

// Issue 17: a first-layer weight of a layered network dragged with its slider in the parameter
// tree, to the output graph painted with it (the layer views and the diagram in the same pass).
void layeredSliderToReplot(const std::vector<int>& widths, int samples, int moves) {
    auto w = layeredWindow(1, widths, samples);
    ui::LayeredWorkspace* ws = w->layeredWorkspace();
    ws->paramTree()->setSelection(0);
    QApplication::processEvents();
    ui::ParamRow* row = ws->paramTree()->row(0);
    if (!row) {
        std::printf("ui slider_to_replot_ms layers=%s samples=%d: no row for the first weight\n",
                    widthsText(widths).c_str(), samples);
        return;
    }
    PaintWatch watch(ws->graph()->plot());
    QSlider* slider = row->slider();
    slider->setSliderDown(true);
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 0; i < moves; ++i) {
        watch.painted = false;
        t.start();
        slider->setValue(slider->minimum() + (i * 37) % (slider->maximum() - slider->minimum()));
        while (!watch.painted)
            QApplication::processEvents();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    slider->setSliderDown(false);
    std::printf("ui slider_to_replot_ms layers=%s samples=%d p50=%.3f p95=%.3f\n",
                widthsText(widths).c_str(), samples, percentile(ms, 0.5), percentile(ms, 0.95));
    std::fflush(stdout);
}

// Issue 18: a two-input network training in the window (a frame is a paint of the output map,
// 128 × 128 samples, with its sections and the first layer's pictures), beside the bare engine
// on the same data with the same settings: the plane's training grid and the tower.
void layeredTrainingFrames(int hidden, double seconds, bool frames, bool bare) {
    auto w = layeredWindow(2, {hidden}, 200);
    ui::Document* doc = w->document();
    TrainSettings ts;
    ts.optimizer.kind = OptimizerKind::SGD;
    ts.optimizer.learningRate = 0.1;
    doc->setTrainingSettings(ts);
    const long points = doc->layeredX().cols();
    const int grid = ui::SurfaceView::kMapSide;
    if (frames) {
        ui::LayeredWorkspace* ws = w->layeredWorkspace();
        std::vector<double> gaps;
        QElapsedTimer clock;
        qint64 last = -1;
        FrameWatch watch;
        watch.onPaint = [&] {
            const qint64 now = clock.nsecsElapsed();
            if (last >= 0) gaps.push_back((now - last) / 1e6);
            last = now;
        };
        ws->surface()->outputPlot()->installEventFilter(&watch);
        ui::LayeredTrainingController* tc = ws->trainer();
        clock.start();
        tc->play();
        const long start = tc->steps();
        QElapsedTimer run;
        run.start();
        while (run.elapsed() < seconds * 1000)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        const double elapsed = run.nsecsElapsed() / 1e9;
        const long steps = tc->steps() - start;
        tc->pause();
        std::printf("ui training_frame_ms inputs=2 grid=%d hidden=%d p50=%.2f p95=%.2f "
                    "frames=%zu\n",
                    grid, hidden, percentile(gaps, 0.5), percentile(gaps, 0.95), gaps.size());
        std::printf("ui training_steps_per_s inputs=2 grid=%d hidden=%d points=%ld value=%.0f\n",
                    grid, hidden, points, steps / elapsed);
        std::fflush(stdout);
    }
    if (bare) {
        LayeredTrainer trainer(doc->layered(), doc->layeredX(), doc->layeredT(),
                               ui::LayeredTrainingController::settingsFrom(*doc),
                               std::mt19937_64(1));
        QElapsedTimer run;
        run.start();
        long steps = 0;
        while (run.elapsed() < seconds * 1000) {
            trainer.run(50);
            steps += 50;
        }
        std::printf("train inputs=2 grid=%d hidden=%d points=%ld steps_per_s=%.0f\n", grid, hidden,
                    points, steps / (run.nsecsElapsed() / 1e9));
        std::fflush(stdout);
    }
}

void startup() {
    QElapsedTimer t;
    t.start();
    auto w = std::make_unique<ui::MainWindow>();
    w->show();
    w->startSession({});
    QApplication::processEvents();
    w->graph()->plot()->replot();
    std::printf("ui window_open_ms value=%.1f\n", t.nsecsElapsed() / 1e6);
    w->files()->shutdown();
    w.reset();
    auto big = window(64, 1000, ActivationKind::Sigmoid);
    big->graph()->plot()->replot();
    QApplication::processEvents();
    std::printf("ui memory_mb hidden=64 samples=1000 value=%.1f\n", residentMb());
    std::fflush(stdout);
}

} // namespace

void uiFigures(bool quick, const std::string& filter) {
    auto wanted = [&](const char* name) {
        return filter.empty() || std::string(name).find(filter) != std::string::npos;
    };
    const bool any = wanted("ui window_open_ms") || wanted("ui memory_mb") ||
                     wanted("ui slider_to_replot_ms") || wanted("ui training_frame_ms") ||
                     wanted("ui training_steps_per_s") || wanted("ui long_run_memory_mb") ||
                     wanted("ui surface_replot_ms") || wanted("train inputs=2");
    if (!any) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings and autosave alone
    static int argc = 1;
    static char name[] = "stepwise-bench";
    static char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    QApplication::setOrganizationName("StepwiseBench");
    QApplication::setApplicationName("StepwiseBench");
    QSettings().clear();
    if (wanted("ui window_open_ms") || wanted("ui memory_mb")) startup();
    if (wanted("ui slider_to_replot_ms"))
        for (int h : {2, 16})
            sliderToReplot(h, 1000, quick ? 60 : 300);
    if (wanted("ui training_frame_ms") || wanted("ui training_steps_per_s"))
        trainingFrames(16, 512, quick ? 1.0 : 3.0);
    if (wanted("ui slider_to_replot_ms")) layeredSliderToReplot({16, 16}, 1000, quick ? 60 : 300);
    if (wanted("ui surface_replot_ms")) surfaceReplot(16, quick ? 60 : 300);
    const bool frames = wanted("ui training_frame_ms") || wanted("ui training_steps_per_s");
    if (frames || wanted("train inputs=2"))
        layeredTrainingFrames(16, quick ? 1.0 : 3.0, frames, wanted("train inputs=2") || frames);
    if (wanted("ui long_run_memory_mb")) longRunMemory(quick ? 200000 : 1000000, 16, 64);
}

} // namespace stepwise::bench

#else

namespace stepwise::bench {
void uiFigures(bool, const std::string&) {}
} // namespace stepwise::bench

#endif

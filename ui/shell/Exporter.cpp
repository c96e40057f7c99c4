#include "ui/shell/Exporter.h"

#include "ui/base/AppPaths.h"
#include "ui/document/Document.h"
#include "ui/files/GifWriter.h"
#include "ui/graph/GraphView.h"
#include "ui/training/LossPlot.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>

#include <filesystem>
#include <random>

namespace stepwise::ui {

namespace {
// Renders both plots into one image: the graph, and the loss curve on its right.
QImage composeFrame(GraphView& graph, LossPlot* loss, int width, int height) {
    QImage out(width, height, QImage::Format_RGB32);
    out.fill(graph.palette().background);
    QPainter p(&out);
    const int lossWidth = loss ? width * 3 / 10 : 0;
    p.drawPixmap(0, 0, graph.toPixmap(width - lossWidth, height));
    if (loss) p.drawPixmap(width - lossWidth, 0, loss->toPixmap(lossWidth, height));
    return out;
}
} // namespace

ExportFormat exportFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") return ExportFormat::Png;
    if (suffix == "svg") return ExportFormat::Svg;
    if (suffix == "pdf") return ExportFormat::Pdf;
    if (suffix == "gif") return ExportFormat::Gif;
    return ExportFormat::Unknown;
}

ExportResult exportScenario(const Scenario& scenario, const QString& path, long steps,
                            const ExportOptions& options,
                            const std::function<bool(int, int)>& progress, QString* error,
                            TrainReport* report, Network* trained) {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return ExportResult::Failed;
    };
    const ExportFormat format = exportFormatFor(path);
    if (format == ExportFormat::Unknown)
        return fail(
            QObject::tr("unknown picture type: the name must end in .png, .svg, .pdf or .gif"));
    if (options.width < 16 || options.height < 16 || options.width > 8000 || options.height > 8000)
        return fail(QObject::tr("the picture size must be between 16 and 8000 pixels"));

    Document doc;
    doc.replaceScenario(scenario);
    GraphView graph(&doc);
    graph.setPalette(options.projector ? Palette::projector() : Palette::light());
    graph.setStepHandlesAllowed(false); // a picture: the handles are for the mouse
    graph.resize(options.width, options.height);
    LossPlot loss;
    loss.setPalette(graph.palette());
    doc.flush();

    std::unique_ptr<Trainer> trainer;
    const bool canTrain = doc.hasTarget();
    if (steps > 0 && !canTrain) return fail(QObject::tr("the scenario has no target to train on"));
    if (canTrain) {
        // As the window trains: on the training points, the test points scored only.
        trainer =
            std::make_unique<Trainer>(scenario.network, doc.sampleX(), doc.sampleT(),
                                      scenario.training, std::mt19937_64(scenario.training.seed));
        const PointArrays test = toArrays(doc.testPoints());
        trainer->setTestSet(test.x, test.y);
    }
    std::vector<double> lossSteps, lossValues, testSteps, testValues;
    TrainReport last;
    auto trainTo = [&](long target) {
        if (!trainer || target <= trainer->steps() || last.diverged) return;
        const long before = trainer->steps();
        last = trainer->run(target - before);
        for (std::size_t i = 0; i < trainer->lossHistory().size(); ++i) {
            lossSteps.push_back(static_cast<double>(before + static_cast<long>(i)));
            lossValues.push_back(trainer->lossHistory()[i]);
        }
        for (std::size_t i = 0; i < trainer->testLossHistory().size(); ++i) {
            testSteps.push_back(static_cast<double>(before + static_cast<long>(i)));
            testValues.push_back(trainer->testLossHistory()[i]);
        }
        trainer->clearHistory();
        doc.showTrainingNetwork(trainer->network());
        doc.flush();
    };

    const QFileInfo info(path);
    const QString temp =
        info.absolutePath() + "/." + info.completeBaseName() + ".part." + info.suffix();
    bool ok = false;
    if (format == ExportFormat::Gif) {
        const int frames = std::max(2, options.frames);
        GifWriter gif;
        if (!gif.open(temp, options.width, options.height)) return fail(gif.error());
        for (int f = 0; f < frames; ++f) {
            if (progress && !progress(f, frames)) {
                gif.close();
                std::filesystem::remove(fsPath(temp));
                return ExportResult::Cancelled;
            }
            // Frames follow the run on a square-root schedule: early steps change most.
            const double u = static_cast<double>(f) / (frames - 1);
            trainTo(static_cast<long>(std::llround(steps * u * u)));
            const int lossWidth = options.withLoss && canTrain ? options.width * 3 / 10 : 0;
            graph.layOutFor(options.width - lossWidth, options.height);
            loss.setData(lossSteps, lossValues);
            loss.setTestData(testSteps, testValues);
            const int delay = f == frames - 1 ? 150 : options.frameDelayCs;
            if (!gif.addFrame(composeFrame(graph, options.withLoss && canTrain ? &loss : nullptr,
                                           options.width, options.height),
                              delay)) {
                gif.close();
                std::filesystem::remove(fsPath(temp));
                return fail(gif.error());
            }
        }
        ok = gif.close();
        if (!ok) {
            std::filesystem::remove(fsPath(temp));
            return fail(gif.error());
        }
    } else {
        trainTo(steps);
        graph.replotNow();
        ok = graph.exportTo(temp, options.width, options.height, options.scale);
        if (!ok) {
            std::filesystem::remove(fsPath(temp));
            return fail(
                QObject::tr("could not write %1 (is the folder there and writable?)").arg(path));
        }
    }
    std::error_code ec;
    std::filesystem::rename(fsPath(temp), fsPath(path), ec);
    if (ec) {
        std::filesystem::remove(fsPath(temp));
        return fail(QString::fromStdString(ec.message()));
    }
    if (format == ExportFormat::Gif) // giflib creates its file readable by its owner only
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                        QFile::ReadOther);
    if (progress) progress(1, 1);
    if (report) {
        *report = last;
        if (trainer) {
            report->steps = trainer->steps();
            report->loss = trainer->loss();
        } else {
            report->loss = doc.loss();
        }
    }
    if (trained) *trained = doc.network();
    return ExportResult::Written;
}

} // namespace stepwise::ui

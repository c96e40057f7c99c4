#include "ui/shell/LayeredGif.h"

#include "core/deep/LayeredTrainer.h"
#include "ui/base/AppPaths.h"
#include "ui/deep/LayeredTrainingController.h"
#include "ui/document/Document.h"
#include "ui/files/GifWriter.h"
#include "ui/shell/LayeredWorkspace.h"
#include "ui/training/LossPlot.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPainter>

#include <cmath>
#include <filesystem>
#include <random>

namespace stepwise::ui {

namespace {} // namespace

ExportResult exportLayeredGif(const Scenario& scenario, const QString& path, long steps,
                              const ExportOptions& options,
                              const std::function<bool(int, int)>& progress, QString* error,
                              TrainReport* report, LayeredNetwork* trained) {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return ExportResult::Failed;
    };
    if (!scenario.layered) return fail(QObject::tr("the scenario holds no layered network"));
    if (exportFormatFor(path) != ExportFormat::Gif)
        return fail(QObject::tr("an animation is written as a .gif file"));
    if (options.width < 16 || options.height < 16 || options.width > 8000 || options.height > 8000)
        return fail(QObject::tr("the picture size must be between 16 and 8000 pixels"));

    Document doc;
    doc.replaceScenario(scenario);
    if (!doc.isLayered()) return fail(QObject::tr("the layered network cannot be shown"));
    if (!doc.hasLayeredTarget())
        return fail(doc.inputs() == 2
                        ? QObject::tr("the scenario has no target over the plane to train on")
                        : QObject::tr("the scenario has no target to train on"));
    LayeredTrainer trainer(doc.layered(), doc.layeredX(), doc.layeredT(),
                           LayeredTrainingController::settingsFrom(doc),
                           std::mt19937_64(scenario.training.seed));
    if (trainer.problem()) return fail(QString::fromStdString(*trainer.problem()));

    const Palette palette = options.projector ? Palette::projector() : Palette::light();
    LayeredWorkspace workspace(&doc);
    workspace.setPalette(palette);
    // Laid out as a window would be, without appearing anywhere.
    workspace.setAttribute(Qt::WA_DontShowOnScreen, true);
    workspace.resize(options.width + 420, options.height + 420);
    workspace.show();
    LossPlot loss;
    loss.setPalette(palette);
    doc.flush();
    QCoreApplication::processEvents();

    std::vector<double> lossSteps, lossValues;
    TrainReport last;
    auto trainTo = [&](long target) {
        if (target <= trainer.steps() || last.diverged) return;
        const long before = trainer.steps();
        last = trainer.run(target - before);
        for (std::size_t i = 0; i < trainer.lossHistory().size(); ++i) {
            lossSteps.push_back(static_cast<double>(before + static_cast<long>(i)));
            lossValues.push_back(trainer.lossHistory()[i]);
        }
        trainer.clearHistory();
        doc.showTrainingLayered(trainer.network());
        doc.flush();
    };

    const QFileInfo info(path);
    const QString temp =
        info.absolutePath() + "/." + info.completeBaseName() + ".part." + info.suffix();
    const int frames = std::max(2, options.frames);
    const int lossWidth = options.withLoss ? options.width * 3 / 10 : 0;
    GifWriter gif;
    if (!gif.open(temp, options.width, options.height)) return fail(gif.error());
    auto abandon = [&] {
        gif.close();
        std::filesystem::remove(fsPath(temp));
    };
    for (int f = 0; f < frames; ++f) {
        if (progress && !progress(f, frames)) {
            abandon();
            return ExportResult::Cancelled;
        }
        // Frames follow the run on a square-root schedule: early steps change most.
        const double u = static_cast<double>(f) / (frames - 1);
        trainTo(static_cast<long>(std::llround(steps * u * u)));
        QImage frame(options.width, options.height, QImage::Format_RGB32);
        frame.fill(palette.background);
        {
            QPainter p(&frame);
            p.drawImage(0, 0, workspace.picture(options.width - lossWidth, options.height));
            if (lossWidth > 0) {
                loss.setData(lossSteps, lossValues);
                p.drawPixmap(options.width - lossWidth, 0,
                             loss.toPixmap(lossWidth, options.height));
            }
        }
        const int delay = f == frames - 1 ? 150 : options.frameDelayCs;
        if (!gif.addFrame(frame, delay)) {
            const QString why = gif.error();
            abandon();
            return fail(why);
        }
    }
    if (!gif.close()) {
        std::filesystem::remove(fsPath(temp));
        return fail(gif.error());
    }
    std::error_code ec;
    std::filesystem::rename(fsPath(temp), fsPath(path), ec);
    if (ec) {
        std::filesystem::remove(fsPath(temp));
        return fail(QString::fromStdString(ec.message()));
    }
    // giflib creates its file readable by its owner only
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                    QFile::ReadOther);
    if (progress) progress(1, 1);
    if (report) {
        *report = last;
        report->steps = trainer.steps();
        report->loss = trainer.loss();
    }
    if (trained) *trained = trainer.network();
    return ExportResult::Written;
}

} // namespace stepwise::ui

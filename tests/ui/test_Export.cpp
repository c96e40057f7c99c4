// The exporter's outcome as a result code: written, cancelled (the learner's wish, nothing to
// report and nothing changed on disk) or failed (with a reason). Issue 13: cancel used to be told
// from failure by comparing translated strings.
#include "core/scenario/Presets.h"
#include "ui/shell/Exporter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace stepwise;

namespace {

Scenario sineToExport() {
    Scenario s = defaultScenario();
    s.network.activation = {ActivationKind::Sigmoid, 4.0};
    s.target.preset = TargetPreset::Sine;
    return s;
}

ui::ExportOptions small() {
    ui::ExportOptions o;
    o.width = 96;
    o.height = 64;
    o.frames = 4;
    return o;
}

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(Export, CancellingAGifLeavesTheOldFileAndSaysCancelled) {
    QTemporaryDir dir;
    const QString path = dir.filePath("run.gif");
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("the old file");
    }
    QString error;
    int calls = 0;
    const ui::ExportResult r = ui::exportScenario(
        sineToExport(), path, 40, small(), [&](int done, int) { return ++calls, done < 2; }, &error,
        nullptr);
    EXPECT_EQ(r, ui::ExportResult::Cancelled);
    EXPECT_EQ(calls, 3) << "asked before each frame until told to stop";
    EXPECT_TRUE(error.isEmpty()) << "a cancel is no error: " << error.toStdString();
    EXPECT_EQ(contents(path), QByteArray("the old file"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1)
        << "no part file left behind";
}

TEST(Export, AGifIsWrittenAndAFailureSaysWhy) {
    QTemporaryDir dir;
    const QString path = dir.filePath("run.gif");
    QString error;
    EXPECT_EQ(ui::exportScenario(sineToExport(), path, 40, small(), {}, &error, nullptr),
              ui::ExportResult::Written);
    EXPECT_TRUE(contents(path).startsWith("GIF89a"));

    EXPECT_EQ(ui::exportScenario(sineToExport(), dir.filePath("run.bmp"), 0, small(), {}, &error,
                                 nullptr),
              ui::ExportResult::Failed);
    EXPECT_TRUE(error.contains(".png")) << error.toStdString();
    error.clear();
    EXPECT_EQ(ui::exportScenario(
                  sineToExport(), dir.filePath("no/such/folder/run.gif"), 0, small(),
                  [](int, int) { return true; }, &error, nullptr),
              ui::ExportResult::Failed);
    EXPECT_FALSE(error.isEmpty());
}

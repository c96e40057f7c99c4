#include "ui/shell/Handout.h"

#include "core/lesson/Lesson.h"
#include "core/scenario/Presets.h"
#include "ui/base/Palette.h"
#include "ui/diagram/NetworkDiagram.h"
#include "ui/document/Document.h"
#include "ui/graph/GraphView.h"
#include "ui/lesson/LessonText.h"
#include "ui/shell/LayeredWorkspace.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <filesystem>

namespace stepwise::ui {

namespace {

QString t(const char* text) {
    return QCoreApplication::translate("Handout", text);
}

// The chapter as it opens, as the app draws it: the graph above, the network below. A chapter
// that starts without a target (the descent chapter: the learner draws one) gets the sine preset,
// so the picture shows what training is about.
QImage chapterPicture(int index) {
    Scenario s = defaultScenario();
    setUpChapter(s, index);
    if (s.target.empty() && lessonChapters()[index].id == "descent")
        s.target.preset = TargetPreset::Sine;
    Document doc;
    doc.replaceScenario(s);
    doc.flush();
    constexpr int width = 900, graphHeight = 460, diagramHeight = 330;
    if (doc.isLayered()) { // the chapters past one layer: the layered workspace's view
        LayeredWorkspace workspace(&doc);
        Palette palette = Palette::light();
        palette.lineScale = 2.0; // a curve without a diagram under it: drawn bolder for paper
        workspace.setPalette(palette);
        return workspace.picture(width, graphHeight + diagramHeight);
    }
    GraphView graph(&doc);
    graph.setPalette(Palette::light());
    graph.setStepHandlesAllowed(false);
    // The exercise's answer stays hidden on paper too: the picture shows the question.
    graph.setAnswerVisible(!(lessonChapters()[index].controls & kLessonGuess));
    graph.resize(width, graphHeight);
    graph.replotNow();
    NetworkDiagram diagram(&doc);
    diagram.setPalette(Palette::light());
    diagram.resize(width, diagramHeight);
    QImage picture(width, graphHeight + diagramHeight, QImage::Format_RGB32);
    picture.fill(Qt::white);
    QPainter p(&picture);
    p.drawPixmap(0, 0, graph.toPixmap(width, graphHeight));
    diagram.render(&p, QPoint(0, graphHeight));
    return picture;
}

QString chapterHtml(int index, const QString& image) {
    const LessonChapter& c = lessonChapters()[index];
    QString html = QStringLiteral("<h1%1>%2. %3</h1>")
                       .arg(index > 0 ? " style=\"page-break-before: always\"" : "")
                       .arg(index + 1)
                       .arg(lessontext::chapterTitle(index).toHtmlEscaped());
    html += lessontext::chapterBody(index);
    html += "<h3>" + t("Try this").toHtmlEscaped() + "</h3><ol>";
    for (const LessonTask& task : c.tasks) {
        html += "<li>" + lessontext::taskText(task.id).toHtmlEscaped();
        const QString hint = lessontext::taskHint(task.id);
        if (!hint.isEmpty())
            html += "<br><i>" + t("Hint:").toHtmlEscaped() + " " + hint.toHtmlEscaped() + "</i>";
        html += "</li>";
    }
    html += "</ol>";
    html += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"330\"></p>").arg(image);
    return html;
}

} // namespace

QPageSize::PageSizeId handoutPageFor(const QLocale& locale) {
    return locale.measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter
                                                                   : QPageSize::A4;
}

ExportResult writeHandout(const QString& path, QPageSize::PageSizeId page,
                          const std::function<bool(int, int)>& progress, QString* error) {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return ExportResult::Failed;
    };
    if (!path.endsWith(".pdf", Qt::CaseInsensitive))
        return fail(t("the handout is a PDF: the name must end in .pdf"));

    const int chapters = lessonChapterCount();
    QTextDocument doc;
    doc.setDefaultStyleSheet("h1 { font-size: 20pt; } p, li { font-size: 11pt; }");
    QString html = "<html><body>";
    html += "<p><i>" +
            t("Stepwise: how neurons network to learn. The lesson, chapter by chapter.")
                .toHtmlEscaped() +
            "</i></p>";
    for (int i = 0; i < chapters; ++i) {
        if (progress && !progress(i, chapters + 1)) return ExportResult::Cancelled;
        const QString name = QStringLiteral("chapter-%1.png").arg(i + 1);
        doc.addResource(QTextDocument::ImageResource, QUrl(name), chapterPicture(i));
        html += chapterHtml(i, name);
    }
    html += "</body></html>";
    doc.setHtml(html);
    if (progress && !progress(chapters, chapters + 1)) return ExportResult::Cancelled;

    const QFileInfo info(path);
    const QString temp = info.absolutePath() + "/." + info.completeBaseName() + ".part.pdf";
    {
        QPdfWriter writer(temp);
        writer.setTitle(t("Stepwise: the lesson"));
        writer.setCreator("Stepwise");
        writer.setPageSize(QPageSize(page));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(300);
        doc.print(&writer);
    }
    QFile written(temp);
    if (!written.exists() || written.size() == 0) {
        written.remove();
        return fail(t("could not write %1 (is the folder there and writable?)").arg(path));
    }
    // Renamed over the old file in one step: a failure leaves the old handout as it was.
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(temp.toStdU16String()),
                            std::filesystem::path(path.toStdU16String()), ec);
    if (ec) {
        written.remove();
        return fail(QString::fromStdString(ec.message()));
    }
    if (progress) progress(chapters + 1, chapters + 1);
    return ExportResult::Written;
}

} // namespace stepwise::ui

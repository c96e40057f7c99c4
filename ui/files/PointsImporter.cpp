#include "ui/files/PointsImporter.h"

#include "core/data/DataSet.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/document/Document.h"
#include "ui/files/ColumnsDialog.h"

#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>

namespace stepwise::ui {

PointsImporter::PointsImporter(Document* doc, QWidget* window)
    : QObject(window), doc_(doc), window_(window) {
    chooser_ = [this](const PointsDialect& d) { return ColumnsDialog::choose(d, window_); };
}

std::size_t PointsImporter::maxPoints() {
    return static_cast<std::size_t>(kMaxTotalStrokePoints);
}

bool PointsImporter::isPointsFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == "csv" || suffix == "tsv" || suffix == "txt";
}

bool PointsImporter::importFile(const QString& path) {
    const std::filesystem::path file(path.toStdU16String());
    return importWith([&file](const PointsReadOptions& o) { return readPointsFile(file, o); },
                      QFileInfo(path).fileName());
}

bool PointsImporter::importText(const QString& text, const QString& source) {
    const std::string utf8 = text.toStdString();
    const std::string name = source.toStdString();
    return importWith(
        [&utf8, &name](const PointsReadOptions& o) { return readPoints(utf8, name, o); }, source);
}

bool PointsImporter::pasteFromClipboard() {
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        emit errorOccurred(tr("Could not paste the points"),
                           tr("clipboard: there is no text to read points from. Copy two "
                              "columns of numbers (x and y) from a spreadsheet first."));
        return false;
    }
    return importText(text, tr("clipboard"));
}

void PointsImporter::importDialog() {
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Import points"), QString(), tr("Points (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty()) importFile(path);
}

bool PointsImporter::importWith(const std::function<PointsResult(const PointsReadOptions&)>& read,
                                const QString& source) {
    PointsReadOptions options;
    options.maxPoints = maxPoints();
    PointsResult r = read(options);
    if (r.ok() && r.dialect.columns > 2 && chooser_) {
        const std::optional<std::pair<int, int>> columns = chooser_(r.dialect);
        if (!columns) return false; // cancelled: nothing imported
        if (columns->first != r.dialect.xColumn || columns->second != r.dialect.yColumn) {
            options.x.index = columns->first;
            options.y.index = columns->second;
            options.header = r.dialect.header;
            r = read(options);
        }
    }
    if (!r.ok()) {
        emit errorOccurred(tr("Could not import the points"), QString::fromStdString(r.message));
        return false;
    }
    apply(*r.points, source);
    return true;
}

void PointsImporter::apply(const std::vector<TargetPoint>& points, const QString& source) {
    TargetCurve t;
    t.points = points;
    t.noise = doc_->scenario().target.noise;
    t.split = doc_->scenario().target.split;
    const QString what = tr("Import %n point(s)", nullptr, static_cast<int>(points.size()));
    QUndoStack* undo = doc_->undoStack();
    undo->beginMacro(what); // the domain and the target together: one undo step
    if (domainFollows_) {
        if (const auto d = domainForPoints(points, 0.05, doc_->scenario().domain.samples))
            doc_->setDomain(*d);
    }
    doc_->setTarget(t, what);
    undo->endMacro();
    if (domainFollows_) doc_->setView(viewForPoints(points, doc_->scenario().domain));
    emit info(
        tr("Imported %n point(s) from %1.", nullptr, static_cast<int>(points.size())).arg(source));
}

} // namespace stepwise::ui

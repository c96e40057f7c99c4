// PointsImporter: measured points into the document — from a CSV or TSV file (File ▸ Import
// points…, or a file dropped on the window) and from the clipboard's text (Edit ▸ Paste points:
// a column pair copied from a spreadsheet arrives tab-separated). The core's PointsReader reads
// them (core/data/PointsReader.h: dialect detected, bounded, one-line errors naming the line and
// column).
//
// An import either takes every point or changes nothing: bad input is reported in one line
// (errorOccurred) and the open document stays as it was. A good one is one undo step: the target
// becomes the points (its noise and test split settings stay) and, unless the learner turned it
// off, the domain and the view follow the points with a margin. With more than two columns the
// column chooser asks which two are x and y; cancelling it imports nothing.
#pragma once

#include "core/data/PointsReader.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

class QWidget;

namespace stepwise::ui {

class Document;

class PointsImporter : public QObject {
    Q_OBJECT
public:
    PointsImporter(Document* doc, QWidget* window);

    // At most this many points in the window (a scenario file holds no more).
    static std::size_t maxPoints();
    // Files a drop hands to the importer rather than to File ▸ Open: .csv, .tsv, .txt.
    static bool isPointsFile(const QString& path);

    bool importFile(const QString& path);
    bool importText(const QString& text, const QString& source);
    bool pasteFromClipboard();
    void importDialog();

    // Which columns are x and y (0-based), given what the reader found; none: cancelled. The
    // default asks with a small dialog.
    using ColumnChooser = std::function<std::optional<std::pair<int, int>>(const PointsDialect&)>;
    void setColumnChooser(ColumnChooser chooser) { chooser_ = std::move(chooser); }

    // Whether the domain and the view follow imported points (default: yes).
    void setDomainFollows(bool on) { domainFollows_ = on; }
    bool domainFollows() const { return domainFollows_; }

signals:
    void errorOccurred(const QString& title, const QString& message);
    void info(const QString& message);

private:
    // Reads with the given text reader (a file or the clipboard), asks for the columns when
    // there are more than two, and applies the points. False (and nothing changed) otherwise.
    bool importWith(const std::function<PointsResult(const PointsReadOptions&)>& read,
                    const QString& source);
    void apply(const std::vector<TargetPoint>& points, const QString& source);

    Document* doc_;
    QWidget* window_;
    ColumnChooser chooser_;
    bool domainFollows_ = true;
};

} // namespace stepwise::ui

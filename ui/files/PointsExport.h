// PointsExport: File ▸ Export ▸ Points and predictions — the points the network learns from
// (noise added; a curve's samples when there are no measured points) as CSV with columns x, y,
// prediction (the network's output at x) and set ("train" or "test"), written atomically.
#pragma once

#include <QString>

namespace stepwise::ui {

class Document;

// The CSV text (core/data/PointsReader.h: writePointsCsv; numbers read back to the same double).
QString pointsCsv(const Document& doc);
// Writes it; false with *error (one line) when the file cannot be written.
bool exportPointsCsv(const Document& doc, const QString& path, QString* error);

} // namespace stepwise::ui

// Handout: the lesson on paper, for printing and for a teacher to read before class. Every
// chapter starts a page: its title, its text, its tasks with their hints, and a picture of the
// chapter's graph and network as the app draws them. One PDF, A4 or US Letter (the locale's
// paper by default). Written under a temporary name and renamed into place, like every export.
#pragma once

#include "ui/shell/Exporter.h"

#include <QLocale>
#include <QPageSize>
#include <QString>

#include <functional>

namespace stepwise::ui {

// Letter where the locale measures in inches (the US), A4 elsewhere.
QPageSize::PageSizeId handoutPageFor(const QLocale& locale);

// Writes the handout to path (which must end in .pdf). progress(done, total) is called once per
// chapter and may return false to cancel (nothing is written then). On failure returns Failed
// with *error set to one line saying why.
ExportResult writeHandout(const QString& path, QPageSize::PageSizeId page,
                          const std::function<bool(int, int)>& progress, QString* error);

} // namespace stepwise::ui

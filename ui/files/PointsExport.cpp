#include "ui/files/PointsExport.h"

#include "core/data/DataSet.h"
#include "core/data/PointsReader.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/document/Document.h"

#include <filesystem>

namespace stepwise::ui {

namespace {
std::string csvOf(const Document& doc) {
    const DataSet& d = doc.dataSet();
    const Eigen::ArrayXd y = evaluateOutput(doc.network(), toArrays(d.points).x);
    const std::vector<double> predictions(y.data(), y.data() + y.size());
    // The set column always: "train" everywhere when nothing is held out.
    return writePointsCsv(d.points, predictions, d.isTest);
}
} // namespace

QString pointsCsv(const Document& doc) {
    return QString::fromStdString(csvOf(doc));
}

bool exportPointsCsv(const Document& doc, const QString& path, QString* error) {
    std::string e;
    if (!writeFileAtomically(std::filesystem::path(path.toStdU16String()), csvOf(doc), &e)) {
        if (error) *error = QString::fromStdString(e);
        return false;
    }
    return true;
}

} // namespace stepwise::ui

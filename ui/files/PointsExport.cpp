#include "ui/files/PointsExport.h"

#include "core/data/DataSet.h"
#include "core/data/PointsReader.h"
#include "core/scenario/ScenarioFile.h"
#include "ui/document/Document.h"

#include <QObject>

#include <filesystem>

namespace stepwise::ui {

namespace {
std::string csvOf(const Document& doc) {
    const DataSet& d = doc.dataSet();
    const Eigen::ArrayXd x = toArrays(d.points).x;
    // The network on screen: a layered one of one input when there is one.
    const Eigen::ArrayXd y = doc.isLayered() && doc.inputs() == 1
                                 ? evaluateOutput(doc.layered(), x.matrix().transpose())
                                 : evaluateOutput(doc.network(), x);
    const std::vector<double> predictions(y.data(), y.data() + y.size());
    // The set column always: "train" everywhere when nothing is held out.
    return writePointsCsv(d.points, predictions, d.isTest);
}
} // namespace

QString pointsCsv(const Document& doc) {
    return QString::fromStdString(csvOf(doc));
}

bool exportPointsCsv(const Document& doc, const QString& path, QString* error) {
    if (doc.isLayered() && doc.inputs() != 1) {
        if (error)
            *error = QObject::tr("the points and predictions are x and y columns: they are "
                                 "written for networks of one input");
        return false;
    }
    std::string e;
    if (!writeFileAtomically(std::filesystem::path(path.toStdU16String()), csvOf(doc), &e)) {
        if (error) *error = QString::fromStdString(e);
        return false;
    }
    return true;
}

} // namespace stepwise::ui

#include "ui/files/FileController.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/document/Document.h"
#include "ui/base/Preferences.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

namespace stepwise::ui {

namespace {
constexpr int kMaxRecent = 8;
constexpr int kAutosaveDelayMs = 3000;

std::filesystem::path toPath(const QString& s) {
    return std::filesystem::path(s.toStdU16String());
}
} // namespace

FileController::FileController(Document* doc, QWidget* window)
    : QObject(window), doc_(doc), window_(window) {
    timer_.setSingleShot(true);
    timer_.setInterval(kAutosaveDelayMs);
    connect(&timer_, &QTimer::timeout, this, &FileController::autosaveNow);
    connect(doc_->undoStack(), &QUndoStack::indexChanged, this, &FileController::scheduleAutosave);
    connect(doc_, &Document::lessonChanged, this, &FileController::scheduleAutosave);
    connect(doc_, &Document::trainingSettingsChanged, this, &FileController::scheduleAutosave);
    autosave_ = QSettings().value("session/autosave", true).toBool();
}

bool FileController::open(const QString& path) {
    const ScenarioResult r = readScenarioFile(toPath(path));
    if (!r.ok()) {
        emit errorOccurred(tr("Could not open the file"),
                           QString::fromStdString(formatError(path.toStdString(), r.error)));
        return false;
    }
    doc_->replaceScenario(*r.scenario);
    doc_->undoStack()->setClean();
    path_ = path.startsWith(":/") ? QString() : path; // an example opens as a new document
    if (!path_.isEmpty()) addRecent(path_);
    emit pathChanged(path_);
    return true;
}

bool FileController::save() {
    if (path_.isEmpty()) {
        saveAsDialog();
        return !path_.isEmpty() && doc_->undoStack()->isClean();
    }
    return saveAs(path_);
}

bool FileController::saveAs(const QString& path) {
    std::string error;
    if (!writeScenarioFile(toPath(path), doc_->scenario(), &error)) {
        emit errorOccurred(tr("Could not save the file"),
                           tr("%1: %2\nThe file on disk (if any) was left as it was.")
                               .arg(path, QString::fromStdString(error)));
        return false;
    }
    path_ = path;
    doc_->undoStack()->setClean();
    addRecent(path);
    emit pathChanged(path_);
    return true;
}

void FileController::openDialog() {
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Open a scenario"), QFileInfo(path_).absolutePath(),
        tr("Stepwise scenarios (*.stepwise);;All files (*)"));
    if (!path.isEmpty()) open(path);
}

void FileController::saveAsDialog() {
    QString path = QFileDialog::getSaveFileName(window_, tr("Save the scenario"),
                                                path_.isEmpty() ? tr("untitled.stepwise") : path_,
                                                tr("Stepwise scenarios (*.stepwise)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(".stepwise")) path += ".stepwise";
    saveAs(path);
}

void FileController::newScenario() {
    Scenario s = defaultScenario();
    Preferences::load().applyToNewScenario(s); // activation and samples the user prefers
    doc_->replaceScenario(s);
    path_.clear();
    emit pathChanged(path_);
}

QStringList FileController::recentFiles() const {
    return QSettings().value("files/recent").toStringList();
}

void FileController::addRecent(const QString& path) {
    QStringList list = recentFiles();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue("files/recent", list);
}

void FileController::populateRecentMenu(QMenu* menu) {
    menu->clear();
    const QStringList list = recentFiles();
    for (int i = 0; i < list.size(); ++i) {
        const QString p = list[i];
        menu->addAction(QString("&%1 %2").arg(i + 1).arg(QFileInfo(p).fileName()), this,
                        [this, p] { open(p); })
            ->setToolTip(p);
    }
    if (list.isEmpty()) menu->addAction(tr("(none yet)"))->setEnabled(false);
}

QStringList FileController::exampleFiles() {
    QStringList out;
    for (const QString& name :
         QDir(":/examples").entryList({"*.stepwise"}, QDir::Files, QDir::Name))
        out << ":/examples/" + name;
    return out;
}

void FileController::populateExamplesMenu(QMenu* menu) {
    menu->clear();
    for (const QString& p : exampleFiles()) {
        const QString title = QFileInfo(p).completeBaseName().replace('-', ' ');
        menu->addAction(title, this, [this, p] {
            QFile f(p);
            if (!f.open(QIODevice::ReadOnly)) return;
            const QByteArray bytes = f.readAll();
            const ScenarioResult r =
                readScenario(std::string_view(bytes.constData(), bytes.size()));
            if (!r.ok()) {
                emit errorOccurred(tr("Could not open the example"),
                                   QString::fromStdString(formatError(p.toStdString(), r.error)));
                return;
            }
            doc_->replaceScenario(*r.scenario);
            path_.clear();
            emit pathChanged(path_);
        });
    }
}

// ---- session recovery -------------------------------------------------------------------------

QString FileController::autosavePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + "/autosave.stepwise";
}

QString FileController::lockPath() {
    return autosavePath() + ".lock";
}

void FileController::setAutosaveEnabled(bool on) {
    autosave_ = on;
    QSettings().setValue("session/autosave", on);
    if (!on) timer_.stop();
}

void FileController::scheduleAutosave() {
    if (autosave_) timer_.start();
}

void FileController::autosaveNow() {
    timer_.stop();
    if (!autosave_) return;
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    std::string error;
    if (!writeScenarioFile(toPath(autosavePath()), doc_->scenario(), &error))
        emit info(tr("Autosave failed: %1").arg(QString::fromStdString(error)));
}

QString FileController::restoreSession() {
    const bool crashed = QFile::exists(lockPath());
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    QString message;
    if (autosave_ && QFile::exists(autosavePath())) {
        const ScenarioResult r = readScenarioFile(toPath(autosavePath()));
        if (r.ok()) {
            doc_->replaceScenario(*r.scenario);
            if (crashed)
                message = tr("Stepwise did not close properly last time; your work has been "
                             "restored.");
        } else {
            const QString aside = autosavePath() + "." +
                                  QDateTime::currentDateTime().toString("yyyyMMdd-hhmmss") +
                                  ".unreadable";
            QFile::rename(autosavePath(), aside);
            message = tr("The last session could not be restored (%1). It was kept as %2; "
                         "Stepwise starts fresh.")
                          .arg(QString::fromStdString(r.error.problem), aside);
        }
    }
    QFile lock(lockPath());
    if (lock.open(QIODevice::WriteOnly | QIODevice::Truncate))
        lock.write(QByteArray::number(QCoreApplication::applicationPid()));
    return message;
}

void FileController::shutdown() {
    autosaveNow();
    QFile::remove(lockPath());
}

} // namespace stepwise::ui

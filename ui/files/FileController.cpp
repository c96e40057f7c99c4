#include "ui/files/FileController.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/base/AppPaths.h"
#include "ui/base/Preferences.h"
#include "ui/document/Document.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace stepwise::ui {

namespace {
constexpr int kMaxRecent = 8;

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
    const ScenarioResult r = readScenarioFile(fsPath(path));
    if (!r.ok()) {
        emit errorOccurred(tr("Could not open the file"),
                           QString::fromStdString(formatError(path.toStdString(), r.error)));
        return false;
    }
    if (r.scenario->layered && r.scenario->layered->inputs > 2) {
        emit errorOccurred(tr("Could not open the file"),
                           tr("%1: network.inputs: this network has %2 inputs; the window "
                              "shows networks of one or two inputs (the command line trains "
                              "it, see stepwise --help)")
                               .arg(path)
                               .arg(r.scenario->layered->inputs));
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
    if (!writeScenarioFile(fsPath(path), doc_->scenario(), &error)) {
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
    std::string error;
    if (!sessions_.save(doc_->scenario(), false, &error)) {
        failure_ = QString::fromStdString(error);
        if (!failing_)
            emit info(tr("Autosave failed (%1). Your work is kept in memory; Stepwise tries "
                         "again every %2 seconds.")
                          .arg(failure_)
                          .arg(kRetryMs / 1000));
        failing_ = true;
        timer_.setInterval(kRetryMs);
        timer_.start();
        return;
    }
    if (failing_) emit info(tr("Autosave works again: your work is saved."));
    failing_ = false;
    failure_.clear();
    timer_.setInterval(kAutosaveDelayMs);
}

QString FileController::restoreSession() {
    QStringList unreadable;
    std::vector<LeftSession> left = sessions_.claimLeft(&unreadable);
    QStringList messages;
    for (const QString& u : unreadable)
        messages << tr("A session could not be restored; it was kept as %1.").arg(u);
    if (!left.empty()) {
        std::vector<int> chosen;
        if (left.size() == 1 || !chooser_) {
            for (int i = 0; i < static_cast<int>(left.size()); ++i)
                chosen.push_back(i);
        } else {
            chosen = chooser_(left);
        }
        bool crashed = false;
        for (std::size_t k = 0; k < chosen.size(); ++k) {
            const int i = chosen[k];
            if (i < 0 || i >= static_cast<int>(left.size())) continue;
            crashed = crashed || !left[i].closed;
            if (k == 0) {
                doc_->replaceScenario(left[i].scenario);
            } else {
                emit restoreElsewhere(left[i].scenario);
            }
        }
        // The restored work must live in this window's session before the left one goes.
        if (!chosen.empty()) autosaveNow();
        for (const LeftSession& s : left) {
            if (failing_ && std::find(chosen.begin(), chosen.end(),
                                      static_cast<int>(&s - left.data())) != chosen.end())
                sessions_.release(s); // not saved anywhere else yet: keep it for next time
            else
                sessions_.forget(s);
        }
        if (crashed && chosen.size() == 1)
            messages << tr("Stepwise did not close properly last time; your work has been "
                           "restored.");
        else if (crashed)
            messages << tr("%n session(s) that did not close properly have been restored.", nullptr,
                           static_cast<int>(chosen.size()));
    }
    return messages.join(' ');
}

void FileController::shutdown() {
    timer_.stop();
    if (!autosave_) {
        sessions_.remove();
        return;
    }
    std::string error;
    if (!sessions_.save(doc_->scenario(), true, &error)) {
        failing_ = true;
        failure_ = QString::fromStdString(error);
    }
}

} // namespace stepwise::ui

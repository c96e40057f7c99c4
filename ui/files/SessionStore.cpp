#include "ui/files/SessionStore.h"

#include "core/scenario/ScenarioFile.h"
#include "ui/base/AppPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <filesystem>

namespace stepwise::ui {

namespace {

QString closedMarker(const QString& session) {
    return session + ".closed";
}

std::unique_ptr<QLockFile> tryLock(const QString& session) {
    auto lock = std::make_unique<QLockFile>(session + ".lock");
    // Never stale by age: only a lock whose process is gone (on this host) is stale.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) return nullptr;
    return lock;
}

// The single autosave of Stepwise before sessions per window, moved into the folder.
void adoptLegacyAutosave(const QString& folder) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString legacy = dir + "/autosave.stepwise";
    if (!QFile::exists(legacy)) return;
    const QString target = folder + "/session-earlier-" +
                           QDateTime::currentDateTime().toString("yyyyMMdd-hhmmss") + ".stepwise";
    if (!QFile::rename(legacy, target)) return;
    if (!QFile::exists(legacy + ".lock")) {
        QFile marker(closedMarker(target));
        if (marker.open(QIODevice::WriteOnly)) marker.close();
    }
    QFile::remove(legacy + ".lock");
}

} // namespace

SessionStore::SessionStore(QString folder) : folder_(std::move(folder)) {}

SessionStore::~SessionStore() = default; // the QLockFiles release their locks

QString SessionStore::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/sessions";
}

std::vector<LeftSession> SessionStore::claimLeft(QStringList* unreadable) {
    std::vector<LeftSession> left;
    if (!QDir().mkpath(folder_)) return left;
    adoptLegacyAutosave(folder_);
    const QStringList names =
        QDir(folder_).entryList({"session-*.stepwise"}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = folder_ + "/" + name;
        if (path == path_) continue;
        if (std::find(claimedPaths_.begin(), claimedPaths_.end(), path) != claimedPaths_.end())
            continue;
        std::unique_ptr<QLockFile> lock = tryLock(path);
        if (!lock) continue; // a running window's
        const ScenarioResult r = readScenarioFile(fsPath(path));
        if (!r.ok()) {
            const QString aside = path + "." +
                                  QDateTime::currentDateTime().toString("yyyyMMdd-hhmmss") +
                                  ".unreadable";
            QFile::rename(path, aside);
            QFile::remove(closedMarker(path));
            if (unreadable)
                *unreadable << QString("%1 (%2)").arg(aside,
                                                      QString::fromStdString(r.error.problem));
            continue; // the lock goes with `lock`
        }
        LeftSession s;
        s.path = path;
        s.saved = QFileInfo(path).lastModified();
        s.closed = QFile::exists(closedMarker(path));
        s.scenario = *r.scenario;
        left.push_back(std::move(s));
        claimed_.push_back(std::move(lock));
        claimedPaths_.push_back(path);
    }
    std::stable_sort(left.begin(), left.end(),
                     [](const LeftSession& a, const LeftSession& b) { return a.saved > b.saved; });
    return left;
}

void SessionStore::forget(const LeftSession& s) {
    QFile::remove(s.path);
    QFile::remove(closedMarker(s.path));
    release(s);
}

void SessionStore::release(const LeftSession& s) {
    for (std::size_t i = 0; i < claimedPaths_.size(); ++i) {
        if (claimedPaths_[i] != s.path) continue;
        claimed_[i]->unlock();
        claimed_.erase(claimed_.begin() + static_cast<std::ptrdiff_t>(i));
        claimedPaths_.erase(claimedPaths_.begin() + static_cast<std::ptrdiff_t>(i));
        return;
    }
}

bool SessionStore::ensureLocked(std::string* error) {
    if (lock_) return true;
    if (!QDir().mkpath(folder_)) {
        if (error) *error = "cannot create the folder " + folder_.toStdString();
        return false;
    }
    if (path_.isEmpty())
        path_ = folder_ + "/session-" + QUuid::createUuid().toString(QUuid::Id128).left(16) +
                ".stepwise";
    lock_ = tryLock(path_);
    if (!lock_) {
        if (error) *error = "cannot lock " + path_.toStdString();
        return false;
    }
    return true;
}

bool SessionStore::save(const Scenario& s, bool closing, std::string* error) {
    if (!ensureLocked(error)) return false;
    if (!writeScenarioFile(fsPath(path_), s, error)) return false;
    if (closing) {
        QFile marker(closedMarker(path_));
        if (!marker.open(QIODevice::WriteOnly)) {
            if (error) *error = "cannot write " + closedMarker(path_).toStdString();
            return false;
        }
        marker.close();
        lock_.reset(); // releases the lock: a later start may take the session
    } else {
        QFile::remove(closedMarker(path_));
    }
    return true;
}

void SessionStore::remove() {
    if (!path_.isEmpty()) {
        QFile::remove(path_);
        QFile::remove(closedMarker(path_));
    }
    lock_.reset();
}

} // namespace stepwise::ui

// SessionStore: one autosaved session per window, each locked for real.
//
// The sessions live in one folder (AppDataLocation/sessions). A window's session is a scenario
// file `session-<id>.stepwise` beside a QLockFile `session-<id>.stepwise.lock` that the window
// holds while it runs; QLockFile knows a lock left by a dead process (same host, its PID gone)
// as stale. A session the window closed properly (a quit, a logout, SIGTERM) also has a marker
// `session-<id>.stepwise.closed`. So, at a start:
//   - a session whose lock another running window holds is that window's: left alone;
//   - a session with no live owner was left: closed properly (marker) or not (the window was
//     killed or crashed). claimLeft() takes them (locks them, so two windows starting at once
//     never both take one) for the caller to restore or discard;
//   - a session that cannot be read is set aside (renamed `….unreadable`), never deleted.
// The single autosave of earlier versions (AppDataLocation/autosave.stepwise, with its marker
// `autosave.stepwise.lock` meaning "not closed properly") is moved into the folder first.
#pragma once

#include "core/scenario/Scenario.h"

#include <QDateTime>
#include <QLockFile>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace stepwise::ui {

struct LeftSession {
    QString path;
    QDateTime saved;     // when it was last written
    bool closed = false; // its window closed properly (else it was killed or crashed)
    Scenario scenario;
};

class SessionStore {
public:
    explicit SessionStore(QString folder = defaultFolder());
    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    static QString defaultFolder();
    QString folder() const { return folder_; }

    // The sessions no running window owns, newest first, each locked by this store until
    // restored (forget) or discarded. `unreadable` receives the sessions set aside.
    std::vector<LeftSession> claimLeft(QStringList* unreadable = nullptr);
    // A left session is done with: its content now lives in a window (or was discarded).
    void forget(const LeftSession& s);
    // A left session stays for a later start (its lock is released, the file kept).
    void release(const LeftSession& s);

    // This window's own session: created (and locked) on the first save.
    QString path() const { return path_; }
    bool locked() const { return lock_ != nullptr; }
    // Writes the scenario atomically. `closing` marks it closed properly and releases the lock
    // (a later save takes it again). On failure returns false with *error set; the old file,
    // if any, is untouched.
    bool save(const Scenario& s, bool closing, std::string* error);
    // Removes this window's session (nothing left to restore) and releases its lock.
    void remove();

private:
    bool ensureLocked(std::string* error);

    QString folder_;
    QString path_;
    std::unique_ptr<QLockFile> lock_;
    std::vector<std::unique_ptr<QLockFile>> claimed_; // locks of the left sessions taken
    std::vector<QString> claimedPaths_;
};

} // namespace stepwise::ui

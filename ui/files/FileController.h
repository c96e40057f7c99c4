// FileController: opening and saving scenario files, recent files, the shipped examples, and
// session recovery. A file that fails to open never touches the open document; a save that
// fails never damages the file already on disk (writes are atomic).
//
// Session recovery (SessionStore): each window autosaves its own session a few seconds after
// each change, holding a real lock on it, and marks it closed on quit, logout or SIGTERM. At a
// start, the sessions no running window owns are restored: one silently when its window closed
// properly, with a word when it was killed or crashed; several are offered in a list (the
// chooser), and what is not chosen is discarded. A session that cannot be read is set aside,
// never deleted. When an autosave fails (a full disk, a read-only folder) the work stays in
// memory, the window is told once, and the autosave retries every kRetryMs until it works
// again, which is said too.
#pragma once

#include "ui/files/SessionStore.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <vector>

class QWidget;
class QMenu;

namespace stepwise::ui {

class Document;

class FileController : public QObject {
    Q_OBJECT
public:
    FileController(Document* doc, QWidget* window);

    // Returns false (and reports why through errorOccurred) when the file cannot be used.
    bool open(const QString& path);
    bool save();
    bool saveAs(const QString& path);
    void openDialog();
    void saveAsDialog();
    void newScenario();

    QString currentPath() const { return path_; }
    QStringList recentFiles() const;
    void populateRecentMenu(QMenu* menu);
    void populateExamplesMenu(QMenu* menu);
    static QStringList exampleFiles(); // resource paths, ":/examples/…"

    // Session recovery.
    static constexpr int kAutosaveDelayMs = 3000;
    static constexpr int kRetryMs = 30000;
    // This window's session file (empty until the first autosave) and the sessions folder.
    QString sessionPath() const { return sessions_.path(); }
    QString sessionFolder() const { return sessions_.folder(); }
    void setAutosaveEnabled(bool on);
    bool autosaveEnabled() const { return autosave_; }
    // Which of several left sessions to restore (indices into the list, newest first); the
    // rest are discarded. Without a chooser, all are restored.
    using SessionChooser = std::function<std::vector<int>(const std::vector<LeftSession>&)>;
    void setSessionChooser(SessionChooser chooser) { chooser_ = std::move(chooser); }
    // Call once at start-up (before showing a FILE from the command line). Restores what was
    // left (the first chosen session here, each other one through restoreElsewhere). Returns
    // a message for the user, empty when there is nothing to say.
    QString restoreSession();
    void autosaveNow();
    // The window closes, the user logs out, or SIGTERM came: save the session marked closed
    // and release its lock, so the next start restores it without calling it a crash.
    void shutdown();
    int autosaveDelayMs() const { return timer_.interval(); }
    // The last autosave failed and the work since exists only in memory.
    bool autosaveFailing() const { return failing_; }
    QString autosaveError() const { return failure_; }

signals:
    void pathChanged(const QString& path);
    void errorOccurred(const QString& title, const QString& message);
    void info(const QString& message);
    // A left session chosen for restoring beyond the first: the shell opens a window for it.
    void restoreElsewhere(const stepwise::Scenario& scenario);

private:
    void addRecent(const QString& path);
    void scheduleAutosave();

    Document* doc_;
    QWidget* window_;
    QString path_;
    QTimer timer_;
    bool autosave_ = true;
    SessionStore sessions_;
    SessionChooser chooser_;
    bool failing_ = false;
    QString failure_;
};

} // namespace stepwise::ui

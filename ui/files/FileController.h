// FileController: opening and saving scenario files, recent files, the shipped examples, and
// session recovery. A file that fails to open never touches the open document; a save that
// fails never damages the file already on disk (writes are atomic).
//
// Session recovery: while the app runs, a lock file sits beside the autosave. The session is
// autosaved a few seconds after each change and on quit, and the lock is removed on a clean
// quit. At start, the last session is restored; if the lock was still there (the app was killed
// or crashed) the app says it recovered the work. An autosave that cannot be read is moved
// aside (never deleted) and the app starts clean.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

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
    static QString autosavePath();
    static QString lockPath();
    void setAutosaveEnabled(bool on);
    bool autosaveEnabled() const { return autosave_; }
    // Call once at start-up (before showing a FILE from the command line). Returns a message for
    // the user, empty when there is nothing to say.
    QString restoreSession();
    void autosaveNow();
    void shutdown(); // clean quit: autosave and remove the lock
    int autosaveDelayMs() const { return timer_.interval(); }

signals:
    void pathChanged(const QString& path);
    void errorOccurred(const QString& title, const QString& message);
    void info(const QString& message);

private:
    void addRecent(const QString& path);
    void scheduleAutosave();

    Document* doc_;
    QWidget* window_;
    QString path_;
    QTimer timer_;
    bool autosave_ = true;
};

} // namespace stepwise::ui

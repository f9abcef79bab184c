#pragma once
// What the app remembers between runs (QSettings): theme, window geometry and state, the last
// and recent workspaces, recently imported files, the SQL editor's font size.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace deskbase::gui {

class AppSettings {
public:
    static constexpr int kMaxRecent = 8;

    QString theme() const;  // "system" | "light" | "dark"
    void setTheme(const QString& theme);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState() const;
    void saveWindow(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter);

    QString lastWorkspace() const;
    QStringList recentWorkspaces() const;
    void addRecentWorkspace(const QString& dir);  // also becomes the last workspace

    QStringList recentFiles() const;
    void addRecentFile(const QString& path);     // after it was imported
    void removeRecentFile(const QString& path);  // it failed to import

    int editorFontSize() const;  // points; 0 = the system's
    void setEditorFontSize(int points);

private:
    static QStringList pushFront(QStringList list, const QString& item);
};

}  // namespace deskbase::gui

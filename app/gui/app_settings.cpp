#include "app/gui/app_settings.h"

#include <QSettings>

namespace deskbase::gui {

QString AppSettings::theme() const {
    return QSettings().value(QStringLiteral("view/theme"), QStringLiteral("system")).toString();
}
void AppSettings::setTheme(const QString& theme) {
    QSettings().setValue(QStringLiteral("view/theme"), theme);
}

QByteArray AppSettings::windowGeometry() const {
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}
QByteArray AppSettings::windowState() const {
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}
QByteArray AppSettings::splitterState() const {
    return QSettings().value(QStringLiteral("window/splitter")).toByteArray();
}

void AppSettings::saveWindow(const QByteArray& geometry, const QByteArray& state,
                             const QByteArray& splitter) {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), geometry);
    s.setValue(QStringLiteral("window/state"), state);
    s.setValue(QStringLiteral("window/splitter"), splitter);
}

QString AppSettings::lastWorkspace() const {
    return QSettings().value(QStringLiteral("workspace/last")).toString();
}
QStringList AppSettings::recentWorkspaces() const {
    return QSettings().value(QStringLiteral("workspace/recent")).toStringList();
}

void AppSettings::addRecentWorkspace(const QString& dir) {
    QSettings s;
    s.setValue(QStringLiteral("workspace/last"), dir);
    s.setValue(QStringLiteral("workspace/recent"), pushFront(recentWorkspaces(), dir));
}

QStringList AppSettings::recentFiles() const {
    return QSettings().value(QStringLiteral("import/recent")).toStringList();
}
void AppSettings::addRecentFile(const QString& path) {
    QSettings().setValue(QStringLiteral("import/recent"), pushFront(recentFiles(), path));
}

void AppSettings::removeRecentFile(const QString& path) {
    QStringList list = recentFiles();
    if (list.removeAll(path) > 0) QSettings().setValue(QStringLiteral("import/recent"), list);
}

int AppSettings::editorFontSize() const {
    return QSettings().value(QStringLiteral("editor/fontSize"), 0).toInt();
}
void AppSettings::setEditorFontSize(int points) {
    QSettings().setValue(QStringLiteral("editor/fontSize"), points);
}

QStringList AppSettings::pushFront(QStringList list, const QString& item) {
    list.removeAll(item);
    list.prepend(item);
    while (list.size() > kMaxRecent) list.removeLast();
    return list;
}

}  // namespace deskbase::gui

#include "app/gui/gui_options.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace deskbase::gui {

GuiOptions parseGuiOptions(const QStringList& arguments) {
    GuiOptions o;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a == QStringLiteral("--workspace")) {
            if (i + 1 >= arguments.size()) {
                o.error = QStringLiteral("--workspace needs a folder");
                break;
            }
            o.workspace = arguments[++i];
        } else if (a.startsWith(QStringLiteral("--workspace="))) {
            o.workspace = a.mid(12);
        } else if (a == QStringLiteral("--demo")) {
            o.demo = true;
        } else if (a.startsWith(QStringLiteral("-platform")) || a.startsWith(QStringLiteral("-style"))) {
            ++i;  // Qt's own options (QApplication removes most of them first)
        } else if (a.startsWith(QStringLiteral("--"))) {
            o.error = QStringLiteral("unknown option %1").arg(a);
            break;
        } else {
            o.files << QFileInfo(a).absoluteFilePath();
        }
    }
    if (!o.workspace.isEmpty()) o.workspace = QFileInfo(o.workspace).absoluteFilePath();
    return o;
}

QString defaultWorkspaceDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace"));
}

}  // namespace deskbase::gui

namespace deskbase::gui {

QString defaultDemoDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo"));
}

}  // namespace deskbase::gui

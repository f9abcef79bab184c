#include "app/gui/gui_options.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace deskbase::gui {

QList<QCommandLineOption> guiCommandLineOptions() {
    return {
        QCommandLineOption(QStringLiteral("workspace"),
                           QStringLiteral("The workspace folder (default: the last one used)."),
                           QStringLiteral("DIR")),
        QCommandLineOption(QStringLiteral("demo"),
                           QStringLiteral("Open the demo workspace (made on first use).")),
    };
}

GuiOptions parseGuiOptions(const QStringList& arguments) {
    GuiOptions o;
    QCommandLineParser parser;
    const auto options = guiCommandLineOptions();
    parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import."),
                                 QStringLiteral("[FILE...]"));
    // QApplication has already taken its own options (-platform, -style, ...) out of arguments().
    if (!parser.parse(arguments)) {
        o.error = parser.errorText();
        return o;
    }
    o.workspace = parser.value(options[0]);
    o.demo = parser.isSet(options[1]);
    for (const QString& f : parser.positionalArguments()) o.files << QFileInfo(f).absoluteFilePath();
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

// The GUI entry: deskbase [--workspace DIR] [--demo] [FILE...]
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>
#include <cstdio>

#include "app/cli/commands.h"
#include "app/gui/app_settings.h"
#include "app/gui/gui_options.h"
#include "app/gui/main_window.h"
#include "widgets/theme/theme.h"

namespace deskbase::gui {

int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Deskbase"));
    QApplication::setApplicationName(QStringLiteral("deskbase"));
    QApplication::setApplicationDisplayName(QStringLiteral("Deskbase"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setDesktopFileName(QStringLiteral("deskbase"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/deskbase/icons/deskbase-256.png")));

    const GuiOptions options = parseGuiOptions(QApplication::arguments());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "deskbase: %s\n", qPrintable(options.error));
        return 2;
    }
    AppSettings settings;
    widgets::applyTheme(app, widgets::parseThemeMode(settings.theme()));

    MainWindow window;
    if (options.demo) {
        window.show();
        window.openDemoWorkspace(options.workspace.isEmpty() ? defaultDemoDir() : options.workspace);
        return app.exec();
    }
    QString dir = options.workspace;
    if (dir.isEmpty() && QFileInfo(settings.lastWorkspace()).isDir()) dir = settings.lastWorkspace();
    if (dir.isEmpty()) dir = defaultWorkspaceDir();
    if (!window.openWorkspace(dir) && dir != defaultWorkspaceDir())
        window.openWorkspace(defaultWorkspaceDir());
    window.show();
    if (!options.files.isEmpty())
        QTimer::singleShot(0, &window, [&window, files = options.files] { window.importFiles(files); });
    return app.exec();
}

}  // namespace deskbase::gui

// Placeholder until the main window lands (issue 5).
#include <QApplication>
#include <QLabel>
#include "app/cli/commands.h"
namespace deskbase::gui {
int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Deskbase"));
    label.show();
    return app.exec();
}
}

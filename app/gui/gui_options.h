#pragma once
// The GUI's command line: deskbase [--workspace DIR] [--demo] [FILE...]
#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

namespace deskbase::gui {

struct GuiOptions {
    QString workspace;  // empty: the last one used, else the per-user default
    bool demo = false;  // open the demo workspace (its data is made by the dashboards' demo generator)
    QStringList files;  // imported once the window is up
    QString error;      // a bad command line, one line
};

// --workspace DIR and --demo, read by QCommandLineParser (and listed by `deskbase --help`).
QList<QCommandLineOption> guiCommandLineOptions();
GuiOptions parseGuiOptions(const QStringList& arguments);  // arguments()[0] is the program
// The per-user default workspace under the XDG data directory.
QString defaultWorkspaceDir();
// The per-user demo workspace (deskbase --demo without --workspace).
QString defaultDemoDir();

}  // namespace deskbase::gui

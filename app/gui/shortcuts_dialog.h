#pragma once
// Help → Keyboard shortcuts: a searchable table read from the real actions (the menu bar's, walked
// recursively, plus any other actions given, such as the sidebar's F2 / Delete), so it can never
// disagree with what the keys do.
#include <QDialog>
#include <QList>
#include <QString>
#include <vector>

class QAction;
class QMenuBar;
class QTableWidget;

namespace deskbase::gui {

struct ShortcutRow {
    QString area;    // "File", "Edit", ..., or the name given with extra actions
    QString action;  // the action's text without mnemonics or "…"
    QString keys;    // "Ctrl+Return, Ctrl+Enter"
};

// Every action with a key: its shortcuts, or the key shown after a tab in its text.
std::vector<ShortcutRow> collectShortcuts(const QMenuBar* bar,
                                          const QList<std::pair<QString, QList<QAction*>>>& extra = {});

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const std::vector<ShortcutRow>& rows, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

}  // namespace deskbase::gui

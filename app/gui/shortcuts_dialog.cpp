#include "app/gui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace deskbase::gui {

namespace {
QString plain(QString text) {
    text = text.section(QLatin1Char('\t'), 0, 0);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

QString keysOf(const QAction* a) {
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    if (keys.isEmpty()) return a->text().section(QLatin1Char('\t'), 1);  // shown, handled by the widget
    return keys.join(QStringLiteral(", "));
}

void collect(const QString& area, const QList<QAction*>& actions, std::vector<ShortcutRow>& out) {
    for (QAction* a : actions) {
        if (a->isSeparator()) continue;
        if (QMenu* sub = a->menu()) {
            collect(area, sub->actions(), out);
            continue;
        }
        const QString keys = keysOf(a);
        if (!keys.isEmpty()) out.push_back({area, plain(a->text()), keys});
    }
}
}  // namespace

std::vector<ShortcutRow> collectShortcuts(const QMenuBar* bar,
                                          const QList<std::pair<QString, QList<QAction*>>>& extra) {
    std::vector<ShortcutRow> out;
    for (QAction* top : bar->actions())
        if (top->menu()) collect(plain(top->text()), top->menu()->actions(), out);
    for (const auto& [area, actions] : extra) collect(area, actions, out);
    return out;
}

ShortcutsDialog::ShortcutsDialog(const std::vector<ShortcutRow>& rows, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(int(rows.size()), 3, this)) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(560, 620);
    table_->setHorizontalHeaderLabels({tr("Where"), tr("Action"), tr("Keys")});
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int r = 0; r < int(rows.size()); ++r) {
        const ShortcutRow& row = rows[std::size_t(r)];
        table_->setItem(r, 0, new QTableWidgetItem(row.area));
        table_->setItem(r, 1, new QTableWidgetItem(row.action));
        table_->setItem(r, 2, new QTableWidgetItem(row.keys));
    }
    table_->resizeColumnToContents(0);
    table_->resizeColumnToContents(2);
    auto* filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Filter actions or keys"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int r = 0; r < table_->rowCount(); ++r) {
            bool match = text.isEmpty();
            for (int c = 0; c < 3 && !match; ++c)
                match = table_->item(r, c)->text().contains(text, Qt::CaseInsensitive);
            table_->setRowHidden(r, !match);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
}

}  // namespace deskbase::gui

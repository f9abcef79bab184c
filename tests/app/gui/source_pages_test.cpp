// Sources in the real window (offscreen), real folders and a real SQLite warehouse: a watched
// folder source made in the source editor (no JSON by hand) is saved, reopens as saved, and loads
// a file dropped into its folder by itself (the window's watcher); the sidebar's source then says
// success and an open dashboard's card shows the new rows. Run now on a broken source file shows
// its one-line error. An imported file offers "Save as source…", prefilled from the import.
#include "app/gui/source_pages.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtTest>

#include "app/gui/dashboard_pages.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/source_editor.h"
#include "app/gui/workspace_controller.h"
#include "core/chart/chart_data.h"
#include "core/sources/source_file.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/dashboard/dashboard_session.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/importer/import_preview_dialog.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"
#include "widgets/sources/schedule_edit.h"
#include "widgets/sources/source_form.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {

QString sourceStatus(MainWindow& window, const QString& name) {
    return window.sidebar()->model()->sourceIndex(name).data(widgets::SchemaModel::StatusRole).toString();
}

// The first cell of a card's last result, as text.
QString firstCell(widgets::DashboardView* view, const std::string& cardId) {
    const widgets::CardOutcome* outcome = view->session()->outcome(cardId);
    if (!outcome || !outcome->data || outcome->data->rows.empty() || outcome->data->rows[0].empty())
        return {};
    return QString::fromStdString(chart::cellText(outcome->data->rows[0][0]));
}

QAction* sidebarAction(MainWindow& window, const QString& source, const QString& text) {
    const QModelIndex at = window.sidebar()->model()->sourceIndex(source);
    widgets::SchemaItem item;
    item.kind = widgets::SchemaModel::Kind::Source;
    item.name = at.data(widgets::SchemaModel::NameRole).toString();
    item.path = at.data(widgets::SchemaModel::PathRole).toString();
    QMenu* menu = window.sidebar()->contextMenu(item);
    menu->deleteLater();
    for (QAction* a : menu->actions())
        if (a->text() == text) return a;
    return nullptr;
}

}  // namespace

class SourcePagesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_source_pages"));
    }

    void watchedFolderSourceMadeInTheWindowLoadsADroppedFile() {
        test::TempWorkspace ws;
        const std::string dir = ws.file("work");
        QVERIFY(QDir().mkpath(QString::fromStdString(dir + "/inbox")));
        {
            auto w = Warehouse::open(dir + "/warehouse.db");
            QVERIFY(w.isOk());
            QVERIFY((*w)->execute("CREATE TABLE orders (id INTEGER, amount INTEGER)").isOk());
            QVERIFY((*w)->execute("INSERT INTO orders VALUES (1, 10), (2, 20)").isOk());
        }
        ws.write(
            "work/questions/order_count.json",
            R"({"name": "Order count", "sql": "SELECT count(*) AS n FROM orders", "visualization": {"type": "number"}})");
        ws.write("work/dashboards/shop.json", R"({"name": "Shop", "cards": [
                     {"id": "n", "question": "order_count.json", "x": 0, "y": 0, "w": 6, "h": 4}]})");

        MainWindow window;
        QAbstractItemModelTester tester(window.sidebar()->model());
        QVERIFY(window.openWorkspace(QString::fromStdString(dir)));
        widgets::DashboardView* view =
            window.dashboards()->open(QString::fromStdString(dir + "/dashboards/shop.json"));
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(firstCell(view, "n"), QStringLiteral("2"), 15000);

        // New source…, filled in as a user does.
        SourceEditor* editor = window.sources()->newSource();
        QVERIFY(editor);
        widgets::SourceForm* form = editor->form();
        form->nameEdit()->setText(QStringLiteral("orders_inbox"));
        form->pathEdit()->setText(QStringLiteral("inbox/"));
        form->tableEdit()->setText(QStringLiteral("orders"));
        QComboBox* preset = form->scheduleEdit()->presetCombo();
        preset->setCurrentIndex(preset->findData(int(SchedulePreset::Kind::Watch)));
        form->stableSpin()->setValue(0.2);
        QVERIFY(editor->isWindowModified());
        editor->saveButton()->click();
        QVERIFY2(editor->errorText().isEmpty(), qPrintable(editor->errorText()));
        QTRY_VERIFY(!window.sources()->editor() || !window.sources()->editor()->isVisible());

        // The file is DESIGN.md's shape, and reopens with every field as saved.
        auto saved = loadSourceFile(dir + "/sources/orders_inbox.json", "sources/orders_inbox.json");
        QVERIFY2(saved, saved.status().message().c_str());
        QCOMPARE(sourceSpecToJson(*saved).dump(),
                 std::string(R"({"name":"orders_inbox","path":"inbox/","table":"orders","mode":"append",)"
                             R"("watch":true,"stable_seconds":0.2})"));
        SourceEditor* again = window.sources()->editSource(QStringLiteral("orders_inbox"));
        QVERIFY(again);
        auto reopened = again->form()->spec();
        QVERIFY2(reopened, reopened.status().message().c_str());
        QCOMPARE(sourceSpecToJson(*reopened).dump(), sourceSpecToJson(*saved).dump());
        QVERIFY(!again->isWindowModified());
        again->close();

        QTRY_VERIFY_WITH_TIMEOUT(
            window.sidebar()->model()->sourceIndex(QStringLiteral("orders_inbox")).isValid(), 10000);
        QCOMPARE(sourceStatus(window, QStringLiteral("orders_inbox")), QString());  // never ran

        // A file dropped into the folder loads by itself.
        QSignalSpy shown(window.sources(), &SourcePages::runShown);
        ws.write("work/inbox/more.csv", "id,amount\n3,30\n4,40\n5,50\n");
        QTRY_COMPARE_WITH_TIMEOUT(test::scalarInt(dir + "/warehouse.db", "SELECT count(*) FROM orders"),
                                  std::int64_t(5), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(sourceStatus(window, QStringLiteral("orders_inbox")),
                                  QStringLiteral("success"), 15000);
        QVERIFY(shown.size() >= 1);
        QVERIFY2(window.sources()->lastOutcome().contains(QStringLiteral("1 file loaded (3 rows)")),
                 qPrintable(window.sources()->lastOutcome()));
        // The open dashboard's card counts the new rows (2 + 3), not a cached 2.
        QTRY_COMPARE_WITH_TIMEOUT(firstCell(view, "n"), QStringLiteral("5"), 15000);
    }

    void runNowOnABrokenSourceShowsItsOneLineError() {
        test::TempWorkspace ws;
        const std::string dir = ws.file("work");
        const std::string text = R"({"path": "x.csv", "schedule": "sometimes"})";
        ws.write("work/sources/broken.json", text);
        const auto expected = sourceSpecFromText(text, "sources/broken.json");
        QVERIFY(!expected);
        const QString message = QString::fromStdString(expected.message());

        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(dir)));
        QTRY_VERIFY_WITH_TIMEOUT(window.sidebar()->model()->sourceIndex(QStringLiteral("broken")).isValid(),
                                 10000);
        const QModelIndex at = window.sidebar()->model()->sourceIndex(QStringLiteral("broken"));
        QCOMPARE(at.data(Qt::ToolTipRole).toString(), message);
        QCOMPARE(at.data(widgets::SchemaModel::StatusRole).toString(), QStringLiteral("error"));

        QSignalSpy shown(window.sources(), &SourcePages::runShown);
        QAction* run = sidebarAction(window, QStringLiteral("broken"), QStringLiteral("Run now"));
        QVERIFY(run);
        run->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 15000);
        QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("broken"));
        QVERIFY(shown.at(0).at(2).toBool());  // failed
        QVERIFY2(shown.at(0).at(1).toString().contains(message), qPrintable(shown.at(0).at(1).toString()));
        QVERIFY2(window.statusBar()->currentMessage().contains(message),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!window.statusBar()->currentMessage().contains(QLatin1Char('\n')));
    }

    void importedFileOffersSaveAsSource() {
        test::TempWorkspace ws;
        const std::string dir = ws.file("work");
        const QString csv =
            QString::fromStdString(ws.write("work/drops/sales-01.csv", "id;amount\n1;10\n2;20\n"));
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(dir)));
        QVERIFY(!window.sources()->saveAsSourceButton()->isVisible());
        QSignalSpy imported(window.imports(), &ImportController::imported);
        window.importFiles({csv});
        QTRY_VERIFY(window.imports()->currentDialog() != nullptr);
        widgets::ImportPreviewDialog* dialog = window.imports()->currentDialog();
        dialog->tableNameEdit()->setText(QStringLiteral("sales"));
        dialog->setColumnType(1, ColumnType::Real);  // an override the source must keep
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 15000);
        QVERIFY(!window.sources()->saveAsSourceButton()->isHidden());

        window.sources()->saveAsSourceButton()->click();
        SourceEditor* editor = window.sources()->editor();
        QVERIFY(editor);
        QVERIFY(editor->isWindowModified());  // nothing saved yet
        auto s = editor->form()->spec();
        QVERIFY2(s, s.status().message().c_str());
        QCOMPARE(s->name, std::string("sales"));
        QCOMPARE(s->table, std::string("sales"));
        QCOMPARE(s->path, std::string("drops/*.csv"));
        QVERIFY(s->watch);
        QCOMPARE(s->delimiter, std::optional<char>(';'));
        QCOMPARE(s->types.size(), std::size_t(1));
        QCOMPARE(s->types[0].first, std::string("amount"));
        QVERIFY(s->types[0].second == ColumnType::Real);
        QVERIFY(editor->save());
        QVERIFY(QFileInfo::exists(QString::fromStdString(dir + "/sources/sales.json")));
        editor->close();
    }
};

QTEST_MAIN(SourcePagesTest)
#include "source_pages_test.moc"

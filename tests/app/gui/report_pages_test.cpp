// The sidebar's Reports section in the real window (offscreen), with a real workspace and
// warehouse: each report with when it runs and how its last run went (a broken file too, with
// its one-line error); the context menu's Run now runs it and the sidebar then says success; a
// double-click opens the report editor on it; Delete… removes its file.
#include "app/gui/report_pages.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTreeView>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/workspace_controller.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/reports/report_editor.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

using namespace deskbase;
using namespace deskbase::gui;
using Kind = widgets::SchemaModel::Kind;

namespace {

QString detail(MainWindow& window, const QString& report) {
    return window.sidebar()->model()->reportIndex(report).siblingAtColumn(1).data().toString();
}

QMenu* menuFor(MainWindow& window, const QString& report) {
    const QModelIndex at = window.sidebar()->model()->reportIndex(report);
    widgets::SchemaItem item;
    item.kind = Kind::Report;
    item.name = at.data(widgets::SchemaModel::NameRole).toString();
    item.path = at.data(widgets::SchemaModel::PathRole).toString();
    return window.sidebar()->contextMenu(item);
}

QStringList texts(QMenu* menu) {
    QStringList out;
    for (QAction* a : menu->actions())
        if (!a->isSeparator()) out << a->text();
    return out;
}

QAction* action(QMenu* menu, const QString& text) {
    for (QAction* a : menu->actions())
        if (a->text() == text) return a;
    return nullptr;
}

}  // namespace

class ReportPagesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_report_pages"));
    }

    void reportsSectionListsRunsEditsAndDeletes() {
        test::TempWorkspace ws;
        const std::string db = ws.file("warehouse.db");
        ws.write("questions/numbers.json", R"({"name": "Numbers", "sql": "select 1 as n"})");
        ws.write("reports/sheet.json", R"({"question": "numbers", "format": "csv", "out": "out"})");
        ws.write("reports/broken.json", R"({"question": "numbers", "format": "pdf"})");
        {
            auto w = Warehouse::open(db);  // a warehouse, so the run history can be read
            QVERIFY(w.isOk());
        }

        MainWindow window;
        QAbstractItemModelTester tester(window.sidebar()->model());
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.path())));
        auto* model = window.sidebar()->model();
        QTRY_VERIFY(model->reportIndex(QStringLiteral("sheet")).isValid());
        const QModelIndex section = model->sectionIndex(Kind::Report);
        QCOMPARE(section.data().toString(), QStringLiteral("Reports"));
        QCOMPARE(section.siblingAtColumn(1).data().toString(), QStringLiteral("2"));
        QCOMPARE(detail(window, QStringLiteral("sheet")), QStringLiteral("on demand · never ran"));
        QCOMPARE(detail(window, QStringLiteral("broken")), QStringLiteral("broken · broken"));
        QVERIFY2(model->reportIndex(QStringLiteral("broken"))
                     .data(Qt::ToolTipRole)
                     .toString()
                     .startsWith(QStringLiteral("reports/broken.json: \"format\"")),
                 qPrintable(model->reportIndex(QStringLiteral("broken")).data(Qt::ToolTipRole).toString()));

        // The context menu: Run now, Edit…, New report…, Delete…; Run now runs it.
        QMenu* menu = menuFor(window, QStringLiteral("sheet"));
        const QStringList items = texts(menu);
        QCOMPARE(items.mid(0, 4), (QStringList{QStringLiteral("Run now"), QStringLiteral("Edit…"),
                                               QStringLiteral("New report…"), QStringLiteral("Delete…")}));
        QSignalSpy ran(window.reports(), &ReportPages::ran);
        action(menu, QStringLiteral("Run now"))->trigger();
        delete menu;
        QTRY_COMPARE_WITH_TIMEOUT(ran.count(), 1, 30000);
        QVERIFY2(ran[0][0].toString().startsWith(QStringLiteral("sheet: success")),
                 qPrintable(ran[0][0].toString()));
        QCOMPARE(test::scalarInt(
                     db, "SELECT COUNT(*) FROM deskbase_runs WHERE kind = 'report' AND name = 'sheet'"),
                 std::int64_t(1));
        QTRY_COMPARE_WITH_TIMEOUT(detail(window, QStringLiteral("sheet")),
                                  QStringLiteral("on demand · success"), 15000);
        QCOMPARE(
            model->reportIndex(QStringLiteral("sheet")).data(widgets::SchemaModel::StatusRole).toString(),
            QStringLiteral("success"));

        // A double-click opens the editor on the report.
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(window.sidebar()->view()->model());
        QVERIFY(proxy);
        window.sidebar()->activate(proxy->mapFromSource(model->reportIndex(QStringLiteral("sheet"))));
        widgets::ReportEditor* editor = window.reports()->editor();
        QVERIFY(editor);
        QCOMPARE(editor->spec().name, std::string("sheet"));
        QCOMPARE(editor->spec().question, std::string("numbers"));
        editor->close();

        // Delete… asks, then removes the file; the section follows.
        menu = menuFor(window, QStringLiteral("sheet"));
        action(menu, QStringLiteral("Delete…"))->trigger();
        delete menu;
        auto* box = window.findChild<QMessageBox*>(QStringLiteral("deleteReportBox"));
        QVERIFY(box);
        QPushButton* del = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (b->text() == QStringLiteral("Delete")) del = qobject_cast<QPushButton*>(b);
        QVERIFY(del);
        del->click();
        QVERIFY(!QFile::exists(QString::fromStdString(ws.file("reports/sheet.json"))));
        QTRY_VERIFY_WITH_TIMEOUT(!model->reportIndex(QStringLiteral("sheet")).isValid(), 15000);
        QVERIFY(model->reportIndex(QStringLiteral("broken")).isValid());
    }
};

QTEST_MAIN(ReportPagesTest)
#include "report_pages_test.moc"

// Reports running by themselves in the real window (offscreen), with a real workspace folder, a
// real SQLite warehouse and real report files: a source run in the window runs the CSV report
// "after" it, through the runtime, into the run history; a scheduled report that never ran runs
// once when the workspace opens, and a watcher started again does not run it again; an alert that
// fires says so where there is no tray: the status bar and the Runs page.
#include "app/gui/report_runner.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/runs_page.h"
#include "app/gui/source_pages.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/runs/runs_panel.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {

std::int64_t reportRuns(const std::string& db, const std::string& name, const std::string& status) {
    return test::scalarInt(db, "SELECT COUNT(*) FROM deskbase_runs WHERE kind = 'report' AND name = '" +
                                   name + "' AND status = '" + status + "'");
}

// The files a report wrote into `dir`.
QStringList filesIn(const std::string& dir) {
    return QDir(QString::fromStdString(dir)).entryList(QDir::Files, QDir::Name);
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QStringLiteral("(unreadable)");
}

// A file written a minute ago: stable at once for a source with the default wait.
void writeOld(const test::TempWorkspace& ws, const std::string& name, const std::string& text) {
    ws.write(name, text);
    QFile f(QString::fromStdString(ws.file(name)));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60), QFileDevice::FileModificationTime));
}

}  // namespace

class ReportRunnerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_report_runner"));
    }

    void sourceRunInTheWindowRunsTheReportAfterIt() {
        test::TempWorkspace ws;
        const std::string db = ws.file("warehouse.db");
        ws.write("sources/orders.json", R"({"path": "inbox/", "table": "orders"})");
        ws.write("questions/order_list.json",
                 R"({"name": "Order list", "sql": "select id, amount from orders order by id"})");
        ws.write("reports/orders_csv.json",
                 R"({"question": "order_list", "format": "csv", "out": "out", "after": ["orders"]})");
        ws.write("reports/by_hand.json", R"({"question": "order_list", "format": "csv", "out": "other"})");
        writeOld(ws, "inbox/a.csv", "id,amount\n1,5\n2,7\n");

        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.path())));
        QSignalSpy shown(window.sources(), &SourcePages::reportShown);
        window.sources()->runNow(QStringLiteral("orders"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
        QCOMPARE(shown[0][0].toString(), QStringLiteral("orders_csv"));
        QVERIFY2(
            shown[0][1].toString().startsWith(QStringLiteral("orders_csv: success, wrote out/orders_csv-")),
            qPrintable(shown[0][1].toString()));
        QCOMPARE(shown[0][2].toBool(), false);
        const QStringList files = filesIn(ws.file("out"));
        QCOMPARE(files.size(), 1);
        QCOMPARE(readAll(QString::fromStdString(ws.file("out/")) + files[0]),
                 QStringLiteral("id,amount\r\n1,5\r\n2,7\r\n"));
        QCOMPARE(reportRuns(db, "orders_csv", "success"), std::int64_t(1));
        QVERIFY(filesIn(ws.file("other")).isEmpty());  // on demand only
        QCOMPARE(reportRuns(db, "by_hand", "success"), std::int64_t(0));
        QVERIFY(!window.sources()->reportRunner()->busy());
    }

    void dueScheduledReportRunsOnce() {
        test::TempWorkspace ws;
        const std::string db = ws.file("warehouse.db");
        ws.write("questions/numbers.json",
                 R"({"name": "Numbers", "sql": "select 1 as n union all select 2"})");
        ws.write("reports/weekly.json",
                 R"({"question": "numbers", "format": "csv", "out": "out", "schedule": "weekly mon 08:00"})");

        MainWindow window;
        QSignalSpy shown(window.sources(), &SourcePages::reportShown);
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.path())));  // never ran: due at once
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
        QCOMPARE(shown[0][0].toString(), QStringLiteral("weekly"));
        QCOMPARE(filesIn(ws.file("out")).size(), 1);
        QCOMPARE(reportRuns(db, "weekly", "success"), std::int64_t(1));
        ReportRunner* runner = window.sources()->reportRunner();
        QTRY_VERIFY(!runner->busy());
        // Watching again (as after reopening the window): its last run is in the history, its next
        // tick is next Monday, so nothing is queued by the look at the schedules start() makes.
        runner->startWatching();
        QVERIFY(runner->isWatching());
        QVERIFY(!runner->busy());
        QCOMPARE(reportRuns(db, "weekly", "success"), std::int64_t(1));
        QCOMPARE(filesIn(ws.file("out")).size(), 1);
        QCOMPARE(shown.count(), 1);
    }

    // Offscreen there is no system tray: the status bar and the Runs page say what fired.
    void alertThatFiresIsShownWithoutATray() {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        test::TempWorkspace ws;
        const std::string db = ws.file("warehouse.db");
        ws.write("questions/stock.json", R"({"name": "Stock", "sql": "select 3 as left_in_stock"})");
        ws.write("reports/low_stock.json",
                 R"({"question": "stock", "schedule": "hourly", "alert": {"when": "below", "goal": 5}})");

        MainWindow window;
        QVERIFY(!window.sources()->tray());
        QSignalSpy shown(window.sources(), &SourcePages::reportShown);
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.path())));
        widgets::RunsPanel* runs = window.runs()->open();
        QVERIFY(runs);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
        QCOMPARE(shown[0][0].toString(), QStringLiteral("low_stock"));
        QCOMPARE(shown[0][2].toBool(), true);
        const QString line = shown[0][1].toString();
        QVERIFY2(line.startsWith(QStringLiteral("Alert low_stock: fired")), qPrintable(line));
        QVERIFY2(window.statusBar()->currentMessage().contains(line),
                 qPrintable(window.statusBar()->currentMessage()));
        QLabel* message = runs->findChild<QLabel*>(QStringLiteral("runsMessage"));
        QVERIFY(message);
        QCOMPARE(message->text(), line);
        QCOMPARE(test::scalarInt(db,
                                 "SELECT COUNT(*) FROM deskbase_runs WHERE kind = 'report' AND name = "
                                 "'low_stock'"),
                 std::int64_t(1));
    }
};

QTEST_MAIN(ReportRunnerTest)
#include "report_runner_test.moc"

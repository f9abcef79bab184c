// The result grid's model: QAbstractItemModelTester, formatting, sorting by re-query, TSV copy
// (also of rows not cached, fetched in the background and capped), and bounded memory while
// scrolling a 1-million-row table end to end.
#include "widgets/grid/result_table_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "core/runtime/runtime.h"
#include "core/sql/error_position.h"
#include "core/sql/result_sql.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/selection_fetcher.h"
#include "widgets/grid/selection_tsv.h"

using namespace deskbase;
using namespace deskbase::widgets;

namespace {
void exec(Warehouse& w, const std::string& sql) {
    auto s = w.execute(sql);
    QVERIFY2(s.isOk(), s.message().c_str());
}
}  // namespace

// Polls until the run leaves Queued (a worker took it). Waits for an outcome, asserts nothing.
void waitUntilStarted(const QueryHandle& h) {
    while (h.isValid() && h.state() == QueryState::Queued) QThread::yieldCurrentThread();
}

class ResultModelTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;
    QString db_;
    Runtime runtime_;  // the workspace runtime every grid of a window borrows

private slots:
    // Cancel while the statement waits for its connection (the file is locked): it must not run
    // once the connection opens. Before, an INSERT ran after "Query cancelled".
    void cancelBeforeTheStatementStartsKeepsItFromRunning() {
        test::TempWorkspace ws;
        auto locker = test::lockedSqliteFile(ws.sqlitePath());
        QVERIFY(locker);
        QueryHandle run;
        {
            ResultTableModel model(runtime_.executor());
            model.setQuery(QString::fromStdString(ws.sqlitePath()),
                           QStringLiteral("INSERT INTO t VALUES (9)"), {});
            run = model.currentRun();
            waitUntilStarted(run);  // the run is now opening its connection, which waits for the lock
            model.cancel();
            QVERIFY(!model.isRunning());
            QVERIFY(!run.isDone());  // cancel() did not wait for the connection
            QVERIFY(locker->execute("COMMIT").isOk());
            QVERIFY(run.wait());  // the connection opened, and the run ended
        }
        QCOMPARE(run.state(), QueryState::Cancelled);
        QCOMPARE(test::scalarInt(*locker, "SELECT count(*) FROM t"), std::int64_t(2));  // no 9 added
    }

    // A copy whose connection is slow to open (the file is locked) must not hold up the window:
    // a newer copy and the fetcher's end only interrupt it, and neither waits for it.
    void slowCopyNeverBlocksTheNextOne() {
        test::TempWorkspace ws;
        auto locker = test::lockedSqliteFile(ws.sqlitePath());  // readers now wait for the lock
        QVERIFY(locker);

        widgets::SelectionShape shape;
        shape.segments.push_back({0, 1, {true}});
        widgets::ResultQuery query{ws.sqlitePath(), "SELECT n FROM t", {}, -1, false};
        int delivered = 0;
        JobHandle first, second;
        {
            widgets::SelectionFetcher fetcher(runtime_.jobs());
            fetcher.start(query, shape, {}, [&](widgets::CopiedSelection) { ++delivered; });
            first = fetcher.job();
            fetcher.start(query, shape, {}, [&](widgets::CopiedSelection) { ++delivered; });
            second = fetcher.job();
            QVERIFY(!first.isDone() || first.state() == JobState::Cancelled);  // superseded, never awaited
        }  // the fetcher goes while its copies still wait for the lock
        QVERIFY(!second.isDone() || second.state() == JobState::Cancelled);
        QVERIFY(locker->execute("COMMIT").isOk());
        QVERIFY(first.wait() && second.wait());
        QCoreApplication::processEvents();  // anything they posted would arrive now
        QCOMPARE(delivered, 0);             // superseded and abandoned fetches deliver nothing
    }

    void initTestCase() {
        db_ = QString::fromStdString(ws_.sqlitePath());
        auto w = Warehouse::open(ws_.sqlitePath());
        QVERIFY(w.isOk());
        exec(**w, "CREATE TABLE small (id INTEGER, name TEXT, amount REAL)");
        exec(**w,
             "INSERT INTO small VALUES (3, 'c', 1234567.5), (1, 'a', NULL), (2, NULL, 2.25), (10, 'x\ty', "
             "-7)");
        // A million rows, quickly: one INSERT from a recursive CTE.
        exec(**w, "CREATE TABLE big (n INTEGER, label TEXT, v REAL)");
        exec(**w,
             "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000000) "
             "INSERT INTO big SELECT n, 'row ' || n, n * 0.5 FROM s");
    }

    void passesModelTester() {
        ResultTableModel model(runtime_.executor());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy spy(&model, &ResultTableModel::rowCountChanged);
        model.setQuery(db_, QStringLiteral("SELECT * FROM small ORDER BY id"));
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 3);
        model.sort(0, Qt::DescendingOrder);
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("10"));
        model.setQuery(db_, QStringLiteral("SELECT * FROM big"));
        QTRY_COMPARE(model.rowCount(), 1000000);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void formatsNumbersAndNull() {
        ResultTableModel model(runtime_.executor());
        model.setQuery(db_, QStringLiteral("SELECT id, name, amount FROM small ORDER BY id"));
        QTRY_VERIFY(!model.isRunning());
        // id=3 is the third row: 1,234,567.5 grouped and right-aligned.
        QCOMPARE(model.index(2, 2).data().toString(), QStringLiteral("1,234,567.5"));
        QCOMPARE(model.index(2, 2).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
        QCOMPARE(model.index(2, 1).data(Qt::TextAlignmentRole).toInt() & Qt::AlignLeft, int(Qt::AlignLeft));
        // NULL is shown as a grey italic "NULL", distinct from the text 'NULL'.
        const QModelIndex nul = model.index(0, 2);
        QCOMPARE(nul.data().toString(), QStringLiteral("NULL"));
        QVERIFY(nul.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(nul.data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, 1).data(Qt::FontRole).isValid());
    }

    void headerClickSortsByRequery() {
        ResultGrid grid(runtime_);
        grid.resize(600, 300);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.model()->setQuery(db_, QStringLiteral("SELECT * FROM small"));
        QTRY_VERIFY(!grid.model()->isRunning());
        QTest::mouseClick(grid.view()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(grid.view()->horizontalHeader()->sectionViewportPosition(0) + 5, 5));
        QTRY_VERIFY(!grid.model()->isRunning());
        QCOMPARE(grid.model()->sortColumn(), 0);
        QCOMPARE(grid.model()->index(0, 0).data().toString(), QStringLiteral("1"));
        QCOMPARE(grid.model()->index(3, 0).data().toString(), QStringLiteral("10"));
        QCOMPARE(grid.view()->horizontalHeader()->sortIndicatorSection(), 0);
        // A second click on the same header sorts descending.
        QTest::mouseClick(grid.view()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(grid.view()->horizontalHeader()->sectionViewportPosition(0) + 5, 5));
        QTRY_VERIFY(!grid.model()->isRunning());
        QCOMPARE(grid.model()->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(grid.model()->index(0, 0).data().toString(), QStringLiteral("10"));
    }

    void copiesSelectionAsTsv() {
        ResultGrid grid(runtime_);
        grid.model()->setQuery(db_, QStringLiteral("SELECT id, name FROM small ORDER BY id"));
        QTRY_VERIFY(!grid.model()->isRunning());
        grid.view()->selectAll();
        // NULL copies as an empty field; a tab inside a value becomes a space.
        QCOMPARE(grid.selectionAsTsv(), QStringLiteral("1\ta\n2\t\n3\tc\n10\tx y"));
        grid.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), grid.selectionAsTsv());
    }

    void selectionBecomesRowSegments() {
        // Two overlapping rectangles and a lone cell further down.
        const SelectionShape shape = selectionShape({{0, 9, 1, 2}, {5, 14, 2, 3}, {100, 100, 0, 0}});
        QCOMPARE(shape.firstColumn, 0);
        QCOMPARE(shape.rowCount(), std::int64_t(16));
        QCOMPARE(shape.segments.size(), std::size_t(4));
        const std::vector<std::tuple<std::int64_t, std::int64_t, std::vector<bool>>> expected = {
            {0, 4, {false, true, true, false}},
            {5, 9, {false, true, true, true}},
            {10, 14, {false, false, true, true}},
            {100, 100, {true, false, false, false}}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(shape.segments[i].first, std::get<0>(expected[i]));
            QCOMPARE(shape.segments[i].last, std::get<1>(expected[i]));
            QCOMPARE(shape.segments[i].columns, std::get<2>(expected[i]));
        }
        std::string line;
        const Row row{std::int64_t(7), std::string("a\tb"), Value{}, 2.5};
        appendTsvLine(line, shape, shape.segments[1], &row);
        QCOMPARE(line, std::string("\ta b\t\t2.5"));
    }

    void copyFetchesRowsNotCached() {
        ResultGrid grid(runtime_);
        QSignalSpy messages(&grid, &ResultGrid::message);
        grid.model()->setQuery(db_, QStringLiteral("SELECT n, label, v FROM big"));
        QTRY_COMPARE_WITH_TIMEOUT(grid.model()->rowCount(), 1000000, 10000);
        grid.model()->sort(0, Qt::DescendingOrder);  // the copy follows the grid's order
        QTRY_VERIFY_WITH_TIMEOUT(!grid.model()->isRunning(), 10000);
        auto* selection = grid.view()->selectionModel();
        auto* m = grid.model();
        selection->select(QItemSelection(m->index(1, 0), m->index(2, 1)), QItemSelectionModel::Select);
        selection->select(QItemSelection(m->index(600000, 0), m->index(600002, 1)),
                          QItemSelectionModel::Select);
        selection->select(m->index(600001, 2), QItemSelectionModel::Select);
        QVERIFY(m->cachedRow(600000) == nullptr);
        QApplication::clipboard()->setText(QStringLiteral("before"));
        grid.copySelection();
        QVERIFY(grid.isCopying());
        QTRY_VERIFY_WITH_TIMEOUT(!grid.isCopying(), 15000);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("999999\trow 999999\t\n"
                                                                   "999998\trow 999998\t\n"
                                                                   "400000\trow 400000\t\n"
                                                                   "399999\trow 399999\t199999.5\n"
                                                                   "399998\trow 399998\t"));
        QCOMPARE(messages.last()[0].toString(), QStringLiteral("Copied 5 rows"));
    }

    void selectAllCopyIsCappedWithoutBlocking() {
        ResultGrid grid(runtime_);
        grid.resize(600, 400);
        grid.show();
        QVERIFY(QTest::qWaitForWindowActive(&grid));
        QSignalSpy messages(&grid, &ResultGrid::message);
        grid.setCopyLimits({100000, std::size_t(100) << 20});
        grid.model()->setQuery(db_, QStringLiteral("SELECT n, label, v FROM big"));
        QTRY_COMPARE_WITH_TIMEOUT(grid.model()->rowCount(), 1000000, 10000);
        grid.view()->setFocus();
        QTest::keyClick(grid.view(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(grid.view(), Qt::Key_C, Qt::ControlModifier);
        // Ctrl+C returned before the copy did: its rows arrive later, in the background.
        QVERIFY(grid.isCopying());
        QCOMPARE(messages.last()[0].toString(), QStringLiteral("Copying 1,000,000 rows…"));
        QTRY_VERIFY_WITH_TIMEOUT(!grid.isCopying(), 30000);
        QCOMPARE(messages.last()[0].toString(),
                 QStringLiteral("Copied the first 100,000 of 1,000,000 selected rows (the copy limit); "
                                "export the result for all of them"));
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 100000);
        QCOMPARE(lines.first(), QStringLiteral("1\trow 1\t0.5"));
        QCOMPARE(lines.last(), QStringLiteral("100000\trow 100000\t50000"));

        // The byte cap stops a copy the same way.
        grid.setCopyLimits({1000000, 1000});
        grid.copySelection();
        QTRY_VERIFY_WITH_TIMEOUT(!grid.isCopying(), 30000);
        const QString text = QApplication::clipboard()->text();
        QVERIFY2(text.size() >= 1000 && text.size() < 1100, qPrintable(QString::number(text.size())));
        QVERIFY(messages.last()[0].toString().startsWith(QStringLiteral("Copied the first ")));
    }

    void newQueryCancelsACopy() {
        ResultGrid grid(runtime_);
        QSignalSpy messages(&grid, &ResultGrid::message);
        grid.model()->setQuery(db_, QStringLiteral("SELECT n, label, v FROM big"));
        QTRY_COMPARE_WITH_TIMEOUT(grid.model()->rowCount(), 1000000, 10000);
        grid.view()->selectAll();
        QApplication::clipboard()->setText(QStringLiteral("before"));
        grid.copySelection();
        QVERIFY(grid.isCopying());
        const JobHandle copy = grid.copyJob();
        grid.model()->setQuery(db_, QStringLiteral("SELECT 1"));  // before the copy can have arrived
        QVERIFY(!grid.isCopying());
        QCOMPARE(messages.last()[0].toString(), QStringLiteral("Copy cancelled: the result changed"));
        QVERIFY(copy.wait());
        QCoreApplication::processEvents();  // what the copy posted, if anything, arrives now
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
    }

    void reportsErrors() {
        ResultTableModel model(runtime_.executor());
        QSignalSpy failed(&model, &ResultTableModel::queryFailed);
        model.setQuery(db_, QStringLiteral("SELECT nope FROM small"));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed[0][0].toString().contains(QStringLiteral("nope")));
        QVERIFY(!model.isRunning());
    }

    // Issue 10: a syntax error was marked on the first line where the word appears. The position
    // the warehouse reports comes back relative to the statement the grid was given, not to its
    // paging wrapper.
    void syntaxErrorPositionIsInTheGivenStatement() {
        ResultTableModel model(runtime_.executor());
        QSignalSpy failed(&model, &ResultTableModel::queryFailed);
        const QString sql = QStringLiteral("SELECT 'WHERE' AS w\nFROM small\nWHERE WHERE");
        model.setQuery(db_, sql);
        QTRY_COMPARE(failed.size(), 1);
        const std::string message = failed[0][0].toString().toStdString();
        const auto at = errorPosition(message);
        QVERIFY2(at, message.c_str());
        QCOMPARE(qsizetype(*at), sql.lastIndexOf(QStringLiteral("WHERE")));
    }

    void writesBumpDataVersions() {
        ResultTableModel model(runtime_.executor());
        model.setQuery(db_, QStringLiteral("CREATE TABLE written (x INTEGER)"));
        QTRY_VERIFY(!model.isRunning());
        model.setQuery(db_, QStringLiteral("INSERT INTO written VALUES (1), (2)"));
        QTRY_VERIFY(!model.isRunning());
        auto w = Warehouse::open(db_.toStdString());
        QVERIFY(w.isOk());
        auto version = (*w)->dataVersion("written");
        QVERIFY(version.isOk());
        QCOMPARE(*version, std::int64_t(2));  // once for CREATE, once for INSERT
        // A CTE that writes is not wrapped as a subquery (which would be a syntax error).
        model.setQuery(db_, QStringLiteral("WITH v(x) AS (VALUES (3)) INSERT INTO written SELECT x FROM v"));
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(*(*w)->dataVersion("written"), std::int64_t(3));
        model.setQuery(db_, QStringLiteral("SELECT count(*) FROM written"));
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("3"));
    }

    void cancelInterruptsALongQuery() {
        ResultTableModel model(runtime_.executor());
        QSignalSpy failed(&model, &ResultTableModel::queryFailed);
        model.setQuery(db_, QStringLiteral("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
                                           "WHERE n < 2000000000) SELECT count(*) FROM s"));
        const QueryHandle run = model.currentRun();
        waitUntilStarted(run);
        QVERIFY(model.isRunning());
        model.cancel();
        QVERIFY(!model.isRunning());
        QVERIFY(run.wait());  // counting to 2 x 10^9 takes minutes when nothing interrupts it
        QCOMPARE(run.state(), QueryState::Cancelled);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].toString(), QStringLiteral("cancelled"));
        // The connection is usable right away.
        model.setQuery(db_, QStringLiteral("SELECT 42"));
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("42"));
    }

    void newerQuerySupersedesOlder() {
        ResultTableModel model(runtime_.executor());
        QSignalSpy failed(&model, &ResultTableModel::queryFailed);
        model.setQuery(db_, QStringLiteral("WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
                                           "WHERE n < 2000000000) SELECT count(*) FROM s"));
        const QueryHandle older = model.currentRun();
        waitUntilStarted(older);
        model.setQuery(db_, QStringLiteral("SELECT 'newer'"));
        QVERIFY(older.wait());  // interrupted, or it would count for minutes
        QCOMPARE(QString::fromStdString(older.result().message()), QStringLiteral("superseded"));
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("newer"));
        QCOMPARE(failed.size(), 0);  // the superseded run's interruption is not reported
    }

    void runsStatementsThatCannotBePaged() {
        ResultTableModel model(runtime_.executor());
        model.setQuery(db_, QStringLiteral("PRAGMA table_info(small)"));
        QTRY_VERIFY(!model.isRunning());
        QCOMPARE(model.rowCount(), 3);
    }

    void millionRowsScrollWithBoundedMemory() {
        ResultGrid grid(runtime_);
        grid.resize(800, 600);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        ResultTableModel* model = grid.model();
        model->setQuery(db_, QStringLiteral("SELECT * FROM big"));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1000000, 10000);
        QVERIFY(model->rowCountExact());
        QCOMPARE(grid.statusText(), QStringLiteral("1,000,000 rows"));

        QScrollBar* bar = grid.view()->verticalScrollBar();
        const std::size_t bound = model->maxCachedRows();
        QVERIFY(bound <= 100000);
        // Scroll to the end in big steps, letting the visible rows load at each stop.
        std::size_t peak = 0;
        for (int step = 1; step <= 40; ++step) {
            bar->setValue(int(qint64(bar->maximum()) * step / 40));
            // Whatever is at the top of the viewport gets its rows (re-read each try).
            QTRY_VERIFY2(model->cell(grid.view()->rowAt(0), 0) != nullptr,
                         qPrintable(QStringLiteral("step %1: top row %2 of %3 not loaded, %4 blocks pending")
                                        .arg(step)
                                        .arg(grid.view()->rowAt(0))
                                        .arg(model->rowCount())
                                        .arg(model->pendingBlocks())));
            peak = std::max(peak, model->cachedRows());
        }
        QVERIFY2(peak <= bound, qPrintable(QStringLiteral("cached %1 rows > bound %2").arg(peak).arg(bound)));
        // The last row is on screen and correct.
        bar->setValue(bar->maximum());
        QTRY_VERIFY(model->cell(999999, 0) != nullptr);
        QCOMPARE(model->index(999999, 0).data().toString(), QStringLiteral("1,000,000"));
        QCOMPARE(model->index(999999, 1).data().toString(), QStringLiteral("row 1000000"));
    }
};

QTEST_MAIN(ResultModelTest)
#include "result_table_model_test.moc"

// The sidebar's schema model under QAbstractItemModelTester, loading and activation; the search
// gives back the expansion it found; a name without detail gets the detail column's room.
#include "widgets/schema/schema_browser.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

#include "core/checks/check_file.h"
#include "core/pipeline/check_run.h"
#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "widgets/schema/schema_model.h"
#include "widgets/schema/schema_snapshot.h"

using namespace deskbase;
using namespace deskbase::widgets;

class SchemaBrowserTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;

private slots:
    void initTestCase() {
        auto w = Warehouse::open(ws_.sqlitePath());
        QVERIFY(w.isOk());
        QVERIFY((*w)->execute("CREATE TABLE orders (id INTEGER, total REAL, placed DATE)").isOk());
        QVERIFY(
            (*w)->execute("INSERT INTO orders VALUES (1, 2.5, '2020-01-01'), (2, 3.5, '2020-01-02')").isOk());
        QVERIFY((*w)->execute("CREATE TABLE people (name TEXT)").isOk());
        QVERIFY(QDir().mkpath(QString::fromStdString(ws_.file("questions"))));
        QVERIFY(QDir().mkpath(QString::fromStdString(ws_.file("dashboards"))));
        ws_.write("questions/late.json", R"({"name": "Late orders", "sql": "SELECT 1"})");
        ws_.write("dashboards/ops.json", R"({"title": "Operations", "cards": []})");
    }

    void loadsTablesQuestionsDashboards() {
        const SchemaSnapshot snap = loadSchemaSnapshot(ws_.sqlitePath(), ws_.path());
        QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
        QCOMPARE(snap.tables.size(), std::size_t(2));
        QCOMPARE(snap.questions.size(), std::size_t(1));
        QCOMPARE(snap.questions[0].title, QStringLiteral("Late orders"));
        QCOMPARE(snap.dashboards.size(), std::size_t(1));
        QCOMPARE(snap.dashboards[0].title, QStringLiteral("Operations"));
    }

    void modelPassesTester() {
        SchemaModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(loadSchemaSnapshot(ws_.sqlitePath(), ws_.path()));
        const QModelIndex orders = model.tableIndex(QStringLiteral("orders"));
        QVERIFY(orders.isValid());
        QCOMPARE(orders.siblingAtColumn(1).data().toString(), QStringLiteral("2 rows"));
        QCOMPARE(model.rowCount(orders), 3);
        QCOMPARE(model.index(1, 0, orders).data().toString(), QStringLiteral("total"));
        QCOMPARE(model.index(1, 1, orders).data().toString(), QStringLiteral("real"));
        QCOMPARE(model.index(2, 1, orders).data().toString(), QStringLiteral("date"));
        const QModelIndex question = model.index(0, 0, model.sectionIndex(SchemaModel::Kind::Question));
        QVERIFY(question.data(Qt::ToolTipRole).toString().contains(QStringLiteral("questions/late.json")));
        model.setSnapshot({});
        QVERIFY(!model.tableIndex(QStringLiteral("orders")).isValid());
    }

    void doubleClickOpens() {
        SchemaBrowser browser;
        browser.setSnapshot(loadSchemaSnapshot(ws_.sqlitePath(), ws_.path()));
        QSignalSpy tables(&browser, &SchemaBrowser::tableActivated);
        QSignalSpy questions(&browser, &SchemaBrowser::questionActivated);
        QSignalSpy dashboards(&browser, &SchemaBrowser::dashboardActivated);
        auto* proxy = browser.view()->model();
        const QModelIndex tableSection = proxy->index(0, 0);
        browser.activate(proxy->index(0, 0, tableSection));
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables[0][0].toString(), QStringLiteral("orders"));
        browser.activate(proxy->index(0, 0, proxy->index(1, 0)));
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions[0][0].toString().endsWith(QStringLiteral("questions/late.json")));
        browser.activate(proxy->index(0, 0, proxy->index(2, 0)));
        QCOMPARE(dashboards.size(), 1);
        QVERIFY(dashboards[0][0].toString().endsWith(QStringLiteral("dashboards/ops.json")));
    }

    // Models are listed with their materialization and last build; a table whose last checks
    // failed is marked, the summary in its tooltip; one that passed is not.
    void modelsAndCheckMarks() {
        test::TempWorkspace ws;
        QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("models"))));
        QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("checks"))));
        ws.write("models/stg.sql", "select 1 as id");
        ws.write("models/mart.sql", "{{ config(materialized='table') }} select id from {{ ref('stg') }}");
        ws.write("checks/orders.json", R"({"checks": [{"check": "row_count", "min": 10}]})");
        ws.write("checks/people.json", R"({"checks": [{"check": "row_count", "max": 10}]})");
        {
            auto w = Warehouse::open(ws.sqlitePath());
            QVERIFY(w.isOk());
            QVERIFY((*w)->execute("CREATE TABLE orders (id INTEGER)").isOk());
            QVERIFY((*w)->execute("CREATE TABLE people (id INTEGER)").isOk());
            auto files = loadWorkspaceChecks(ws.path());
            QVERIFY(files.isOk());
            QCOMPARE(runAndRecordChecks(**w, *files).blocking.size(), std::size_t(1));  // orders: 0 < 10 rows
            auto run = startRun(**w, "build");
            QVERIFY(run.isOk());
            QVERIFY(addRunStep(**w, *run, {"model", "mart", "error", std::nullopt, 0, "boom"}).isOk());
            QVERIFY(finishRun(**w, *run, "error", "boom").isOk());
        }
        SchemaModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(loadSchemaSnapshot(ws.sqlitePath(), ws.path()));
        const QModelIndex section = model.sectionIndex(SchemaModel::Kind::Model);
        QCOMPARE(section.data().toString(), QStringLiteral("Models"));
        QCOMPARE(model.rowCount(section), 2);
        const QModelIndex mart = model.modelIndex(QStringLiteral("mart"));
        QVERIFY(mart.isValid());
        QCOMPARE(mart.data(SchemaModel::KindRole).toInt(), int(SchemaModel::Kind::Model));
        QCOMPARE(mart.siblingAtColumn(1).data().toString(), QStringLiteral("table · error"));
        QCOMPARE(mart.data(SchemaModel::StatusRole).toString(), QStringLiteral("error"));
        QVERIFY(mart.data(SchemaModel::PathRole).toString().endsWith(QStringLiteral("models/mart.sql")));
        const QModelIndex stg = model.modelIndex(QStringLiteral("stg"));
        QCOMPARE(stg.siblingAtColumn(1).data().toString(), QStringLiteral("view · not built"));

        const QModelIndex orders = model.tableIndex(QStringLiteral("orders"));
        QCOMPARE(orders.data(SchemaModel::StatusRole).toString(), QStringLiteral("fail"));
        QVERIFY2(orders.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 fail")),
                 qPrintable(orders.data(Qt::ToolTipRole).toString()));
        const QModelIndex people = model.tableIndex(QStringLiteral("people"));
        QCOMPARE(people.data(SchemaModel::StatusRole).toString(), QStringLiteral("pass"));
        // The mark: the failing table's icon differs from the passing one's.
        const QImage failing = orders.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        const QImage passing = people.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        QVERIFY(failing != passing);
    }

    // Regression (issue 10 walkthrough): clearing the search left the sections collapsed. The
    // sections and tables open before the search are open again, the closed ones closed.
    void clearingTheSearchRestoresWhatWasOpen() {
        SchemaBrowser browser;
        browser.setSnapshot(loadSchemaSnapshot(ws_.sqlitePath(), ws_.path()));
        QTreeView* view = browser.view();
        auto* proxy = view->model();
        auto section = [&](SchemaModel::Kind kind) {
            for (int r = 0; r < proxy->rowCount(); ++r)
                if (proxy->index(r, 0).data(SchemaModel::NameRole) ==
                    browser.model()->sectionIndex(kind).data(SchemaModel::NameRole))
                    return proxy->index(r, 0);
            return QModelIndex();
        };
        auto orders = [&] { return proxy->index(0, 0, section(SchemaModel::Kind::Table)); };
        QCOMPARE(orders().data(SchemaModel::NameRole).toString(), QStringLiteral("orders"));
        view->expand(orders());
        view->collapse(section(SchemaModel::Kind::Dashboard));
        auto* search = browser.findChild<QLineEdit*>();
        QVERIFY(search);
        search->setText(QStringLiteral("late"));  // only the question matches: the others go
        QVERIFY(!section(SchemaModel::Kind::Table).isValid());
        QVERIFY(view->isExpanded(section(SchemaModel::Kind::Question)));
        search->clear();
        QVERIFY(section(SchemaModel::Kind::Table).isValid());
        QVERIFY(view->isExpanded(section(SchemaModel::Kind::Table)));
        QVERIFY(view->isExpanded(orders()));
        QVERIFY(view->isExpanded(section(SchemaModel::Kind::Question)));
        QVERIFY(!view->isExpanded(section(SchemaModel::Kind::Dashboard)));
    }

    // Regression (issue 10 walkthrough): a question's name was cut at the row-count column,
    // which is empty on its row. A row without detail draws its name across both columns; a
    // table's row keeps its count beside the name. Also after a search brought the rows back.
    void aNameWithoutDetailTakesTheDetailsRoom() {
        test::TempWorkspace ws;
        {
            auto w = Warehouse::open(ws.sqlitePath());
            QVERIFY(w.isOk());
            QVERIFY((*w)->execute("CREATE TABLE t (id INTEGER)").isOk());
            QVERIFY((*w)->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                  "WHERE i < 100000) INSERT INTO t SELECT i FROM n")
                        .isOk());
        }
        QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("questions"))));
        const QString name = QStringLiteral("Orders placed late in the second quarter of the year");
        ws.write("questions/q.json", R"({"name": ")" + name.toStdString() + R"(", "sql": "SELECT 1"})");
        SchemaBrowser browser;
        browser.resize(300, 400);
        browser.setSnapshot(loadSchemaSnapshot(ws.sqlitePath(), ws.path()));
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTreeView* view = browser.view();
        auto question = [&] { return view->model()->index(0, 0, view->model()->index(1, 0)); };
        auto table = [&] { return view->model()->index(0, 0, view->model()->index(0, 0)); };
        QCOMPARE(question().data().toString(), name);
        QVERIFY(!table().siblingAtColumn(1).data().toString().isEmpty());  // "100,000 rows"
        QVERIFY(view->header()->sectionSize(1) > 0);
        auto nameRoom = [&](const QModelIndex& i) { return view->visualRect(i).right(); };
        const int detailStart = view->header()->sectionPosition(1);
        QVERIFY2(nameRoom(question()) > detailStart,
                 qPrintable(QStringLiteral("%1 <= %2").arg(nameRoom(question())).arg(detailStart)));
        QVERIFY(nameRoom(table()) < detailStart);
        auto* search = browser.findChild<QLineEdit*>();
        search->setText(QStringLiteral("quarter"));
        search->clear();
        QVERIFY(nameRoom(question()) > detailStart);
    }

    // A long detail ("ephemeral · not built", "100,000 rows") left the names no room in a narrow
    // sidebar: the detail column takes at most 40% of the tree, and the rest stays the names'.
    void aLongDetailLeavesTheNamesRoomInANarrowSidebar() {
        test::TempWorkspace ws;
        {
            auto w = Warehouse::open(ws.sqlitePath());
            QVERIFY(w.isOk());
            QVERIFY(
                (*w)->execute("CREATE TABLE t (a_column_with_a_very_long_name_for_its_type INTEGER)").isOk());
        }
        ws.write("models/int_values.sql", "{{ config(materialized='ephemeral') }}\nselect 1 as v\n");
        SchemaBrowser browser;
        browser.resize(160, 400);
        browser.setSnapshot(loadSchemaSnapshot(ws.sqlitePath(), ws.path()));
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTreeView* view = browser.view();
        view->expandAll();  // the column's row: its detail is its type
        const int width = view->viewport()->width();
        QVERIFY(view->header()->sectionSize(1) > 0);
        QVERIFY2(view->header()->sectionSize(1) <= width * 2 / 5,
                 qPrintable(QStringLiteral("%1 of %2").arg(view->header()->sectionSize(1)).arg(width)));
        browser.resize(600, 400);  // wide: the detail gets what its text needs, not more than 40%
        QTRY_VERIFY(view->header()->sectionSize(1) <= view->viewport()->width() * 2 / 5);
        QVERIFY(view->header()->sectionSize(0) >= view->viewport()->width() * 3 / 5 - 1);
    }
};

QTEST_MAIN(SchemaBrowserTest)
#include "schema_browser_test.moc"

// The sidebar's schema model under QAbstractItemModelTester, loading and activation.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "widgets/schema/schema_browser.h"
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
};

QTEST_MAIN(SchemaBrowserTest)
#include "schema_browser_test.moc"

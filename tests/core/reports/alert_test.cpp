// An alert's condition over a question's result: any rows, or the first row's value above/below
// the goal; the message says what was seen; a value that is not a number is an error.
#include "core/reports/alert.h"

#include <QtTest>

using namespace deskbase;

namespace {
QueryResult result(std::vector<Row> rows) {
    QueryResult r;
    r.columns = {Column{"region", ColumnType::Text, "region"}, Column{"total", ColumnType::Real, "total"}};
    r.rows = std::move(rows);
    return r;
}
AlertSpec alert(AlertSpec::When when, double goal, std::string column = "total") {
    AlertSpec a;
    a.when = when;
    a.goal = goal;
    a.column = std::move(column);
    return a;
}
}  // namespace

class AlertTest : public QObject {
    Q_OBJECT

private slots:
    void conditions_data() {
        QTest::addColumn<int>("when");  // AlertSpec::When
        QTest::addColumn<double>("goal");
        QTest::addColumn<int>("rows");  // how many rows of (North, 812.5), (South, 90)
        QTest::addColumn<bool>("fires");
        QTest::addColumn<QString>("message");
        const int rows = int(AlertSpec::When::Rows), above = int(AlertSpec::When::Above),
                  below = int(AlertSpec::When::Below);
        QTest::newRow("rows: none") << rows << 0.0 << 0 << false << "late: 0 rows";
        QTest::newRow("rows: one") << rows << 0.0 << 1 << true << "late: 1 row";
        QTest::newRow("rows: two") << rows << 0.0 << 2 << true << "late: 2 rows";
        QTest::newRow("below: yes") << below << 1000.0 << 2 << true
                                    << "late: total 812.5 is below the goal 1000";
        QTest::newRow("below: no") << below << 800.0 << 2 << false
                                   << "late: total 812.5 is not below the goal 800";
        QTest::newRow("below: equal")
            << below << 812.5 << 1 << false << "late: total 812.5 is not below the goal 812.5";
        QTest::newRow("above: yes") << above << 800.0 << 1 << true
                                    << "late: total 812.5 is above the goal 800";
        QTest::newRow("above: no") << above << 1e6 << 1 << false
                                   << "late: total 812.5 is not above the goal 1000000";
        QTest::newRow("above: no rows")
            << above << 1.0 << 0 << false << "late: no rows, nothing to compare with the goal";
    }
    void conditions() {
        QFETCH(int, when);
        QFETCH(double, goal);
        QFETCH(int, rows);
        QFETCH(bool, fires);
        QFETCH(QString, message);
        std::vector<Row> all = {{std::string("North"), 812.5}, {std::string("South"), 90.0}};
        all.resize(std::size_t(rows));
        auto c = checkAlert("late", alert(AlertSpec::When(when), goal), result(all));
        QVERIFY2(c, c.isOk() ? "" : c.message().c_str());
        QCOMPARE(c->fires, fires);
        QCOMPARE(QString::fromStdString(c->message), message);
    }

    void theFirstColumnWhenNoneIsNamed() {
        QueryResult r;
        r.columns = {Column{"n", ColumnType::Integer, "n"}};
        r.rows = {{std::int64_t(12)}};
        auto c = checkAlert("orders", alert(AlertSpec::When::Above, 10, ""), r);
        QVERIFY(c && c->fires);
        QCOMPARE(*c->value, 12.0);
    }

    void errors_data() {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("error");
        QTest::newRow("no such column") << "sum"
                                        << "late: the question has no column \"sum\"";
        QTest::newRow("text") << "region"
                              << "late: region in the first row is \"North\", not a number";
    }
    void errors() {
        QFETCH(QString, column);
        QFETCH(QString, error);
        auto c = checkAlert("late", alert(AlertSpec::When::Above, 1, column.toStdString()),
                            result({{std::string("North"), 812.5}}));
        QVERIFY(!c);
        QCOMPARE(QString::fromStdString(c.message()), error);
    }

    void nullIsNotANumber() {
        auto c =
            checkAlert("late", alert(AlertSpec::When::Below, 1), result({{std::string("North"), Value{}}}));
        QVERIFY(!c);
        QCOMPARE(QString::fromStdString(c.message()),
                 QStringLiteral("late: total in the first row is NULL, not a number"));
    }
};

QTEST_GUILESS_MAIN(AlertTest)
#include "alert_test.moc"

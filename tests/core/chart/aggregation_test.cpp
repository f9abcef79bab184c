// Combining a point's values: sum (without losing small terms to large ones), average, min,
// max and count; nothing added gives 0 (count 0).
#include "core/chart/aggregation.h"

#include <QtTest>

using namespace deskbase::chart;
using deskbase::dashboard::Aggregation;

Q_DECLARE_METATYPE(Aggregation)

class AggregationTest : public QObject {
    Q_OBJECT
private slots:
    void combines_data() {
        QTest::addColumn<QString>("values");
        QTest::addColumn<Aggregation>("aggregation");
        QTest::addColumn<double>("expected");
        QTest::newRow("sum") << "3,-1,4" << Aggregation::Sum << 6.0;
        QTest::newRow("average") << "3,-1,4" << Aggregation::Average << 2.0;
        QTest::newRow("min") << "3,-1,4" << Aggregation::Min << -1.0;
        QTest::newRow("max") << "3,-1,4" << Aggregation::Max << 4.0;
        QTest::newRow("count") << "3,-1,4" << Aggregation::Count << 3.0;
        QTest::newRow("nothing: sum 0") << "" << Aggregation::Sum << 0.0;
        QTest::newRow("nothing: count 0") << "" << Aggregation::Count << 0.0;
        // Plain left-to-right addition gives 0 here (1 vanishes next to 1e16, twice).
        QTest::newRow("small terms next to large ones") << "1e16,1,1,-1e16" << Aggregation::Sum << 2.0;
    }
    void combines() {
        QFETCH(QString, values);
        QFETCH(Aggregation, aggregation);
        QFETCH(double, expected);
        Accumulator a;
        for (const auto& v : values.split(QLatin1Char(','), Qt::SkipEmptyParts)) a.add(v.toDouble());
        QCOMPARE(a.result(aggregation), expected);
    }
};

QTEST_GUILESS_MAIN(AggregationTest)
#include "aggregation_test.moc"

// The number card: latest value, and its change against the previous period.
#include "widgets/charts/number_widget.h"

#include <QApplication>
#include <QtTest>

using namespace deskbase;

class NumberWidgetTest : public QObject {
    Q_OBJECT

private slots:
    void changeAgainstPreviousPeriod_data() {
        QTest::addColumn<double>("previous");
        QTest::addColumn<double>("latest");
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("hasRatio");
        QTest::newRow("growth") << 100.0 << 125.0 << QStringLiteral("▲ 25.0% vs previous") << true;
        QTest::newRow("decline") << 200.0 << 150.0 << QStringLiteral("▼ 25.0% vs previous") << true;
        // Regression: an unchanged KPI showed a green "▲ 0.0%".
        QTest::newRow("no change") << 2.07 << 2.07 << QStringLiteral("no change vs previous") << false;
        QTest::newRow("rounds to zero")
            << 1000.0 << 1000.2 << QStringLiteral("no change vs previous") << false;
    }
    void changeAgainstPreviousPeriod() {
        QFETCH(double, previous);
        QFETCH(double, latest);
        QFETCH(QString, change);
        QFETCH(bool, hasRatio);
        chart::ChartData data;
        data.columns = {{"month", ColumnType::Text, "month"}, {"value", ColumnType::Real, "value"}};
        data.rows = {{Value{std::string("2024-11")}, Value{previous}},
                     {Value{std::string("2024-12")}, Value{latest}}};
        dashboard::VisualizationSettings settings;
        settings.compare = true;
        widgets::NumberWidget w;
        w.setData(data, settings);
        QCOMPARE(w.changeText(), change);
        QCOMPARE(w.changeRatio().has_value(), hasRatio);
    }
};

QTEST_MAIN(NumberWidgetTest)
#include "number_widget_test.moc"

// The table card's model: under QAbstractItemModelTester, measures in the question's format,
// identifiers plain, and a tooltip with every digit of a number the cell rounds.
#include "widgets/charts/chart_table_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace deskbase;

class ChartTableModelTest : public QObject {
    Q_OBJECT
private slots:
    void formatsCellsAndPassesTheTester() {
        auto data = std::make_shared<chart::ChartData>();
        data->columns = {{"id", ColumnType::Integer, "id"},
                         {"total", ColumnType::Real, "Total"},
                         {"ratio", ColumnType::Real, "ratio"},
                         {"name", ColumnType::Text, "name"}};
        for (int i = 0; i < 50; ++i)
            data->rows.push_back(
                {Value{std::int64_t(1000 + i)}, Value{i * 1.5}, Value{i / 7.0}, Value{std::string("n")}});
        widgets::ChartTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        dashboard::VisualizationSettings s;
        s.y = {"total"};
        s.format.prefix = "$";
        s.format.decimals = 2;
        model.setData(data, s);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.data(model.index(3, 1)).toString(), QStringLiteral("$4.50"));
        QCOMPARE(model.data(model.index(3, 0)).toString(), QStringLiteral("1003"));  // an id, no separator
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Total"));
        // 3/7 shows two decimals; hovering shows what the warehouse holds.
        QCOMPARE(model.data(model.index(3, 2)).toString(), QStringLiteral("0.43"));
        QCOMPARE(model.data(model.index(3, 2), Qt::ToolTipRole).toString(),
                 QString::fromStdString(valueToText(Value{3 / 7.0})));
    }
};

QTEST_MAIN(ChartTableModelTest)
#include "chart_table_model_test.moc"

// Category labels (date periods, datetimes, numbers with every digit) and exact values for
// tooltips: the question's prefix, percent and separators, never rounded or compacted.
#include "core/chart/labels.h"

#include <QtTest>

using namespace deskbase;
using namespace deskbase::chart;

Q_DECLARE_METATYPE(ColumnType)

class LabelsTest : public QObject {
    Q_OBJECT
private slots:
    void categoryLabels_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ColumnType>("type");
        QTest::addColumn<QString>("granularity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("year") << "2024-05-01" << ColumnType::Date << "year"
                              << "2024";
        QTest::newRow("quarter") << "2024-04-01" << ColumnType::Date << "quarter"
                                 << "Q2 2024";
        QTest::newRow("month") << "2024-05-01" << ColumnType::Date << "month"
                               << "May 2024";
        QTest::newRow("week") << "2024-05-13" << ColumnType::Date << "week"
                              << "13 May 2024";
        QTest::newRow("date") << "2024-05-17" << ColumnType::Date << ""
                              << "17 May 2024";
        // Regression: datetimes showed only their day, so two times of a day looked alike.
        QTest::newRow("datetime keeps its time") << "2024-05-17 09:30:00" << ColumnType::DateTime << ""
                                                 << "17 May 2024 09:30";
        QTest::newRow("datetime seconds") << "2024-05-17T09:30:15" << ColumnType::DateTime << ""
                                          << "17 May 2024 09:30:15";
        QTest::newRow("datetime at midnight") << "2024-05-17 00:00:00" << ColumnType::DateTime << ""
                                              << "17 May 2024";
        QTest::newRow("text") << "Books" << ColumnType::Text << ""
                              << "Books";
    }
    void categoryLabels() {
        QFETCH(QString, text);
        QFETCH(ColumnType, type);
        QFETCH(QString, granularity);
        QFETCH(QString, expected);
        QCOMPARE(
            QString::fromStdString(categoryLabel(Value{text.toStdString()}, type, granularity.toStdString())),
            expected);
    }

    void numberAndNullLabels() {
        // Regression: labels printed 10 significant digits, so 1234567.891234 showed 1234567.891.
        QCOMPARE(categoryLabel(Value{1234567.891234}, ColumnType::Real, ""), std::string("1234567.891234"));
        QCOMPARE(categoryLabel(Value{std::int64_t(9007199254740993)}, ColumnType::Integer, ""),
                 std::string("9007199254740993"));
        QCOMPARE(categoryLabel(Value{}, ColumnType::Text, ""), std::string("(empty)"));
    }

    void exactValues_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("percent");
        QTest::addColumn<bool>("compact");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("compact format, exact tooltip")
            << 171234.56 << "$" << false << true << 0 << "$171,234.56";
        QTest::newRow("more digits than the format's decimals")
            << 1234.5678 << "" << false << false << 2 << "1,234.5678";
        QTest::newRow("integer") << 1500.0 << "$" << false << false << 2 << "$1,500";
        QTest::newRow("negative") << -0.125 << "" << false << false << -1 << "-0.125";
        QTest::newRow("percent") << 0.256 << "" << true << false << 0 << "25.6%";
        QTest::newRow("percent of a tiny share") << 0.000123 << "" << true << false << 1 << "0.0123%";
        QTest::newRow("small") << 1.5e-7 << "" << false << false << 2 << "0.00000015";
        QTest::newRow("beyond fixed digits") << 1.5e300 << "$" << false << false << 0 << "$1.5e+300";
    }
    void exactValues() {
        QFETCH(double, value);
        QFETCH(QString, prefix);
        QFETCH(bool, percent);
        QFETCH(bool, compact);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        dashboard::NumberFormat f;
        f.prefix = prefix.toStdString();
        f.percent = percent;
        f.compact = compact;
        f.decimals = decimals;
        QCOMPARE(QString::fromStdString(formatExact(value, f)), expected);
    }
};

QTEST_GUILESS_MAIN(LabelsTest)
#include "labels_test.moc"

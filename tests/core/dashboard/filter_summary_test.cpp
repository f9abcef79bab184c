// The printed line of a dashboard's filters: each filter's label and value, lists joined, date
// ranges with open ends, "all" for no value, in the dashboard's order.
#include "core/dashboard/filter_summary.h"

#include <QtTest>

using namespace deskbase::dashboard;

class FilterSummaryTest : public QObject {
    Q_OBJECT
private slots:
    void oneLine() {
        Dashboard d;
        QCOMPARE(filterSummary(d, {}), std::string());
        Filter category{"category", "Category", FilterType::List, {}, {}, "", "", {}};
        Filter period{"period", "Period", FilterType::DateRange, {}, {}, "", "", {}};
        Filter region{"region", "", FilterType::Text, {}, {}, "", "", {}};
        d.filters = {category, period, region};
        QCOMPARE(filterSummary(d, {}), std::string("Category: all · Period: all · region: all"));
        FilterValues v{{"category", {"Kitchen", "Garden"}}, {"period", {"2026-01-01", "2026-03-31"}},
                       {"region", {"North"}}};
        QCOMPARE(filterSummary(d, v),
                 std::string("Category: Kitchen, Garden · Period: 2026-01-01 – 2026-03-31 · region: North"));
        v["period"] = {"", "2026-03-31"};
        v["category"] = {""};
        QCOMPARE(filterSummary(d, v), std::string("Category: all · Period: … – 2026-03-31 · region: North"));
        v["period"] = {"2026-01-01"};
        QCOMPARE(filterSummary(d, v), std::string("Category: all · Period: 2026-01-01 – … · region: North"));
    }
};

QTEST_MAIN(FilterSummaryTest)
#include "filter_summary_test.moc"

// One name list per enum (DESKBASE_ENUM_NAMES): names and parsing agree, a misspelt name is
// rejected instead of becoming the first enumerator (nlohmann's from_json fallback), the JSON
// conversion writes the same names, and each enum of the file formats round-trips all its names.
#include "core/util/enum_names.h"

#include <QtTest>

#include "core/checks/check_result.h"
#include "core/checks/check_spec.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/visualization.h"
#include "core/export/result_export.h"
#include "core/ingest/import_job.h"
#include "core/types/value.h"

namespace probe {
enum class Fruit { Apple, Pear, Plum };
DESKBASE_ENUM_NAMES(kFruitNames, Fruit, {{Fruit::Apple, "apple"}, {Fruit::Pear, "pear"}, {Fruit::Plum, "plum"}})
}  // namespace probe

using namespace deskbase;

class EnumNamesTest : public QObject {
    Q_OBJECT
private slots:
    void namesAndParsingAgree() {
        for (auto f : {probe::Fruit::Apple, probe::Fruit::Pear, probe::Fruit::Plum})
            QCOMPARE(enumFromName(probe::kFruitNames, enumName(probe::kFruitNames, f)), std::optional(f));
    }
    void misspeltNameIsRejectedNotTheFirstEntry() {
        // What nlohmann's own from_json does with it: the first entry.
        QCOMPARE(nlohmann::json("banana").get<probe::Fruit>(), probe::Fruit::Apple);
        QVERIFY(!enumFromName(probe::kFruitNames, "banana"));
        QVERIFY(!enumFromName(probe::kFruitNames, ""));
        QVERIFY(!enumFromName(probe::kFruitNames, "Pear"));
        QCOMPARE(enumFromName(probe::kFruitNames, "PEAR", NameCase::Insensitive), std::optional(probe::Fruit::Pear));
    }
    void jsonWritesTheSameNames() {
        QCOMPARE(nlohmann::json(probe::Fruit::Plum).get<std::string>(), std::string("plum"));
        QCOMPARE(nlohmann::json("pear").get<probe::Fruit>(), probe::Fruit::Pear);
    }
    void fileFormatEnumsRoundTrip() {
        for (auto t : {ColumnType::Integer, ColumnType::Real, ColumnType::Boolean, ColumnType::Date,
                       ColumnType::DateTime, ColumnType::Text})
            QCOMPARE(parseColumnType(columnTypeName(t)), std::optional(t));
        QCOMPARE(parseColumnType("BIGINT"), std::optional(ColumnType::Integer));
        QVERIFY(!parseColumnType("integr"));
        for (auto k : allCheckKinds()) QCOMPARE(parseCheckKind(checkKindName(k)), std::optional(k));
        QVERIFY(!parseCheckKind("not-null"));
        for (auto s : {CheckStatus::Pass, CheckStatus::Warn, CheckStatus::Fail, CheckStatus::Error})
            QCOMPARE(parseCheckStatus(checkStatusName(s)), std::optional(s));
        QCOMPARE(severityName(Severity::Error), std::string_view("error"));
        QCOMPARE(onFailureName(OnFailure::Refuse), std::string_view("refuse"));
        for (auto f : {ExportFormat::Csv, ExportFormat::Tsv, ExportFormat::Json, ExportFormat::Ndjson, ExportFormat::Xlsx})
            QCOMPARE(parseExportFormat(exportFormatName(f)), std::optional(f));
        QCOMPARE(parseExportFormat("JSONL"), std::optional(ExportFormat::Ndjson));
        for (auto m : {ImportMode::Create, ImportMode::Replace, ImportMode::Append})
            QCOMPARE(parseImportMode(importModeName(m)), std::optional(m));
        QVERIFY(!parseImportMode("upsert"));
        using dashboard::ChartType;
        for (auto t : {ChartType::Auto, ChartType::Number, ChartType::Table, ChartType::Bar, ChartType::Row,
                       ChartType::Line, ChartType::Area, ChartType::Combo, ChartType::Pie, ChartType::Scatter,
                       ChartType::Histogram})
            QCOMPARE(dashboard::parseChartType(dashboard::chartTypeName(t)), std::optional(t));
        QCOMPARE(dashboard::parseChartType("donut"), std::optional(ChartType::Pie));
        using dashboard::FilterType;
        for (auto t : {FilterType::Text, FilterType::Number, FilterType::DateRange, FilterType::List})
            QCOMPARE(dashboard::parseFilterType(dashboard::filterTypeName(t)), std::optional(t));
        QVERIFY(!dashboard::parseFilterType("daterange"));
    }
};

QTEST_GUILESS_MAIN(EnumNamesTest)
#include "enum_names_test.moc"

#pragma once
// One conformance suite for every warehouse backend. The same test functions run against SQLite
// and PostgreSQL (the backend comes from the environment, see backend_fixture.h).
#include <QObject>
#include <QtTest>

#include "tests/core/warehouse/conformance/backend_fixture.h"

Q_DECLARE_METATYPE(deskbase::Value)

namespace deskbase::test {

class ConformanceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // warehouse_conformance.cpp
    void listsTablesWithTypesAndRowCounts();
    void describesDisplayNamesFromBookkeeping();
    void listsTablesOfOtherSchemas();
    void bindsEveryValueType_data();
    void bindsEveryValueType();
    void streamsLargeResultInBlocks();
    void abandonedCursorFreesConnection();
    void cancelStopsLongQueryPromptly_data();
    void cancelStopsLongQueryPromptly();
    void cancelStopsStreamingFetch();
    void cancelOfClosedCursorSparesNextStatement();
    void errorsAreOneLine_data();
    void errorsAreOneLine();
    void syntaxErrorSaysWhereItStopped();
    void connectionsOpenedTogetherAllSucceed();
    void unreachableTargetFailsFast();
    void passwordsAndConnectionOptionsComeFromLibpq();
    void serverStoppedMidQueryAndCopyGivesErrors();
    void bulkWriterLoadsEveryCellKind();
    void bulkWriterEscapesText_data();
    void bulkWriterEscapesText();
    void bulkWriterRoundTripsDatesAndTimes_data();
    void bulkWriterRoundTripsDatesAndTimes();
    void bulkWriterIntoDeclaredTypes();
    void abandonedBulkWriterLeavesNothing();
    void rollbackLeavesNothing();
    void tablesReadByNamesBaseTables();
    void dataVersionCountsBumps();

    // ingest_conformance.cpp
    void importStoresNativeTypes();
    void importsJsonWithNativeTypes();
    void importKeepsRejectsWithLineNumbers();
    void cancelledImportLeavesWarehouseUnchanged();
    void lateTypeChangeRedoesTheLoad();
    void appendAndReplace();
    void longTableNamesWork();
    void failedImportChangesNothing();
    void ingestionLogRecordsEachImport();
    void commandLineImportAndTables();
    void concurrentAppendsOfOneFileLoadItOnce();
    void readersAndASecondImportWorkDuringAnImport();
    void appendAfterReplaceFollowsTheTablesContent();

    // exact_numbers_conformance.cpp
    void importKeepsEveryNumberExact_data();
    void importKeepsEveryNumberExact();

private:
    BackendFixture backend_;
    std::unique_ptr<Warehouse> w_;
};

// Helpers shared by the suite's files.
std::string show(const Value& v);  // value with its type, for failure messages
Result<std::vector<Row>> allRows(Warehouse& w, const std::string& sql, const std::vector<Value>& params = {});
Result<Value> scalar(Warehouse& w, const std::string& sql, const std::vector<Value>& params = {});
// Every table of the warehouse (bookkeeping included) with its column types and sorted rows.
std::string snapshot(Warehouse& w, BackendFixture::Kind kind);

// SQL both backends run: 1..n from a recursive CTE (optionally with a ~100-byte text column),
// and a count over 10^9 of them that runs for minutes unless cancelled.
std::string seriesSql(std::int64_t n, bool wide);
std::string longQuerySql();
std::string endlessSeriesSql();  // 1, 2, 3, ... with no end: only a cancel or a close stops it
std::int64_t residentBytes();    // of this process, from /proc/self/statm
Status createTable(Warehouse& w, const std::string& table, const std::vector<Column>& columns);
Column col(std::string name, ColumnType type);
std::vector<Column> everyTypeColumns();  // n (key), then one column of each logical type
bool oneLine(const std::string& s);      // non-empty, no newline

}  // namespace deskbase::test

// Fails the test with the error's message when a Status / Result is not ok.
#define REQUIRE_OK(expr)                                                                  \
    do {                                                                                  \
        const auto& requireOk_ = (expr);                                                  \
        QVERIFY2(bool(requireOk_), bool(requireOk_) ? "" : requireOk_.message().c_str()); \
    } while (0)

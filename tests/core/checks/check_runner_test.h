#pragma once
// The runner suite's class (its slots are in check_runner_test.cpp, where moc need not read raw strings).
#include <QObject>
#include <memory>
#include <set>
#include <string>

#include "core/checks/check_file.h"
#include "core/checks/check_runner.h"
#include "tests/core/warehouse/conformance/backend_fixture.h"

class CheckRunnerTest : public QObject {
    Q_OBJECT
private:
    deskbase::test::BackendFixture backend_;
    std::unique_ptr<deskbase::Warehouse> w_;
    deskbase::CheckFile file(const std::string& checksJson, const std::string& table = "orders");
    deskbase::CheckResult runOne(const std::string& checkJson, deskbase::CheckRunOptions o = {});
    deskbase::Status createTables();
    // The `n` of every row the SQL lists.
    std::set<std::int64_t> rowNumbers(const std::string& sql);
private slots:
    void initTestCase();
    void rowChecks_data();
    void rowChecks();
    void sampleHoldsTheTwentyMostFrequent();
    void tableChecks_data();
    void tableChecks();
    void freshnessMessageNamesTheNewestValue();
    void freshnessOfTheLastImport();
    void columnChecksShareOneScan();
    void errors_data();
    void errors();
    void regexThatDoesNotRunIsAnError();
    void missingTableFailsEveryCheck();
    void warnSeverityDoesNotBlock();
    void stopFlagCancelsTheChecks();
    void emptyTable();
};

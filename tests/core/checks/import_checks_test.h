#pragma once
// The import-checks suite's class (slots in import_checks_test.cpp).
#include <QObject>
#include <memory>
#include <string>

#include "core/warehouse/warehouse.h"
#include "tests/core/warehouse/conformance/backend_fixture.h"
#include "tests/support/temp_workspace.h"

class ImportChecksTest : public QObject {
    Q_OBJECT
private:
    deskbase::test::BackendFixture backend_;
    std::unique_ptr<deskbase::Warehouse> w_;
    std::unique_ptr<deskbase::test::TempWorkspace> ws_;
    std::string writeChecks(const std::string& json);  // checks/orders.json; returns the workspace
private slots:
    void initTestCase();
    void init();
    void passingChecksCommit();
    void failingChecksWithWarnCommit();
    void refuseRollsBackACreate();
    void refuseLeavesTheReplacedTableAsItWas();
    void refuseLeavesAnAppendedTableAsItWas();
    void warnSeverityNeverRefuses();
    void aCheckThatCannotRunRefusesOrIsReported();
    void theImportCountsAsTheLastImport();
    void importOptionRefusesToo();
    void badCheckFileStopsTheImportFirst();
};

#pragma once
// The run log suite's class (slots in run_log_test.cpp).
#include <QObject>
#include <memory>

#include "core/warehouse/warehouse.h"
#include "tests/core/warehouse/conformance/backend_fixture.h"

class RunLogTest : public QObject {
    Q_OBJECT
private:
    deskbase::test::BackendFixture backend_;
    std::unique_ptr<deskbase::Warehouse> w_;
private slots:
    void initTestCase();
    void init();
    void runsAndStepsReadBack();
    void checkResultsReadBack();
    void lastResultsAreTheNewestRunsForThatTable();
    void nothingRecordedIsEmpty();
    void concurrentRunsGetDistinctIds();
    void finishingAnUnknownRunFails();
    void lastModelStatusesAreEachModelsNewestStep();
    void oldModelBuildsTableMovesIntoTheRunLog();
    void hasRunStepFindsAStepByKindNameAndStatus();
    void namedRunsAndTheNewestOfEach();
    void runsTableWithoutNamesGetsTheColumn();
};

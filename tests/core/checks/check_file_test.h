#pragma once
// The check file suite's class (its slots are in check_file_test.cpp, where moc need not read raw strings).
#include <QObject>

#include "core/checks/check_file.h"

class CheckFileTest : public QObject {
    Q_OBJECT
private slots:
    void designExampleLoads();
    void tableDefaultsToFileName();
    void repeatedDerivedNamesAreNumbered();
    void badFile_data();
    void badFile();
    void saveThenLoadGivesTheSameFile();
    void saveRefusesAnInvalidCheck();
    void workspaceLoadsEveryFileAndNamesTheBadOne();
    void noChecksFolderIsNoChecks();
    void duration_data();
    void duration();
};

// The runtime's parts from outside: which cache a command-line run uses (docs/questions.md: the
// workspace's; beside a SQLite file with only --db; none for PostgreSQL without a workspace).
#include "core/runtime/runtime.h"

#include <QtTest>

#include "core/workspace/workspace.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

class RuntimeTest : public QObject {
    Q_OBJECT
private slots:
    void commandLineCacheFollowsTheTarget() {
        test::TempWorkspace dir;
        const std::string db = dir.file("data/sales.db");
        auto beside = Runtime::commandLineCache(nullptr, db);
        QVERIFY(beside);
        QCOMPARE(QString::fromStdString(beside->dir),
                 QString::fromStdString(dir.file("data/.deskbase/cache")));

        QVERIFY(!Runtime::commandLineCache(nullptr, "postgresql://user@db.example/sales"));
        QVERIFY(!Runtime::commandLineCache(nullptr, "host=db.example dbname=sales"));

        auto ws = Workspace::create(dir.file("ws"));
        QVERIFY(ws);
        auto inWorkspace = Runtime::commandLineCache(&*ws, "postgresql://user@db.example/sales");
        QVERIFY(inWorkspace);
        QCOMPARE(QString::fromStdString(inWorkspace->dir), QString::fromStdString(ws->cacheDir()));
        QCOMPARE(inWorkspace->maxMemoryBytes, ws->settings().cacheMemoryBytes);
    }
};

QTEST_GUILESS_MAIN(RuntimeTest)
#include "runtime_test.moc"

// The verbs (app/cli/verbs.cpp), through the real binary: each verb's --help names every
// option its parser accepts (read from the verb's own definition, not a list kept here),
// --version, and a verb whose output cannot be written (stdout on /dev/full) fails with one line.
#include <QProcess>
#include <QtTest>

#include "app/cli/verbs.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

QStringList listOf(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& s : items) out << QString::fromStdString(s);
    return out;
}

// Runs the binary with stdout written to `outFile`; its exit code (-1: crashed or hung) and stderr.
test::ProcessResult runWithStdoutTo(const QString& outFile, const QStringList& args) {
    QProcess p;  // its destructor kills a process still running
    p.setStandardOutputFile(outFile);
    p.start(QString::fromStdString(test::deskbaseBinary()), args);
    const bool finished = p.waitForFinished(120000);
    test::ProcessResult r;
    r.exitCode = finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.err = p.readAllStandardError().toStdString();
    return r;
}

bool names(const std::string& help, const std::string& option) {
    return help.find(option + " ") != std::string::npos || help.find(option + "\n") != std::string::npos;
}

}  // namespace

class VerbsCliTest : public QObject {
    Q_OBJECT
private slots:
    // Issue 15: --version and --help for every verb.
    void eachVerbsHelpNamesItsOptions_data() {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QStringList>("options");
        for (const auto& verb : cli::verbs()) {
            QStringList options;
            for (const auto& o : verb.spec().options)
                options << QStringLiteral("--") + o.names().constFirst();
            QVERIFY(!options.isEmpty());
            QTest::newRow(verb.spec().verb.c_str()) << QString::fromStdString(verb.spec().verb) << options;
        }
    }
    void eachVerbsHelpNamesItsOptions() {
        QFETCH(QString, verb);
        QFETCH(QStringList, options);
        for (const char* help : {"--help", "-h"}) {
            auto r = test::runDeskbase({verb.toStdString(), help});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.empty(), r.err.c_str());
            QVERIFY2(r.out.rfind("usage: deskbase " + verb.toStdString(), 0) == 0, r.out.c_str());
            for (const QString& o : options)
                QVERIFY2(names(r.out, o.toStdString()),
                         qPrintable(o + QStringLiteral(" missing from:\n") + QString::fromStdString(r.out)));
        }
    }

    void programHelpNamesEveryVerb() {
        auto r = test::runDeskbase({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(names(r.out, "--version"), r.out.c_str());
        for (const auto& verb : cli::verbs())
            QVERIFY2(r.out.find("usage: deskbase " + verb.spec().verb + " ") != std::string::npos,
                     verb.spec().verb.c_str());
    }

    void versionIsTheProjects() {
        for (const char* flag : {"--version", "-v"}) {
            auto r = test::runDeskbase({flag});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.empty(), r.err.c_str());
            QCOMPARE(QString::fromStdString(r.out),
                     QStringLiteral("deskbase " DESKBASE_PROJECT_VERSION "\n"));
        }
    }

    // Issue 15: `deskbase tables > /dev/full` and `import --report json > /dev/full` exited 0 (the
    // import committed, the report was lost).
    void failedWriteToStdoutFails_data() {
        QTest::addColumn<QStringList>("args");  // DB, FILE and WS are replaced by paths in the workspace
        QTest::newRow("tables") << listOf({"tables", "--db", "DB"});
        QTest::newRow("import --report json") << listOf({"import", "FILE", "--db", "DB", "--report", "json"});
        QTest::newRow("query") << listOf({"query", "--sql", "SELECT * FROM kept", "--db", "DB"});
        QTest::newRow("query --format json")
            << listOf({"query", "--sql", "SELECT * FROM kept", "--db", "DB", "--format", "json"});
        QTest::newRow("check --report json")
            << listOf({"check", "--db", "DB", "--workspace", "WS", "--report", "json"});
        QTest::newRow("import --help") << listOf({"import", "--help"});
        QTest::newRow("--help") << listOf({"--help"});
        QTest::newRow("--version") << listOf({"--version"});
    }
    void failedWriteToStdoutFails() {
        QFETCH(QStringList, args);
        if (!QFileInfo(QStringLiteral("/dev/full")).exists()) QSKIP("no /dev/full here");
        test::TempWorkspace ws;
        const std::string db = ws.sqlitePath();
        {
            auto w = Warehouse::open(db);
            QVERIFY(w);
            QVERIFY((*w)->execute("CREATE TABLE kept (x INTEGER)"));
            QVERIFY((*w)->execute("INSERT INTO kept VALUES (1), (2)"));
        }
        const QString file = QString::fromStdString(ws.write("loaded.csv", "a\n1\n2\n"));
        for (auto& a : args) {
            if (a == QStringLiteral("DB")) a = QString::fromStdString(db);
            if (a == QStringLiteral("FILE")) a = file;
            if (a == QStringLiteral("WS")) a = QString::fromStdString(ws.path());
        }
        // The same command with stdout on a file works and prints something.
        if (!args.contains(file)) {
            const QString out = QString::fromStdString(ws.file("out.txt"));
            auto ok = runWithStdoutTo(out, args);
            QVERIFY2(ok.exitCode == 0, ok.err.c_str());
            QVERIFY(QFileInfo(out).size() > 0);
        }
        auto r = runWithStdoutTo(QStringLiteral("/dev/full"), args);
        QVERIFY2(r.exitCode != 0 && r.exitCode != -1, qPrintable(QString::number(r.exitCode)));
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), std::ptrdiff_t(1));
        QVERIFY2(
            r.err.rfind("deskbase", 0) == 0 && r.err.find("cannot write the output") != std::string::npos,
            r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(VerbsCliTest)
#include "verbs_cli_test.moc"

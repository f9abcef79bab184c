// The verbs' command lines (app/cli/args.cpp), through the real binary: `deskbase --help` and
// `deskbase VERB --help` list every option (the help comes from the lists the parsers read), and a
// bad command line is one line on stderr with exit status 2. The expected options are docs/cli.md's.
#include <QtTest>
#include <algorithm>

#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {

QStringList words(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) out << QString::fromUtf8(s);
    return out;
}

std::vector<std::string> strings(const QStringList& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.toStdString());
    return out;
}

bool lists(const std::string& help, const QString& option) {
    const std::string o = option.toStdString();
    return help.find(o + " ") != std::string::npos || help.find(o + "\n") != std::string::npos;
}

// Each verb's options as docs/cli.md documents them.
QStringList importOptions() {
    return words({"--db", "--workspace", "--table", "--mode", "--type", "--force", "--report", "--delimiter",
                  "--encoding", "--header", "--no-header"});
}
QStringList queryOptions() {
    return words({"--sql", "--question", "--param", "--db", "--workspace", "--format", "--no-cache"});
}
QStringList renderOptions() {
    return words({"--out", "--param", "--db", "--width", "--theme", "--scale", "--edit"});
}
QStringList tablesOptions() {
    return words({"--db", "--workspace"});
}
QStringList checkOptions() {
    return words({"--workspace", "--db", "--report"});
}
QStringList buildOptions() {
    return words({"--select", "--full-refresh", "--var", "--workspace", "--db", "--report"});
}
QStringList lineageOptions() {
    return words({"--format", "--workspace"});
}

}  // namespace

class ArgsCliTest : public QObject {
    Q_OBJECT
private slots:
    // Issue 10: --help did not list render's --width / --theme.
    void helpListsEveryOption_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("listed");
        QTest::newRow("deskbase --help")
            << words({"--help"})
            << words({"--workspace", "--demo"}) + importOptions() + queryOptions() + renderOptions() +
                   checkOptions() + buildOptions() + lineageOptions();
        QTest::newRow("deskbase help") << words({"help"}) << renderOptions() + buildOptions();
        QTest::newRow("import --help") << words({"import", "--help"}) << importOptions();
        QTest::newRow("query -h") << words({"query", "-h"}) << queryOptions();
        QTest::newRow("render --help") << words({"render", "--help"}) << renderOptions();
        QTest::newRow("tables --help") << words({"tables", "--help"}) << tablesOptions();
        QTest::newRow("check --help") << words({"check", "--help"}) << checkOptions();
        QTest::newRow("build --help") << words({"build", "--help"}) << buildOptions();
        QTest::newRow("lineage --help") << words({"lineage", "--help"}) << lineageOptions();
    }
    void helpListsEveryOption() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, listed);
        auto r = test::runDeskbase(strings(args));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.empty(), r.err.c_str());
        for (const QString& option : listed)
            QVERIFY2(lists(r.out, option),
                     qPrintable(option + QStringLiteral(" missing from:\n") + QString::fromStdString(r.out)));
        if (args.size() == 2)  // one verb's help starts with its usage line
            QVERIFY2(r.out.rfind("usage: deskbase " + args[0].toStdString(), 0) == 0, r.out.c_str());
    }

    void badCommandLineIsOneLineWithStatusTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        for (const char* verb : {"import", "query", "render", "tables", "check", "build", "lineage"})
            QTest::newRow((std::string(verb) + " --nope").c_str()) << words({verb, "--nope"}) << "nope";
        QTest::newRow("missing value") << words({"render", "x.json", "--out"}) << "--out";
        QTest::newRow("flag with a value")
            << words({"query", "--sql", "SELECT 1", "--no-cache=yes"}) << "no-cache";
        QTest::newRow("single dash") << words({"tables", "-x"}) << "x";
    }
    void badCommandLineIsOneLineWithStatusTwo() {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        auto r = test::runDeskbase(strings(args));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), std::ptrdiff_t(1));
        QVERIFY2(r.err.rfind("deskbase " + args[0].toStdString() + ": ", 0) == 0, r.err.c_str());
        QVERIFY2(r.err.find(says.toStdString()) != std::string::npos, r.err.c_str());
        QVERIFY2(r.out.empty(), r.out.c_str());
    }

    // The window's own options go through the same parser: an unknown one stops before any window.
    void windowRefusesUnknownOption() {
        auto r = test::runDeskbase({"--nope"});
        QCOMPARE(r.exitCode, 2);
        // The window's QApplication may warn first (no XDG_RUNTIME_DIR); the error is its own line.
        QVERIFY2(r.err.find("deskbase: Unknown option 'nope'.\n") != std::string::npos, r.err.c_str());
    }

    void optionValuesInBothSpellings() {
        test::TempWorkspace ws;
        const std::string db = ws.file("w.db");
        {
            auto w = Warehouse::open(db);
            QVERIFY(w);
            QVERIFY((*w)->execute("CREATE TABLE spelled (x INTEGER)"));
        }
        for (const auto& args : {std::vector<std::string>{"tables", "--db", db},
                                 std::vector<std::string>{"tables", "--db=" + db}}) {
            auto r = test::runDeskbase(args);
            QVERIFY2(r.exitCode == 0, r.err.c_str());
            QVERIFY2(r.out.rfind("spelled\t", 0) == 0, r.out.c_str());
        }
    }

    // import's --encoding was accepted and ignored; it now decides how the bytes are read.
    void importEncodingIsUsed() {
        test::TempWorkspace ws;
        const std::string file = ws.write("cafe.csv", "name\ncaf\xE9\n");  // windows-1252 é
        const std::string db = ws.file("w.db");
        auto r = test::runDeskbase({"import", file, "--db", db, "--encoding", "windows-1252"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QCOMPARE(QString::fromStdString(test::scalarText(db, "SELECT name FROM cafe")),
                 QString::fromUtf8("caf\xC3\xA9"));  // é in UTF-8
        auto bad = test::runDeskbase({"import", file, "--db", db, "--encoding", "latin-9"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.find("unknown --encoding 'latin-9'") != std::string::npos, bad.err.c_str());
    }
};

QTEST_GUILESS_MAIN(ArgsCliTest)
#include "args_cli_test.moc"

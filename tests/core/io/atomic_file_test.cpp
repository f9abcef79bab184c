// writeFileAtomically (core/io/atomic_file.h), the one way Deskbase writes a whole file: a write
// that fails, whatever the reason, leaves the old file exactly as it was, leaves no temporary file
// behind, and says why in one line naming the file.
#include "core/io/atomic_file.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/temp_workspace.h"
#include "tests/support/unprivileged.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The names in `dir` other than `except`: a failed write must add none.
QStringList othersIn(const std::string& dir, const std::string& except) {
    QStringList out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename() != except) out << QString::fromStdString(e.path().filename().string());
    return out;
}

void checkOneLine(const Status& s, const QString& expected) {
    QVERIFY(!s);
    QCOMPARE(QString::fromStdString(s.message()), expected);
}

}  // namespace

class AtomicFileTest : public QObject {
    Q_OBJECT
private slots:
    void wholeFileIsWrittenAndFoldersMade() {
        test::TempWorkspace ws;
        const std::string path = ws.file("questions/deep/q.json");
        QVERIFY(writeFileAtomically(path, "{\"a\": 1}\n"));
        QCOMPARE(readFile(path), std::string("{\"a\": 1}\n"));
        QVERIFY(writeFileAtomically(path, "{}\n"));  // replaces
        QCOMPARE(readFile(path), std::string("{}\n"));
        QVERIFY(othersIn(ws.file("questions/deep"), "q.json").isEmpty());
    }

    // A write cut short (here by a file-size limit, as a full disk would) keeps the old bytes.
    void writeCutShortKeepsTheOldFile() {
        test::TempWorkspace ws;
        const std::string path = ws.write("dashboard.json", "old contents\n");
        rlimit saved{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        auto oldHandler = signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = 64 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        const Status s = writeFileAtomically(path, std::string(1 << 20, 'x'));
        setrlimit(RLIMIT_FSIZE, &saved);
        signal(SIGXFSZ, oldHandler);
        checkOneLine(s, QStringLiteral("Cannot write %1: File too large").arg(QString::fromStdString(path)));
        QCOMPARE(readFile(path), std::string("old contents\n"));
        QVERIFY2(othersIn(ws.path(), "dashboard.json").isEmpty(),
                 qPrintable(othersIn(ws.path(), "").join(QLatin1Char(','))));
    }

    // A folder that this user may not write into: the old file stays, nothing is added. Root may
    // write anywhere, so under root this runs again as nobody.
    void unwritableFolderKeepsTheOldFile() {
        if (test::isPrivileged()) {
            const auto run = test::rerunAsNobody("AtomicFileTest");
            QVERIFY2(run.passed, qPrintable(run.output));
            return;
        }
        test::TempWorkspace ws;
        const std::string dir = ws.file("locked");
        fs::create_directories(dir);
        const std::string path = ws.write("locked/settings.json", "old\n");
        QVERIFY(::chmod(dir.c_str(), 0555) == 0);
        const Status s = writeFileAtomically(path, "new\n");
        ::chmod(dir.c_str(), 0755);
        checkOneLine(s,
                     QStringLiteral("Cannot write %1: Permission denied").arg(QString::fromStdString(path)));
        QCOMPARE(readFile(path), std::string("old\n"));
        QVERIFY(othersIn(dir, "settings.json").isEmpty());
    }

    void destinationThatCannotBeAFile_data() {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a folder") << "folder"
                                  << "it is a folder";
        QTest::newRow("under a file") << "file"
                                      << "Not a directory";
    }
    void destinationThatCannotBeAFile() {
        QFETCH(QString, setup);
        QFETCH(QString, reason);
        test::TempWorkspace ws;
        std::string path;
        if (setup == QStringLiteral("folder")) {
            path = ws.file("q.json");
            fs::create_directories(path);
            ws.write("q.json/inside", "kept\n");
        } else {
            ws.write("plain", "kept\n");
            path = ws.file("plain/q.json");
        }
        checkOneLine(writeFileAtomically(path, "new\n"),
                     QStringLiteral("Cannot write %1: %2").arg(QString::fromStdString(path), reason));
        QCOMPARE(readFile(setup == QStringLiteral("folder") ? ws.file("q.json/inside") : ws.file("plain")),
                 std::string("kept\n"));
    }
};

QTEST_GUILESS_MAIN(AtomicFileTest)
#include "atomic_file_test.moc"

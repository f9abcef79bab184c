// Export of a full query result to a file: each format's exact bytes (quoting, NULLs, unicode,
// numbers), the format chosen by extension or override, atomicity (a cancelled or failed export
// leaves no file and keeps an existing one byte for byte), unwritable destinations, a write that
// fails mid-file, and statements that must not run again.
#include "core/export/result_export.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/io/atomic_file.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/unprivileged.h"
#include "tests/support/xlsx_reader.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Files in `dir` other than the warehouse: what an export left behind.
std::vector<std::string> leftovers(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("warehouse.db", 0) != 0) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// For QVERIFY2, which evaluates its message even when the check passes.
template <class T>
QByteArray messageOf(const Result<T>& r) {
    return r ? QByteArray() : QByteArray::fromStdString(r.message());
}

// The mixed table: quoting, NULLs, unicode and numbers in every format.
const char* kMixed = "SELECT id, label, amount, note FROM mixed ORDER BY id";

}  // namespace

class ResultExportTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;
    std::string db_;
    std::unique_ptr<Runtime> runtime_;
    QueryExecutor* executor_ = nullptr;

    ExportRequest request(const std::string& sql, const std::string& file) {
        ExportRequest r;
        r.target = db_;
        r.sql = sql;
        r.path = out(file);
        return r;
    }
    std::string out(const std::string& file) { return ws_.file("out/" + file); }
    std::string exported(const std::string& sql, const std::string& file) {
        auto r = exportResult(*executor_, request(sql, file));
        if (!r) return "error: " + r.message();
        return readFile(out(file));
    }

private slots:
    void initTestCase() {
        db_ = ws_.sqlitePath();
        fs::create_directory(ws_.file("out"));
        auto w = Warehouse::open(db_);
        QVERIFY(w.isOk());
        for (const char* sql :
             {"CREATE TABLE mixed (id INTEGER, label TEXT, amount REAL, note TEXT)",
              "INSERT INTO mixed VALUES (1, 'plain', 0.1, NULL), (2, 'comma, \"quoted\"', -2.5, 'tab\there'),"
              " (3, 'two\nlines', 1e20, ''), (4, 'Zürich 東京 😀', NULL, 'back\\slash'),"
              " (9007199254740993, NULL, 3, 'ctrl' || char(1))",
              "CREATE TABLE big (n INTEGER, label TEXT)",
              "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 300000) "
              "INSERT INTO big SELECT n, 'row ' || n FROM s"}) {
            auto s = (*w)->execute(sql);
            QVERIFY2(s.isOk(), s.message().c_str());
        }
        RuntimeOptions options;
        options.queryThreads = 2;
        options.maxIdlePerTarget = 2;
        runtime_ = std::make_unique<Runtime>(options);
        executor_ = &runtime_->executor();
    }

    void cleanup() {
        // Every test leaves only the files it meant to write: never a temporary ".part" file.
        for (const auto& name : leftovers(ws_.file("out")))
            QVERIFY2(name.find(".part") == std::string::npos, name.c_str());
    }

    void formatFromExtension_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "a/b/out.csv"
                             << "csv";
        QTest::newRow("upper tsv") << "OUT.TSV"
                                   << "tsv";
        QTest::newRow("json") << "x.json"
                              << "json";
        QTest::newRow("ndjson") << "x.ndjson"
                                << "ndjson";
        QTest::newRow("jsonl") << "x.jsonl"
                               << "ndjson";
        QTest::newRow("xlsx") << "Report.XLSX"
                              << "xlsx";
        QTest::newRow("other") << "x.txt"
                               << "";
        QTest::newRow("none") << "a.d/README"
                              << "";
        QTest::newRow("hidden file") << ".csv"
                                     << "";
    }
    void formatFromExtension() {
        QFETCH(QString, path);
        QFETCH(QString, format);
        const auto f = exportFormatForPath(path.toStdString());
        QCOMPARE(f ? QString::fromUtf8(exportFormatName(*f).data()) : QString(), format);
    }

    void csvQuotesAndKeepsNumbersExact() {
        QCOMPARE(exported(kMixed, "mixed.csv"), std::string("id,label,amount,note\r\n"
                                                            "1,plain,0.1,\r\n"
                                                            "2,\"comma, \"\"quoted\"\"\",-2.5,tab\there\r\n"
                                                            "3,\"two\nlines\",1e+20,\r\n"
                                                            "4,Zürich 東京 😀,,back\\slash\r\n"
                                                            "9007199254740993,,3,ctrl\x01\r\n"));
    }

    void tsvQuotesTabs() {
        QCOMPARE(exported(kMixed, "mixed.tsv"),
                 std::string("id\tlabel\tamount\tnote\r\n"
                             "1\tplain\t0.1\t\r\n"
                             "2\t\"comma, \"\"quoted\"\"\"\t-2.5\t\"tab\there\"\r\n"
                             "3\t\"two\nlines\"\t1e+20\t\r\n"
                             "4\tZürich 東京 😀\t\tback\\slash\r\n"
                             "9007199254740993\t\t3\tctrl\x01\r\n"));
    }

    void jsonIsAnArrayOfObjects() {
        const std::string text = exported(kMixed, "mixed.json");
        QCOMPARE(
            text,
            std::string(
                "[\n"
                "{\"id\":1,\"label\":\"plain\",\"amount\":0.1,\"note\":null},\n"
                "{\"id\":2,\"label\":\"comma, \\\"quoted\\\"\",\"amount\":-2.5,\"note\":\"tab\\there\"},\n"
                "{\"id\":3,\"label\":\"two\\nlines\",\"amount\":1e+20,\"note\":\"\"},\n"
                "{\"id\":4,\"label\":\"Zürich 東京 😀\",\"amount\":null,\"note\":\"back\\\\slash\"},\n"
                "{\"id\":9007199254740993,\"label\":null,\"amount\":3,\"note\":\"ctrl\\u0001\"}\n"
                "]\n"));
        const auto parsed = nlohmann::json::parse(text);  // throws (fails the test) when invalid
        QCOMPARE(parsed.size(), std::size_t(5));
        QCOMPARE(parsed[4]["id"].get<std::int64_t>(), std::int64_t(9007199254740993));
        QCOMPARE(parsed[3]["label"].get<std::string>(), std::string("Zürich 東京 😀"));
    }

    void ndjsonIsOneObjectPerLine() {
        const std::string text =
            exported("SELECT id, label AS id, amount FROM mixed WHERE id < 4 ORDER BY 1", "dup.ndjson");
        // A repeated column name gets a suffix instead of silently losing a value.
        QCOMPARE(text, std::string("{\"id\":1,\"id_2\":\"plain\",\"amount\":0.1}\n"
                                   "{\"id\":2,\"id_2\":\"comma, \\\"quoted\\\"\",\"amount\":-2.5}\n"
                                   "{\"id\":3,\"id_2\":\"two\\nlines\",\"amount\":1e+20}\n"));
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);) QVERIFY(nlohmann::json::parse(line).is_object());
    }

    void emptyResultKeepsHeader() {
        const char* none = "SELECT id, label FROM mixed WHERE id < 0";
        QCOMPARE(exported(none, "empty.csv"), std::string("id,label\r\n"));
        QCOMPARE(exported(none, "empty.json"), std::string("[]\n"));
        QCOMPARE(exported(none, "empty.ndjson"), std::string());
    }

    void parametersAreBound() {
        auto req = request("SELECT ?1 AS said, ?2 AS n", "params.csv");
        req.params = {std::string("it's, \"so\""), std::int64_t(42)};
        auto r = exportResult(*executor_, req);
        QVERIFY2(r.isOk(), messageOf(r).constData());
        QCOMPARE(readFile(req.path), std::string("said,n\r\n\"it's, \"\"so\"\"\",42\r\n"));
    }

    void largeExportReportsProgressAndSummary() {
        std::vector<ExportProgress> reports;
        auto req = request("SELECT n, label FROM big ORDER BY n", "big.csv");
        auto r = exportResult(*executor_, req, [&](const ExportProgress& p) { reports.push_back(p); });
        QVERIFY2(r.isOk(), messageOf(r).constData());
        QCOMPARE(r->rows, std::uint64_t(300000));
        const std::string text = readFile(req.path);
        QCOMPARE(r->bytes, std::uint64_t(text.size()));
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), std::ptrdiff_t(300001));
        QVERIFY(text.find("\r\n150000,row 150000\r\n") != std::string::npos);
        QVERIFY(text.size() > 21 && text.compare(text.size() - 21, 21, "\r\n300000,row 300000\r\n") == 0);
        QVERIFY(reports.size() > 10);  // block by block, not once at the end
        for (std::size_t i = 1; i < reports.size(); ++i) {
            QVERIFY(reports[i].rows > reports[i - 1].rows);
            QVERIFY(reports[i].bytes > reports[i - 1].bytes);
        }
        QCOMPARE(reports.back().rows, std::uint64_t(300000));
        QCOMPARE(reports.back().bytes, r->bytes);
    }

    void overrideBeatsExtension() {
        auto req = request("SELECT 1 AS one", "data.txt");
        auto guessed = exportResult(*executor_, req);
        QVERIFY(!guessed);
        QVERIFY2(QString::fromStdString(guessed.message()).contains(QStringLiteral("data.txt")),
                 messageOf(guessed).constData());
        QVERIFY(!fs::exists(req.path));
        req.format = ExportFormat::Ndjson;
        QVERIFY(exportResult(*executor_, req).isOk());
        QCOMPARE(readFile(req.path), std::string("{\"one\":1}\n"));
    }

    void cancelMidExportKeepsExistingFile() {
        const std::string existing = "keep me\r\nas I was\r\n";
        auto req = request("SELECT n, label FROM big", "existing.csv");
        ws_.write("out/existing.csv", existing);
        // Progress can come before start() returns: cancel through a pointer published after it.
        std::atomic<ResultExport*> published{nullptr};
        std::atomic<bool> sawRows{false}, sawTemporary{false};
        auto run = ResultExport::start(*executor_, req, [&](const ExportProgress& p) {
            if (p.rows >= 20000 && published.load() && !sawRows.exchange(true)) {
                // Mid-export the rows go to a temporary file beside the untouched destination.
                for (const auto& f : leftovers(ws_.file("out")))
                    if (f.rfind(".existing.csv.", 0) == 0 && fs::file_size(ws_.file("out/" + f)) > 20000)
                        sawTemporary = true;
                published.load()->cancel();
            }
        });
        published = run.get();
        QVERIFY(run->wait());  // no deadline: an export that never ends hangs until ctest's timeout
        QVERIFY(sawRows.load());
        QVERIFY(sawTemporary.load());
        QVERIFY(!run->result());
        QCOMPARE(QString::fromStdString(run->result().message()), QStringLiteral("Export cancelled"));
        QCOMPARE(readFile(req.path), existing);
        QVERIFY(run->progress().rows < 300000);
    }

    // The workbook read back cell by cell: numbers stay numbers (the one a double cannot hold stays
    // its digits), NULL is an empty cell, text is kept whole.
    void xlsxHoldsTheWholeResult() {
        auto r = exportResult(*executor_, request(kMixed, "mixed.xlsx"));
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.message().c_str());
        QCOMPARE(r->rows, std::uint64_t(5));
        QCOMPARE(r->format, ExportFormat::Xlsx);
        QCOMPARE(r->bytes, std::uint64_t(fs::file_size(out("mixed.xlsx"))));
        QString error;
        auto sheet = test::readXlsx(QString::fromStdString(out("mixed.xlsx")), &error);
        QVERIFY2(sheet, qPrintable(error));
        QCOMPARE(sheet->rowCount, 6);
        QCOMPARE(sheet->cell("A1")->text, QStringLiteral("id"));
        QVERIFY(sheet->cell("A1")->bold);
        QCOMPARE(sheet->cell("A2")->type, QStringLiteral("n"));
        QCOMPARE(sheet->cell("A2")->text, QStringLiteral("1"));
        QCOMPARE(sheet->cell("B3")->text, QStringLiteral("comma, \"quoted\""));
        QCOMPARE(sheet->cell("B4")->text, QStringLiteral("two\nlines"));
        QCOMPARE(sheet->cell("C4")->text.toDouble(), 1e20);
        QCOMPARE(sheet->cell("B5")->text, QStringLiteral("Zürich 東京 😀"));
        QVERIFY(!sheet->cell("C5"));
        QCOMPARE(sheet->cell("A6")->text, QStringLiteral("9007199254740993"));
        QVERIFY(sheet->cell("A6")->type != QLatin1String("n"));
        QVERIFY(!sheet->cell("B6"));
    }

    void xlsxCancelMidExportKeepsExistingFile() {
        const std::string existing = "an older workbook";
        auto req = request("SELECT n, label FROM big", "existing.xlsx");
        ws_.write("out/existing.xlsx", existing);
        std::atomic<ResultExport*> published{nullptr};
        auto run = ResultExport::start(*executor_, req, [&](const ExportProgress& p) {
            if (p.rows >= 20000 && published.load()) published.load()->cancel();
        });
        published = run.get();
        QVERIFY(run->wait());
        QVERIFY(!run->result());
        QCOMPARE(QString::fromStdString(run->result().message()), QStringLiteral("Export cancelled"));
        QCOMPARE(readFile(req.path), existing);
    }

    void cancelMidExportLeavesNoFile() {
        auto req = request("SELECT n, label FROM big", "never.json");
        std::atomic<ResultExport*> published{nullptr};
        auto run = ResultExport::start(*executor_, req, [&](const ExportProgress& p) {
            if (p.rows >= 5000 && published.load()) published.load()->cancel();
        });
        published = run.get();
        QVERIFY(run->wait());  // no deadline: an export that never ends hangs until ctest's timeout
        QVERIFY(!run->result());
        QVERIFY(!fs::exists(req.path));
    }

    void cancelBeforeRowsArrive() {
        // A statement still computing (no row yet) is interrupted, not awaited.
        auto req = request(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
            "SELECT count(*) FROM c",
            "slow.csv");
        auto run = ResultExport::start(*executor_, req);
        QThread::msleep(100);  // pacing, not proof: lets the statement start computing
        QVERIFY(!run->isDone());
        run->cancel();
        QVERIFY(run->wait());  // the count runs for minutes: a cancel that only waits hangs here
        QCOMPARE(QString::fromStdString(run->result().message()), QStringLiteral("Export cancelled"));
        QVERIFY(!fs::exists(req.path));
    }

    void unwritableDestinationIsAnError_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder") << "no/such/folder/a.csv"
                                        << "No such file or directory";
        QTest::newRow("folder is a file") << "plain.txt/a.csv"
                                          << "Not a directory";
        QTest::newRow("a folder") << "sub.csv"
                                  << "it is a folder";
    }
    void unwritableDestinationIsAnError() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        ws_.write("out/plain.txt", "x");
        fs::create_directories(out("sub.csv"));
        auto req = request("SELECT 1 AS one", file.toStdString());
        auto r = exportResult(*executor_, req);
        QVERIFY(!r);
        const QString message = QString::fromStdString(r.message());
        QCOMPARE(message,
                 QStringLiteral("Cannot write %1: %2").arg(QString::fromStdString(req.path), reason));
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    void failedWriteMidFileLosesNothing() {
        // A file-size limit makes write(2) fail part-way (EFBIG) the way a full disk does (ENOSPC),
        // without root or a small filesystem. The warehouse connection is opened before the limit.
        auto req = request("SELECT n, label FROM big", "limited.csv");
        const std::string existing = "old contents\n";
        ws_.write("out/limited.csv", existing);
        QVERIFY(exportResult(*executor_, request("SELECT 1 AS warm", "warm.csv")).isOk());
        rlimit saved{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        auto oldHandler = signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = 256 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        auto r = exportResult(*executor_, req);
        setrlimit(RLIMIT_FSIZE, &saved);
        signal(SIGXFSZ, oldHandler);
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.message()),
                 QStringLiteral("Cannot write %1: File too large").arg(QString::fromStdString(req.path)));
        QCOMPARE(readFile(req.path), existing);
    }

    void fullDeviceIsAnError() {
        // /dev/full fails every write with ENOSPC: the sink the export writes through reports it.
        const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
        if (fd < 0) QSKIP("no /dev/full on this machine");
        FileSink sink(fd, "/dev/full");
        Status s = sink.write(std::string(64 * 1024, 'x'));
        QVERIFY(!s);
        QCOMPARE(QString::fromStdString(s.message()),
                 QStringLiteral("Cannot write /dev/full: No space left on device"));
        QCOMPARE(sink.bytesWritten(), std::uint64_t(0));
    }

    void writingStatementIsNotRunAgain() {
        auto req = request("INSERT INTO mixed (id) VALUES (100)", "insert.csv");
        auto r = exportResult(*executor_, req);
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.message()).contains(QStringLiteral("changes data")),
                 messageOf(r).constData());
        QVERIFY(!fs::exists(req.path));
        QCOMPARE(exported("SELECT count(*) AS n FROM mixed", "count.csv"), std::string("n\r\n5\r\n"));
    }

    void sqlErrorLeavesNoFile() {
        auto req = request("SELECT * FROM no_such_table", "broken.csv");
        auto r = exportResult(*executor_, req);
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.message()).contains(QStringLiteral("no_such_table")),
                 messageOf(r).constData());
        QVERIFY(!fs::exists(req.path));
    }

    void existingPermissionsAndLinksAreKept() {
        ws_.write("out/shared.csv", "x\n");
        QVERIFY(::chmod(out("shared.csv").c_str(), 0640) == 0);
        fs::create_symlink(out("shared.csv"), out("link.csv"));
        auto r = exportResult(*executor_, request("SELECT 2 AS two", "link.csv"));
        QVERIFY2(r.isOk(), messageOf(r).constData());
        QVERIFY(fs::is_symlink(out("link.csv")));
        QCOMPARE(readFile(out("shared.csv")), std::string("two\r\n2\r\n"));
        struct stat st {};
        QVERIFY(::stat(out("shared.csv").c_str(), &st) == 0);
        QCOMPARE(int(st.st_mode & 0777), 0640);
    }

    void linkToAFileNotYetThereIsWrittenThrough() {
        fs::create_directories(out("targets"));
        fs::create_symlink("targets/new.csv", out("dangling.csv"));  // relative, target missing
        auto r = exportResult(*executor_, request("SELECT 3 AS three", "dangling.csv"));
        QVERIFY2(r.isOk(), messageOf(r).constData());
        QVERIFY(fs::is_symlink(out("dangling.csv")));
        QCOMPARE(readFile(out("targets/new.csv")), std::string("three\r\n3\r\n"));
    }

    // Root may write a read-only file, and tests run as root: then this test runs again in a child
    // process as the unprivileged user nobody (setpriv, util-linux), and must pass there.
    void readOnlyDestinationIsRefusedAndKept() {
        if (test::isPrivileged()) {
            const auto run = test::rerunAsNobody("ResultExportTest");
            QVERIFY2(run.passed, qPrintable(run.output));
            return;
        }
        ws_.write("out/locked.csv", "keep\n");
        QVERIFY(::chmod(out("locked.csv").c_str(), 0444) == 0);
        auto r = exportResult(*executor_, request("SELECT 4 AS four", "locked.csv"));
        QVERIFY(!r);
        QVERIFY2(QString::fromStdString(r.message()).contains(QStringLiteral("Permission denied")),
                 messageOf(r).constData());
        QCOMPARE(readFile(out("locked.csv")), std::string("keep\n"));
    }
};

QTEST_GUILESS_MAIN(ResultExportTest)
#include "result_export_test.moc"

// A report's dated file names and "keep the newest N": names sort by time, a second file in the
// same minute gets the seconds and then a counter, and pruning never touches other files.
#include "core/reports/report_output.h"

#include <QtTest>
#include <filesystem>

#include "tests/support/temp_workspace.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {
QString nameOf(const std::string& path) {
    return QString::fromStdString(fs::path(path).filename().string());
}
QStringList strings(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) out << QString::fromUtf8(s);
    return out;
}
QStringList names(const std::vector<std::string>& paths) {
    QStringList out;
    for (const auto& p : paths) out << nameOf(p);
    return out;
}
}  // namespace

class ReportOutputTest : public QObject {
    Q_OBJECT

private slots:
    void namesAreDatedAndNeverReused() {
        test::TempWorkspace ws;
        const QDateTime at(QDate(2026, 12, 1), QTime(8, 5, 9));
        const std::string first = datedReportPath(ws.path(), "weekly", "pdf", at);
        QCOMPARE(nameOf(first), QStringLiteral("weekly-2026-12-01-0805.pdf"));
        ws.write(nameOf(first).toStdString(), "1");
        const std::string second = datedReportPath(ws.path(), "weekly", "pdf", at);
        QCOMPARE(nameOf(second), QStringLiteral("weekly-2026-12-01-080509.pdf"));
        ws.write(nameOf(second).toStdString(), "2");
        QCOMPARE(nameOf(datedReportPath(ws.path(), "weekly", "pdf", at)),
                 QStringLiteral("weekly-2026-12-01-080509-2.pdf"));
        // Another extension is another file.
        QCOMPARE(nameOf(datedReportPath(ws.path(), "weekly", "png", at)),
                 QStringLiteral("weekly-2026-12-01-0805.png"));
    }

    void outputsAreOldestFirstAndOnlyTheReports() {
        test::TempWorkspace ws;
        for (const char* f : {"weekly-2026-12-01-0805.pdf", "weekly-2026-11-24-0800.pdf",
                              "weekly-2026-12-01-080509.pdf", "weekly-2026-12-01-080509-2.pdf",
                              "weekly-2026-12-01-080509-10.pdf", "weekly-2026-12-01-0806.pdf",
                              // not this report's outputs:
                              "weekly-2026-12-01-0805.png", "weekly_sales-2026-12-01-0805.pdf", "weekly.pdf",
                              "notes-weekly-2026-12-01-0805.pdf", "weekly-2026-12-1-0805.pdf"})
            ws.write(f, "x");
        QCOMPARE(names(reportOutputs(ws.path(), "weekly", "pdf")),
                 strings({"weekly-2026-11-24-0800.pdf", "weekly-2026-12-01-0805.pdf",
                          "weekly-2026-12-01-080509.pdf", "weekly-2026-12-01-080509-2.pdf",
                          "weekly-2026-12-01-080509-10.pdf", "weekly-2026-12-01-0806.pdf"}));
    }

    void pruneKeepsTheNewest() {
        test::TempWorkspace ws;
        for (const char* f : {"daily-2026-11-28-0600.csv", "daily-2026-11-29-0600.csv",
                              "daily-2026-11-30-0600.csv", "daily-2026-12-01-0600.csv", "daily-notes.csv"})
            ws.write(f, "x");
        auto none = pruneReportOutputs(ws.path(), "daily", "csv", 0);  // 0 keeps all
        QVERIFY(none && none->empty());
        auto removed = pruneReportOutputs(ws.path(), "daily", "csv", 2);
        QVERIFY2(removed, removed.isOk() ? "" : removed.message().c_str());
        QCOMPARE(names(*removed), strings({"daily-2026-11-28-0600.csv", "daily-2026-11-29-0600.csv"}));
        QCOMPARE(names(reportOutputs(ws.path(), "daily", "csv")),
                 strings({"daily-2026-11-30-0600.csv", "daily-2026-12-01-0600.csv"}));
        QVERIFY(fs::exists(ws.file("daily-notes.csv")));
        auto again = pruneReportOutputs(ws.path(), "daily", "csv", 2);
        QVERIFY(again && again->empty());
    }

    void aMissingFolderHasNoOutputs() {
        test::TempWorkspace ws;
        QVERIFY(reportOutputs(ws.file("nowhere"), "daily", "csv").empty());
        auto r = pruneReportOutputs(ws.file("nowhere"), "daily", "csv", 3);
        QVERIFY(r && r->empty());
    }
};

QTEST_GUILESS_MAIN(ReportOutputTest)
#include "report_output_test.moc"

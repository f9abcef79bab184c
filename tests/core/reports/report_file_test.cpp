// reports/*.json read as docs/reports.md says: every field, the defaults, and one clear line
// naming the file and the field for each mistake a person makes writing one.
#include "core/reports/report_file.h"

#include <QtTest>

#include "tests/support/temp_workspace.h"

using namespace deskbase;

class ReportFileTest : public QObject {
    Q_OBJECT

private slots:
    void readsTheDesignExamples() {
        auto weekly =
            reportFromText(R"({"name": "weekly_sales", "dashboard": "sales_overview", "format": "pdf",
                                        "out": "reports-out", "schedule": "weekly mon 08:00"})",
                           "reports/weekly.json");
        QVERIFY2(weekly, weekly.isOk() ? "" : weekly.message().c_str());
        QCOMPARE(QString::fromStdString(weekly->name), QStringLiteral("weekly_sales"));
        QCOMPARE(QString::fromStdString(weekly->dashboard), QStringLiteral("sales_overview"));
        QCOMPARE(QString::fromStdString(weekly->format), QStringLiteral("pdf"));
        QCOMPARE(QString::fromStdString(weekly->schedule), QStringLiteral("weekly mon 08:00"));
        QVERIFY(weekly->writesFile());
        QVERIFY(!weekly->alert);

        auto sheet =
            reportFromText(R"({"name": "orders_sheet", "question": "sales_recent_orders", "format": "xlsx",
                                       "out": "reports-out", "after": ["orders_inbox"], "keep": 4,
                                       "skip_if_empty": true, "params": {"region": "North", "limit": 10}})",
                           "reports/orders_sheet.json");
        QVERIFY2(sheet, sheet.isOk() ? "" : sheet.message().c_str());
        QCOMPARE(sheet->after, std::vector<std::string>{"orders_inbox"});
        QCOMPARE(sheet->keep, 4);
        QVERIFY(sheet->skipIfEmpty);
        QCOMPARE(QString::fromStdString(sheet->params.at("region")), QStringLiteral("North"));
        QCOMPARE(QString::fromStdString(sheet->params.at("limit")), QStringLiteral("10"));
    }

    void defaults() {
        auto r = reportFromText(R"({"question": "q", "format": "csv"})", "reports/daily_csv.json");
        QVERIFY(r);
        QCOMPARE(QString::fromStdString(r->name), QStringLiteral("daily_csv"));  // the file's stem
        QCOMPARE(QString::fromStdString(r->out), QStringLiteral("reports-out"));
        QCOMPARE(r->keep, 0);
        QVERIFY(!r->skipIfEmpty);
        QVERIFY(r->schedule.empty());
    }

    void readsAlerts() {
        auto rows = reportFromText(R"({"question": "late", "alert": {}})", "reports/late.json");
        QVERIFY2(rows, rows.isOk() ? "" : rows.message().c_str());
        QVERIFY(rows->alert);
        QVERIFY(rows->alert->when == AlertSpec::When::Rows);
        QVERIFY(!rows->alert->firstTimeOnly);
        QVERIFY(!rows->writesFile());  // an alert without a format writes no file

        auto below = reportFromText(
            R"({"question": "rev", "format": "csv", "alert": {"when": "below", "column": "total",
                                       "goal": 1000.5, "notify": "first_time", "command": "notify-send hi"}})",
            "reports/rev.json");
        QVERIFY2(below, below.isOk() ? "" : below.message().c_str());
        QVERIFY(below->alert->when == AlertSpec::When::Below);
        QCOMPARE(QString::fromStdString(below->alert->column), QStringLiteral("total"));
        QCOMPARE(below->alert->goal, 1000.5);
        QVERIFY(below->alert->firstTimeOnly);
        QCOMPARE(QString::fromStdString(below->alert->command), QStringLiteral("notify-send hi"));
    }

    void mistakesAreOneLineNamingTheField_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << R"({"question": )"
                                  << "reports/r.json: not valid JSON (byte 14)";
        QTest::newRow("not an object") << "[1]"
                                       << "reports/r.json: a report is a JSON object";
        QTest::newRow("neither")
            << R"({"format": "csv"})"
            << R"(reports/r.json: "question": a report reads one dashboard or one question)";
        QTest::newRow("both")
            << R"({"question": "q", "dashboard": "d", "format": "csv"})"
            << R"(reports/r.json: "dashboard": a report reads one dashboard or one question)";
        QTest::newRow("no format") << R"({"dashboard": "d"})"
                                   << R"(reports/r.json: "format": is required (png or pdf))";
        QTest::newRow("dashboard to csv")
            << R"({"dashboard": "d", "format": "csv"})"
            << R"(reports/r.json: "format": a dashboard is drawn to png or pdf, not "csv")";
        QTest::newRow("question to pdf")
            << R"({"question": "q", "format": "pdf"})"
            << R"(reports/r.json: "format": a question is written as csv, tsv, json, ndjson or xlsx, not "pdf")";
        QTest::newRow("typo")
            << R"({"question": "q", "format": "csv", "skip_if_emtpy": true})"
            << R"(reports/r.json: "skip_if_emtpy": is not a report field (see docs/reports.md))";
        QTest::newRow("keep text")
            << R"({"question": "q", "format": "csv", "keep": "5"})"
            << R"(reports/r.json: "keep": must be a whole number of files (0 keeps all))";
        QTest::newRow("keep negative")
            << R"({"question": "q", "format": "csv", "keep": -1})"
            << R"(reports/r.json: "keep": must be a whole number of files (0 keeps all))";
        QTest::newRow("after not list") << R"({"question": "q", "format": "csv", "after": "inbox"})"
                                        << R"(reports/r.json: "after": must be a list of source names)";
        QTest::newRow("alert on dashboard")
            << R"({"dashboard": "d", "format": "png", "alert": {}})"
            << R"(reports/r.json: "alert": an alert watches a question, not a dashboard)";
        QTest::newRow("alert when")
            << R"({"question": "q", "alert": {"when": "over"}})"
            << R"(reports/r.json: "alert": "when" is rows, above or below, not "over")";
        QTest::newRow("alert goal") << R"({"question": "q", "alert": {"when": "above", "goal": "10"}})"
                                    << R"(reports/r.json: "alert": "above" needs a number "goal")";
        QTest::newRow("alert notify")
            << R"({"question": "q", "alert": {"notify": "once"}})"
            << R"(reports/r.json: "alert": "notify" is first_time or every_time, not "once")";
        QTest::newRow("params list")
            << R"({"question": "q", "format": "csv", "params": {"a": [1]}})"
            << R"(reports/r.json: "params": "a" must be text, a number or true/false)";
        QTest::newRow("skip on dashboard")
            << R"({"dashboard": "d", "format": "png", "skip_if_empty": true})"
            << R"(reports/r.json: "skip_if_empty": applies to a question's rows)";
        QTest::newRow("name not text") << R"({"name": 3, "question": "q", "format": "csv"})"
                                       << R"(reports/r.json: "name": must be text)";
    }
    void mistakesAreOneLineNamingTheField() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        auto r = reportFromText(text.toStdString(), "reports/r.json");
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.message()), error);
    }

    // A bad file is listed as a problem; the others load. Two files with one name: the second
    // is a problem.
    void workspaceReportsKeepGoingPastABadFile() {
        test::TempWorkspace ws;
        ws.write("reports/a.json", R"({"question": "q", "format": "csv"})");
        ws.write("reports/b.json", R"({"question": "q"})");
        ws.write("reports/c.json", R"({"name": "a", "question": "q", "format": "xlsx"})");
        ws.write("reports/notes.txt", "not a report");
        const WorkspaceReports loaded = loadWorkspaceReports(ws.path());
        QCOMPARE(loaded.reports.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(loaded.reports[0].file), QStringLiteral("reports/a.json"));
        QCOMPARE(loaded.problems.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(loaded.problems[0]),
                 QStringLiteral("reports/b.json: \"format\": is required (csv, tsv, json, ndjson or xlsx)"));
        QCOMPARE(QString::fromStdString(loaded.problems[1]),
                 QStringLiteral("reports/c.json: \"name\": \"a\" is also the name of reports/a.json"));
        QVERIFY(loadWorkspaceReports(ws.file("nowhere")).reports.empty());
    }
};

QTEST_GUILESS_MAIN(ReportFileTest)
#include "report_file_test.moc"

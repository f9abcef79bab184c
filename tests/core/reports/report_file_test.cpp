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
        QCOMPARE(r->retry.retries, 2);
        QCOMPARE(r->retry.delaySeconds, 30.0);
    }

    // A schedule is read with the sources' schedule parser: every form it takes works here, and
    // a wrong one is refused when the file is read, not when it would run.
    void schedulesAndRetriesAreRead() {
        auto r = reportFromText(
            R"({"question": "q", "format": "csv", "schedule": "30 6 * * 1-5", "retries": 0, "retry_delay_seconds": 2.5})",
            "reports/r.json");
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        QCOMPARE(QString::fromStdString(r->schedule), QStringLiteral("30 6 * * 1-5"));
        QCOMPARE(r->retry.retries, 0);
        QCOMPARE(r->retry.delaySeconds, 2.5);
        auto words = reportFromText(R"({"question": "q", "format": "csv", "schedule": "now and then"})",
                                    "reports/r.json");
        QVERIFY(!words);
        QVERIFY2(QString::fromStdString(words.message())
                     .startsWith(
                         QStringLiteral(R"(reports/r.json: "schedule": "now and then" is not a schedule ()")),
                 words.message().c_str());
        QVERIFY(words.message().find('\n') == std::string::npos);
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

    // What the editor saves reads back as the same report, every field; defaults are left out
    // of the file; the file lands atomically under reports/<name>.json.
    void savedReportsRoundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("dashboard, every field")
            << R"({"name": "weekly", "dashboard": "sales", "format": "pdf", "out": "pdfs",
                  "params": {"region": "North", "year": "2026"}, "schedule": "weekly mon 08:00",
                  "after": ["orders", "customers"], "keep": 8, "retries": 5, "retry_delay_seconds": 2.5})";
        QTest::newRow("question, skip if empty")
            << R"({"name": "sheet", "question": "recent", "format": "xlsx",
                                                      "skip_if_empty": true, "retries": 0})";
        QTest::newRow("alert below, first time")
            << R"({"name": "low", "question": "revenue", "alert": {"when": "below", "column": "total",
                  "goal": 1000.5, "notify": "first_time", "command": "notify-send \"$DESKBASE_ALERT_MESSAGE\""}})";
        QTest::newRow("alert rows with a file") << R"({"name": "late", "question": "late", "format": "csv",
                                                     "alert": {"when": "rows"}, "schedule": "0 * * * *"})";
    }
    void savedReportsRoundTrip() {
        QFETCH(QString, text);
        auto original = reportFromText(text.toStdString(), "reports/x.json");
        QVERIFY2(original, original.isOk() ? "" : original.message().c_str());
        test::TempWorkspace ws;
        for (const auto& source : original->after)  // the sources it follows exist
            ws.write("sources/" + source + ".json", R"({"path": "in/"})");
        auto path = saveReportFile(ws.path(), *original);
        QVERIFY2(path, path.isOk() ? "" : path.message().c_str());
        QCOMPARE(*path, ws.file("reports/" + original->name + ".json"));
        auto back = loadReportFile(*path, "reports/x.json");
        QVERIFY2(back, back.isOk() ? "" : back.message().c_str());
        QCOMPARE(back->name, original->name);
        QCOMPARE(back->dashboard, original->dashboard);
        QCOMPARE(back->question, original->question);
        QCOMPARE(back->format, original->format);
        QCOMPARE(back->out, original->out);
        QVERIFY(back->params == original->params);
        QCOMPARE(back->schedule, original->schedule);
        QCOMPARE(back->after, original->after);
        QCOMPARE(back->skipIfEmpty, original->skipIfEmpty);
        QCOMPARE(back->keep, original->keep);
        QCOMPARE(back->retry.retries, original->retry.retries);
        QCOMPARE(back->retry.delaySeconds, original->retry.delaySeconds);
        QCOMPARE(bool(back->alert), bool(original->alert));
        if (original->alert) {
            QVERIFY(back->alert->when == original->alert->when);
            QCOMPARE(back->alert->column, original->alert->column);
            QCOMPARE(back->alert->goal, original->alert->goal);
            QCOMPARE(back->alert->firstTimeOnly, original->alert->firstTimeOnly);
            QCOMPARE(back->alert->command, original->alert->command);
        }
        QCOMPARE(reportToText(*back), reportToText(*original));  // stable
    }

    void savingRefusesWhatWouldNotReadBack() {
        test::TempWorkspace ws;
        ReportSpec r;
        r.name = "bad";
        r.question = "q";
        r.format = "pdf";  // a question is not drawn
        auto saved = saveReportFile(ws.path(), r);
        QVERIFY(!saved);
        QCOMPARE(
            QString::fromStdString(saved.message()),
            QStringLiteral(
                R"(reports/bad.json: "format": a question is written as csv, tsv, json, ndjson or xlsx, not "pdf")"));
        QVERIFY(!QFile::exists(QString::fromStdString(ws.file("reports/bad.json"))));
        r.format = "csv";
        r.name = "../escape";
        QVERIFY(!saveReportFile(ws.path(), r));
        // The defaults are not written.
        r.name = "plain";
        QCOMPARE(
            reportToText(r),
            std::string("{\n  \"name\": \"plain\",\n  \"question\": \"q\",\n  \"format\": \"csv\"\n}\n"));
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
        QTest::newRow("schedule hour out of range")
            << R"({"question": "q", "format": "csv", "schedule": "0 25 * * *"})"
            << R"(reports/r.json: "schedule": cron field 2 (hour): 25 is out of range 0-23)";
        QTest::newRow("schedule not text") << R"({"question": "q", "format": "csv", "schedule": 5})"
                                           << R"(reports/r.json: "schedule": must be text)";
        QTest::newRow("retries negative")
            << R"({"question": "q", "format": "csv", "retries": -1})"
            << R"(reports/r.json: "retries": must be a whole number from 0 to 100)";
        QTest::newRow("retries fraction")
            << R"({"question": "q", "format": "csv", "retries": 1.5})"
            << R"(reports/r.json: "retries": must be a whole number from 0 to 100)";
        QTest::newRow("retry delay text")
            << R"({"question": "q", "format": "csv", "retry_delay_seconds": "30"})"
            << R"(reports/r.json: "retry_delay_seconds": must be a number of seconds from 0 to 86400)";
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

    // A report "after" a source that is not there would never run: reading the workspace's
    // reports makes it one line, and so does saving it. A broken source file still counts as
    // the source (fixing it makes the report run).
    void afterAMissingSourceIsOneLine() {
        test::TempWorkspace ws;
        ws.write("sources/orders.json", R"({"path": "in/"})");
        ws.write("sources/broken.json", R"({"path": "in/", "mode": "sideways"})");
        ws.write("reports/ok.json", R"({"question": "q", "format": "csv", "after": ["orders", "broken"]})");
        ws.write("reports/typo.json", R"({"question": "q", "format": "csv", "after": ["orders", "ordres"]})");
        const WorkspaceReports loaded = loadWorkspaceReports(ws.path());
        QCOMPARE(loaded.reports.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(loaded.reports[0].name), QStringLiteral("ok"));
        QCOMPARE(loaded.problems.size(), std::size_t(1));
        QCOMPARE(
            QString::fromStdString(loaded.problems[0]),
            QStringLiteral(R"(reports/typo.json: "after": no source named ordres (sources/ordres.json))"));

        ReportSpec r;
        r.name = "sheet";
        r.question = "q";
        r.format = "csv";
        r.after = {"nowhere"};
        auto saved = saveReportFile(ws.path(), r);
        QVERIFY(!saved);
        QCOMPARE(
            QString::fromStdString(saved.message()),
            QStringLiteral(R"(reports/sheet.json: "after": no source named nowhere (sources/nowhere.json))"));
        QVERIFY(!QFile::exists(QString::fromStdString(ws.file("reports/sheet.json"))));
        r.after = {"orders"};
        QVERIFY(saveReportFile(ws.path(), r));
    }
};

QTEST_GUILESS_MAIN(ReportFileTest)
#include "report_file_test.moc"

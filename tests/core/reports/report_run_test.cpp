// Running reports against a real SQLite workspace: a question's full result to CSV and XLSX with a
// dated name (read back), parameters bound, skip_if_empty, keep N, a failing question leaving no
// file, a dashboard through the renderer it is given, alerts ("first_time" fires once, the
// command runs with what fired), and each run in the run history.
#include "core/reports/report_run.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/pipeline/run_log.h"
#include "core/reports/report_output.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"
#include "tests/support/temp_workspace.h"
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

ReportSpec spec(const std::string& json, const std::string& name) {
    auto r = reportFromText(json, "reports/" + name + ".json");
    if (!r) qFatal("%s", r.message().c_str());
    return *r;
}

}  // namespace

class ReportRunTest : public QObject {
    Q_OBJECT
    test::TempWorkspace dir_;
    std::optional<Workspace> ws_;
    std::unique_ptr<Runtime> runtime_;

    ReportOutcome run(const std::string& json, const std::string& name, ReportRunOptions options = {}) {
        if (!options.now.isValid()) options.now = QDateTime(QDate(2026, 12, 1), QTime(6, 30));
        return runReport(*ws_, *runtime_, spec(json, name), options);
    }
    std::vector<RunStep> stepsOf(std::int64_t runId) {
        auto w = Warehouse::open(ws_->defaultTarget());
        auto steps = runSteps(**w, runId);
        return steps ? *steps : std::vector<RunStep>{};
    }

private slots:
    void initTestCase() {
        auto created = Workspace::create(dir_.path());
        QVERIFY2(created, created.isOk() ? "" : created.message().c_str());
        ws_ = std::move(*created);
        auto w = Warehouse::open(ws_->defaultTarget());
        QVERIFY(w);
        for (const char* sql :
             {"CREATE TABLE orders (id INTEGER, region TEXT, total REAL, day DATE)",
              "INSERT INTO orders VALUES (1, 'North', 10.5, '2026-11-30'), (2, 'South', 4, '2026-12-01'),"
              " (3, 'North', 7.25, '2026-12-01')"})
            QVERIFY((*w)->execute(sql));
        Question byRegion;
        byRegion.name = "Orders by region";
        byRegion.sql = "SELECT id, region, total, day FROM orders WHERE region = {{region}} ORDER BY id";
        Parameter region;
        region.name = "region";
        byRegion.parameters = {region};
        QVERIFY(ws_->saveQuestion("orders_by_region.json", byRegion));
        Question revenue;
        revenue.name = "Revenue";
        revenue.sql = "SELECT sum(total) AS total FROM orders";
        QVERIFY(ws_->saveQuestion("revenue.json", revenue));
        Question broken;
        broken.name = "Broken";
        broken.sql = "SELECT nope FROM orders";
        QVERIFY(ws_->saveQuestion("broken.json", broken));
        RuntimeOptions options;
        options.queryThreads = 1;
        runtime_ = std::make_unique<Runtime>(options);
    }

    void questionToCsvWithParametersAndADatedName() {
        auto o = run(R"({"question": "orders_by_region", "format": "csv", "params": {"region": "North"}})",
                     "north");
        QCOMPARE(QString::fromStdString(o.status), QStringLiteral("success"));
        QCOMPARE(QString::fromStdString(o.path),
                 QString::fromStdString(ws_->path("reports-out/north-2026-12-01-0630.csv")));
        QCOMPARE(o.rows, std::uint64_t(2));
        QCOMPARE(
            readFile(o.path),
            std::string("id,region,total,day\r\n1,North,10.5,2026-11-30\r\n3,North,7.25,2026-12-01\r\n"));
        // The run history has it.
        QVERIFY(o.runId > 0);
        const auto steps = stepsOf(o.runId);
        QCOMPARE(steps.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(steps[0].kind), QStringLiteral("report"));
        QCOMPARE(QString::fromStdString(steps[0].name), QStringLiteral("north"));
        QCOMPARE(QString::fromStdString(steps[0].status), QStringLiteral("success"));
        QCOMPARE(*steps[0].rows, std::int64_t(2));
    }

    void questionToXlsxReadsBack() {
        ReportRunOptions options;
        options.outDir = dir_.file("elsewhere");  // --out: another folder
        auto o = run(R"({"question": "orders_by_region", "format": "xlsx", "params": {"region": "South"}})",
                     "south", options);
        QCOMPARE(QString::fromStdString(o.status), QStringLiteral("success"));
        QVERIFY(o.path.rfind(dir_.file("elsewhere/south-2026-12-01-0630.xlsx"), 0) == 0);
        QString error;
        auto sheet = test::readXlsx(QString::fromStdString(o.path), &error);
        QVERIFY2(sheet, qPrintable(error));
        QCOMPARE(sheet->rowCount, 2);
        QCOMPARE(sheet->cell("A2")->text, QStringLiteral("2"));
        QCOMPARE(sheet->cell("B2")->text, QStringLiteral("South"));
        QCOMPARE(sheet->cell("C2")->text, QStringLiteral("4"));
        QCOMPARE(sheet->cell("D2")->text.toDouble(), test::excelSerial(2026, 12, 1));
    }

    void skipIfEmptyWritesNoFile() {
        auto o = run(
            R"({"question": "orders_by_region", "format": "csv", "params": {"region": "West"}, "skip_if_empty": true})",
            "west");
        QCOMPARE(QString::fromStdString(o.status), QStringLiteral("skipped"));
        QVERIFY(o.path.empty());
        QVERIFY(reportOutputs(ws_->path("reports-out"), "west", "csv").empty());
        // Without skip_if_empty an empty result is still a file with its header.
        auto kept =
            run(R"({"question": "orders_by_region", "format": "csv", "params": {"region": "West"}})", "west");
        QCOMPARE(QString::fromStdString(kept.status), QStringLiteral("success"));
        QCOMPARE(readFile(kept.path), std::string("id,region,total,day\r\n"));
    }

    void keepPrunesTheOldest() {
        const std::string json = R"({"question": "revenue", "format": "csv", "keep": 2})";
        std::vector<std::string> written;
        for (int day = 1; day <= 4; ++day) {
            ReportRunOptions options;
            options.now = QDateTime(QDate(2026, 11, day), QTime(6, 0));
            auto o = run(json, "rev", options);
            QCOMPARE(QString::fromStdString(o.status), QStringLiteral("success"));
            QCOMPARE(o.removed.size(), std::size_t(day <= 2 ? 0 : 1));
            written.push_back(o.path);
        }
        QCOMPARE(reportOutputs(ws_->path("reports-out"), "rev", "csv"),
                 std::vector<std::string>({written[2], written[3]}));
    }

    void aFailingQuestionLeavesNoFileAndSaysWhy() {
        auto o = run(R"({"question": "broken", "format": "xlsx"})", "broken");
        QCOMPARE(QString::fromStdString(o.status), QStringLiteral("error"));
        QVERIFY2(QString::fromStdString(o.message).startsWith(QLatin1String("reports/broken.json: ")),
                 o.message.c_str());
        QVERIFY2(o.message.find("nope") != std::string::npos, o.message.c_str());
        QVERIFY(o.message.find('\n') == std::string::npos);
        QVERIFY(reportOutputs(ws_->path("reports-out"), "broken", "xlsx").empty());
        for (const auto& e : fs::directory_iterator(ws_->path("reports-out")))
            QVERIFY2(e.path().filename().string().find(".part") == std::string::npos, e.path().c_str());
        const auto steps = stepsOf(o.runId);
        QCOMPARE(steps.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(steps[0].status), QStringLiteral("error"));
        QCOMPARE(steps[0].error, o.message);

        auto missing = run(R"({"question": "nowhere", "format": "csv"})", "missing");
        QCOMPARE(QString::fromStdString(missing.message),
                 QStringLiteral("reports/missing.json: no question \"nowhere\" in questions/"));
    }

    void dashboardsGoThroughTheRenderer() {
        dir_.write("dashboards/overview.json", "{}");  // only looked up by name here
        ws_->reload();
        std::string drawn, filters;
        ReportRunOptions options;
        options.renderDashboard = [&](const std::string& dashboard, const std::string& out,
                                      const std::vector<std::string>& args) {
            drawn = dashboard;
            for (const auto& a : args) filters += a + ";";
            std::ofstream(out) << "%PDF";
            return Status::ok();
        };
        auto o = run(R"({"dashboard": "overview", "format": "pdf", "params": {"region": "North"}})", "weekly",
                     options);
        QCOMPARE(QString::fromStdString(o.status), QStringLiteral("success"));
        QCOMPARE(drawn, ws_->path("dashboards/overview.json"));
        QCOMPARE(QString::fromStdString(filters), QStringLiteral("region=North;"));
        QCOMPARE(readFile(o.path), std::string("%PDF"));

        options.renderDashboard = [](const std::string&, const std::string&,
                                     const std::vector<std::string>&) {
            return Status::fail("2 of 5 cards failed: c1: no such table");
        };
        auto failed = run(R"({"dashboard": "overview", "format": "png"})", "weekly", options);
        QCOMPARE(QString::fromStdString(failed.message),
                 QStringLiteral("reports/weekly.json: 2 of 5 cards failed: c1: no such table"));
        auto unknown = run(R"({"dashboard": "sales", "format": "png"})", "weekly", options);
        QCOMPARE(QString::fromStdString(unknown.message),
                 QStringLiteral("reports/weekly.json: no dashboard \"sales\" in dashboards/"));
    }

    void firstTimeAlertFiresOnce() {
        const std::string json =
            R"({"question": "revenue", "alert": {"when": "above", "goal": 20, "notify": "first_time"}})";
        auto first = run(json, "big_revenue");
        QCOMPARE(QString::fromStdString(first.status), QStringLiteral("fired"));
        QCOMPARE(QString::fromStdString(first.message),
                 QStringLiteral("big_revenue: total 21.75 is above the goal 20"));
        QVERIFY(first.path.empty());  // no format: no file
        auto second = run(json, "big_revenue");
        QCOMPARE(QString::fromStdString(second.status), QStringLiteral("quiet"));
        QVERIFY2(second.message.find("fired before") != std::string::npos, second.message.c_str());
        const auto steps = stepsOf(second.runId);
        QCOMPARE(QString::fromStdString(steps.at(0).kind), QStringLiteral("alert"));
        QCOMPARE(QString::fromStdString(steps.at(0).status), QStringLiteral("quiet"));
        // every_time fires again and again.
        const std::string every = R"({"question": "revenue", "alert": {"when": "above", "goal": 20}})";
        QCOMPARE(QString::fromStdString(run(every, "rev_every").status), QStringLiteral("fired"));
        QCOMPARE(QString::fromStdString(run(every, "rev_every").status), QStringLiteral("fired"));
        // Below a goal it does not cross: quiet.
        auto quiet = run(R"({"question": "revenue", "alert": {"when": "below", "goal": 20}})", "rev_low");
        QCOMPARE(QString::fromStdString(quiet.status), QStringLiteral("quiet"));
    }

    void alertCommandRunsWithWhatFired() {
        const std::string out = dir_.file("alert-env.txt");
        const std::string json =
            R"({"question": "orders_by_region", "params": {"region": "North"}, "format": "csv",
            "alert": {"command": "printf '%s|%s' \"$DESKBASE_ALERT_NAME\" \"$DESKBASE_ALERT_MESSAGE\" > )" +
            out + R"("}})";
        auto o = run(json, "north_orders");
        QVERIFY2(o.status == "fired", o.message.c_str());
        QCOMPARE(readFile(out), std::string("north_orders|north_orders: 2 rows"));
        QVERIFY(!o.path.empty());  // a firing alert with a format writes its rows
        // A command that fails is said, and the alert still fired.
        auto failing = run(R"({"question": "revenue", "alert": {"command": "exit 3"}})", "rev_cmd");
        QCOMPARE(QString::fromStdString(failing.status), QStringLiteral("fired"));
        QVERIFY2(failing.message.find("the alert's command exited with status 3") != std::string::npos,
                 failing.message.c_str());
    }

    void anUnwritableFolderIsAnError() {
        dir_.write("blocked", "a file where the folder should be");
        ReportRunOptions options;
        options.outDir = dir_.file("blocked/out");
        auto o = run(R"({"question": "revenue", "format": "csv"})", "rev_blocked", options);
        QCOMPARE(QString::fromStdString(o.status), QStringLiteral("error"));
        QVERIFY2(QString::fromStdString(o.message).startsWith(
                     QLatin1String("reports/rev_blocked.json: cannot create the folder ")),
                 o.message.c_str());
    }
};

QTEST_GUILESS_MAIN(ReportRunTest)
#include "report_run_test.moc"

// `deskbase report` end to end on a small demo workspace: a dashboard drawn to a one-page PDF, a
// question written to XLSX (read back) with "keep", an alert, --all with --report json, and the
// one-line errors: an unknown name, a broken report file, no names at all.
#include <QDir>
#include <QFile>
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/dashboard/demo_workspace.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/xlsx_reader.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {
std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.push_back(it->path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

class ReportCliTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempWorkspace> ws_;

    test::ProcessResult report(std::vector<std::string> args) {
        args.insert(args.begin(), "report");
        args.insert(args.end(), {"--workspace", ws_->path()});
        return test::runDeskbase(args, 240000);
    }

private slots:
    void initTestCase() {
        ws_ = std::make_unique<test::TempWorkspace>();
        dashboard::DemoSizes sizes;
        sizes.customers = 150;
        sizes.orders = 1200;
        auto s = dashboard::ensureDemoWorkspace(ws_->path(), sizes);
        QVERIFY2(s.isOk(), s.message().c_str());
        QVERIFY(test::usePrivateRuntimeDir(*ws_));
        ws_->write(
            "reports/weekly_sales.json",
            R"({"name": "weekly_sales", "dashboard": "sales_overview", "format": "pdf", "schedule": "weekly mon 08:00"})");
        ws_->write("reports/orders_sheet.json",
                   R"({"question": "sales_recent_orders", "format": "xlsx", "keep": 1, "out": "sheets"})");
        ws_->write("reports/any_orders.json",
                   R"({"question": "sales_recent_orders", "alert": {"when": "rows"}})");
    }

    void dashboardToPdf() {
        auto r = report({"weekly_sales"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto files = filesIn(ws_->file("reports-out"));
        QCOMPARE(files.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(files[0]).contains(
                     QRegularExpression(QStringLiteral("^weekly_sales-\\d{4}-\\d\\d-\\d\\d-\\d{4}\\.pdf$"))),
                 files[0].c_str());
        QFile pdf(QString::fromStdString(ws_->file("reports-out/" + files[0])));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY2(bytes.size() > 20000,
                 qPrintable(QString::number(bytes.size())));  // the drawn cards, not an empty page
        QVERIFY2(QString::fromStdString(r.out).startsWith(
                     QStringLiteral("weekly_sales: success, wrote reports-out/weekly_sales-")),
                 r.out.c_str());
    }

    void questionToXlsxKeepsTheNewest() {
        auto first = report({"orders_sheet"});
        QVERIFY2(first.exitCode == 0, first.err.c_str());
        auto second = report({"orders_sheet"});
        QVERIFY2(second.exitCode == 0, second.err.c_str());
        QVERIFY2(second.out.find("removed 1 older") != std::string::npos, second.out.c_str());
        const auto files = filesIn(ws_->file("sheets"));
        QCOMPARE(files.size(), std::size_t(1));  // "keep": 1
        QString error;
        auto sheet = test::readXlsx(QString::fromStdString(ws_->file("sheets/" + files[0])), &error);
        QVERIFY2(sheet, qPrintable(error));
        QCOMPARE(sheet->rowCount, 51);  // the header and the question's LIMIT 50
        QCOMPARE(sheet->cell("A1")->text, QStringLiteral("order_id"));
        QCOMPARE(sheet->cell("A2")->type, QStringLiteral("n"));
        QVERIFY(
            sheet->cell("B2")->numberFormat.startsWith(QLatin1String("yyyy-mm-dd")));  // order_date: a date
    }

    void allWithAJsonReport() {
        ws_->write("reports/broken.json", R"({"question": "sales_recent_orders", "format": "docx"})");
        auto r = report({"--all", "--report", "json"});
        QCOMPARE(r.exitCode, 0);  // the broken file is a problem on stderr; every loaded report ran
        QVERIFY2(
            r.err.find("reports/broken.json: \"format\": a question is written as csv") != std::string::npos,
            r.err.c_str());
        const auto j = nlohmann::json::parse(r.out);
        std::map<std::string, std::string> status;
        for (const auto& o : j["reports"]) status[o["name"]] = o["status"];
        const std::map<std::string, std::string> expected = {
            {"any_orders", "fired"}, {"orders_sheet", "success"}, {"weekly_sales", "success"}};
        QCOMPARE(status, expected);
        fs::remove(ws_->file("reports/broken.json"));
    }

    void errorsAreOneLine() {
        auto unknown = report({"nightly"});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(QString::fromStdString(unknown.err).trimmed(),
                 QStringLiteral("deskbase report: no report \"nightly\" in %1")
                     .arg(QString::fromStdString(ws_->file("reports"))));
        ws_->write("reports/typo.json", R"({"question": "sales_recent_orders", "format": "csv", "kep": 2})");
        auto typo = report({"typo"});
        QCOMPARE(typo.exitCode, 1);
        QCOMPARE(
            QString::fromStdString(typo.err).trimmed(),
            QStringLiteral(
                "deskbase report: reports/typo.json: \"kep\": is not a report field (see docs/reports.md)"));
        fs::remove(ws_->file("reports/typo.json"));
        auto nothing = report({});
        QCOMPARE(nothing.exitCode, 2);
        ws_->write("reports/gone.json", R"({"question": "no_such_question", "format": "csv"})");
        auto gone = report({"gone"});
        QCOMPARE(gone.exitCode, 1);
        QCOMPARE(QString::fromStdString(gone.err).trimmed(),
                 QStringLiteral(
                     "deskbase report: reports/gone.json: no question \"no_such_question\" in questions/"));
        fs::remove(ws_->file("reports/gone.json"));
    }
};

QTEST_GUILESS_MAIN(ReportCliTest)
#include "report_cli_test.moc"

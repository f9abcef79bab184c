// `deskbase render` end to end: a PNG of the whole demo dashboard with the expected size and
// real content, and a PDF of A4 pages whose header and footer are text.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>
#include <algorithm>
#include <set>

#include "core/dashboard/demo_workspace.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

namespace {
QStringList strings(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items) out << QString::fromUtf8(s);
    return out;
}

// A poppler-utils tool's standard output ("" when it cannot run).
QString poppler(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}
}  // namespace

class RenderTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::TempWorkspace> ws_;

private slots:
    void initTestCase() {
        ws_ = std::make_unique<test::TempWorkspace>();
        dashboard::DemoSizes sizes;
        sizes.customers = 150;
        sizes.orders = 1200;
        auto s = dashboard::ensureDemoWorkspace(ws_->path(), sizes);
        QVERIFY2(s.isOk(), s.message().c_str());
        QVERIFY(test::usePrivateRuntimeDir(*ws_));
    }

    void rendersPng_data() {
        QTest::addColumn<QString>("dashboard");
        QTest::addColumn<QString>("theme");
        QTest::newRow("sales, light") << "sales_overview"
                                      << "light";
        QTest::newRow("basket, dark") << "basket_analysis"
                                      << "dark";
    }
    void rendersPng() {
        QFETCH(QString, dashboard);
        QFETCH(QString, theme);
        const std::string out = ws_->file(dashboard.toStdString() + ".png");
        auto r = test::runDeskbase({"render", ws_->file("dashboards/" + dashboard.toStdString() + ".json"),
                                    "--out", out, "--width", "1200", "--theme", theme.toStdString()});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QImage image(QString::fromStdString(out));
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 1200);
        QVERIFY2(image.height() > 900, qPrintable(QString::number(image.height())));
        // Not blank: many colours, and a good share of pixels differ from the background.
        const QRgb background = image.pixel(2, 2);
        std::set<QRgb> colours;
        qint64 different = 0, total = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QRgb p = image.pixel(x, y);
                colours.insert(p);
                different += p != background;
                ++total;
            }
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
        // The theme is the one asked for: a dark page behind dark mode.
        QCOMPARE(qGray(background) < 96, theme == QStringLiteral("dark"));
        QVERIFY2(different > total / 3, qPrintable(QString::number(double(different) / double(total))));
        // Each series colour of the palette's first entry appears (bars/lines were drawn).
        bool accent = false;
        for (QRgb c : colours)
            accent = accent ||
                     (qAbs(qRed(c) - 0x50) < 6 && qAbs(qGreen(c) - 0x9e) < 6 && qAbs(qBlue(c) - 0xe3) < 6);
        QVERIFY(accent);
    }

    void rendersPdfWithParams() {
        const std::string out = ws_->file("sales.pdf");
        auto r =
            test::runDeskbase({"render", ws_->file("dashboards/sales_overview.json"), "--out", out, "--param",
                               "category=Books,Toys", "--param", "date=2024-01-01..2024-06-30"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QFile f(QString::fromStdString(out));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdf.size() > 20000, qPrintable(QString::number(pdf.size())));
        // A4 landscape pages (poppler-utils, installed by packaging/install-deps.sh, reads them):
        // the 11 cards do not fit on one (session 6: one 1080 x 1404 pt page).
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        QVERIFY2(!pdftoppm.isEmpty(), "pdftoppm is missing: run packaging/install-deps.sh (poppler-utils)");
        const QString info = poppler(QStringLiteral("pdfinfo"), {QString::fromStdString(out)});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+84[12](\\.\\d+)? x 595(\\.\\d+)? pts \\(A4\\)"))),
                 qPrintable(info));
        const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pages.hasMatch() && pages.captured(1).toInt() >= 2, qPrintable(info));
        // The header and footer are text, not pixels: a reader can select and search them.
        const QString text = poppler(QStringLiteral("pdftotext"), {QString::fromStdString(out), QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Sales overview")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Books, Toys")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2024-01-01 – 2024-06-30")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("page 1 of %1").arg(pages.captured(1))), qPrintable(text));
        // Rasterize the first page and check it is not blank.
        const QString prefix = QString::fromStdString(ws_->file("page"));
        QCOMPARE(QProcess::execute(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"),
                                              QStringLiteral("40"), QString::fromStdString(out), prefix}),
                 0);
        QImage page(prefix + QStringLiteral("-1.png"));
        QVERIFY(!page.isNull());
        std::set<QRgb> colours;
        for (int y = 0; y < page.height(); y += 2)
            for (int x = 0; x < page.width(); x += 2) colours.insert(page.pixel(x, y));
        QVERIFY(colours.size() > 50);
    }

    // docs/dashboards.md: render exits non-zero when a card failed, with one warning line per failure.
    void failedCardExitsNonZero() {
        ws_->write(
            "questions/broken.json",
            R"({"name": "Broken", "sql": "SELECT * FROM no_such_table", "visualization": {"type": "table"}})");
        ws_->write("dashboards/half_broken.json",
                   R"({"name": "Half broken", "cards": [
                       {"id": "good", "question": "sales_kpi_orders.json", "x": 0, "y": 0, "w": 6, "h": 4},
                       {"id": "bad", "question": "broken.json", "x": 6, "y": 0, "w": 6, "h": 4}]})");
        const std::string out = ws_->file("half_broken.png");
        auto r = test::runDeskbase({"render", ws_->file("dashboards/half_broken.json"), "--out", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.find("2 cards (1 failed)") != std::string::npos, r.out.c_str());
        QVERIFY2(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err.c_str());
        QVERIFY2(r.err.rfind("deskbase render: warning: ", 0) == 0 &&
                     r.err.find("no_such_table") != std::string::npos,
                 r.err.c_str());
        QVERIFY(QFile::exists(QString::fromStdString(out)));  // the rest is still drawn
    }

    // Issue 10: "--param minp=abc" on a number filter drew "No results" and exited 0. A number
    // filter refuses the text before anything is drawn; a number parameter behind a text filter
    // fails its card. Either way: non-zero, one line, and a number still draws.
    void numberFilterRefusesText_data() {
        QTest::addColumn<QString>("filterType");
        QTest::addColumn<QString>("parameterType");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("drawn");
        QTest::newRow("number filter") << "number"
                                       << "text"
                                       << "deskbase render: filter minp: \"abc\" is not a number\n"
                                       << false;
        QTest::newRow("number parameter") << "text"
                                          << "number"
                                          << "deskbase render: warning: " << true;
    }
    void numberFilterRefusesText() {
        QFETCH(QString, filterType);
        QFETCH(QString, parameterType);
        QFETCH(QString, error);
        QFETCH(bool, drawn);
        const std::string name = "minp_" + parameterType.toStdString() + "_" + filterType.toStdString();
        ws_->write("questions/" + name + ".json",
                   R"({"name": "Pricey", "sql": "SELECT count(*) AS n FROM orders WHERE 1 > {{minp}}",
                       "parameters": [{"name": "minp", "type": ")" +
                       parameterType.toStdString() + R"("}], "visualization": {"type": "number"}})");
        ws_->write("dashboards/" + name + ".json",
                   R"({"name": "Number filter",
                       "filters": [{"id": "minp", "label": "Min price", "type": ")" +
                       filterType.toStdString() + R"(", "default": ["0"],
                                    "targets": [{"card": "c", "parameter": "minp"}]}],
                       "cards": [{"id": "c", "question": ")" +
                       name + R"(.json", "x": 0, "y": 0, "w": 6, "h": 4}]})");
        const std::string dash = ws_->file("dashboards/" + name + ".json");
        const std::string out = ws_->file(name + ".png");
        auto bad = test::runDeskbase({"render", dash, "--out", out, "--param", "minp=abc"});
        QVERIFY(bad.exitCode != 0);
        QCOMPARE(std::count(bad.err.begin(), bad.err.end(), '\n'), std::ptrdiff_t(1));
        QVERIFY2(bad.err.rfind(error.toStdString(), 0) == 0, bad.err.c_str());
        QVERIFY2(bad.err.find("abc") != std::string::npos, bad.err.c_str());
        QCOMPARE(QFile::exists(QString::fromStdString(out)), drawn);
        QFile::remove(QString::fromStdString(out));
        auto good = test::runDeskbase({"render", dash, "--out", out, "--param", "minp=2.5"});
        QVERIFY2(good.exitCode == 0, good.err.c_str());
        QVERIFY(QFile::exists(QString::fromStdString(out)));
    }

    // docs/dashboards.md: a dashboard with "sample_data": "demo_store" makes render generate and
    // import the demo tables into a warehouse that lacks them.
    void renderGeneratesSampleData() {
        test::TempWorkspace fresh;
        for (const char* dir : {"questions", "dashboards", "models", "checks"})
            QVERIFY(QDir().mkpath(QString::fromStdString(fresh.file(dir))));
        for (const auto& file : dashboard::demoWorkspaceFiles())
            fresh.write(file, dashboard::demoWorkspaceFile(file));
        const std::string db = fresh.file("elsewhere.db");  // no tables at all
        auto r = test::runDeskbase({"render", fresh.file(dashboard::kDemoStartDashboard), "--out",
                                    fresh.file("sales.png"), "--db", db});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("(0 failed)") != std::string::npos, r.out.c_str());
        for (const auto& table : dashboard::demoTables())
            QVERIFY2(test::scalarInt(db, "SELECT count(*) FROM " + table) > 0, table.c_str());
    }

    void badInputFailsWithOneLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no out") << strings({"render", "DASH"});
        QTest::newRow("bad suffix") << strings({"render", "DASH", "--out", "x.gif"});
        QTest::newRow("unknown filter") << strings({"render", "DASH", "--out", "x.png", "--param", "nope=1"});
        QTest::newRow("missing file") << strings({"render", "missing.json", "--out", "x.png"});
    }
    void badInputFailsWithOneLine() {
        QFETCH(QStringList, args);
        std::vector<std::string> a;
        for (const auto& s : args)
            a.push_back(s == QStringLiteral("DASH") ? ws_->file("dashboards/sales_overview.json")
                        : s == QStringLiteral("x.png") || s == QStringLiteral("x.gif")
                            ? ws_->file(s.toStdString())
                            : s.toStdString());
        auto r = test::runDeskbase(a);
        QVERIFY(r.exitCode != 0);
        // One line: the message and its newline, nothing before or after.
        QCOMPARE(std::count(r.err.begin(), r.err.end(), '\n'), std::ptrdiff_t(1));
        QVERIFY2(r.err.back() == '\n', r.err.c_str());
        QVERIFY2(r.err.rfind("deskbase render:", 0) == 0, r.err.c_str());
    }
};

QTEST_MAIN(RenderTest)
#include "render_cli_test.moc"

// Makes the screenshots in docs/screenshots: the real main window with a query result, the
// import preview, and the dark theme. Run: deskbase_screenshots OUT_DIR (offscreen or xvfb-run).
#include <QAbstractProxyModel>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QPixmap>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <cstdio>
#include <random>

#include "app/gui/import_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/query_page.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/visualization.h"
#include "core/ingest/import_job.h"
#include "core/warehouse/warehouse.h"
#include "widgets/charts/question_chart_panel.h"
#include "widgets/editor/parameter_bar.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"
#include "widgets/importer/import_preview_dialog.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"
#include "widgets/theme/theme.h"

using namespace deskbase;

namespace {
void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) std::abort();
    f.write(bytes);
}

QByteArray salesCsv(int rows) {
    std::mt19937 rng(7);
    const char* regions[] = {"North", "South", "East", "West"};
    const char* products[] = {"Espresso", "Latte", "Cappuccino", "Mocha", "Cold brew", "Tea"};
    QByteArray out = "Order ID,Order Date,Region,Product,Quantity,Unit Price,Discount\n";
    for (int i = 1; i <= rows; ++i) {
        const int day = 1 + int(rng() % 28), month = 1 + int(rng() % 12);
        out += QByteArray::number(100000 + i) + "," +
               QStringLiteral("2024-%1-%2")
                   .arg(month, 2, 10, QLatin1Char('0'))
                   .arg(day, 2, 10, QLatin1Char('0'))
                   .toUtf8() +
               "," + regions[rng() % 4] + "," + products[rng() % 6] + "," +
               QByteArray::number(1 + int(rng() % 12)) + "," +
               QByteArray::number(2.5 + double(rng() % 400) / 100.0, 'f', 2) + "," +
               (rng() % 5 == 0 ? QByteArray() : QByteArray::number(double(rng() % 30) / 100.0, 'f', 2)) +
               "\n";
    }
    return out;
}

bool save(QWidget* w, const QString& path) {
    QApplication::processEvents();
    const QPixmap shot = w->grab();
    const bool ok = shot.save(path, "PNG");
    std::printf("%s %s (%dx%d)\n", ok ? "wrote" : "FAILED", qPrintable(path), shot.width(), shot.height());
    return ok;
}

void waitFor(const std::function<bool()>& done, int ms = 20000) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) QTest::qWait(20);
}
}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("DeskbaseScreenshots"));
    if (argc < 2) {
        std::fprintf(stderr, "usage: deskbase_screenshots OUT_DIR\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(out);
    QTemporaryDir tmp;
    const QString work = tmp.filePath(QStringLiteral("coffee-shop"));
    const QString sales = tmp.filePath(QStringLiteral("sales-2024.csv"));
    const QString weather = tmp.filePath(QStringLiteral("seattle-weather.csv"));
    writeFile(sales, salesCsv(250000));
    writeFile(weather,
              "date,precipitation,temp_max,temp_min,wind,weather\n"
              "2012-01-01,0.0,12.8,5.0,4.7,drizzle\n2012-01-02,10.9,10.6,2.8,4.5,rain\n"
              "2012-01-03,0.8,11.7,7.2,2.3,rain\n2012-01-04,20.3,12.2,5.6,4.7,rain\n"
              "2012-01-05,1.3,8.9,2.8,6.1,rain\n2012-01-06,2.5,4.4,2.2,2.2,rain\n"
              "2012-01-07,0.0,7.2,2.8,2.3,rain\n2012-01-08,0.0,10.0,2.8,2.0,sun\n"
              "2012-01-09,4.3,9.4,5.0,3.4,rain\n2012-01-10,1.0,6.1,0.6,3.4,rain\n"
              "2012-01-11,0.0,6.1,-1.1,5.1,sun\n2012-01-12,0.0,6.1,-1.7,1.9,sun\n");

    widgets::applyTheme(app, widgets::ThemeMode::Light);
    gui::MainWindow window;
    window.resize(1280, 800);
    if (!window.openWorkspace(work)) return 1;
    {
        ImportOptions o;
        o.path = sales.toStdString();
        auto w = Warehouse::open(QDir(work).filePath(QStringLiteral("warehouse.db")).toStdString());
        auto r = ImportJob(o).run(**w);
        if (!r) {
            std::fprintf(stderr, "import failed: %s\n", r.message().c_str());
            return 1;
        }
        (*w)->execute(
            "CREATE VIEW revenue_by_region AS SELECT region, round(sum(quantity * unit_price), 2) AS revenue "
            "FROM sales_2024 GROUP BY region");
    }
    window.workspace()->refreshSchema();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return 1;
    waitFor([&] { return window.sidebar()->model()->tableIndex(QStringLiteral("sales_2024")).isValid(); });
    auto* page = window.queryPage();
    page->editor()->setPlainText(QStringLiteral(
        "-- Orders of a region, biggest first\nSELECT order_id, order_date, region, product, quantity,\n"
        "       unit_price, discount, quantity * unit_price AS total\nFROM sales_2024\n"
        "WHERE region = {{region}}\nORDER BY total DESC"));
    page->parameters()->setSqlTemplate(page->editor()->toPlainText());
    if (auto* f = page->parameters()->findChild<QLineEdit*>(QStringLiteral("param_region")))
        f->setText(QStringLiteral("West"));
    page->saveQuestionAs(QStringLiteral("Biggest orders by region"));
    page->run();
    waitFor([&] { return !page->grid()->model()->isRunning(); });
    auto* tree = window.sidebar()->view();
    const QModelIndex salesIdx = window.sidebar()->model()->tableIndex(QStringLiteral("sales_2024"));
    auto* proxy = qobject_cast<QAbstractProxyModel*>(tree->model());
    tree->expand(proxy->mapFromSource(salesIdx));
    QTest::qWait(200);
    bool ok = save(&window, QDir(out).filePath(QStringLiteral("main_window.png")));

    // The import preview of a dropped file.
    window.importFiles({weather});
    waitFor([&] { return window.imports()->currentDialog() != nullptr; });
    if (auto* dialog = window.imports()->currentDialog()) {
        dialog->resize(900, 600);
        QTest::qWait(200);
        ok = save(dialog, QDir(out).filePath(QStringLiteral("import_preview.png"))) && ok;
        dialog->accept();
    }
    waitFor(
        [&] { return window.sidebar()->model()->tableIndex(QStringLiteral("seattle_weather")).isValid(); });

    // Dark theme, with the weather table open.
    window.setTheme(QStringLiteral("dark"));
    page->editor()->setPlainText(
        QStringLiteral("SELECT weather, count(*) AS days, round(avg(temp_max), 1) AS avg_max,\n       "
                       "sum(precipitation) AS rain_mm\n"
                       "FROM seattle_weather\nGROUP BY weather\nORDER BY days DESC"));
    page->run();
    waitFor([&] { return !page->grid()->model()->isRunning(); });
    QTest::qWait(200);
    ok = save(&window, QDir(out).filePath(QStringLiteral("dark_theme.png"))) && ok;
    window.setTheme(QStringLiteral("light"));

    // A question as its chart, with the settings form.
    page->editor()->setPlainText(QStringLiteral(
        "SELECT substr(order_date, 1, 7) || '-01' AS month, region,\n"
        "       round(sum(quantity * unit_price * (1 - coalesce(discount, 0))), 2) AS revenue\n"
        "FROM sales_2024\nGROUP BY 1, 2\nORDER BY 1, 2"));
    dashboard::VisualizationSettings viz;
    viz.type = dashboard::ChartType::Line;
    viz.x = "month";
    viz.y = {"revenue"};
    viz.series = "region";
    viz.yTitle = "Revenue";
    viz.format.prefix = "$";
    viz.format.compact = true;
    viz.trendLine = false;
    page->chartPanel()->setSettings(viz);
    page->showChart(true);
    page->run();
    waitFor([&] { return !page->chartPanel()->isLoading(); });
    QTest::qWait(300);
    ok = save(&window, QDir(out).filePath(QStringLiteral("question_chart.png"))) && ok;
    return ok ? 0 : 1;
}

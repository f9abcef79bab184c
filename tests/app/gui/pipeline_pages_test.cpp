// The pipeline in the real window (offscreen): a model opened from its file, edited, saved and
// run with its report one line per model; compiled SQL; the lineage page opening a model by a
// click; a checks page running the checks and showing failing rows in the SQL page; the check
// editor writing checks/<table>.json. Real workspace files and a real SQLite warehouse.
#include "app/gui/pipeline_pages.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

#include "app/gui/lineage_page.h"
#include "app/gui/main_window.h"
#include "app/gui/model_page.h"
#include "app/gui/pipeline_controller.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/workspace_controller.h"
#include "core/checks/check_file.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/checks/check_editor.h"
#include "widgets/checks/check_result_models.h"
#include "widgets/checks/checks_panel.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/editor/sql_highlighter.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"
#include "widgets/models/build_panel.h"
#include "widgets/models/lineage_view.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {

std::string readFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string("(unreadable)");
}

}  // namespace

class PipelinePagesTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;

    std::string dir() const { return ws_.file("work"); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_pipeline_pages"));
        QVERIFY(QDir().mkpath(QString::fromStdString(dir() + "/models")));
        auto w = Warehouse::open(dir() + "/warehouse.db");
        QVERIFY(w.isOk());
        QVERIFY((*w)->execute("CREATE TABLE raw_orders (id INTEGER, status TEXT, amount INTEGER)").isOk());
        QVERIFY(
            (*w)->execute("INSERT INTO raw_orders VALUES (1, 'paid', 10), (2, 'paid', 5), (3, 'lost', 7), "
                          "(4, 'gone', 2)")
                .isOk());
        ws_.write("work/models/stg_orders.sql",
                  "select id, status, amount from {{ source('shop', 'raw_orders') }}");
    }

    void modelEditedSavedAndRun() {
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(dir())));
        PipelinePages& pipeline = *window.pipeline();
        // A new model from nothing: the page starts from a template and is unsaved.
        ModelPage* page = pipeline.openModel(QStringLiteral("paid"));
        QVERIFY(page);
        QCOMPARE(window.pages()->currentWidget(), page);
        QVERIFY(page->isModified());
        page->editor()->setPlainText(
            QStringLiteral("{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }} where "
                           "status = 'paid'\n"));
        QString error;
        QVERIFY2(page->save(&error), qPrintable(error));
        QVERIFY(!page->isModified());
        QCOMPARE(
            readFile(dir() + "/models/paid.sql"),
            std::string("{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }} where "
                        "status = 'paid'\n"));
        QCOMPARE(pipeline.openModel(QStringLiteral("paid")), page);  // one page per model
        // The window's Ctrl+S saves the model page shown (not a question).
        page->editor()->appendPlainText(QStringLiteral("-- checked"));
        QVERIFY(page->isModified());
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+S"))) a->trigger();
        QVERIFY(!page->isModified());
        QVERIFY(readFile(dir() + "/models/paid.sql").find("-- checked") != std::string::npos);

        // The highlighter knows the models once the sidebar has them.
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->schema().pipeline.models.size() == 2, 30000);
        // The sidebar lists the models; a double-click opens one.
        QTRY_VERIFY(window.sidebar()->model()->modelIndex(QStringLiteral("stg_orders")).isValid());
        const int refAt = int(page->editor()->toPlainText().indexOf(QStringLiteral("stg_orders"))) + 1;
        QTRY_COMPARE(widgets::SqlHighlighter::roleAt(page->editor()->document(), refAt),
                     QStringLiteral("ref"));

        // Build downstream of stg_orders from its own page: one line per model.
        auto* proxy = qobject_cast<QAbstractProxyModel*>(window.sidebar()->view()->model());
        QVERIFY(proxy);
        window.sidebar()->activate(
            proxy->mapFromSource(window.sidebar()->model()->modelIndex(QStringLiteral("stg_orders"))));
        auto* stg = qobject_cast<ModelPage*>(window.pages()->currentWidget());
        QVERIFY(stg);
        QCOMPARE(stg->modelName(), QStringLiteral("stg_orders"));
        QVERIFY(!stg->isModified());
        QSignalSpy done(pipeline.controller(), &PipelineController::buildFinished);
        stg->downstreamAction()->trigger();
        QVERIFY(done.wait(60000));
        const QStringList lines = stg->buildPanel()->lines();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("stg_orders: view")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines[1].startsWith(QStringLiteral("paid: table, 2 rows")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(page->buildPanel()->lines().isEmpty());  // the other page did not start it
        QCOMPARE(test::scalarInt(dir() + "/warehouse.db", "SELECT count(*) FROM paid"), std::int64_t(2));
        // The sidebar follows: the model's last build is shown.
        QTRY_VERIFY_WITH_TIMEOUT(page->statusText().contains(QStringLiteral("success")), 30000);

        // A run-time error: the report says which model and why, the old table stays.
        page->editor()->setPlainText(
            QStringLiteral("{{ config(materialized='table') }}\nselect nope from {{ ref('stg_orders') }}\n"));
        QSignalSpy again(pipeline.controller(), &PipelineController::buildFinished);
        page->runAction()->trigger();  // saves first
        QVERIFY(again.wait(60000));
        QCOMPARE(page->buildPanel()->lines().size(), 1);
        QVERIFY2(page->buildPanel()->lines()[0].startsWith(QStringLiteral("paid: error: models/paid.sql")),
                 qPrintable(page->buildPanel()->lines().join(QLatin1Char('\n'))));
        QCOMPARE(test::scalarInt(dir() + "/warehouse.db", "SELECT count(*) FROM paid"), std::int64_t(2));

        // Compiled SQL is one click away.
        page->editor()->setPlainText(
            QStringLiteral("{{ config(materialized='table') }}\nselect * from {{ ref('stg_orders') }} where "
                           "status = 'paid'\n"));
        page->compiledAction()->trigger();
        QCOMPARE(page->lowerTabs()->currentWidget(), page->compiledView());
        QVERIFY2(page->compiledView()->toPlainText().contains(QStringLiteral("from \"stg_orders\"")),
                 qPrintable(page->compiledView()->toPlainText()));
        QVERIFY(!page->compiledView()->toPlainText().contains(QStringLiteral("{{")));
    }

    void buildAllReportsOnTheBuildPage() {
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(dir())));
        QSignalSpy done(window.pipeline()->controller(), &PipelineController::buildFinished);
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+B"))) a->trigger();
        QVERIFY(done.wait(60000));
        widgets::BuildPanel* page = window.pipeline()->buildPage();
        QVERIFY(page);
        QCOMPARE(window.pages()->currentWidget(), page);
        QCOMPARE(page->lines().size(), 2);  // stg_orders, paid
        QCOMPARE(done[0][0].toString(), QStringLiteral("2 built"));
    }

    void lineageOpensTheModel() {
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(dir())));
        PipelinePages& pipeline = *window.pipeline();
        QSignalSpy loaded(pipeline.controller(), &PipelineController::lineageLoaded);
        LineagePage* lineage = pipeline.openLineage();
        QVERIFY(loaded.wait(30000));
        widgets::LineageView* view = lineage->view();
        const QRect raw = view->nodeRect(QStringLiteral("source:raw_orders"));
        const QRect stg = view->nodeRect(QStringLiteral("model:stg_orders"));
        const QRect paid = view->nodeRect(QStringLiteral("model:paid"));
        QVERIFY(!raw.isEmpty() && !stg.isEmpty() && !paid.isEmpty());
        QVERIFY(raw.right() < stg.left() && stg.right() < paid.left());
        QTest::mouseClick(view, Qt::LeftButton, {}, paid.center());
        auto* page = qobject_cast<ModelPage*>(window.pages()->currentWidget());
        QVERIFY(page);
        QCOMPARE(page->modelName(), QStringLiteral("paid"));
        QTest::mouseClick(view, Qt::LeftButton, {}, raw.center());
        QCOMPARE(window.pages()->currentWidget(), window.queryPage());
        QVERIFY(window.queryPage()->editor()->toPlainText().contains(QStringLiteral("raw_orders")));
    }

    void checksPanelRunsAndShowsFailingRows() {
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(dir())));
        PipelinePages& pipeline = *window.pipeline();
        // The editor writes the file (the dialog is modal: fill it once it shows, then save).
        QTRY_VERIFY_WITH_TIMEOUT(!window.workspace()->schema().tables.empty(), 30000);
        QTimer::singleShot(0, this, [] {
            auto* editor = qobject_cast<widgets::CheckEditor*>(QApplication::activeModalWidget());
            QVERIFY(editor);
            editor->kindBox()->setCurrentText(QStringLiteral("accepted_values"));
            editor->columnBox()->setCurrentText(QStringLiteral("status"));
            editor->valuesEdit()->setPlainText(QStringLiteral("paid\nlost"));
            editor->severityBox()->setCurrentText(QStringLiteral("warn"));
            QString error;
            QVERIFY2(editor->save(&error), qPrintable(error));
            editor->accept();
        });
        QVERIFY(pipeline.editChecks(QStringLiteral("raw_orders")));
        auto file = loadCheckFile(dir() + "/checks/raw_orders.json");
        QVERIFY2(file.isOk(), file.status().message().c_str());
        QCOMPARE(file->checks.size(), std::size_t(1));
        QCOMPARE(file->checks[0].kind, CheckKind::AcceptedValues);

        widgets::ChecksPanel* panel = pipeline.openChecks(QStringLiteral("raw_orders"));
        QAbstractItemModelTester tester(panel->results(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(pipeline.controller(), &PipelineController::checksLoaded);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(panel->results()->rowCount(), 0);  // never ran
        panel->runButton()->click();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(panel->results()->rowCount(), 1);
        QCOMPARE(panel->results()->index(0, widgets::CheckResultsModel::Status).data().toString(),
                 QStringLiteral("warn"));
        QCOMPARE(panel->results()->index(0, widgets::CheckResultsModel::Failing).data().toString(),
                 QStringLiteral("1"));  // 'gone'
        // The sidebar marks the table.
        QTRY_VERIFY_WITH_TIMEOUT(window.sidebar()
                                         ->model()
                                         ->tableIndex(QStringLiteral("raw_orders"))
                                         .data(widgets::SchemaModel::StatusRole)
                                         .toString() == QStringLiteral("warn"),
                                 30000);

        // The rows open in a new query tab: the SQL the user had typed stays in its own tab.
        QueryPage* mine = window.queryTabs()->current();
        mine->editor()->setPlainText(QStringLiteral("select 42"));
        const int tabsBefore = int(window.queryTabs()->all().size());
        panel->failingRowsButton()->click();
        QCOMPARE(int(window.queryTabs()->all().size()), tabsBefore + 1);
        QVERIFY(window.queryPage() != mine);
        QCOMPARE(window.pages()->currentWidget(), window.queryPage());
        QCOMPARE(window.queryPage()->windowTitle(), QStringLiteral("Failing: accepted_values(status)"));
        QVERIFY(window.queryPage()->editor()->toPlainText().contains(QStringLiteral("raw_orders")));
        QCOMPARE(mine->editor()->toPlainText(), QStringLiteral("select 42"));
        QTRY_COMPARE_WITH_TIMEOUT(window.queryPage()->grid()->model()->rowCount(), 1, 30000);
        // Regression (pipeline walkthrough): the failing-rows tab showed as modified, so closing
        // it asked to save SQL the user never wrote.
        QVERIFY(!window.queryPage()->isWindowModified());
        mine->setWindowModified(false);

        // Regression (same walkthrough): after the editor saved, the page kept the old file's
        // results. It runs the saved checks: 'gone' is accepted now, nothing fails.
        window.showPage(panel);
        QTimer::singleShot(0, this, [] {
            auto* editor = qobject_cast<widgets::CheckEditor*>(QApplication::activeModalWidget());
            QVERIFY(editor);
            QCOMPARE(editor->checkCount(), 1);  // the saved file's check
            editor->selectCheck(0);
            editor->valuesEdit()->setPlainText(QStringLiteral("paid\nlost\ngone"));
            QString error;
            QVERIFY2(editor->save(&error), qPrintable(error));
            editor->accept();
        });
        panel->editButton()->click();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(panel->results()->rowCount(), 1);
        QCOMPARE(panel->results()->index(0, widgets::CheckResultsModel::Status).data().toString(),
                 QStringLiteral("pass"));
        QCOMPARE(panel->results()->index(0, widgets::CheckResultsModel::Failing).data().toString(),
                 QStringLiteral("0"));
    }
};

QTEST_MAIN(PipelinePagesTest)
#include "pipeline_pages_test.moc"

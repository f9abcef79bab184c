// The main window against a real PostgreSQL server (a throwaway one started here, never skipped):
// the connection dialog's Test connection, a dropped file imported into the server, the sidebar
// listing it, a query and its chart, and a password asked for at connect time and kept in memory.
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>
#include <thread>

#include "app/gui/connection_dialog.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/query_page.h"
#include "app/gui/workspace_controller.h"
#include "core/warehouse/warehouse.h"
#include "core/runtime/runtime.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/charts/chart_view.h"
#include "widgets/charts/question_chart_panel.h"
#include "widgets/editor/parameter_bar.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"
#include "widgets/importer/import_preview_dialog.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {
const char* kStoresCsv =
    "Store,City,Revenue\n"
    "1,Lyon,1200.5\n"
    "2,Nantes,800\n"
    "3,Lille,1510.25\n"
    "4,Nice,900,unexpected extra field\n";

void drop(QWidget* target, const QString& file) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    QDragEnterEvent enter(QPoint(40, 40), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDropEvent dropEvent(QPointF(40, 40), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

}  // namespace

class PostgresWindowTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PgServer> server_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_postgres_window"));
        auto server = test::PgServer::start();
        if (!server) QFAIL(server.message().c_str());  // fails the run, never skips
        server_ = std::move(*server);
    }

    void testConnectionReachesTheServer() {
        test::TempWorkspace ws;
        const QString target = ConnectionDialog::postgresTarget(
            QStringLiteral("127.0.0.1"), server_->port(), QStringLiteral("postgres"),
            QStringLiteral("postgres"), QStringLiteral("disable"));
        Runtime runtime;  // "Test connection" runs as one of its jobs
        ConnectionDialog dialog(runtime.jobs(), target, QString::fromStdString(ws.path()));
        QVERIFY(dialog.isPostgres());
        QPushButton* test = nullptr;
        for (auto* b : dialog.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Test"))) test = b;
        QVERIFY(test);
        test->click();
        auto resultText = [&] {
            QString all;
            for (auto* l : dialog.findChildren<QLabel*>()) all += l->text();
            return all;
        };
        QTRY_VERIFY_WITH_TIMEOUT(resultText().contains(QStringLiteral("Connected")), 15000);

        // A port nobody listens on: a one-line error, no hang.
        ConnectionDialog down(
            runtime.jobs(),
            ConnectionDialog::postgresTarget(QStringLiteral("127.0.0.1"), test::freeLoopbackPort(),
                                             QStringLiteral("postgres"), QStringLiteral("postgres"),
                                             QStringLiteral("disable")),
            QString::fromStdString(ws.path()));
        for (auto* b : down.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Test"))) b->click();
        auto downText = [&] {
            QString all;
            for (auto* l : down.findChildren<QLabel*>())
                if (l->text().contains(QStringLiteral("connect"), Qt::CaseInsensitive)) all += l->text();
            return all;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!downText().isEmpty() && !downText().contains(QStringLiteral("Connecting")),
                                 15000);
        QVERIFY2(!downText().contains(QStringLiteral("Connected:")), qPrintable(downText()));
    }

    void droppedFileLandsOnTheServerAndIsQueried() {
        test::TempWorkspace ws;
        const std::string csv = ws.write("stores.csv", kStoresCsv);
        const std::string uri = server_->uri();
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        QVERIFY(window.workspace()->setConnectionTarget(QString::fromStdString(uri)));
        QVERIFY(window.workspace()->isPostgres());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        drop(&window, QString::fromStdString(csv));
        QTRY_VERIFY_WITH_TIMEOUT(window.imports()->currentDialog() != nullptr, 15000);
        window.imports()->currentDialog()->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.sidebar()->model()->tableIndex(QStringLiteral("stores")).isValid(),
                                 20000);
        QTRY_VERIFY2(window.statusText().contains(QStringLiteral("Loaded 3 rows")),
                     qPrintable(window.statusText()));
        QVERIFY(window.statusText().contains(QStringLiteral("1 rejected")));
        QCOMPARE(test::scalarInt(uri, "SELECT count(*) FROM stores"), std::int64_t(3));
        QCOMPARE(test::scalarInt(uri, "SELECT count(*) FROM stores__rejects"), std::int64_t(1));
        QVERIFY(!QFile::exists(QString::fromStdString(ws.file("work/warehouse.db"))) ||
                test::scalarInt(ws.file("work/warehouse.db"),
                      "SELECT count(*) FROM sqlite_master WHERE name = 'stores'") == 0);

        // A parameterized query on the server, as a grid and as a chart.
        QueryPage* page = window.queryPage();
        page->editor()->setPlainText(
            QStringLiteral("SELECT city, revenue FROM stores WHERE revenue > {{min}} ORDER BY revenue DESC"));
        auto* min = page->parameters()->field(QStringLiteral("min"));
        QVERIFY(min);
        min->setText(QStringLiteral("1000"));
        page->run();
        auto* model = page->grid()->model();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isRunning(), 15000);
        QVERIFY2(page->errorText().isEmpty(), qPrintable(page->errorText()));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Lille"));
        page->showChart(true);
        QTRY_VERIFY_WITH_TIMEOUT(!page->chartPanel()->isLoading(), 15000);
        QVERIFY2(page->chartPanel()->statusText().isEmpty(), qPrintable(page->chartPanel()->statusText()));
        QCOMPARE(page->chartPanel()->chartView()->shownType(), dashboard::ChartType::Bar);

        // A broken statement: one line, at its line.
        page->showChart(false);
        page->editor()->setPlainText(QStringLiteral("SELECT city\nFROM nowhere_at_all"));
        page->run();
        QTRY_VERIFY_WITH_TIMEOUT(!page->errorText().isEmpty(), 15000);
        QVERIFY2(page->errorText().contains(QStringLiteral("nowhere_at_all")), qPrintable(page->errorText()));
        QVERIFY(!page->errorText().contains(QLatin1Char('\n')));
    }

    void passwordIsAskedForAndKeptInMemory() {
        auto admin = Warehouse::open(server_->uri());
        QVERIFY(admin.isOk());
        QVERIFY((*admin)->execute("DROP ROLE IF EXISTS gui_user").isOk());
        QVERIFY((*admin)->execute("CREATE ROLE gui_user LOGIN PASSWORD 'gui-pass'").isOk());
        QVERIFY(server_->prependHbaRule("host all gui_user 127.0.0.1/32 scram-sha-256").isOk());
        QVERIFY((*admin)->execute("SELECT pg_reload_conf()").isOk());
        const std::string hostPort = "127.0.0.1:" + std::to_string(server_->port());
        const QString target = QString::fromStdString("postgresql://gui_user@" + hostPort + "/postgres");
        // The reload is asynchronous: wait until the server asks for the password.
        QTRY_VERIFY_WITH_TIMEOUT(!Warehouse::open(target.toStdString()).isOk(), 10000);

        test::TempWorkspace ws;
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        WorkspaceController* wc = window.workspace();
        QSignalSpy asked(wc, &WorkspaceController::passwordNeeded);
        QVERIFY(wc->setConnectionTarget(target));
        wc->refreshSchema();
        QTRY_VERIFY_WITH_TIMEOUT(asked.size() >= 1, 15000);
        QVERIFY2(asked.first().at(0).toString().contains(QStringLiteral("password")),
                 qPrintable(asked.first().at(0).toString()));

        QSignalSpy loaded(wc, &WorkspaceController::schemaLoaded);
        wc->setSessionPassword(QStringLiteral("gui-pass"));
        wc->refreshSchema();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 15000);
        QVERIFY2(wc->schema().error.isEmpty(), qPrintable(wc->schema().error));

        // The password lives in this session only: never in the workspace file.
        QFile json(QString::fromStdString(ws.file("work/deskbase.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QByteArray saved = json.readAll();
        QVERIFY(saved.contains("gui_user"));
        QVERIFY(!saved.contains("gui-pass"));
    }

    void cleanupTestCase() { server_.reset(); }
};

QTEST_MAIN(PostgresWindowTest)
#include "postgres_window_test.moc"

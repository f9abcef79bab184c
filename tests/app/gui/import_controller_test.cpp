// Importing from the window: a file whose content was already appended is refused, and the
// refusal offers "Load anyway" (not a command-line flag); Recent files lists what imported and
// never a file that failed; the status line says "in 42 ms" under a second, not "in 0.0 s".
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QtTest>

#include "app/gui/app_settings.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_window.h"
#include "core/ingest/import_job.h"
#include "tests/support/modal_answer.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/warehouse_probe.h"
#include "widgets/importer/import_preview_dialog.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {
void acceptPreview(MainWindow& window, ImportMode mode, const QString& table = {}) {
    QTRY_VERIFY(window.imports()->currentDialog() != nullptr);
    widgets::ImportPreviewDialog* dialog = window.imports()->currentDialog();
    if (!table.isEmpty()) dialog->tableNameEdit()->setText(table);
    dialog->modeCombo()->setCurrentIndex(dialog->modeCombo()->findData(int(mode)));
    dialog->accept();
}
}  // namespace

class ImportControllerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_import_controller"));
    }

    void init() {
        QSettings().clear();
    }

    void alreadyLoadedFileOffersLoadAnyway() {
        test::TempWorkspace ws;
        const QString csv = QString::fromStdString(ws.write("sales.csv", "id,amount\n1,10\n2,20\n"));
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        QSignalSpy imported(window.imports(), &ImportController::imported);
        QSignalSpy refused(window.imports(), &ImportController::alreadyLoaded);
        QSignalSpy failed(window.imports(), &ImportController::failed);
        window.importFiles({csv});
        acceptPreview(window, ImportMode::Create);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 15000);

        // The same file appended: refused, and the box offers to load it anyway. Cancel first.
        auto cancel = test::answerBox(QStringLiteral("alreadyLoadedBox"), QMessageBox::Cancel);
        window.importFiles({csv});
        acceptPreview(window, ImportMode::Append, QStringLiteral("sales"));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 15000);
        QTRY_COMPARE(cancel->times, 1);
        QVERIFY2(cancel->text.contains(QStringLiteral("already loaded into sales")), qPrintable(cancel->text));
        QVERIFY(!cancel->text.contains(QStringLiteral("--force")));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(test::scalarInt(ws.file("work/warehouse.db"), "SELECT count(*) FROM sales"), 2);

        auto again = test::answerBoxWith(QStringLiteral("alreadyLoadedBox"), QStringLiteral("Load anyway"));
        window.importFiles({csv});
        acceptPreview(window, ImportMode::Append, QStringLiteral("sales"));
        QTRY_COMPARE(again->times, 1);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 2, 15000);
        QCOMPARE(test::scalarInt(ws.file("work/warehouse.db"), "SELECT count(*) FROM sales"), 4);
        QCOMPARE(failed.size(), 0);
    }

    void failedFileIsNotARecentFile() {
        test::TempWorkspace ws;
        const QString good = QString::fromStdString(ws.write("good.csv", "a,b\n1,2\n"));
        const QString empty = QString::fromStdString(ws.write("empty.csv", ""));
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        QSignalSpy imported(window.imports(), &ImportController::imported);
        QSignalSpy failed(window.imports(), &ImportController::failed);
        window.importFiles({empty});
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!AppSettings().recentFiles().contains(empty));
        window.importFiles({good});
        QVERIFY(!AppSettings().recentFiles().contains(good));  // not before it imported
        acceptPreview(window, ImportMode::Create);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 15000);
        QCOMPARE(AppSettings().recentFiles(), QStringList{good});
        // A recent file that fails later (deleted, emptied) leaves the list.
        QFile::resize(good, 0);
        window.importFiles({good});
        QTRY_COMPARE(failed.size(), 2);
        QVERIFY(!AppSettings().recentFiles().contains(good));
    }

    void quickImportSaysMilliseconds() {
        test::TempWorkspace ws;
        const QString csv = QString::fromStdString(ws.write("tiny.csv", "a\n1\n"));
        MainWindow window;
        QVERIFY(window.openWorkspace(QString::fromStdString(ws.file("work"))));
        QSignalSpy imported(window.imports(), &ImportController::imported);
        window.importFiles({csv});
        acceptPreview(window, ImportMode::Create);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 15000);
        const double seconds = imported[0][4].toDouble();
        const QString status = window.statusText();
        if (seconds < 1.0)
            QVERIFY2(status.contains(QRegularExpression(QStringLiteral(" in (\\d+ ms|under 1 ms);"))), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("0.0 s")), qPrintable(status));
    }
};

QTEST_MAIN(ImportControllerTest)
#include "import_controller_test.moc"

// The import progress strip: rows and rate while loading, "waiting for another writer" with a
// busy bar while the import waits its turn (ImportStage::Waiting), and back to the bar after.
#include "widgets/importer/import_progress_panel.h"

#include <QProgressBar>
#include <QtTest>

using namespace deskbase;
using deskbase::widgets::ImportProgressPanel;

class ImportProgressPanelTest : public QObject {
    Q_OBJECT

private slots:
    void waitingForAnotherWriterIsShownWhileTheImportWaits() {
        ImportProgressPanel panel;
        panel.start(QStringLiteral("orders.csv"), 1);
        auto* bar = panel.findChild<QProgressBar*>();
        QVERIFY(bar);

        ImportProgress waiting;
        waiting.stage = ImportStage::Waiting;
        waiting.bytesTotal = 1000000;
        panel.update(waiting);
        QCOMPARE(panel.text(), QStringLiteral("Importing orders.csv: waiting for another writer… (1 more queued)"));
        QCOMPARE(bar->maximum(), 0);  // busy: nothing is known about how long the wait is

        ImportProgress loading;
        loading.stage = ImportStage::Loading;
        loading.fraction = 0.5;
        loading.rows = 1200;
        loading.bytesDone = 500000;
        loading.bytesTotal = 1000000;
        panel.update(loading);
        QVERIFY2(panel.text().startsWith(QStringLiteral("Importing orders.csv: ")), qPrintable(panel.text()));
        QVERIFY2(!panel.text().contains(QStringLiteral("waiting")), qPrintable(panel.text()));
        QVERIFY2(panel.text().contains(QStringLiteral(" rows")), qPrintable(panel.text()));
        QCOMPARE(bar->maximum(), 1000);
        QCOMPARE(bar->value(), 500);
    }
};

QTEST_MAIN(ImportProgressPanelTest)
#include "import_progress_panel_test.moc"

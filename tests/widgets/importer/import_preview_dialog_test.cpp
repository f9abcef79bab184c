// The import preview dialog and the progress strip: what the user edits becomes ImportOptions.
#include "widgets/importer/import_preview_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include "core/ingest/import_job.h"
#include "core/runtime/runtime.h"
#include "tests/support/temp_workspace.h"
#include "widgets/importer/import_progress_panel.h"

using namespace deskbase;
using namespace deskbase::widgets;

class ImportPreviewTest : public QObject {
    Q_OBJECT
    test::TempWorkspace ws_;
    Runtime runtime_;  // re-reads of the preview run on its jobs

    ImportPreviewDialog* open(const std::string& path) {
        ImportOptions o;
        o.path = path;
        auto preview = previewImport(o);
        if (!preview) return nullptr;
        return new ImportPreviewDialog(runtime_.jobs(), o, std::move(*preview));
    }

private slots:
    void untouchedPreviewForcesNothing() {
        std::unique_ptr<ImportPreviewDialog> d(open(ws_.write("plain.csv", "Name,Score\na,1\nb,2\n")));
        QVERIFY(d);
        const ImportOptions o = d->options();
        QCOMPARE(o.table, std::string("plain"));
        QVERIFY(o.mode == ImportMode::Create);
        QVERIFY(o.columnNames.empty());
        QVERIFY(o.typeOverrides.empty());
        QCOMPARE(d->columnsTable()->rowCount(), 2);
        QCOMPARE(d->rowsTable()->rowCount(), 2);
    }

    // A column of numbers kept as text because a real would round one of them says so.
    void numbersKeptAsTextSayWhy() {
        std::unique_ptr<ImportPreviewDialog> d(
            open(ws_.write("ids.csv", "Id,Amount\n12345678901234567,1\n1.5,2\n")));
        QVERIFY(d);
        auto* type = qobject_cast<QComboBox*>(d->columnsTable()->cellWidget(0, 1));
        QVERIFY(type);
        QCOMPARE(type->currentData().toInt(), int(ColumnType::Text));
        QCOMPARE(type->toolTip(),
                 QStringLiteral("'12345678901234567' would be rounded as a real: kept as text"));
        auto* amount = qobject_cast<QComboBox*>(d->columnsTable()->cellWidget(1, 1));
        QVERIFY(amount && amount->toolTip().isEmpty());
        auto* status = d->findChild<QLabel*>(QStringLiteral("importStatus"));
        QVERIFY(status);
        QVERIFY2(
            status->text().contains(QStringLiteral("id: '12345678901234567' would be rounded as a real")),
            qPrintable(status->text()));
    }

    void editsBecomeOptions() {
        std::unique_ptr<ImportPreviewDialog> d(
            open(ws_.write("edits.csv", "Zip,Amount\n98101,1.5\n98102,2.5\n")));
        QVERIFY(d);
        d->tableNameEdit()->setText(QStringLiteral("sales"));
        d->modeCombo()->setCurrentIndex(d->modeCombo()->findData(int(ImportMode::Append)));
        d->setColumnName(1, QStringLiteral("total"));
        d->setColumnType(0, ColumnType::Text);
        const ImportOptions o = d->options();
        QCOMPARE(o.table, std::string("sales"));
        QVERIFY(o.mode == ImportMode::Append);
        QCOMPARE(o.columnNames, (std::vector<std::string>{"", "total"}));
        QCOMPARE(o.typeOverrides.size(), std::size_t(1));
        QCOMPARE(o.typeOverrides[0].first, std::string("Zip"));  // keyed by the file's header
        QVERIFY(o.typeOverrides[0].second == ColumnType::Text);
        // The preview's column headers follow the rename.
        QCOMPARE(d->rowsTable()->horizontalHeaderItem(1)->text(), QStringLiteral("total"));
    }

    void existingTableNeedsAChoice() {
        std::unique_ptr<ImportPreviewDialog> d(open(ws_.write("orders.csv", "a\n1\n")));
        QVERIFY(d);
        auto* importButton = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(importButton->isEnabled());
        d->setExistingTables({QStringLiteral("orders")});
        QVERIFY(!importButton->isEnabled());
        QVERIFY(d->hintText().contains(QStringLiteral("exists")));
        d->modeCombo()->setCurrentIndex(d->modeCombo()->findData(int(ImportMode::Replace)));
        QVERIFY(importButton->isEnabled());
        d->modeCombo()->setCurrentIndex(d->modeCombo()->findData(int(ImportMode::Create)));
        d->tableNameEdit()->setText(QStringLiteral("orders_2"));
        QVERIFY(importButton->isEnabled());
        QVERIFY(d->hintText().isEmpty());
    }

    void headerToggleReloadsPreview() {
        std::unique_ptr<ImportPreviewDialog> d(open(ws_.write("semi.csv", "a;b\n1;2\n3;4\n")));
        QVERIFY(d);
        QCOMPARE(d->columnsTable()->rowCount(), 2);
        QSignalSpy reloaded(d.get(), &ImportPreviewDialog::previewReloaded);
        auto* header = d->findChild<QCheckBox*>();
        QVERIFY(header && header->isChecked());
        header->setChecked(false);
        QTRY_COMPARE(reloaded.size(), 1);
        QCOMPARE(d->rowsTable()->rowCount(), 3);  // the header line is now a row
        const ImportOptions o = d->options();
        QVERIFY(o.hasHeader.has_value() && !*o.hasHeader);
        QCOMPARE(o.delimiter.value_or(','), ';');
    }

    void progressDescribed_data() {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("start") << 0.0 << qint64(0) << qint64(0) << 0.0 << QStringLiteral("0 rows");
        QTest::newRow("half") << 0.5 << qint64(1234567) << qint64(50000000) << 2.0
                              << QStringLiteral("1,234,567 rows · 25.0 MB/s · 2 s left");
        QTest::newRow("long") << 0.1 << qint64(10) << qint64(1000000) << 60.0
                              << QStringLiteral("10 rows · 0.0 MB/s · 9 min left");
    }
    void progressDescribed() {
        QFETCH(double, fraction);
        QFETCH(qint64, rows);
        QFETCH(qint64, bytes);
        QFETCH(double, seconds);
        QFETCH(QString, text);
        ImportProgress p;
        p.fraction = fraction;
        p.rows = rows;
        p.bytesDone = bytes;
        QCOMPARE(ImportProgressPanel::describe(p, seconds), text);
    }
};

QTEST_MAIN(ImportPreviewTest)
#include "import_preview_dialog_test.moc"

// The import preview dialog and the progress strip: what the user edits becomes ImportOptions.
#include "widgets/importer/import_preview_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QWheelEvent>
#include <QtTest>

#include "core/ingest/import_job.h"
#include "core/runtime/runtime.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"
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

    // Issue 15: the sniffer's notes (skipped lines, comments, header names) are shown above the
    // columns, and a column whose few values miss its type says how many on its type box.
    void sniffNotesAndMisfitsAreShown() {
        std::unique_ptr<ImportPreviewDialog> plain(open(ws_.write("plain2.csv", "Name,Score\na,1\nb,2\n")));
        QVERIFY(plain);
        QVERIFY(plain->sniffNotesText().isEmpty());
        std::unique_ptr<ImportPreviewDialog> d(open(test::dataFile("sniff/preamble.csv")));
        QVERIFY(d);
        QCOMPARE(d->sniffNotesText(),
                 QStringLiteral("• skipped 3 lines before the header (line 4), starting 'Sales report Q3'"));
        QCOMPARE(d->columnsTable()->rowCount(), 4);
        QCOMPARE(d->rowsTable()->rowCount(), 4);
        std::unique_ptr<ImportPreviewDialog> m(open(test::dataFile("sniff/typed_misfits.csv")));
        QVERIFY(m);
        auto* day = qobject_cast<QComboBox*>(m->columnsTable()->cellWidget(1, 1));
        QVERIFY(day);
        QCOMPARE(day->currentData().toInt(), int(ColumnType::Date));
        QVERIFY2(day->toolTip().startsWith(QStringLiteral("5 values don't fit 'date' (first: 'soon')")),
                 qPrintable(day->toolTip()));
        auto* status = m->findChild<QLabel*>(QStringLiteral("importStatus"));
        QVERIFY(status && status->text().contains(QStringLiteral("day: 5 values don't fit 'date'")));
        m->setColumnType(1, ColumnType::Text);  // the user may choose text instead
        QCOMPARE(m->options().typeOverrides.size(), std::size_t(1));
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

    // The Index boxes: ticked for the columns whose name and type say key; an unticked key is
    // skipped by the rule, a ticked other column is always indexed; untouched boxes force nothing.
    void indexBoxesBecomeOptions() {
        std::unique_ptr<ImportPreviewDialog> d(
            open(ws_.write("keys.csv", "Order ID,customer_id,price_id,City\n1,7,1.5,a\n2,8,2.5,b\n")));
        QVERIFY(d);
        auto box = [&](int row) { return d->columnsTable()->item(row, ImportPreviewDialog::kIndexColumn); };
        QCOMPARE(d->columnsTable()->horizontalHeaderItem(ImportPreviewDialog::kIndexColumn)->text(),
                 QStringLiteral("Index"));
        QCOMPARE(box(0)->checkState(), Qt::Checked);    // order_id, integer
        QCOMPARE(box(1)->checkState(), Qt::Checked);    // customer_id, integer
        QCOMPARE(box(2)->checkState(), Qt::Unchecked);  // price_id is a real
        QCOMPARE(box(3)->checkState(), Qt::Unchecked);  // city: no key name
        ImportOptions o = d->options();
        QVERIFY(o.indexes.automatic);
        QVERIFY(o.indexes.columns.empty());
        QVERIFY(o.indexes.skipped.empty());
        box(1)->setCheckState(Qt::Unchecked);
        box(3)->setCheckState(Qt::Checked);
        o = d->options();
        QCOMPARE(o.indexes.skipped, std::vector<std::string>{"customer_id"});
        QCOMPARE(o.indexes.columns, std::vector<std::string>{"City"});  // keyed by the file's header
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

    // Regression: the wheel over the column list changed the Type box under the pointer instead
    // of scrolling the list.
    void wheelOverTheColumnListScrollsIt() {
        std::string csv;
        for (int c = 0; c < 60; ++c) csv += (c ? "," : "") + std::string("col") + std::to_string(c);
        csv += "\n";
        for (int c = 0; c < 60; ++c) csv += (c ? "," : "") + std::to_string(c);
        csv += "\n";
        std::unique_ptr<ImportPreviewDialog> d(open(ws_.write("wide.csv", csv)));
        QVERIFY(d);
        d->resize(900, 500);
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        QTableWidget* list = d->columnsTable();
        QScrollBar* bar = list->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);  // 60 columns do not fit: the list scrolls
        auto* type = qobject_cast<QComboBox*>(list->cellWidget(1, 1));
        QVERIFY(type);
        const int typeBefore = type->currentIndex();
        const int scrollBefore = bar->value();
        const QPoint at = type->rect().center();
        QWheelEvent wheel(QPointF(at), QPointF(type->mapToGlobal(at)), QPoint(), QPoint(0, -120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(type, &wheel);
        QCOMPARE(type->currentIndex(), typeBefore);
        QVERIFY2(bar->value() > scrollBefore, qPrintable(QString::number(bar->value())));
        // Once the user picked the box (it has the focus), the wheel is the box's again.
        type->setFocus();
        QApplication::setActiveWindow(d.get());
        QTRY_VERIFY(type->hasFocus());
        QWheelEvent again(QPointF(at), QPointF(type->mapToGlobal(at)), QPoint(), QPoint(0, -120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(type, &again);
        QVERIFY(type->currentIndex() != typeBefore);
    }

    // Regression: NULL and empty text looked the same (blank) in the first rows. What loads as
    // NULL is shown as the grid shows NULL; text, even "NULL"-looking text in quotes, is text.
    void nullsLookLikeNulls() {
        std::unique_ptr<ImportPreviewDialog> d(
            open(ws_.write("nulls.ndjson",
                           "{\"a\": null, \"b\": \"\", \"c\": \"x\", \"d\": \"NA\"}\n"
                           "{\"a\": 1, \"b\": \"y\", \"c\": \"NULLS\", \"d\": \"n\"}\n")));
        QVERIFY(d);
        QTableWidget* rows = d->rowsTable();
        auto isNull = [&](int r, int c) { return rows->item(r, c)->data(Qt::UserRole).toBool(); };
        QVERIFY(isNull(0, 0));
        QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("NULL"));
        QVERIFY(rows->item(0, 0)->font().italic());
        QVERIFY(isNull(0, 1));  // "" loads as NULL too, and says so
        QVERIFY(isNull(0, 3));  // NA
        QVERIFY(!isNull(0, 2));
        QCOMPARE(rows->item(0, 2)->text(), QStringLiteral("x"));
        QVERIFY(!isNull(1, 2));
        QCOMPARE(rows->item(1, 2)->text(), QStringLiteral("NULLS"));
        QVERIFY(!rows->item(1, 2)->font().italic());
    }

    // Regression: a TSV file was labelled "CSV".
    void formatIsNamedAsTheFileIs_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("label");
        QTest::newRow("tsv") << QStringLiteral("t.tsv") << QByteArray("a\tb\n1\t2\n3\t4\n")
                             << QStringLiteral("TSV");
        QTest::newRow("tab-separated .txt")
            << QStringLiteral("t.txt") << QByteArray("a\tb\n1\t2\n") << QStringLiteral("TSV");
        QTest::newRow("csv") << QStringLiteral("c.csv") << QByteArray("a,b\n1,2\n") << QStringLiteral("CSV");
        QTest::newRow("semicolons") << QStringLiteral("s.csv") << QByteArray("a;b\n1;2\n")
                                    << QStringLiteral("CSV");
        QTest::newRow("ndjson") << QStringLiteral("n.ndjson") << QByteArray("{\"a\": 1}\n")
                                << QStringLiteral("NDJSON");
    }
    void formatIsNamedAsTheFileIs() {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, label);
        ImportOptions o;
        o.path = ws_.write(file.toStdString(), bytes.toStdString());
        auto preview = previewImport(o);
        QVERIFY(preview);
        QCOMPARE(formatLabel(preview->sniff), label);
        ImportPreviewDialog d(runtime_.jobs(), o, std::move(*preview));
        QVERIFY(d.findChild<QLabel*>()->text().contains(QStringLiteral(" — ") + label + QStringLiteral(",")));
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

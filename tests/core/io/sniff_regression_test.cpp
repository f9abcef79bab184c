// Issue 15, "a sniffer as broad as the best": one file per family in tests/data/sniff (made here)
// and the table shape it must give: the dialect and notes sniffed, the records read (with the bad
// ones flagged, never the whole file refused), and the columns and types the import preview infers.
#include <QtTest>

#include "core/ingest/import_job.h"
#include "core/io/file_format.h"
#include "tests/core/io/read_all_records.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"

using namespace deskbase;

namespace {

std::string sniffFile_(const char* name) { return test::dataFile(std::string("sniff/") + name); }

QStringList L(std::initializer_list<const char*> texts) {
    QStringList out;
    for (const char* t : texts) out << QString::fromUtf8(t);
    return out;
}

QString notesOf(const FileSniff& s) {
    QStringList out;
    for (const auto& n : s.notes) out << QString::fromStdString(n);
    return out.join(QStringLiteral(" | "));
}

// "name:type" per column of the preview, e.g. "id:integer".
QStringList shapeOf(const ImportPreview& p) {
    QStringList out;
    for (const auto& c : p.columns) out << QString::fromStdString(c.name + ":" + std::string(columnTypeName(c.type)));
    return out;
}

ImportPreview previewOf(const std::string& path) {
    ImportOptions o;
    o.path = path;
    auto p = previewImport(o);
    if (!p) qFatal("preview of %s: %s", path.c_str(), p.message().c_str());
    return *p;
}

int rejectedRecords(const test::ReadOutcome& r) {
    int n = 0;
    for (const auto& rec : r.records) n += !rec.error.empty() || rec.fields.size() != r.header.size();
    return n;
}

}  // namespace

class SniffRegressionTest : public QObject {
    Q_OBJECT

private slots:
    void preambleLinesAreSkippedAndNoted() {
        const auto path = sniffFile_("preamble.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY2(read.failure.empty(), read.failure.c_str());
        QCOMPARE(read.sniff.dialect.delimiter, ',');
        QVERIFY(read.sniff.dialect.hasHeader);
        QCOMPARE(read.sniff.dialect.skipLines, std::int64_t(3));
        QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("skipped 3 lines before the header (line 4), starting 'Sales report Q3'")),
                 qPrintable(notesOf(read.sniff)));
        QCOMPARE(read.header, (L({"id", "region", "amount", "day"})));
        QCOMPARE(int(read.records.size()), 4);
        QCOMPARE(read.records.front().line, std::int64_t(5));  // file lines still count
        QCOMPARE(rejectedRecords(read), 0);
        const auto p = previewOf(path);
        QCOMPARE(shapeOf(p), (L({"id:integer", "region:text", "amount:real", "day:date"})));
        QCOMPARE(p.rowsScanned, std::int64_t(4));
    }

    void commentLinesAreSkippedWhereverTheyAre() {
        const auto path = sniffFile_("comments.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY2(read.failure.empty(), read.failure.c_str());
        QCOMPARE(read.sniff.dialect.comment, '#');
        QVERIFY(read.sniff.dialect.hasHeader);
        QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("lines starting with '#' are comments: skipped")),
                 qPrintable(notesOf(read.sniff)));
        QCOMPARE(read.header, (L({"sensor", "reading", "taken_at"})));
        QCOMPARE(int(read.records.size()), 3);
        QCOMPARE(read.records[1].line, std::int64_t(6));  // after the comment on line 5
        QCOMPARE(rejectedRecords(read), 0);
        QCOMPARE(shapeOf(previewOf(path)), (L({"sensor:text", "reading:real", "taken_at:datetime"})));
    }

    void aHeaderStartingWithAHashIsNoComment() {
        // Lines starting with '#' that split like the data are the header (or data), not comments.
        test::TempWorkspace ws;
        const auto read = test::sniffAndRead(ws.write("h.csv", "#id,name\n1,ann\n2,bob\n"));
        QCOMPARE(read.sniff.dialect.comment, '\0');
        QCOMPARE(read.header, (L({"#id", "name"})));
        QCOMPARE(int(read.records.size()), 2);
    }

    void repeatedAndEmptyHeaderNamesStillMakeAHeader() {
        const auto path = sniffFile_("header_names.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY2(read.failure.empty(), read.failure.c_str());
        QVERIFY(read.sniff.dialect.hasHeader);
        QCOMPARE(read.header, (L({"id", "name", "name", "column_4", "score"})));
        const QString notes = notesOf(read.sniff);
        QVERIFY2(notes.contains(QStringLiteral("1 header name is empty: named column_4")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("repeated header names 'name'")), qPrintable(notes));
        QCOMPARE(int(read.records.size()), 3);
        QCOMPARE(rejectedRecords(read), 0);
        QCOMPARE(shapeOf(previewOf(path)),
                 (L({"id:integer", "name:text", "name_2:text", "column_4:text", "score:real"})));
    }

    void aHeaderShortOfNamesIsPadded() {
        const auto path = sniffFile_("header_short.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY2(read.failure.empty(), read.failure.c_str());
        QVERIFY(read.sniff.dialect.hasHeader);
        QCOMPARE(read.sniff.dialect.skipLines, std::int64_t(0));
        QCOMPARE(read.header, (L({"id", "name", "score", "column_4"})));
        QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("the header names 3 of 4 columns")),
                 qPrintable(notesOf(read.sniff)));
        QCOMPARE(rejectedRecords(read), 0);
        QCOMPARE(shapeOf(previewOf(path)), (L({"id:integer", "name:text", "score:real", "column_4:text"})));
    }

    void everyColumnTextStillHasAHeader() {
        const auto path = sniffFile_("all_text.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY(read.sniff.dialect.hasHeader);
        QCOMPARE(read.header, (L({"first_name", "last_name", "city"})));
        QCOMPARE(int(read.records.size()), 3);
        QCOMPARE(shapeOf(previewOf(path)), (L({"first_name:text", "last_name:text", "city:text"})));
    }

    void strayQuotesAreReadTolerantlyOrRejectedByTheRow() {
        const auto path = sniffFile_("stray_quotes.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY2(read.failure.empty(), read.failure.c_str());
        QCOMPARE(read.sniff.dialect.delimiter, ',');
        QVERIFY(read.sniff.dialect.hasHeader);
        QCOMPARE(read.header, (L({"id", "item", "qty"})));
        QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("line 4: a quote that does not close on its line is read as text")),
                 qPrintable(notesOf(read.sniff)));
        QCOMPARE(int(read.records.size()), 7);
        // A quote inside an unquoted field is text; text after a closing quote is kept.
        QCOMPARE(read.records[0].fields, (L({"1", "5\" screen", "2"})));
        QCOMPARE(read.records[1].fields, (L({"2", "Big box", "1"})));
        QVERIFY(read.records[1].error.empty());
        // A quote that never closes on its line does not swallow the rows after it.
        QCOMPARE(read.records[2].fields, (L({"3", "\"unclosed", "4"})));
        QCOMPARE(read.records[2].line, std::int64_t(4));
        QCOMPARE(read.records[3].fields, (L({"4", "plain", "3"})));
        QCOMPARE(read.records[4].fields, (L({"5", "ok, quoted", "6"})));
        // Text after a closing quote in a row of the wrong width: that row is rejected, with its line.
        QCOMPARE(read.records[5].line, std::int64_t(7));
        QVERIFY2(read.records[5].error.find("text after a closing quote") != std::string::npos,
                 read.records[5].error.c_str());
        QCOMPARE(read.records[5].raw, std::string("6,\"bad\" x,y,7"));
        QCOMPARE(read.records[6].fields, (L({"7", "last", "8"})));
        QCOMPARE(rejectedRecords(read), 1);
        const auto p = previewOf(path);
        QCOMPARE(shapeOf(p), (L({"id:integer", "item:text", "qty:integer"})));
        QCOMPARE(p.rowsScanned, std::int64_t(6));
    }

    void aStrayQuoteOnLineOneDoesNotAbortTheFile() {
        const auto path = sniffFile_("stray_quote_header.csv");
        const auto read = test::sniffAndRead(path);
        QVERIFY2(read.failure.empty(), read.failure.c_str());
        QVERIFY(read.sniff.dialect.hasHeader);
        QCOMPARE(read.header, (L({"id", "\"name", "qty"})));
        QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("line 1: a quote that does not close on its line")),
                 qPrintable(notesOf(read.sniff)));
        QCOMPARE(int(read.records.size()), 2);
        QCOMPARE(rejectedRecords(read), 0);
        QCOMPARE(shapeOf(previewOf(path)), (L({"id:integer", "name:text", "qty:integer"})));
    }

    void aFewBadValuesKeepTheColumnsType() {
        const auto path = sniffFile_("typed_misfits.csv");
        const auto p = previewOf(path);
        QCOMPARE(shapeOf(p), (L({"id:integer", "day:date", "amount:real"})));
        QCOMPARE(p.rowsScanned, std::int64_t(5000));
        QVERIFY(p.scannedWholeFile);
        QCOMPARE(p.notes.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(p.notes[1]),
                 QStringLiteral("5 values don't fit 'date' (first: 'soon'); their rows go to the rejects table"));
        QVERIFY(p.notes[0].empty());
        QVERIFY(p.notes[2].empty());
    }

    void emptyAndHeaderOnlyFilesAreEmptyTables() {
        {
            const auto path = sniffFile_("empty.csv");
            const auto read = test::sniffAndRead(path);
            QVERIFY2(read.failure.empty(), read.failure.c_str());
            QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("the file is empty: it loads as an empty table")),
                     qPrintable(notesOf(read.sniff)));
            QCOMPARE(read.header, L({"column_1"}));
            QVERIFY(read.records.empty());
            const auto p = previewOf(path);
            QCOMPARE(shapeOf(p), L({"column_1:text"}));
            QCOMPARE(p.rowsScanned, std::int64_t(0));
        }
        {
            const auto path = sniffFile_("header_only.csv");
            const auto read = test::sniffAndRead(path);
            QVERIFY2(read.failure.empty(), read.failure.c_str());
            QVERIFY(read.sniff.dialect.hasHeader);
            QVERIFY2(notesOf(read.sniff).contains(QStringLiteral("the file has a header but no rows")),
                     qPrintable(notesOf(read.sniff)));
            QCOMPARE(read.header, (L({"id", "name", "amount"})));
            QVERIFY(read.records.empty());
            QCOMPARE(shapeOf(previewOf(path)), (L({"id:text", "name:text", "amount:text"})));
        }
    }
};

QTEST_GUILESS_MAIN(SniffRegressionTest)
#include "sniff_regression_test.moc"

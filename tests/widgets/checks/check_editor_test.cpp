// CheckEditor: checks built from its fields (no JSON typed) are written to checks/<table>.json,
// and the file read back by core's loader holds exactly them; a file written by hand loads and
// saves unchanged; a check that is not valid stops the save and says why; kind-specific rows.
#include "widgets/checks/check_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/checks/check_file.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
using namespace deskbase::widgets;

namespace {

TableInfo tableOf(const std::string& name, std::vector<std::pair<std::string, ColumnType>> columns) {
    TableInfo t;
    t.name = name;
    for (auto& [n, type] : columns) t.columns.push_back({n, type, n});
    return t;
}

TableInfo orders() {
    return tableOf("orders", {{"id", ColumnType::Integer},
                              {"status", ColumnType::Text},
                              {"total", ColumnType::Real},
                              {"email", ColumnType::Text},
                              {"customer_id", ColumnType::Integer}});
}

std::vector<TableInfo> tables() {
    return {orders(),
            tableOf("customers", {{"customer_key", ColumnType::Integer}, {"name", ColumnType::Text}})};
}

// The checks of a loaded file as one JSON text, for comparing.
std::string checksJson(const CheckFile& f) {
    return checkFileToJson(f).dump();
}

}  // namespace

class CheckEditorTest : public QObject {
    Q_OBJECT
private slots:
    void buildsAFileFromTheFields() {
        test::TempWorkspace ws;
        CheckEditor editor(QString::fromStdString(ws.path()), orders(), tables());
        QVERIFY(editor.load());
        QCOMPARE(editor.checkCount(), 1);  // a new file starts with one check to fill
        QCOMPARE(editor.kindBox()->currentText(), QStringLiteral("not_null"));
        QCOMPARE(editor.columnBox()->currentText(), QStringLiteral("id"));
        QVERIFY(editor.validationText().isEmpty());

        // 2: accepted values on status (text, so the values are not numbers).
        editor.addCheck(QStringLiteral("accepted_values"));
        QVERIFY(editor.isRowVisible(editor.valuesEdit()));
        QVERIFY(!editor.isRowVisible(editor.minEdit()));
        editor.columnBox()->setCurrentText(QStringLiteral("status"));
        QVERIFY(!editor.numericBox()->isChecked());
        QVERIFY(!editor.validationText().isEmpty());  // no values yet
        editor.valuesEdit()->setPlainText(QStringLiteral("completed\nreturned\n"));
        QVERIFY2(editor.validationText().isEmpty(), qPrintable(editor.validationText()));

        // 3: between on total, the maximum excluded, warn, mostly 0.99.
        editor.addCheck(QStringLiteral("between"));
        QVERIFY(editor.isRowVisible(editor.maxInclusiveBox()));
        QVERIFY(!editor.isRowVisible(editor.valuesEdit()));
        editor.columnBox()->setCurrentText(QStringLiteral("total"));
        editor.minEdit()->setText(QStringLiteral("0"));
        editor.maxEdit()->setText(QStringLiteral("10000"));
        editor.maxInclusiveBox()->setChecked(false);
        editor.severityBox()->setCurrentText(QStringLiteral("warn"));
        editor.mostlyEdit()->setText(QStringLiteral("0.99"));

        // 4: a regex says at once whether it compiles.
        editor.addCheck(QStringLiteral("matches"));
        QVERIFY(editor.isRowVisible(editor.regexEdit()));
        editor.columnBox()->setCurrentText(QStringLiteral("email"));
        editor.regexEdit()->setText(QStringLiteral("^[^@]+@("));
        QVERIFY2(editor.regexStatus().contains(QStringLiteral("does not compile")),
                 qPrintable(editor.regexStatus()));
        QVERIFY(!editor.validationText().isEmpty());
        editor.regexEdit()->setText(QStringLiteral("^[^@]+@[^@]+$"));
        QVERIFY2(editor.regexStatus().contains(QStringLiteral("compiles")), qPrintable(editor.regexStatus()));
        QVERIFY(!editor.regexStatus().contains(QStringLiteral("not")));

        // 5: relationships: the field list follows the chosen table.
        editor.addCheck(QStringLiteral("relationships"));
        editor.columnBox()->setCurrentText(QStringLiteral("customer_id"));
        editor.toBox()->setCurrentText(QStringLiteral("customers"));
        QCOMPARE(editor.fieldBox()->itemText(0), QStringLiteral("customer_key"));
        editor.fieldBox()->setCurrentText(QStringLiteral("customer_key"));

        // 6: unique on two key columns, named.
        editor.addCheck(QStringLiteral("unique"));
        QVERIFY(editor.isRowVisible(editor.keyColumns()));
        QVERIFY(!editor.isRowVisible(editor.columnBox()));
        QVERIFY(!editor.isRowVisible(editor.mostlyEdit()) == false);  // unique is a row check
        for (int i = 0; i < editor.keyColumns()->count(); ++i) {
            const QString c = editor.keyColumns()->item(i)->text();
            editor.keyColumns()->item(i)->setCheckState(
                c == QStringLiteral("id") || c == QStringLiteral("email") ? Qt::Checked : Qt::Unchecked);
        }
        editor.nameEdit()->setText(QStringLiteral("one row per order and email"));

        // 7: row_count with a minimum only.
        editor.addCheck(QStringLiteral("row_count"));
        QVERIFY(!editor.isRowVisible(editor.mostlyEdit()));
        QVERIFY(!editor.isRowVisible(editor.minInclusiveBox()));
        editor.minEdit()->setText(QStringLiteral("1"));

        // 8: numbers for a numeric column's accepted values.
        editor.addCheck(QStringLiteral("accepted_values"));
        editor.columnBox()->setCurrentText(QStringLiteral("customer_id"));
        QVERIFY(editor.numericBox()->isChecked());
        editor.valuesEdit()->setPlainText(QStringLiteral("1\n2\n3"));
        editor.onFailureBox()->setCurrentIndex(1);

        QSignalSpy saved(&editor, &CheckEditor::saved);
        QString error;
        QVERIFY2(editor.save(&error), qPrintable(error));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(editor.filePath(), QString::fromStdString(ws.file("checks/orders.json")));

        auto file = loadCheckFile(ws.file("checks/orders.json"), "checks/orders.json");
        QVERIFY2(file.isOk(), file.status().message().c_str());
        const std::string expected =
            nlohmann::ordered_json::parse(R"({"table": "orders", "on_failure": "refuse", "checks": [
            {"check": "not_null", "column": "id"},
            {"check": "accepted_values", "column": "status", "values": ["completed", "returned"]},
            {"check": "between", "column": "total", "min": 0, "max": 10000, "max_inclusive": false,
             "severity": "warn", "mostly": 0.99},
            {"check": "matches", "column": "email", "regex": "^[^@]+@[^@]+$"},
            {"check": "relationships", "column": "customer_id", "to": "customers", "field": "customer_key"},
            {"check": "unique", "name": "one row per order and email", "columns": ["id", "email"]},
            {"check": "row_count", "min": 1},
            {"check": "accepted_values", "column": "customer_id", "values": [1, 2, 3]}]})")
                .dump();
        QCOMPARE(QString::fromStdString(checksJson(*file)), QString::fromStdString(expected));
    }

    void handWrittenFileSavesUnchanged() {
        test::TempWorkspace ws;
        QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("checks"))));
        const std::string text = R"({"table": "orders", "checks": [
            {"check": "freshness", "warn_after": "2d", "error_after": "1w", "severity": "warn"},
            {"check": "columns", "required": {"id": "integer", "status": ""}},
            {"check": "sql", "name": "no negative totals", "sql": "select * from orders where total < 0"},
            {"check": "between", "column": "total", "min": -5.5, "min_inclusive": false, "description": "refunds"},
            {"check": "unique", "columns": ["id", "not_a_column_yet"]}]})";
        ws.write("checks/orders.json", text);
        auto before = loadCheckFile(ws.file("checks/orders.json"), "checks/orders.json");
        QVERIFY2(before.isOk(), before.status().message().c_str());

        CheckEditor editor(QString::fromStdString(ws.path()), orders(), tables());
        QVERIFY(editor.load());
        QCOMPARE(editor.checkCount(), 5);
        QCOMPARE(editor.kindBox()->currentText(), QStringLiteral("freshness"));
        QVERIFY(editor.isRowVisible(editor.warnAfterEdit()));
        QCOMPARE(editor.warnAfterEdit()->text(), QStringLiteral("2d"));
        editor.selectCheck(1);
        QVERIFY(editor.isRowVisible(editor.requiredEdit()));
        QCOMPARE(editor.requiredEdit()->toPlainText(), QStringLiteral("id integer\nstatus"));
        editor.selectCheck(4);
        QCOMPARE(editor.keyColumns()->findItems(QStringLiteral("not_a_column_yet"), Qt::MatchExactly).size(),
                 1);
        editor.selectCheck(0);
        QString error;
        QVERIFY2(editor.save(&error), qPrintable(error));
        auto after = loadCheckFile(ws.file("checks/orders.json"), "checks/orders.json");
        QVERIFY2(after.isOk(), after.status().message().c_str());
        QCOMPARE(QString::fromStdString(checksJson(*after)), QString::fromStdString(checksJson(*before)));
    }

    void invalidCheckStopsTheSave() {
        test::TempWorkspace ws;
        QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("checks"))));
        const std::string text = R"({"table": "orders", "checks": [{"check": "not_null", "column": "id"}]})";
        ws.write("checks/orders.json", text);
        CheckEditor editor(QString::fromStdString(ws.path()), orders(), tables());
        QVERIFY(editor.load());
        editor.addCheck(QStringLiteral("between"));  // neither min nor max
        editor.selectCheck(0);
        QString error;
        QVERIFY(!editor.save(&error));
        QVERIFY2(error.startsWith(QStringLiteral("Check 2: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("min")), qPrintable(error));
        QCOMPARE(editor.currentCheck(), 1);  // the editor shows the check at fault
        QFile f(QString::fromStdString(ws.file("checks/orders.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().toStdString(), text);  // nothing written
        editor.removeCheck(1);
        QCOMPARE(editor.checkCount(), 1);
        QVERIFY(editor.save(&error));
    }

    void brokenFileIsReported() {
        test::TempWorkspace ws;
        QVERIFY(QDir().mkpath(QString::fromStdString(ws.file("checks"))));
        ws.write("checks/orders.json", R"({"checks": [{"check": "between", "column": "x"}]})");
        CheckEditor editor(QString::fromStdString(ws.path()), orders(), tables());
        QString error;
        QVERIFY(!editor.load(&error));
        QVERIFY2(error.contains(QStringLiteral("checks/orders.json")), qPrintable(error));
        QCOMPARE(editor.checkCount(), 0);
    }
};

QTEST_MAIN(CheckEditorTest)
#include "check_editor_test.moc"

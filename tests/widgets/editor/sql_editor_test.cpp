// The SQL editor: completion from the live schema, highlighting, error lines, parameter inputs.
#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTextBlock>
#include <QtTest>

#include "core/warehouse/warehouse.h"
#include "widgets/editor/error_location.h"
#include "widgets/editor/parameter_bar.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/editor/sql_highlighter.h"

using namespace deskbase;
using namespace deskbase::widgets;

namespace {
std::vector<TableInfo> schema() {
    TableInfo flights;
    flights.name = "flights";
    flights.columns = {{"origin", ColumnType::Text, "Origin"},
                       {"dep_delay", ColumnType::Integer, "DepDelay"}};
    TableInfo weather;
    weather.name = "seattle_weather";
    weather.columns = {{"precipitation", ColumnType::Real, "precipitation"},
                       {"date", ColumnType::Date, "date"}};
    return {flights, weather};
}
// A table whose name starts like one of its columns.
std::vector<TableInfo> zipSchema() {
    TableInfo zip;
    zip.name = "zip_codes";
    zip.columns = {{"zip_code", ColumnType::Text, "zip_code"}, {"city", ColumnType::Text, "city"}};
    return {zip};
}
}  // namespace

class SqlEditorTest : public QObject {
    Q_OBJECT
private slots:
    void completionOffersColumnName() {
        SqlEditor editor;
        editor.setSchema(schema());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClicks(&editor, QStringLiteral("SELECT dep_"));
        QVERIFY(editor.completionsAtCursor().contains(QStringLiteral("dep_delay")));
        // The popup is up and choosing its entry completes the word.
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QCOMPARE(editor.completer()->currentCompletion(), QStringLiteral("dep_delay"));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT dep_delay"));
    }

    void qualifiedCompletionOffersThatTablesColumns() {
        SqlEditor editor;
        editor.setSchema(schema());
        editor.setPlainText(QStringLiteral("SELECT seattle_weather."));
        editor.moveCursor(QTextCursor::End);
        const QStringList offers = editor.completionsAtCursor();
        QCOMPARE(offers, (QStringList{QStringLiteral("date"), QStringLiteral("precipitation")}));
    }

    void completionOffersKeywordsAndTables() {
        SqlEditor editor;
        editor.setSchema(schema());
        editor.setPlainText(QStringLiteral("sel"));
        editor.moveCursor(QTextCursor::End);
        QVERIFY(editor.completionsAtCursor().contains(QStringLiteral("SELECT")));
        editor.setPlainText(QStringLiteral("SELECT * FROM fli"));
        editor.moveCursor(QTextCursor::End);
        QCOMPARE(editor.completionsAtCursor(), QStringList{QStringLiteral("flights")});
    }

    // Issue 10: after "FROM zip" the column zip_code was offered above the table zip_codes.
    void completionAfterFromOffersTablesFirst_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("first");
        QTest::newRow("from") << QStringLiteral("SELECT * FROM zip") << QStringLiteral("zip_codes");
        QTest::newRow("join") << QStringLiteral("SELECT * FROM a\n  JOIN zip") << QStringLiteral("zip_codes");
        QTest::newRow("select list") << QStringLiteral("SELECT zip") << QStringLiteral("zip_code");
    }
    void completionAfterFromOffersTablesFirst() {
        QFETCH(QString, text);
        QFETCH(QString, first);
        SqlEditor editor;
        editor.setSchema(zipSchema());
        editor.setPlainText(text);
        editor.moveCursor(QTextCursor::End);
        const QStringList offers = editor.completionsAtCursor();
        QCOMPARE(offers.size(), 2);
        QCOMPARE(offers.front(), first);
    }

    // Issue 10: Enter after "FROM zip" took the completion and what was typed next stuck to it
    // ("FROM zip_codeWHERE"). Enter ends the line unless an entry was chosen; Tab takes the first.
    void enterWithNothingChosenEndsTheLine() {
        SqlEditor editor;
        editor.setSchema(zipSchema());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClicks(&editor, QStringLiteral("SELECT * FROM zip"));
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
        QVERIFY(!editor.completer()->popup()->isVisible());
        QTest::keyClicks(&editor, QStringLiteral("WHERE"));
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT * FROM zip\nWHERE"));
    }
    void tabOrAChosenEntryCompletes() {
        SqlEditor editor;
        editor.setSchema(zipSchema());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::keyClicks(&editor, QStringLiteral("SELECT * FROM zip"));
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT * FROM zip_codes"));
        QTest::keyClicks(&editor, QStringLiteral(" WHERE zip"));
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Down);  // the second entry: zip_codes
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Up);    // back to zip_code, chosen
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT * FROM zip_codes WHERE zip_code"));
    }
    void completionNeverGluesToTheNextToken() {
        SqlEditor editor;
        editor.setSchema(zipSchema());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setPlainText(QStringLiteral("SELECT * FROM WHERE x = 1"));
        QTextCursor c = editor.textCursor();
        c.setPosition(int(QStringLiteral("SELECT * FROM ").size()));
        editor.setTextCursor(c);
        QTest::keyClicks(&editor, QStringLiteral("zip"));  // "FROM zip|WHERE"
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT * FROM zip_codes WHERE x = 1"));
    }

    // Inside ref(' only the workspace's models are offered; elsewhere they join the other words.
    void completionOffersModelsInRef() {
        SqlEditor editor;
        editor.setSchema(schema());
        editor.setModelNames(
            {QStringLiteral("stg_orders"), QStringLiteral("daily_sales"), QStringLiteral("stg_items")});
        editor.setPlainText(QStringLiteral("select * from {{ ref('stg_o"));
        editor.moveCursor(QTextCursor::End);
        QCOMPARE(editor.completionsAtCursor(), QStringList{QStringLiteral("stg_orders")});
        editor.setPlainText(QStringLiteral("select * from {{ ref( \""));
        editor.moveCursor(QTextCursor::End);
        QCOMPARE(editor.completionsAtCursor(),
                 (QStringList{QStringLiteral("daily_sales"), QStringLiteral("stg_items"),
                              QStringLiteral("stg_orders")}));
        // Outside ref(): models are words like the tables, next to keywords.
        editor.setPlainText(QStringLiteral("select * from dai"));
        editor.moveCursor(QTextCursor::End);
        QCOMPARE(editor.completionsAtCursor(), QStringList{QStringLiteral("daily_sales")});
        editor.setPlainText(QStringLiteral("select * from {{ source('sel"));
        editor.moveCursor(QTextCursor::End);
        QVERIFY(editor.completionsAtCursor().contains(QStringLiteral("SELECT")));
    }

    // In a model (Jinja mode) a ref() to a model is marked "ref", to anything else "badref".
    void highlightsRefNames_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("role");
        const QString sql =
            QStringLiteral("select * from {{ ref('stg_orders') }} join {{ref(\"nope\")}} using (id)");
        QTest::newRow("known model") << sql << int(sql.indexOf(QStringLiteral("stg_orders"))) + 2 << "ref";
        QTest::newRow("unknown model") << sql << int(sql.indexOf(QStringLiteral("nope"))) + 1 << "badref";
        QTest::newRow("the rest of the block") << sql << int(sql.indexOf(QStringLiteral("ref("))) << "param";
        QTest::newRow("whitespace control")
            << QStringLiteral("select {{- ref('stg_orders') -}}") << 17 << "ref";
        QTest::newRow("source is not a ref")
            << QStringLiteral("from {{ source('stg_orders', 'x') }}") << 17 << "param";
    }
    void highlightsRefNames() {
        QFETCH(QString, sql);
        QFETCH(int, position);
        QFETCH(QString, role);
        SqlEditor editor;
        editor.highlighter()->setTemplateMode(TemplateMode::Jinja);
        editor.setModelNames({QStringLiteral("stg_orders")});
        editor.setPlainText(sql);
        QCOMPARE(SqlHighlighter::roleAt(editor.document(), position), role);
    }

    void ctrlEnterRunsSelectionOrAll() {
        SqlEditor editor;
        QSignalSpy run(&editor, &SqlEditor::runRequested);
        editor.setPlainText(QStringLiteral("SELECT 1;\nSELECT 2;"));
        QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(run.size(), 1);
        QCOMPARE(editor.sqlToRun(), editor.toPlainText());
        QTextCursor c(editor.document()->findBlockByNumber(1));
        c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        editor.setTextCursor(c);
        QCOMPARE(editor.sqlToRun(), QStringLiteral("SELECT 2;"));
        QCOMPARE(editor.sqlToRunOffset(), 10);
    }

    void highlights_data() {
        QTest::addColumn<bool>("pg");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("role");
        QTest::newRow("keyword") << false << QStringLiteral("select x from t") << 1
                                 << QStringLiteral("keyword");
        QTest::newRow("string") << false << QStringLiteral("select 'from'") << 9 << QStringLiteral("string");
        QTest::newRow("number") << false << QStringLiteral("select 42") << 8 << QStringLiteral("number");
        QTest::newRow("line comment")
            << false << QStringLiteral("select 1 -- from") << 13 << QStringLiteral("comment");
        QTest::newRow("block comment")
            << false << QStringLiteral("/* a\nselect */ 1") << 7 << QStringLiteral("comment");
        QTest::newRow("param") << false << QStringLiteral("where a = {{ city }}") << 13
                               << QStringLiteral("param");
        QTest::newRow("plain identifier") << false << QStringLiteral("select amount") << 9 << QString();
        QTest::newRow("function call")
            << false << QStringLiteral("select count(x)") << 8 << QStringLiteral("function");
        QTest::newRow("function name without call")
            << false << QStringLiteral("select count") << 8 << QString();
        QTest::newRow("{{ in a string is the string")
            << false << QStringLiteral("select '{{x}}'") << 9 << QStringLiteral("string");
        QTest::newRow("quoted keyword is a name")
            << false << QStringLiteral("select \"from\"") << 9 << QString();
        QTest::newRow("optional clause over lines")
            << false << QStringLiteral("where 1=1 [[\nand a = 1\n]]") << 23 << QStringLiteral("param");
        // Multi-line PostgreSQL literals continue through the block state.
        QTest::newRow("dollar quote over lines")
            << true << QStringLiteral("SELECT $$\nDELETE\n$$ x") << 10 << QStringLiteral("string");
        QTest::newRow("after the dollar quote")
            << true << QStringLiteral("SELECT $$\nx\n$$ from") << 15 << QStringLiteral("keyword");
        QTest::newRow("postgres comments nest")
            << true << QStringLiteral("/* a /* b */\nstill */ from") << 13 << QStringLiteral("comment");
        QTest::newRow("sqlite comments do not")
            << false << QStringLiteral("/* a /* b */\nfrom */ x") << 13 << QStringLiteral("keyword");
        QTest::newRow("E string over lines")
            << true << QStringLiteral("select E'a\\'\nfrom' x") << 13 << QStringLiteral("string");
        QTest::newRow("no E string in sqlite")
            << false << QStringLiteral("select E'a\\'\nfrom x") << 13 << QStringLiteral("keyword");
    }
    void highlights() {
        QFETCH(bool, pg);
        QFETCH(QString, sql);
        QFETCH(int, position);
        QFETCH(QString, role);
        SqlEditor editor;
        editor.setDialect(pg ? Dialect::postgres() : Dialect::sqlite());
        editor.setPlainText(sql);
        QCOMPARE(SqlHighlighter::roleAt(editor.document(), position), role);
    }

    // Typing a closing quote on a later line re-colours the lines after it.
    void highlightFollowsEditsAcrossLines() {
        SqlEditor editor;
        editor.setDialect(Dialect::postgres());
        editor.setPlainText(QStringLiteral("select $$\nfrom\nfrom"));
        QCOMPARE(SqlHighlighter::roleAt(editor.document(), 15), QStringLiteral("string"));
        QTextCursor c(editor.document()->findBlockByNumber(1));
        c.movePosition(QTextCursor::EndOfBlock);
        c.insertText(QStringLiteral("$$"));  // closes the quote on line 2
        QCOMPARE(SqlHighlighter::roleAt(editor.document(), 17), QStringLiteral("keyword"));
    }

    void errorLine_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::newRow("sqlite near") << QStringLiteral("SELECT *\nFORM t")
                                     << QStringLiteral("near \"FORM\": syntax error") << 1;
        QTest::newRow("sqlite column") << QStringLiteral("SELECT a,\n  b,\n  nope\nFROM t")
                                       << QStringLiteral("no such column: nope") << 2;
        QTest::newRow("sqlite table")
            << QStringLiteral("SELECT 1\nFROM missing") << QStringLiteral("no such table: missing") << 1;
        QTest::newRow("pg position") << QStringLiteral("SELECT 1\nFROM t\nWHERE x")
                                     << QStringLiteral("ERROR: column \"x\" does not exist at character 22")
                                     << 2;
        QTest::newRow("pg line") << QStringLiteral("SELECT 1\nFROM t")
                                 << QStringLiteral("syntax error\nLINE 2: FROM t") << 1;
        QTest::newRow("unknown") << QStringLiteral("SELECT 1") << QStringLiteral("database is locked") << -1;
        // Issue 10: "FORM" also appears on the first line; the position the warehouse gave wins.
        QTest::newRow("sqlite position")
            << QStringLiteral("SELECT 'FORM' AS f\nFORM t")
            << QStringLiteral("near \"FORM\": syntax error (at character 20)") << 1;
    }
    void errorLine() {
        QFETCH(QString, sql);
        QFETCH(QString, message);
        QFETCH(int, line);
        QCOMPARE(deskbase::widgets::errorLine(sql, message), line);
        SqlEditor editor;
        editor.setPlainText(sql);
        QCOMPARE(editor.showError(sql, 0, message), line);
        QCOMPARE(editor.extraSelections().size(), line >= 0 ? 1 : 0);
    }

    void parametersBecomeFields() {
        ParameterBar bar;
        QVERIFY(bar.setSqlTemplate(
            QStringLiteral("SELECT * FROM t WHERE city = {{city}} [[AND n > {{min_n}}]]")));
        QCOMPARE(bar.names(), (QStringList{QStringLiteral("city"), QStringLiteral("min_n")}));
        QVERIFY(bar.field(QStringLiteral("city")));
        bar.field(QStringLiteral("city"))->setText(QStringLiteral("Seattle"));
        // Editing the SQL keeps typed values of parameters still there.
        QVERIFY(bar.setSqlTemplate(QStringLiteral("SELECT * FROM t WHERE city = {{city}}")));
        QCOMPARE(bar.names(), QStringList{QStringLiteral("city")});
        QCOMPARE(bar.field(QStringLiteral("city"))->text(), QStringLiteral("Seattle"));
        const ParameterValues v = bar.values();
        QCOMPARE(v.at("city"), std::vector<std::string>{"Seattle"});
        QVERIFY(bar.setSqlTemplate(QStringLiteral("SELECT 1")));
        QVERIFY(bar.names().isEmpty());
    }
};

QTEST_MAIN(SqlEditorTest)
#include "sql_editor_test.moc"

// One SQL tab as a user drives it: a parameter's type set from its settings button decides what
// is bound (a number binds a number), is saved in the question, and the value typed when saving
// becomes the default only when asked; find in the SQL; the grid's right-click menus; the empty
// workspace's welcome panel; and the defects "0+ rows" before anything ran and status/error
// lines left after the SQL is cleared.
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include "app/gui/find_bar.h"
#include "app/gui/grid_context_menu.h"
#include "app/gui/main_window.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/save_question_dialog.h"
#include "app/gui/welcome_panel.h"
#include "app/gui/workspace_controller.h"
#include "core/question/question.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/modal_answer.h"
#include "tests/support/temp_workspace.h"
#include "widgets/editor/parameter_bar.h"
#include "widgets/editor/parameter_settings.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {
// Totals per name over an aggregate: SQLite gives the column no affinity, so a value bound as text
// compares as text (every number sorts before any text) and `total > '100'` is never true.
const QString kTotals = QStringLiteral(
    "SELECT name FROM (SELECT name, sum(price) AS total FROM products GROUP BY name) AS s\n"
    "WHERE total > {{min_total}} ORDER BY name");

QStringList firstColumn(QueryPage* page) {
    QStringList out;
    auto* m = page->grid()->model();
    for (int r = 0; r < m->rowCount(); ++r) out << m->index(r, 0).data().toString();
    return out;
}

QAction* actionNamed(QMenu* menu, const QString& text) {
    for (QAction* a : menu->actions())
        if (a->text() == text) return a;
    return nullptr;
}
}  // namespace

class QueryPageTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempWorkspace> dir_;
    std::unique_ptr<MainWindow> window_;

    void runAndWait(QueryPage* page) {
        page->run();
        QTRY_VERIFY(!page->grid()->model()->isRunning());
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_query_page"));
    }

    void init() {
        dir_ = std::make_unique<test::TempWorkspace>();
        window_ = std::make_unique<MainWindow>();
        QVERIFY(window_->openWorkspace(QString::fromStdString(dir_->file("work"))));
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        for (QueryPage* p : window_->queryTabs()->all()) p->setWindowModified(false);
        window_.reset();
        dir_.reset();
    }

    void numberParameterFromItsSettingsBindsANumber() {
        auto w = Warehouse::open(dir_->file("work/warehouse.db"));
        QVERIFY(w);
        QVERIFY((*w)->execute("CREATE TABLE products (name TEXT, price REAL)"));
        QVERIFY((*w)->execute("INSERT INTO products VALUES ('a', 50), ('b', 100), ('c', 150), ('d', 1000)"));
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(kTotals);
        widgets::ParameterBar* bar = page->parameters();
        bar->setValue(QStringLiteral("min_total"), QStringLiteral("100"));
        runAndWait(page);
        QCOMPARE(firstColumn(page), QStringList{});  // as text: the wrong answer

        // The settings button: Number.
        auto seen = test::answerDialog(QStringLiteral("parameterSettingsDialog"), [](QDialog* d) {
            auto* s = static_cast<widgets::ParameterSettingsDialog*>(d);
            s->typeCombo()->setCurrentIndex(s->typeCombo()->findData(int(Parameter::Type::Number)));
            s->labelEdit()->setText(QStringLiteral("Minimum total"));
        });
        bar->settingsButton(QStringLiteral("min_total"))->click();
        QCOMPARE(seen->times, 1);
        QCOMPARE(bar->parametersInUse()[0].type, Parameter::Type::Number);
        QCOMPARE(bar->value(QStringLiteral("min_total")), QStringLiteral("100"));  // the value stays
        QVERIFY(page->isWindowModified());  // a settings change is an edit
        runAndWait(page);
        QCOMPARE(firstColumn(page), (QStringList{QStringLiteral("c"), QStringLiteral("d")}));

        // Saved with its type; the typed 100 is not the default (nobody said so).
        QVERIFY(page->saveQuestionAs(QStringLiteral("Big totals")));
        auto saved = loadQuestion(dir_->file("work/questions/big_totals.json"));
        QVERIFY(saved);
        QCOMPARE(saved->parameters.size(), std::size_t(1));
        QCOMPARE(saved->parameters[0].type, Parameter::Type::Number);
        QCOMPARE(QString::fromStdString(saved->parameters[0].label), QStringLiteral("Minimum total"));
        QVERIFY(saved->parameters[0].defaultValue.is_null());

        // Reopened in another tab the type is there: 99.5 binds as a number too.
        QueryPage* again = window_->queryTabs()->newTab();
        QVERIFY(again->openQuestion(QString::fromStdString(dir_->file("work/questions/big_totals.json"))));
        QCOMPARE(again->parameters()->parametersInUse()[0].type, Parameter::Type::Number);
        again->parameters()->setValue(QStringLiteral("min_total"), QStringLiteral("99.5"));
        runAndWait(again);
        QCOMPARE(firstColumn(again), (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
        // A value that is not a number is refused before anything runs, in one line.
        again->parameters()->setValue(QStringLiteral("min_total"), QStringLiteral("lots"));
        again->run();
        QVERIFY2(again->errorText().contains(QStringLiteral("is not a number")), qPrintable(again->errorText()));
    }

    void typedValueBecomesTheDefaultOnlyWhenAsked() {
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(QStringLiteral("SELECT {{n}} + 1 AS m"));
        Parameter n;
        n.name = "n";
        n.type = Parameter::Type::Number;
        page->parameters()->setParameter(n);
        page->parameters()->setValue(QStringLiteral("n"), QStringLiteral("41"));
        // Save as… with the box unticked (as it starts): no default.
        auto plain = test::answerDialog(QStringLiteral("saveQuestionDialog"), [](QDialog* d) {
            auto* s = static_cast<SaveQuestionDialog*>(d);
            QVERIFY(s->defaultsCheck()->isVisibleTo(s));
            QVERIFY(!s->defaultsCheck()->isChecked());
            QVERIFY(s->defaultsCheck()->text().contains(QStringLiteral("n = 41")));
            s->nameEdit()->setText(QStringLiteral("Plain"));
        });
        QVERIFY(page->saveQuestion(true));
        QCOMPARE(plain->times, 1);
        QVERIFY(loadQuestion(dir_->file("work/questions/plain.json"))->parameters[0].defaultValue.is_null());
        // Ticked: 41 is stored as the number 41.
        auto ticked = test::answerDialog(QStringLiteral("saveQuestionDialog"), [](QDialog* d) {
            auto* s = static_cast<SaveQuestionDialog*>(d);
            s->defaultsCheck()->setChecked(true);
            s->nameEdit()->setText(QStringLiteral("With default"));
        });
        QVERIFY(page->saveQuestion(true));
        auto saved = loadQuestion(dir_->file("work/questions/with_default.json"));
        QVERIFY(saved);
        QCOMPARE(QString::fromStdString(saved->parameters[0].defaultValue.dump()), QStringLiteral("41"));
        // Ctrl+S on the saved question never touches the defaults.
        page->parameters()->setValue(QStringLiteral("n"), QStringLiteral("7"));
        QVERIFY(page->saveQuestion(false));
        QCOMPARE(QString::fromStdString(loadQuestion(dir_->file("work/questions/with_default.json"))
                                            ->parameters[0].defaultValue.dump()),
                 QStringLiteral("41"));
    }

    void booleanParameterIsAChoice() {
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(QStringLiteral("SELECT CASE WHEN {{flag}} THEN 'on' ELSE 'off' END AS state"));
        QVERIFY(page->parameters()->field(QStringLiteral("flag")));
        Parameter flag;
        flag.name = "flag";
        flag.type = Parameter::Type::Boolean;
        page->parameters()->setParameter(flag);
        QVERIFY(!page->parameters()->field(QStringLiteral("flag")));
        QComboBox* choice = page->parameters()->choice(QStringLiteral("flag"));
        QVERIFY(choice);
        choice->setCurrentIndex(choice->findData(QStringLiteral("true")));
        runAndWait(page);
        QCOMPARE(firstColumn(page), QStringList{QStringLiteral("on")});
        choice->setCurrentIndex(choice->findData(QStringLiteral("false")));
        runAndWait(page);
        QCOMPARE(firstColumn(page), QStringList{QStringLiteral("off")});
    }

    void settingsRefuseADefaultThatDoesNotFit() {
        Parameter p;
        p.name = "when";
        widgets::ParameterSettingsDialog dialog(p);
        dialog.typeCombo()->setCurrentIndex(dialog.typeCombo()->findData(int(Parameter::Type::Date)));
        dialog.defaultEdit()->setText(QStringLiteral("31/01/2024"));
        QVERIFY2(dialog.problemText().contains(QStringLiteral("is not an ISO date")), qPrintable(dialog.problemText()));
        dialog.defaultEdit()->setText(QStringLiteral("2024-01-31"));
        QVERIFY(dialog.problemText().isEmpty());
        QCOMPARE(QString::fromStdString(dialog.parameter().defaultValue.dump()), QStringLiteral("\"2024-01-31\""));
        dialog.typeCombo()->setCurrentIndex(dialog.typeCombo()->findData(int(Parameter::Type::Number)));
        dialog.multiValueCheck()->setChecked(true);
        dialog.defaultEdit()->setText(QStringLiteral("1, 2.5"));
        QCOMPARE(QString::fromStdString(dialog.parameter().defaultValue.dump()), QStringLiteral("[1,2.5]"));
        dialog.typeCombo()->setCurrentIndex(dialog.typeCombo()->findData(int(Parameter::Type::Boolean)));
        QVERIFY(!dialog.multiValueCheck()->isEnabled());  // one true/false, never a list
    }

    void findInTheSql() {
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(QStringLiteral("SELECT a FROM t\nWHERE a > 1\nORDER BY A"));
        page->showFind();
        QVERIFY(page->findBar()->isVisibleTo(page));
        QTest::keyClicks(page->findBar()->input(), QStringLiteral("a"));
        QCOMPARE(page->findBar()->statusText(), QStringLiteral("3 matches"));
        QCOMPARE(page->editor()->textCursor().selectionStart(), 7);  // the first "a" (case-insensitive)
        QVERIFY(page->findBar()->findNext());
        QCOMPARE(page->editor()->textCursor().blockNumber(), 1);
        QVERIFY(page->findBar()->findNext());
        QCOMPARE(page->editor()->textCursor().blockNumber(), 2);
        QVERIFY(page->findBar()->findNext());  // wraps to the top
        QCOMPARE(page->editor()->textCursor().selectionStart(), 7);
        QVERIFY(page->findBar()->findPrevious());  // and back to the bottom
        QCOMPARE(page->editor()->textCursor().blockNumber(), 2);
        page->findBar()->input()->setText(QStringLiteral("nowhere"));
        QCOMPARE(page->findBar()->statusText(), QStringLiteral("No matches"));
        QTest::keyClick(page->findBar()->input(), Qt::Key_Escape);
        QVERIFY(!page->findBar()->isVisibleTo(page));
    }

    void gridMenusSortCopyAndExport() {
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(QStringLiteral("SELECT 2 AS n, 'b' AS s UNION ALL SELECT 1, 'a' UNION ALL SELECT 3, 'c'"));
        runAndWait(page);
        QTableView* view = page->grid()->view();
        const QRect cell = view->visualRect(page->grid()->model()->index(1, 1));
        std::unique_ptr<QMenu> menu(gridCellMenu(page->grid(), page, cell.center()));
        QVERIFY(view->selectionModel()->isSelected(page->grid()->model()->index(1, 1)));  // the cell under the click
        QVERIFY(actionNamed(menu.get(), QStringLiteral("Copy")) && actionNamed(menu.get(), QStringLiteral("Copy"))->isEnabled());
        QVERIFY(actionNamed(menu.get(), QStringLiteral("Export result…"))->isEnabled());
        actionNamed(menu.get(), QStringLiteral("Copy"))->trigger();
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("a"));
        actionNamed(menu.get(), QStringLiteral("Sort by s descending"))->trigger();
        QTRY_VERIFY(!page->grid()->model()->isRunning());
        QCOMPARE(firstColumn(page), (QStringList{QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));
        std::unique_ptr<QMenu> header(gridHeaderMenu(page->grid(), 0));
        actionNamed(header.get(), QStringLiteral("Sort by n ascending"))->trigger();
        QTRY_VERIFY(!page->grid()->model()->isRunning());
        QCOMPARE(firstColumn(page), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        actionNamed(header.get(), QStringLiteral("Copy column name"))->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("n"));
    }

    // Regression: a fresh tab said "0+ rows" before anything had run.
    void noRowCountBeforeAnythingRan() {
        QueryPage* page = window_->queryPage();
        QCOMPARE(page->grid()->statusText(), QString());
        page->editor()->setPlainText(QStringLiteral("SELECT 1"));
        QCOMPARE(page->grid()->statusText(), QString());
        runAndWait(page);
        QCOMPARE(page->grid()->statusText(), QStringLiteral("1 row"));
        QVERIFY2(window_->statusText().startsWith(QStringLiteral("1 row · ")), qPrintable(window_->statusText()));
        auto discard = test::answerBox(QStringLiteral("unsavedChangesBox"), QMessageBox::Discard);
        QVERIFY(page->newQuery());
        QCOMPARE(discard->times, 1);
        QCOMPARE(page->grid()->statusText(), QString());
        QVERIFY(!window_->statusText().contains(QStringLiteral("0+")));
    }

    // Regression (issue 10 walkthrough): a syntax error left "0+ rows · 2 ms" in the status bar,
    // as if the query had returned nothing.
    void aFailedRunReportsNoRowCount() {
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(QStringLiteral("SELEC 1"));
        page->run();
        QTRY_VERIFY(!page->errorText().isEmpty());
        QTRY_VERIFY(!page->grid()->model()->isRunning());
        QCoreApplication::processEvents();
        QVERIFY2(!window_->statusText().contains(QStringLiteral("rows")), qPrintable(window_->statusText()));
        // Nor does "Running…" stay (seen under Xvfb): it says the run failed.
        QVERIFY2(window_->statusText().startsWith(QStringLiteral("Query failed · ")), qPrintable(window_->statusText()));
        QVERIFY(page->grid()->model()->hasFailed());
        // The next good run reports its count again.
        page->editor()->setPlainText(QStringLiteral("SELECT 1"));
        runAndWait(page);
        QVERIFY(!page->grid()->model()->hasFailed());
        QVERIFY2(window_->statusText().startsWith(QStringLiteral("1 row · ")), qPrintable(window_->statusText()));
    }

    // Regression: the error and status lines stayed after the SQL was cleared.
    void clearingTheSqlClearsStatusAndErrorLines() {
        QueryPage* page = window_->queryPage();
        page->editor()->setPlainText(QStringLiteral("SELECT * FROM nowhere"));
        page->run();
        QTRY_VERIFY(!page->errorText().isEmpty());
        QCOMPARE(page->editor()->errorLine(), 0);
        page->editor()->selectAll();
        QTest::keyClick(page->editor(), Qt::Key_Delete);
        QVERIFY(page->editor()->toPlainText().isEmpty());
        QCOMPARE(page->errorText(), QString());
        QCOMPARE(page->editor()->errorLine(), -1);
        QCOMPARE(window_->statusText(), QString());
    }

    void emptyWorkspaceOffersTheDemo() {
        QueryPage* page = window_->queryPage();
        QTRY_VERIFY(page->welcome()->isVisibleTo(page));
        // Running something replaces the welcome with the grid.
        page->editor()->setPlainText(QStringLiteral("SELECT 1"));
        runAndWait(page);
        QVERIFY(!page->welcome()->isVisibleTo(page));
        QVERIFY(page->grid()->isVisibleTo(page));
        // A fresh tab offers the demo; its button asks for it. Last: the window then opens the demo
        // workspace, which closes this workspace's tabs (the pages above are gone).
        page->setWindowModified(false);  // else switching to the demo workspace asks about its SQL
        QueryPage* fresh = window_->queryTabs()->newTab();
        QVERIFY(fresh->welcome()->isVisibleTo(fresh));
        QSignalSpy demo(window_->queryTabs(), &QueryTabs::demoRequested);
        fresh->welcome()->demoButton()->click();
        QCOMPARE(demo.size(), 1);
    }

    void welcomeIsNotShownOnceThereAreTables() {
        auto w = Warehouse::open(dir_->file("work/warehouse.db"));
        QVERIFY((*w)->execute("CREATE TABLE t (x INTEGER)"));
        window_->workspace()->refreshSchema();
        QueryPage* page = window_->queryPage();
        QTRY_VERIFY(!window_->workspace()->schema().tables.empty());
        QVERIFY(!page->welcome()->isVisibleTo(page));
        QVERIFY(!window_->queryTabs()->newTab()->welcome()->isVisibleTo(window_.get()));
    }
};

QTEST_MAIN(QueryPageTest)
#include "query_page_test.moc"

// Unsaved work is never lost: every path that would drop a tab's edited SQL asks Save / Discard /
// Cancel first, and Cancel keeps the work exactly as it was — closing the tab, closing the window,
// switching workspace, New query (Ctrl+N), opening another question in the tab. The tab and the
// window title carry a "*" while there is unsaved work. The prompts are answered as a user would,
// by pressing their buttons (tests/support/modal_answer.h).
#include <QApplication>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

#include "app/gui/dashboard_pages.h"
#include "app/gui/main_menus.h"
#include "app/gui/main_window.h"
#include "app/gui/page_tabs.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/save_question_dialog.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/dashboard.h"
#include "core/question/question.h"
#include "tests/support/modal_answer.h"
#include "tests/support/temp_workspace.h"
#include "widgets/dashboard/dashboard_toolbar.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/grid/result_grid.h"
#include "widgets/grid/result_table_model.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {
const QString kBox = QStringLiteral("unsavedChangesBox");
const QString kEdited = QStringLiteral("SELECT 42 AS answer -- my work");

std::string questionJson(const std::string& name, const std::string& sql) {
    return "{\"name\": \"" + name + "\", \"sql\": \"" + sql + "\"}";
}

int tabOf(MainWindow& w, QWidget* page) {
    return w.pages()->indexOf(page);
}
}  // namespace

class UnsavedChangesTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempWorkspace> dir_;
    std::unique_ptr<MainWindow> window_;

    QueryPage* editedTab() {
        QueryPage* page = window_->queryTabs()->newTab();
        page->editor()->setPlainText(kEdited);
        return page;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_unsaved_changes"));
    }

    void init() {
        dir_ = std::make_unique<test::TempWorkspace>();
        window_ = std::make_unique<MainWindow>();
        QVERIFY(window_->openWorkspace(QString::fromStdString(dir_->file("work"))));
        dir_->write("work/questions/first.json", questionJson("First", "SELECT 1 AS one"));
        dir_->write("work/questions/second.json", questionJson("Second", "SELECT 2 AS two"));
        window_->workspace()->workspace()->reload();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() {
        // Leave without prompts: nothing is modified any more once each test is done.
        for (QueryPage* p : window_->queryTabs()->all()) p->setWindowModified(false);
        window_.reset();
        dir_.reset();
    }

    void modifiedTabAndWindowTitleAreMarked() {
        QueryPage* page = window_->queryPage();
        QVERIFY(!page->isWindowModified());
        QVERIFY(!window_->pages()->tabText(tabOf(*window_, page)).startsWith(QLatin1Char('*')));
        page->editor()->setPlainText(kEdited);
        QVERIFY(page->isWindowModified());
        QCOMPARE(window_->pages()->tabText(tabOf(*window_, page)), QStringLiteral("*") + page->windowTitle());
        QVERIFY(window_->isWindowModified());
        QVERIFY(window_->windowTitle().contains(QStringLiteral("[*]")));  // Qt draws it as "*"
        QVERIFY(page->saveQuestionAs(QStringLiteral("Kept")));
        QVERIFY(!page->isWindowModified());
        QCOMPARE(window_->pages()->tabText(tabOf(*window_, page)), QStringLiteral("Kept"));
        QVERIFY(!window_->isWindowModified());
        // Typing back what was saved is no longer a change.
        page->editor()->setPlainText(kEdited + QStringLiteral(" "));
        QVERIFY(page->isWindowModified());
        page->editor()->setPlainText(kEdited);
        QVERIFY(!page->isWindowModified());
    }

    void openedQuestionIsNotModified() {
        QueryPage* page = window_->queryTabs()->openQuestion(
            QString::fromStdString(dir_->file("work/questions/first.json")));
        QVERIFY(page);
        QTRY_VERIFY(!page->grid()->model()->isRunning());
        QVERIFY(!page->isWindowModified());
        QVERIFY(!window_->queryTabs()->openTable(QStringLiteral("anything"))->isWindowModified());
    }

    void closingATabAsksAndCancelKeepsIt() {
        QueryPage* page = editedTab();
        const int tabs = window_->pages()->count();
        auto seen = test::answerBox(kBox, QMessageBox::Cancel);
        window_->menus()->closeTab->trigger();  // Ctrl+W
        QCOMPARE(seen->times, 1);
        QVERIFY2(seen->text.contains(page->windowTitle()), qPrintable(seen->text));
        QCOMPARE(window_->pages()->count(), tabs);
        QCOMPARE(page->editor()->toPlainText(), kEdited);
        QVERIFY(page->isWindowModified());

        auto discard = test::answerBox(kBox, QMessageBox::Discard);
        QPointer<QueryPage> gone = page;
        QVERIFY(window_->pageTabs()->close(page));  // the tab's close button does this
        QCOMPARE(discard->times, 1);
        QCOMPARE(window_->pages()->count(), tabs - 1);
        QTRY_VERIFY(gone.isNull());
    }

    void closingATabSaveWritesTheQuestion() {
        const QString path = QString::fromStdString(dir_->file("work/questions/first.json"));
        QueryPage* page = window_->queryTabs()->openQuestion(path);
        page->editor()->setPlainText(QStringLiteral("SELECT 11 AS eleven"));
        auto seen = test::answerBox(kBox, QMessageBox::Save);
        QVERIFY(window_->pageTabs()->close(page));
        QCOMPARE(seen->times, 1);
        auto saved = loadQuestion(path.toStdString());
        QVERIFY(saved);
        QCOMPARE(QString::fromStdString(saved->sql), QStringLiteral("SELECT 11 AS eleven"));
        QCOMPARE(QString::fromStdString(saved->name), QStringLiteral("First"));
    }

    // Save on a query that was never saved asks for a name; cancelling that keeps the tab.
    void savingAnUnnamedQueryAsksForAName() {
        QueryPage* page = editedTab();
        auto save = test::answerBox(kBox, QMessageBox::Save);
        auto name = test::answerDialog(QStringLiteral("saveQuestionDialog"), {}, /*accept=*/false);
        QVERIFY(!window_->pageTabs()->close(page));
        QCOMPARE(save->times, 1);
        QCOMPARE(name->times, 1);
        QVERIFY(tabOf(*window_, page) >= 0);
        QCOMPARE(page->editor()->toPlainText(), kEdited);

        auto saveAgain = test::answerBox(kBox, QMessageBox::Save);
        auto named = test::answerDialog(QStringLiteral("saveQuestionDialog"), [](QDialog* d) {
            static_cast<SaveQuestionDialog*>(d)->nameEdit()->setText(QStringLiteral("My work"));
        });
        QVERIFY(window_->pageTabs()->close(page));
        QCOMPARE(named->times, 1);
        auto saved = loadQuestion(dir_->file("work/questions/my_work.json"));
        QVERIFY(saved);
        QCOMPARE(QString::fromStdString(saved->sql), kEdited);
    }

    void closingTheWindowAsksAndCancelKeepsIt() {
        QueryPage* page = editedTab();
        auto seen = test::answerBox(kBox, QMessageBox::Cancel);
        QVERIFY(!window_->close());
        QCOMPARE(seen->times, 1);
        QVERIFY(window_->isVisible());
        QCOMPARE(page->editor()->toPlainText(), kEdited);

        auto discard = test::answerBox(kBox, QMessageBox::Discard);
        QVERIFY(window_->close());
        QCOMPARE(discard->times, 1);
    }

    // Several modified tabs: each is shown and asked about in turn; a Cancel on the second stops
    // the close, and the first keeps what was chosen for it (saved).
    void closingTheWindowAsksForEachModifiedTab() {
        const QString path = QString::fromStdString(dir_->file("work/questions/second.json"));
        QueryPage* first = window_->queryTabs()->openQuestion(path);
        first->editor()->setPlainText(QStringLiteral("SELECT 22 AS two"));
        QueryPage* second = editedTab();
        std::vector<QWidget*> shown;
        auto answers = test::onModal(
            kBox,
            [&, n = 0](QWidget* w) mutable {
                shown.push_back(window_->pageTabs()->current());
                static_cast<QMessageBox*>(w)
                    ->button(n++ == 0 ? QMessageBox::Save : QMessageBox::Cancel)
                    ->click();
            },
            2);
        QVERIFY(!window_->close());
        QCOMPARE(answers->times, 2);
        QCOMPARE(shown, (std::vector<QWidget*>{first, second}));
        QCOMPARE(QString::fromStdString(loadQuestion(path.toStdString())->sql),
                 QStringLiteral("SELECT 22 AS two"));
        QVERIFY(!first->isWindowModified());
        QCOMPARE(second->editor()->toPlainText(), kEdited);
        QVERIFY(window_->isVisible());
    }

    void switchingWorkspaceAsksAndCancelKeepsIt() {
        QueryPage* page = editedTab();
        const QString before = window_->workspace()->dir();
        auto seen = test::answerBox(kBox, QMessageBox::Cancel);
        QVERIFY(!window_->openWorkspace(QString::fromStdString(dir_->file("elsewhere"))));
        QCOMPARE(seen->times, 1);
        QCOMPARE(window_->workspace()->dir(), before);
        QCOMPARE(page->editor()->toPlainText(), kEdited);

        auto discard = test::answerBox(kBox, QMessageBox::Discard);
        QVERIFY(window_->openWorkspace(QString::fromStdString(dir_->file("elsewhere"))));
        QCOMPARE(discard->times, 1);
        // The old workspace's tabs are gone; a blank one is there to type in.
        QCOMPARE(window_->queryTabs()->all().size(), 1);
        QVERIFY(window_->queryPage()->isBlank());
    }

    void newQueryAsksAndCancelKeepsIt() {
        QueryPage* page = editedTab();
        auto seen = test::answerBox(kBox, QMessageBox::Cancel);
        window_->menus()->newQuery->trigger();  // Ctrl+N
        QCOMPARE(seen->times, 1);
        QCOMPARE(page->editor()->toPlainText(), kEdited);

        auto discard = test::answerBox(kBox, QMessageBox::Discard);
        window_->menus()->newQuery->trigger();
        QCOMPARE(discard->times, 1);
        QVERIFY(page->editor()->toPlainText().isEmpty());
        QVERIFY(!page->isWindowModified());
    }

    void openingAnotherQuestionOverEditsAsks() {
        const QString first = QString::fromStdString(dir_->file("work/questions/first.json"));
        const QString second = QString::fromStdString(dir_->file("work/questions/second.json"));
        QueryPage* page = window_->queryTabs()->openQuestion(first);
        page->editor()->setPlainText(kEdited);
        auto seen = test::answerBox(kBox, QMessageBox::Cancel);
        QVERIFY(!window_->queryTabs()->openQuestionHere(second));
        QCOMPARE(seen->times, 1);
        QCOMPARE(page->editor()->toPlainText(), kEdited);
        QCOMPARE(page->questionPath(), first);

        // Opening it the usual way (double-click) never replaces edits: it gets a tab of its own.
        QueryPage* other = window_->queryTabs()->openQuestion(second);
        QVERIFY(other != page);
        QCOMPARE(page->editor()->toPlainText(), kEdited);
    }

    // A dashboard being edited is unsaved work too: its tab is marked, closing the tab or the
    // window asks, Cancel keeps the edits, Save writes the file.
    void dashboardEditsAskBeforeTheTabOrWindowCloses() {
        widgets::DashboardView* view = window_->dashboards()->createDashboard(QStringLiteral("Board"));
        QVERIFY(view && view->editMode());
        const std::string path = view->path();
        view->toolbar()->addText->trigger();
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        QVERIFY(view->isWindowModified());
        QVERIFY(window_->pages()->tabText(tabOf(*window_, view)).startsWith(QLatin1Char('*')));

        auto cancel = test::answerBox(kBox, QMessageBox::Cancel, 2);
        QVERIFY(!window_->pageTabs()->close(view));
        QCOMPARE(cancel->times, 1);
        QVERIFY2(cancel->text.contains(QStringLiteral("Board")), qPrintable(cancel->text));
        QVERIFY(tabOf(*window_, view) >= 0);
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        QVERIFY(!window_->close());  // the window asks too (and Cancel keeps it open)
        QCOMPARE(cancel->times, 2);

        auto save = test::answerBox(kBox, QMessageBox::Save);
        QPointer<widgets::DashboardView> gone = view;
        QVERIFY(window_->pageTabs()->close(view));
        QCOMPARE(save->times, 1);
        QTRY_VERIFY(gone.isNull());
        auto saved = dashboard::loadDashboard(path);
        QVERIFY(saved);
        QCOMPARE(saved->cards.size(), std::size_t(1));
    }

    // Nothing to ask about: no prompt at all.
    void unmodifiedTabsCloseWithoutAsking() {
        QueryPage* page = window_->queryTabs()->newTab();
        auto seen = test::answerBox(kBox, QMessageBox::Cancel);
        QVERIFY(window_->pageTabs()->close(page));
        QVERIFY(window_->close());
        QCOMPARE(seen->times, 0);
    }
};

QTEST_MAIN(UnsavedChangesTest)
#include "unsaved_changes_test.moc"

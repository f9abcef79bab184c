// A dashboard built from nothing in the real window, through the actions a user has: File > New
// dashboard (Ctrl+Shift+N) with a name, the edit toolbar's Add question picker for the first
// card, Query > Add to dashboard for a second question that was never saved (it is saved first,
// under the name asked), Add text edited in place, Add filter named and wired to both cards in
// the filter panel, Ctrl+S on the canvas. The tab is closed, the dashboard is reopened from the
// sidebar, and the file and the drawn cards are checked, with the filter driving both cards.
// Expected numbers come from the rows the test inserts (worked out by hand below). Each page
// keeps its own status bar message.
#include "app/gui/dashboard_pages.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>
#include <memory>

#include "app/gui/add_to_dashboard_dialog.h"
#include "app/gui/main_window.h"
#include "app/gui/query_page.h"
#include "app/gui/save_question_dialog.h"
#include "app/gui/workspace_controller.h"
#include "core/chart/chart_data.h"
#include "core/dashboard/dashboard.h"
#include "core/dashboard/grid_layout.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/modal_answer.h"
#include "tests/support/temp_workspace.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/dashboard_toolbar.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/dashboard/filter_bar.h"
#include "widgets/dashboard/filter_form.h"
#include "widgets/dashboard/filter_panel.h"
#include "widgets/dashboard/filter_wiring.h"
#include "widgets/dashboard/question_picker.h"
#include "widgets/editor/sql_editor.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

using namespace deskbase;
using namespace deskbase::gui;

namespace {
// North 10 + 20 = 30, South 5, West 7: 42 in all.
const char* kRows = "INSERT INTO sales VALUES ('North', 10), ('North', 20), ('South', 5), ('West', 7)";
const char* kTotalSql = "SELECT SUM(amount) AS total FROM sales WHERE 1=1 [[AND region = {{region}}]]";
const char* kByRegionSql =
    "SELECT region, SUM(amount) AS amount FROM sales WHERE 1=1 [[AND region = {{region}}]]\n"
    "GROUP BY region ORDER BY region";

QAction* actionWithShortcut(QWidget* window, const QKeySequence& keys) {
    for (QAction* a : window->findChildren<QAction*>())
        if (a->shortcut() == keys) return a;
    return nullptr;
}

QAction* menuAction(QMainWindow* window, const QString& menuText, const QString& actionText) {
    for (QAction* m : window->menuBar()->actions())
        if (m->menu() && m->text().remove(QLatin1Char('&')) == menuText)
            for (QAction* a : m->menu()->actions())
                if (a->text().remove(QLatin1Char('&')) == actionText) return a;
    return nullptr;
}

// The cells of a card's last result, as text, row by row.
QStringList cells(widgets::DashboardView* view, const std::string& cardId) {
    QStringList out;
    const widgets::CardOutcome* outcome = view->session()->outcome(cardId);
    if (!outcome || !outcome->data) return out;
    const auto& data = outcome->data;
    for (const auto& row : data->rows) {
        QStringList line;
        for (const auto& v : row) line << QString::fromStdString(chart::cellText(v));
        out << line.join(QLatin1Char(' '));
    }
    return out;
}
}  // namespace

class DashboardPagesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeskbaseTest"));
        QApplication::setApplicationName(QStringLiteral("tst_dashboard_pages"));
    }

    void dashboardBuiltFromNothingReopens() {
        test::TempWorkspace ws;
        const QString dir = QString::fromStdString(ws.file("work"));
        MainWindow window;
        QVERIFY(window.openWorkspace(dir));
        {
            auto w = Warehouse::open(ws.file("work/warehouse.db"));
            QVERIFY(w.isOk());
            QVERIFY((*w)->execute("CREATE TABLE sales (region TEXT, amount INTEGER)").isOk());
            QVERIFY((*w)->execute(kRows).isOk());
        }
        window.workspace()->refreshSchema();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // A saved question for the picker.
        QueryPage* query = window.queryPage();
        query->editor()->setPlainText(QString::fromLatin1(kTotalSql));
        QVERIFY(query->saveQuestionAs(QStringLiteral("Total sales")));

        // File > New dashboard, bound to Ctrl+Shift+N, asks a name and opens edit mode.
        QAction* newDashboard = actionWithShortcut(&window, QKeySequence(QStringLiteral("Ctrl+Shift+N")));
        QVERIFY(newDashboard);
        QCOMPARE(newDashboard, menuAction(&window, QStringLiteral("File"), QStringLiteral("New dashboard…")));
        auto asked = test::answerInput(QStringLiteral("Sales overview"));
        newDashboard->trigger();
        QCOMPARE(asked->times, 1);
        const QString path = dir + QStringLiteral("/dashboards/sales_overview.json");
        QVERIFY(QFile::exists(path));
        widgets::DashboardView* view = window.dashboards()->page(path);
        QVERIFY(view);
        QCOMPARE(window.pages()->currentWidget(), view);
        QVERIFY(view->editMode());

        // Add question: the picker, searched, adds the saved question.
        view->toolbar()->addQuestion->trigger();
        auto* picker = view->findChild<widgets::QuestionPicker*>();
        QVERIFY(picker && picker->isVisible());
        QTest::keyClicks(picker->search(), QStringLiteral("total"));
        QListWidgetItem* found = nullptr;
        for (int i = 0; i < picker->list()->count(); ++i)
            if (!picker->list()->item(i)->isHidden()) found = picker->list()->item(i);
        QVERIFY(found);
        found->setSelected(true);
        QTest::mouseClick(picker->addButton(), Qt::LeftButton);
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        const std::string total = view->dashboard().cards[0].id;
        QCOMPARE(QString::fromStdString(view->dashboard().cards[0].question),
                 QStringLiteral("total_sales.json"));

        // Query > Add to dashboard with a question never saved: saved first under the name asked,
        // then put on the dashboard chosen in the dialog.
        window.showPage(query);
        query->newQuery();
        query->editor()->setPlainText(QString::fromLatin1(kByRegionSql));
        QAction* addToDashboard =
            menuAction(&window, QStringLiteral("Query"), QStringLiteral("Add to dashboard…"));
        QVERIFY(addToDashboard);
        auto named = test::answerDialog(QStringLiteral("saveQuestionDialog"), [](QDialog* d) {
            static_cast<SaveQuestionDialog*>(d)->nameEdit()->setText(QStringLiteral("Sales by region"));
        });
        addToDashboard->trigger();
        QCOMPARE(named->times, 1);
        QVERIFY(QFile::exists(dir + QStringLiteral("/questions/sales_by_region.json")));
        QTRY_VERIFY(window.findChild<AddToDashboardDialog*>());
        auto* choose = window.findChild<AddToDashboardDialog*>();
        QVERIFY(choose->isVisible());
        // The dialog names the question by its name, not its file stem (it said "sales_by_region").
        QStringList labels;
        for (const QLabel* l : choose->findChildren<QLabel*>()) labels << l->text();
        QVERIFY2(labels.contains(QStringLiteral("Add “Sales by region” to:")),
                 qPrintable(labels.join(QStringLiteral(" | "))));
        choose->choosePath(path);
        QTest::mouseClick(choose->addButton(), Qt::LeftButton);
        QCOMPARE(window.pages()->currentWidget(), view);
        QCOMPARE(view->dashboard().cards.size(), std::size_t(2));
        const std::string byRegion = view->dashboard().cards[1].id;
        QCOMPARE(QString::fromStdString(view->dashboard().cards[1].question),
                 QStringLiteral("sales_by_region.json"));

        // Add text: the new card's editor is open in place; Ctrl+Enter keeps the typed text.
        view->toolbar()->addText->trigger();
        QCOMPARE(view->dashboard().cards.size(), std::size_t(3));
        const std::string note = view->dashboard().cards[2].id;
        auto* editor = qobject_cast<QPlainTextEdit*>(view->card(note)->textEditor());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Sales by region"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!view->card(note)->isEditingText());
        QCOMPARE(QString::fromStdString(view->dashboard().card(note)->text),
                 QStringLiteral("Sales by region"));
        QVERIFY(!dashboard::anyOverlap(view->dashboard().cards));

        // Add filter > Text, named Region, wired by hand to one card and by name to the other.
        QAction* textFilter = nullptr;
        for (QAction* a : view->toolbar()->addFilterMenu->actions())
            if (a->data().toString() == QStringLiteral("text")) textFilter = a;
        QVERIFY(textFilter);
        textFilter->trigger();
        QCOMPARE(view->dashboard().filters.size(), std::size_t(1));
        std::string filter = view->dashboard().filters[0].id;
        widgets::FilterPanel* panel = view->filterPanel();
        QTRY_VERIFY(panel->form() && panel->form()->filterId() == filter);
        widgets::FilterForm* form = panel->form();
        form->labelEdit()->setText(QStringLiteral("Region"));
        emit form->labelEdit()->editingFinished();
        // The new filter's id follows its first label.
        QCOMPARE(QString::fromStdString(view->dashboard().filters[0].id), QStringLiteral("region"));
        filter = view->dashboard().filters[0].id;
        QTRY_VERIFY(panel->form() && panel->form() != form && panel->form()->wiring()->parameterBox(total));
        QComboBox* box = panel->form()->wiring()->parameterBox(total);
        box->setCurrentIndex(box->findData(QStringLiteral("region")));
        QVERIFY(box->currentIndex() >= 0);
        emit box->activated(box->currentIndex());
        QTRY_VERIFY(panel->form() && panel->form()->wiring()->parameterBox(byRegion) &&
                    panel->form()->wiring()->parameterBox(byRegion) != box);
        QTest::mouseClick(panel->form()->wiring()->wireMatchingButton(), Qt::LeftButton);
        QCOMPARE(view->dashboard().filters[0].targets.size(), std::size_t(2));
        QTRY_VERIFY(!view->filterBar()->unwiredNote(filter));

        // Ctrl+S with the canvas focused saves the dashboard (not the question).
        view->canvas()->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(view->canvas(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!view->isModified());
        // Regression (issue 10 walkthrough): Ctrl+S said nothing. The status bar names the file.
        QVERIFY2(window.statusText().contains(QStringLiteral("Saved ") + QFileInfo(path).fileName()),
                 qPrintable(window.statusText()));

        // The file: everything that was built, nothing else.
        auto saved = dashboard::loadDashboard(path.toStdString());
        QVERIFY2(saved.isOk(), saved.isOk() ? "" : saved.message().c_str());
        QCOMPARE(QString::fromStdString(saved->name), QStringLiteral("Sales overview"));
        QCOMPARE(saved->cards.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(saved->card(total)->question), QStringLiteral("total_sales.json"));
        QCOMPARE(QString::fromStdString(saved->card(byRegion)->question),
                 QStringLiteral("sales_by_region.json"));
        QCOMPARE(QString::fromStdString(saved->card(note)->text), QStringLiteral("Sales by region"));
        QVERIFY(!dashboard::anyOverlap(saved->cards));
        QCOMPARE(saved->filters.size(), std::size_t(1));
        const dashboard::Filter& f = saved->filters[0];
        QCOMPARE(QString::fromStdString(f.label), QStringLiteral("Region"));
        QCOMPARE(QString::fromStdString(f.id), QStringLiteral("region"));
        QVERIFY(f.type == dashboard::FilterType::Text);
        QCOMPARE(f.targets.size(), std::size_t(2));
        for (const auto& t : f.targets) {
            QVERIFY(t.card == total || t.card == byRegion);
            QCOMPARE(QString::fromStdString(t.parameter), QStringLiteral("region"));
        }
        QVERIFY(f.targets[0].card != f.targets[1].card);

        // Close the tab, reopen the dashboard from the sidebar.
        window.pages()->tabCloseRequested(window.pages()->indexOf(view));
        QTRY_VERIFY(!window.dashboards()->page(path));
        widgets::SchemaModel* model = window.sidebar()->model();
        QModelIndex entry;
        QTRY_VERIFY([&] {
            const QModelIndex section = model->sectionIndex(widgets::SchemaModel::Kind::Dashboard);
            for (int i = 0; i < model->rowCount(section); ++i) {
                const QModelIndex item = model->index(i, 0, section);
                if (QFileInfo(item.data(widgets::SchemaModel::PathRole).toString()) == QFileInfo(path))
                    entry = item;
            }
            return entry.isValid();
        }());
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(window.sidebar()->view()->model());
        QVERIFY(proxy);
        window.sidebar()->activate(proxy->mapFromSource(entry));
        view = window.dashboards()->page(path);
        QVERIFY(view);
        QVERIFY(!view->editMode());
        QVERIFY(view->waitUntilLoaded(30000));

        // The drawn cards: titles from the questions, the text, every row of the data.
        QCOMPARE(view->card(total)->state(), widgets::DashboardCard::State::Ready);
        QCOMPARE(view->card(total)->title(), QStringLiteral("Total sales"));
        QCOMPARE(view->card(byRegion)->state(), widgets::DashboardCard::State::Ready);
        QCOMPARE(view->card(byRegion)->title(), QStringLiteral("Sales by region"));
        QCOMPARE(view->card(note)->shownText(), QStringLiteral("Sales by region"));
        QCOMPARE(cells(view, total), QStringList{QStringLiteral("42")});
        QCOMPARE(cells(view, byRegion), (QStringList{QStringLiteral("North 30"), QStringLiteral("South 5"),
                                                     QStringLiteral("West 7")}));

        // The filter drives both cards.
        auto* field = qobject_cast<QLineEdit*>(view->filterBar()->editor(filter));
        QVERIFY(field);
        field->setText(QStringLiteral("North"));
        emit field->editingFinished();
        QTRY_VERIFY(view->isLoading() || cells(view, total) != QStringList{QStringLiteral("42")});
        QVERIFY(view->waitUntilLoaded(30000));
        QCOMPARE(cells(view, total), QStringList{QStringLiteral("30")});
        QCOMPARE(cells(view, byRegion), QStringList{QStringLiteral("North 30")});

        // Wall display: only the dashboard is left; Esc on the canvas brings the window back.
        view->toolbar()->fullScreen->trigger();
        QTRY_VERIFY(window.isFullScreen());
        QVERIFY(!window.menuBar()->isVisible());
        QVERIFY(!window.statusBar()->isVisible());
        QVERIFY(!window.sidebar()->isVisible());
        QVERIFY(!window.pages()->tabBar()->isVisible());
        QVERIFY(view->canvas()->isVisible());
        QTRY_VERIFY(view->canvas()->hasFocus());
        QTest::keyClick(view->canvas(), Qt::Key_Escape);
        QTRY_VERIFY(!window.isFullScreen());
        QVERIFY(window.menuBar()->isVisible());
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(window.sidebar()->isVisible());
        QVERIFY(window.pages()->tabBar()->isVisible());
    }

    // The sidebar's right-click menus: "Add to dashboard…" on a question opens the dashboard
    // chooser for that question; "New dashboard…" on the Dashboards section makes one.
    void sidebarMenusAddToAndCreateDashboards() {
        test::TempWorkspace ws;
        const QString dir = QString::fromStdString(ws.file("work"));
        MainWindow window;
        QVERIFY(window.openWorkspace(dir));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QueryPage* query = window.queryPage();
        query->editor()->setPlainText(QStringLiteral("SELECT 1 AS one"));
        QVERIFY(query->saveQuestionAs(QStringLiteral("One")));
        const QString question = dir + QStringLiteral("/questions/one.json");
        widgets::SchemaModel* model = window.sidebar()->model();
        auto itemOf = [&](widgets::SchemaModel::Kind kind) {
            QModelIndex found;
            const QModelIndex section = model->sectionIndex(kind);
            for (int i = 0; i < model->rowCount(section); ++i) found = model->index(i, 0, section);
            return found;
        };
        QTRY_VERIFY(itemOf(widgets::SchemaModel::Kind::Question).isValid());
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(window.sidebar()->view()->model());
        auto actionIn = [](QMenu* menu, const QString& text) -> QAction* {
            for (QAction* a : menu->actions())
                if (a->text() == text) return a;
            return nullptr;
        };

        std::unique_ptr<QMenu> menu(window.sidebar()->contextMenu(
            window.sidebar()->itemAt(proxy->mapFromSource(itemOf(widgets::SchemaModel::Kind::Question)))));
        QAction* add = actionIn(menu.get(), QStringLiteral("Add to dashboard…"));
        QVERIFY(add);
        QVERIFY(!actionIn(menu.get(), QStringLiteral("New dashboard…")));
        add->trigger();
        QTRY_VERIFY(window.findChild<AddToDashboardDialog*>());
        auto* choose = window.findChild<AddToDashboardDialog*>();
        choose->chooseNew(QStringLiteral("From the sidebar"));
        QTest::mouseClick(choose->addButton(), Qt::LeftButton);
        const QString created = dir + QStringLiteral("/dashboards/from_the_sidebar.json");
        QTRY_VERIFY(window.dashboards()->page(created));
        widgets::DashboardView* view = window.dashboards()->page(created);
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        QCOMPARE(QFileInfo(QString::fromStdString(view->dashboard().cards[0].question)).fileName(),
                 QFileInfo(question).fileName());

        const QModelIndex section = model->sectionIndex(widgets::SchemaModel::Kind::Dashboard);
        menu.reset(window.sidebar()->contextMenu(window.sidebar()->itemAt(proxy->mapFromSource(section))));
        QAction* create = actionIn(menu.get(), QStringLiteral("New dashboard…"));
        QVERIFY(create);
        QCOMPARE(create->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+N")));  // shown as File's is
        auto asked = test::answerInput(QStringLiteral("Second"));
        create->trigger();
        QCOMPARE(asked->times, 1);
        QVERIFY(QFile::exists(dir + QStringLiteral("/dashboards/second.json")));
        QVERIFY(window.dashboards()->page(dir + QStringLiteral("/dashboards/second.json"))->editMode());
    }

    // Regression (issue 10 walkthrough): the status bar kept a query tab's "2 rows · 1 ms" over
    // a dashboard. Each page keeps its own message; switching pages shows the current one's.
    void statusBarShowsTheCurrentPagesMessage() {
        test::TempWorkspace ws;
        const QString dir = QString::fromStdString(ws.file("work"));
        MainWindow window;
        QVERIFY(window.openWorkspace(dir));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QueryPage* query = window.queryPage();
        query->editor()->setPlainText(QStringLiteral("SELECT 1 AS n UNION ALL SELECT 2"));
        query->run();
        QTRY_VERIFY2(window.statusText().startsWith(QStringLiteral("2 rows · ")),
                     qPrintable(window.statusText()));
        const QString ran = window.statusText();

        auto path = dashboard::createDashboard((dir + QStringLiteral("/dashboards")).toStdString(), "Status");
        QVERIFY(path.isOk());
        window.activateDashboard(QString::fromStdString(*path));
        widgets::DashboardView* view = window.dashboards()->page(QString::fromStdString(*path));
        QVERIFY(view);
        QCOMPARE(window.pages()->currentWidget(), view);
        QVERIFY2(!window.statusText().contains(QStringLiteral("rows")), qPrintable(window.statusText()));
        QVERIFY(view->save().isOk());
        QCOMPARE(window.statusText(), QStringLiteral("Saved status.json"));

        window.showPage(query);
        QCOMPARE(window.statusText(), ran);
        window.showPage(view);
        QCOMPARE(window.statusText(), QStringLiteral("Saved status.json"));
        // A query tab in the background keeps its message for when it is shown again.
        query->editor()->setPlainText(QStringLiteral("SELECT 1"));
        QSignalSpy said(query, &QueryPage::statusMessage);
        query->run();
        QTRY_VERIFY(std::any_of(said.begin(), said.end(), [](const QList<QVariant>& args) {
            return args.at(0).toString().startsWith(QStringLiteral("1 row · "));
        }));
        QCOMPARE(window.statusText(), QStringLiteral("Saved status.json"));
        window.showPage(query);
        QVERIFY2(window.statusText().startsWith(QStringLiteral("1 row · ")), qPrintable(window.statusText()));
    }
};

QTEST_MAIN(DashboardPagesTest)
#include "dashboard_pages_test.moc"

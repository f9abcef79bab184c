// Authoring a dashboard in the window, on the offscreen platform with the demo store: new cards
// land in the first free place; a drop onto a card pushes it down; the canvas owns Ctrl+Z,
// Ctrl+Shift+Z, Ctrl+S, Delete, arrows and Esc while it has the focus (a window-wide Ctrl+S
// action does not steal them); text and heading cards are edited in place; leaving edit mode
// asks about unsaved edits and keeps them on Cancel; filters are added, wired, renamed,
// reordered and removed in the filter panel; the settings dialog edits title, description,
// auto-refresh and cache; fullscreen hides the toolbar, keeps auto-refresh and Esc leaves; a
// theme switch recolours open cards at once (pixels of a grabbed card).
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest>

#include "core/dashboard/dashboard.h"
#include "core/dashboard/demo_workspace.h"
#include "core/dashboard/grid_layout.h"
#include "core/runtime/runtime.h"
#include "tests/support/temp_workspace.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/dashboard_settings_dialog.h"
#include "widgets/dashboard/dashboard_toolbar.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/dashboard/filter_bar.h"
#include "widgets/dashboard/filter_form.h"
#include "widgets/dashboard/filter_panel.h"
#include "widgets/dashboard/filter_value_editor.h"
#include "widgets/dashboard/filter_wiring.h"
#include "widgets/dashboard/question_picker.h"
#include "widgets/theme/theme.h"

using namespace deskbase;
using namespace deskbase::dashboard;
using namespace deskbase::widgets;

namespace {
DemoSizes smallStore() {
    DemoSizes s;
    s.customers = 120;
    s.orders = 900;
    return s;
}

// Lightness of the pixel at `p` of a widget's grab.
int lightnessAt(const QImage& image, QPoint p) {
    return image.pixelColor(p).lightness();
}

// The largest lightness difference to `background` inside `area` of the image: text is visible
// when it differs from what it is drawn on.
int contrastIn(const QImage& image, const QRect& area, int background) {
    int best = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            best = std::max(best, std::abs(image.pixelColor(x, y).lightness() - background));
    return best;
}
}  // namespace

class DashboardAuthoringTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::TempWorkspace> ws_;
    std::unique_ptr<Runtime> runtime_;

    std::string emptyDashboard(const std::string& name) {
        auto path = createDashboard(ws_->file("dashboards"), name);
        if (!path) qFatal("cannot create a dashboard");
        return *path;
    }

    std::unique_ptr<DashboardView> openView(const std::string& path) {
        auto view = std::make_unique<DashboardView>(*runtime_);
        view->resize(1400, 900);
        if (!view->open(path).isOk()) qFatal("cannot open dashboard");
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get())) qFatal("no window");
        return view;
    }

private slots:
    void initTestCase() {
        ws_ = std::make_unique<test::TempWorkspace>();
        auto s = ensureDemoWorkspace(ws_->path(), smallStore());
        QVERIFY2(s.isOk(), s.message().c_str());
        auto opened = Workspace::open(ws_->path());
        QVERIFY(opened);
        runtime_ = std::make_unique<Runtime>(Runtime::optionsFor(*opened));
        applyTheme(*qApp, ThemeMode::Light);
    }

    // Four number cards fill the first row; the next chart goes below them, beside nothing.
    void newCardsLandInTheFirstFreePlace() {
        auto view = openView(emptyDashboard("Placement"));
        view->setEditMode(true);
        for (const char* q :
             {"sales_kpi_revenue.json", "sales_kpi_orders.json", "sales_kpi_aov.json",
              "sales_kpi_customers.json", "sales_revenue_over_time.json", "sales_category_share.json"})
            view->addQuestionCard(q);
        const auto& cards = view->dashboard().cards;
        QCOMPARE(cards.size(), std::size_t(6));
        // Expected by hand: numbers are 6 x 4 on the 24-column grid, charts 12 x 8.
        const GridRect expected[] = {{0, 0, 6, 4},  {6, 0, 6, 4},  {12, 0, 6, 4},
                                     {18, 0, 6, 4}, {0, 4, 12, 8}, {12, 4, 12, 8}};
        for (std::size_t i = 0; i < cards.size(); ++i)
            QVERIFY2(cards[i].rect == expected[i], cards[i].id.c_str());
        // A removed card leaves a hole that the next card fills.
        view->removeCard("sales_kpi_orders");
        view->addQuestionCard("sales_kpi_orders.json");
        QVERIFY(view->dashboard().card("sales_kpi_orders")->rect == (GridRect{6, 0, 6, 4}));
        QVERIFY(!anyOverlap(view->dashboard().cards));
        QVERIFY(view->waitUntilLoaded(30000));
    }

    // Dragging a card onto another pushes that one down; undo puts both back.
    void droppingOntoACardPushesItDown() {
        auto view = openView(emptyDashboard("Drop"));
        view->setEditMode(true);
        const std::string a = view->addQuestionCard("sales_kpi_revenue.json");  // 0,0,6,4
        const std::string b = view->addQuestionCard("sales_kpi_orders.json");   // 6,0,6,4
        DashboardCanvas* canvas = view->canvas();
        QWidget* overlay = view->card(a)->editOverlay();
        const double cell = double(canvas->width() + DashboardCanvas::kGap) / view->dashboard().gridColumns;
        const QPoint start = overlay->rect().center();
        QTest::mousePress(overlay, Qt::LeftButton, {}, start);
        const QPoint delta(int(6 * cell) + 4, 3);
        QMouseEvent move(QEvent::MouseMove, QPointF(start + delta),
                         overlay->mapToGlobal(QPointF(start + delta)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(overlay, &move);
        QVERIFY(!canvas->dropPreview().isEmpty());  // the place it will land is shown
        QCOMPARE(canvas->dropPreview(), canvas->cellRect({6, 0, 6, 4}));
        QTest::mouseRelease(overlay, Qt::LeftButton, {}, start + delta);
        QVERIFY(view->dashboard().card(a)->rect == (GridRect{6, 0, 6, 4}));
        QVERIFY(view->dashboard().card(b)->rect == (GridRect{6, 4, 6, 4}));
        QCOMPARE(view->card(b)->geometry(), canvas->cellRect({6, 4, 6, 4}));
        view->undoStack()->undo();
        QVERIFY(view->dashboard().card(a)->rect == (GridRect{0, 0, 6, 4}));
        QVERIFY(view->dashboard().card(b)->rect == (GridRect{6, 0, 6, 4}));
        QVERIFY(view->waitUntilLoaded(30000));
    }

    // While the canvas has the focus its keys edit the dashboard, and a window-wide Ctrl+S
    // action (the main window has one) is not triggered instead.
    void canvasKeysEditTheDashboard() {
        const std::string path = emptyDashboard("Keys");
        auto view = openView(path);
        auto* windowSave = new QAction(view.get());
        windowSave->setShortcut(QKeySequence::Save);
        windowSave->setShortcutContext(Qt::WindowShortcut);
        view->addAction(windowSave);
        QSignalSpy windowSaves(windowSave, &QAction::triggered);
        view->setEditMode(true);
        const std::string a = view->addQuestionCard("sales_kpi_revenue.json");
        const std::string b = view->addQuestionCard("sales_kpi_orders.json");
        DashboardCanvas* canvas = view->canvas();
        canvas->setFocus();
        QTRY_VERIFY(canvas->hasFocus());
        QTest::keyClick(canvas, Qt::Key_Tab);  // walks the cards in reading order
        QCOMPARE(canvas->selected(), a);
        QTest::keyClick(canvas, Qt::Key_Tab);
        QCOMPARE(canvas->selected(), b);
        QTest::keyClick(canvas, Qt::Key_Down);  // one row down
        QVERIFY(view->dashboard().card(b)->rect == (GridRect{6, 1, 6, 4}));
        QTest::keyClick(canvas, Qt::Key_Left, Qt::ShiftModifier);  // one column narrower
        QVERIFY(view->dashboard().card(b)->rect == (GridRect{6, 1, 5, 4}));
        QTest::keyClick(canvas, Qt::Key_Left);  // onto a: a is pushed below b
        QVERIFY(view->dashboard().card(b)->rect == (GridRect{5, 1, 5, 4}));
        QVERIFY(view->dashboard().card(a)->rect == (GridRect{0, 5, 6, 4}));
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(view->dashboard().card(a)->rect == (GridRect{0, 0, 6, 4}));
        QVERIFY(view->dashboard().card(b)->rect == (GridRect{6, 1, 5, 4}));
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(view->dashboard().card(a)->rect == (GridRect{0, 5, 6, 4}));
        QTest::keyClick(canvas, Qt::Key_Delete);
        QVERIFY(!view->dashboard().card(b));
        QVERIFY(!view->card(b));
        QVERIFY(view->isModified());
        QTest::keyClick(canvas, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!view->isModified());
        QCOMPARE(windowSaves.size(), 0);
        auto saved = loadDashboard(path);
        QVERIFY(saved.isOk());
        QCOMPARE(saved->cards.size(), std::size_t(1));
        QVERIFY(saved->card(a)->rect == (GridRect{0, 5, 6, 4}));
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);  // undo the removal: b is back
        QVERIFY(view->card(b));
        QVERIFY(view->isModified());
        QVERIFY(view->waitUntilLoaded(30000));
    }

    void textAndHeadingCardsAreEditedInPlace() {
        auto view = openView(emptyDashboard("Texts"));
        view->setEditMode(true);
        const std::string heading = view->addHeadingInPlace();
        DashboardCard* h = view->card(heading);
        QVERIFY(h->isHeading());
        QVERIFY(h->isEditingText());
        auto* line = qobject_cast<QLineEdit*>(h->textEditor());
        QVERIFY(line);
        QTRY_VERIFY(line->hasFocus());
        QTest::keyClicks(line, QStringLiteral("Revenue"));  // replaces the selected "Heading"
        QTest::keyClick(line, Qt::Key_Return);
        QVERIFY(!h->isEditingText());
        QCOMPARE(QString::fromStdString(view->dashboard().card(heading)->text), QStringLiteral("Revenue"));
        QVERIFY(view->dashboard().card(heading)->rect == (GridRect{0, 0, 24, 1}));
        QVERIFY(view->canvas()->hasFocus());  // the canvas takes the keys again

        const std::string text = view->addTextCardInPlace();
        DashboardCard* t = view->card(text);
        auto* edit = qobject_cast<QPlainTextEdit*>(t->textEditor());
        QVERIFY(edit);
        QTRY_VERIFY(edit->hasFocus());
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("**Bold** words"));
        QTest::keyClick(edit, Qt::Key_Escape);  // Esc cancels the edit, not edit mode
        QVERIFY(view->editMode());
        QVERIFY(view->dashboard().card(text)->text != "**Bold** words");
        QTest::mouseDClick(t->editOverlay(), Qt::LeftButton, {}, t->editOverlay()->rect().center());
        edit = qobject_cast<QPlainTextEdit*>(t->textEditor());
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("**Bold** words"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(QString::fromStdString(view->dashboard().card(text)->text),
                 QStringLiteral("**Bold** words"));
        QCOMPARE(t->shownText(), QStringLiteral("**Bold** words"));
        view->undoStack()->undo();
        QVERIFY(view->dashboard().card(text)->text != "**Bold** words");
    }

    // Esc with unsaved edits asks; Cancel keeps editing and the edits, Discard goes back to the
    // saved file, Save writes it.
    void leavingEditModeAsksAboutUnsavedEdits() {
        const std::string path = emptyDashboard("Asking");
        auto view = openView(path);
        QStringList asked;
        DashboardView::Choice answer = DashboardView::Choice::Cancel;
        view->setSavePrompt([&](DashboardView*, const QString& action) {
            asked << action;
            return answer;
        });
        view->setEditMode(true);
        view->canvas()->setFocus();
        QTest::keyClick(view->canvas(), Qt::Key_Escape);  // nothing edited: no question
        QVERIFY(asked.isEmpty());
        QVERIFY(!view->editMode());
        view->setEditMode(true);
        view->addQuestionCard("sales_kpi_revenue.json");
        view->canvas()->setFocus();
        QTest::keyClick(view->canvas(), Qt::Key_Escape);
        QCOMPARE(asked.size(), 1);
        QVERIFY(view->editMode());
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        QVERIFY(view->isModified());
        answer = DashboardView::Choice::Discard;
        view->toolbar()->cancel->trigger();
        QCOMPARE(asked.size(), 2);
        QVERIFY(!view->editMode());
        QVERIFY(view->dashboard().cards.empty());
        QVERIFY(!view->isModified());
        view->setEditMode(true);
        view->addQuestionCard("sales_kpi_orders.json");
        answer = DashboardView::Choice::Save;
        QVERIFY(view->finishEditing());
        QCOMPARE(asked.size(), 3);
        QCOMPARE(loadDashboard(path)->cards.size(), std::size_t(1));
        QVERIFY(view->waitUntilLoaded(30000));
    }

    // Regression (issue 10 walkthrough): a heading added while the canvas showed its top landed
    // below the view, and nothing scrolled to it.
    void aCardAddedBelowTheViewIsScrolledTo() {
        auto view = openView(emptyDashboard("Tall"));
        view->resize(900, 420);
        view->setEditMode(true);
        for (int i = 0; i < 24; ++i) view->session()->addTextCard(QStringLiteral("Note %1").arg(i));
        auto* scroll = view->findChild<QScrollArea*>();
        QVERIFY(scroll);
        QTRY_VERIFY(view->canvas()->height() > 2 * scroll->viewport()->height());
        scroll->verticalScrollBar()->setValue(0);
        const std::string id = view->addHeadingInPlace();
        auto shown = [&] {
            DashboardCard* c = view->card(id);
            if (!c) return false;
            const QRect inViewport(c->mapTo(scroll->viewport(), QPoint(0, 0)), c->size());
            return scroll->viewport()->rect().intersects(inViewport);
        };
        QTRY_VERIFY(shown());
        QVERIFY(scroll->verticalScrollBar()->value() > 0);
        // Regression (same walkthrough): the wall display kept this scroll position and cut off
        // the first row. It starts at the top.
        QVERIFY(view->save().isOk());
        view->toolbar()->fullScreen->trigger();
        QVERIFY(view->isFullScreen());
        QCOMPARE(scroll->verticalScrollBar()->value(), 0);
        view->setFullScreen(false);
    }

    void pickerSearchesAndAddsSeveral() {
        auto view = openView(emptyDashboard("Picker"));
        view->setEditMode(true);
        QuestionPicker* picker = view->openQuestionPicker();
        QVERIFY(picker && picker->isVisible());
        // Regression (issue 10 walkthrough): a description was the item's second text line and read
        // as another question. The item's text is the name; the description is drawn under it.
        int described = 0;
        for (int i = 0; i < picker->list()->count(); ++i) {
            QVERIFY(!picker->list()->item(i)->text().contains(QLatin1Char('\n')));
            described += picker->list()->item(i)->toolTip().contains(QLatin1Char('\n'));
        }
        QVERIFY(described > 0);
        QTest::keyClicks(picker->search(), QStringLiteral("kpi"));
        // Expected from the demo files: four sales KPIs and the basket KPI match "kpi" by file.
        int shown = 0;
        for (int i = 0; i < picker->list()->count(); ++i) shown += !picker->list()->item(i)->isHidden();
        QCOMPARE(shown, 5);
        QTest::keyClicks(picker->search(), QStringLiteral(" orders"));
        shown = 0;
        for (int i = 0; i < picker->list()->count(); ++i)
            if (!picker->list()->item(i)->isHidden()) {
                ++shown;
                picker->list()->item(i)->setSelected(true);
            }
        QCOMPARE(shown, 1);
        QTest::mouseClick(picker->addButton(), Qt::LeftButton);
        QCOMPARE(view->dashboard().cards.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(view->dashboard().cards[0].question),
                 QStringLiteral("sales_kpi_orders.json"));
        QVERIFY(view->waitUntilLoaded(30000));
    }

    // The filter panel says all the JSON can: type, label, default, choices from a column, the
    // cross-filter column and a parameter per card; filters are renamed, reordered and removed.
    void filtersAreBuiltInThePanel() {
        const std::string path = emptyDashboard("Filtered");
        auto view = openView(path);
        auto snapshot = Warehouse::open(Workspace::open(ws_->path())->defaultTarget());
        QVERIFY(snapshot.isOk());
        auto tables = (*snapshot)->listTables();
        QVERIFY(tables.isOk());
        view->setTables(*tables);
        view->setEditMode(true);
        const std::string revenue = view->addQuestionCard("sales_kpi_revenue.json");
        const std::string top = view->addQuestionCard("sales_top_products.json");
        std::string id = view->addFilter(FilterType::List);
        QCOMPARE(QString::fromStdString(id), QStringLiteral("list"));
        FilterPanel* panel = view->filterPanel();
        QVERIFY(panel->isVisible());
        QTRY_VERIFY(panel->form() && panel->form()->filterId() == id);
        FilterForm* form = panel->form();
        QVERIFY(form->problemsLabel()->text().contains(QStringLiteral("not wired to any card")));
        QVERIFY(view->filterBar()->unwiredNote(id));

        form->labelEdit()->setText(QStringLiteral("Product category"));
        emit form->labelEdit()->editingFinished();
        // Regression (issue 10 walkthrough): a list filter labelled Category kept the id "list".
        // A new filter's id follows the first label it is given, and the panel stays on it.
        QCOMPARE(view->dashboard().filters.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(view->dashboard().filters[0].id), QStringLiteral("product_category"));
        id = view->dashboard().filters[0].id;
        QCOMPARE(QString::fromStdString(view->dashboard().filter(id)->label),
                 QStringLiteral("Product category"));
        QTRY_VERIFY(panel->form() != form && panel->form() && panel->form()->filterId() == id);
        // Named once, the id stays: reports and --param may use it by now.
        form = panel->form();
        form->labelEdit()->setText(QStringLiteral("Category"));
        emit form->labelEdit()->editingFinished();
        QVERIFY(view->dashboard().filter(id));
        QCOMPARE(QString::fromStdString(view->dashboard().filter(id)->label), QStringLiteral("Category"));

        // Choices: the distinct values of products.category.
        QTRY_VERIFY(panel->form() != form);
        form = panel->form();
        form->tableBox()->setCurrentIndex(form->tableBox()->findText(QStringLiteral("products")));
        emit form->tableBox()->activated(form->tableBox()->currentIndex());
        QCOMPARE(form->columnBox()->currentIndex(), -1);  // nothing is written before a column is picked
        form->columnBox()->setCurrentIndex(form->columnBox()->findText(QStringLiteral("category")));
        emit form->columnBox()->activated(form->columnBox()->currentIndex());
        const Filter* f = view->dashboard().filter(id);
        QCOMPARE(QString::fromStdString(f->optionsQuestion), QStringLiteral("values_products_category.json"));
        QCOMPARE(QString::fromStdString(f->column), QStringLiteral("category"));
        QVERIFY(QFile::exists(QString::fromStdString(ws_->file("questions/values_products_category.json"))));
        // The bar's choices arrive from that question: the demo store's eight categories.
        auto choices = [&] {
            auto* button = qobject_cast<QToolButton*>(view->filterBar()->editor(id));
            int n = 0;
            if (button && button->menu())
                for (QAction* a : button->menu()->actions()) n += a->isCheckable();
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(choices(), 8, 10000);

        // Wire it: the revenue card by hand, the other by "Wire matching cards".
        QTRY_VERIFY(panel->form() && panel->form()->wiring()->parameterBox(revenue));
        form = panel->form();
        QComboBox* box = form->wiring()->parameterBox(revenue);
        // Regression (Xvfb walkthrough): a wheel over a wiring box the user never clicked changed
        // it, and so wired the card. It scrolls the panel instead.
        const int before = box->currentIndex();
        QWheelEvent wheel(QPointF(5, 5), box->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(box, &wheel);
        QCOMPARE(box->currentIndex(), before);
        QVERIFY(view->dashboard().filter(id)->targets.empty());
        box->setCurrentIndex(box->findData(QStringLiteral("category")));
        emit box->activated(box->currentIndex());
        QCOMPARE(view->dashboard().filter(id)->targets.size(), std::size_t(1));
        QTRY_VERIFY(panel->form() != form);
        QTest::mouseClick(panel->form()->wiring()->wireMatchingButton(), Qt::LeftButton);
        f = view->dashboard().filter(id);
        QCOMPARE(f->targets.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(f->targets[1].card), QString::fromStdString(top));
        QCOMPARE(QString::fromStdString(f->targets[1].parameter), QStringLiteral("category"));
        QTRY_VERIFY(!view->filterBar()->unwiredNote(id));

        // A date range wired start/end, a second filter to reorder; then remove one.
        const std::string date = view->addFilter(FilterType::DateRange);
        QTRY_VERIFY(panel->form() && panel->form()->filterId() == date);
        QTest::mouseClick(panel->form()->wiring()->wireMatchingButton(), Qt::LeftButton);
        const Filter* d = view->dashboard().filter(date);
        QCOMPARE(d->targets.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(d->targets[0].parameter + ".." + d->targets[0].parameterEnd),
                 QStringLiteral("start..end"));
        QCOMPARE(QString::fromStdString(view->dashboard().filters[1].id), QString::fromStdString(date));
        QTRY_VERIFY(panel->upButton()->isEnabled());
        QTest::mouseClick(panel->upButton(), Qt::LeftButton);
        QCOMPARE(QString::fromStdString(view->dashboard().filters[0].id), QString::fromStdString(date));
        // The default of the date range, typed in the form.
        QTRY_VERIFY(panel->form() && panel->form()->filterId() == date);
        auto* from = qobject_cast<QLineEdit*>(panel->form()->defaultEditor()->focusWidget());
        QVERIFY(from);
        from->setText(QStringLiteral("2024-01-01"));
        emit from->editingFinished();
        QCOMPARE(view->dashboard().filter(date)->defaultValue, (std::vector<std::string>{"2024-01-01", ""}));
        QCOMPARE(view->filterValues().at(date), (std::vector<std::string>{"2024-01-01", ""}));

        QVERIFY(view->save().isOk());
        auto saved = loadDashboard(path);
        QVERIFY(saved.isOk());
        QVERIFY(saved->filters == view->dashboard().filters);
        QTRY_VERIFY(panel->removeButton()->isEnabled());
        QTest::mouseClick(panel->removeButton(), Qt::LeftButton);  // the selected one: the date range
        QCOMPARE(view->dashboard().filters.size(), std::size_t(1));
        view->undoStack()->undo();
        QCOMPARE(view->dashboard().filters.size(), std::size_t(2));
        QVERIFY(view->waitUntilLoaded(30000));
    }

    void settingsDialogEditsTheDashboard() {
        const std::string path = emptyDashboard("Settings");
        auto view = openView(path);
        view->setEditMode(true);
        DashboardSettingsDialog* dialog = view->openSettings();
        QVERIFY(dialog && dialog->isVisible());
        dialog->nameEdit()->setText(QStringLiteral("Wall board"));
        dialog->descriptionEdit()->setPlainText(QStringLiteral("For the office screen."));
        dialog->refreshBox()->setCurrentIndex(dialog->refreshBox()->findData(60));
        dialog->cacheBox()->setCurrentIndex(2);  // keep for a fixed time
        dialog->ttlMinutesBox()->setValue(5);
        dialog->accept();
        const Dashboard& d = view->dashboard();
        QCOMPARE(QString::fromStdString(d.name), QStringLiteral("Wall board"));
        QCOMPARE(QString::fromStdString(d.description), QStringLiteral("For the office screen."));
        QCOMPARE(d.refreshSeconds, 60);
        QVERIFY(d.cache && d.cache->kind == CachePolicy::Kind::Fixed && d.cache->ttlSeconds == 300);
        QCOMPARE(view->session()->liveRefreshSeconds(), 60);
        QCOMPARE(view->windowTitle(), QStringLiteral("Wall board"));
        QVERIFY(view->isWindowModified());
        QVERIFY(view->save().isOk());
        auto saved = loadDashboard(path);
        QCOMPARE(QString::fromStdString(saved->name), QStringLiteral("Wall board"));
        QVERIFY(saved->cache == d.cache);
        view->undoStack()->undo();
        QCOMPARE(QString::fromStdString(view->dashboard().name), QStringLiteral("Settings"));
        QCOMPARE(view->session()->liveRefreshSeconds(), 0);
    }

    // Fullscreen shows only the dashboard, keeps refreshing on its timer, and Esc leaves.
    void fullscreenKeepsRefreshingAndEscLeaves() {
        auto view = openView(emptyDashboard("Wall"));
        view->addQuestionCard("sales_kpi_revenue.json");
        QVERIFY(view->save().isOk());
        QVERIFY(view->waitUntilLoaded(30000));
        view->session()->setLiveRefreshSeconds(30);
        view->toolbar()->fullScreen->trigger();
        QVERIFY(view->isFullScreen());
        QTRY_VERIFY(view->window()->isFullScreen());
        QVERIFY(!view->toolbar()->isVisible());
        QTimer* timer = nullptr;
        for (QTimer* t : view->session()->findChildren<QTimer*>())
            if (t->interval() == 30000) timer = t;
        QVERIFY(timer && timer->isActive());
        QSignalSpy runs(view.get(), &DashboardView::cardRunStarted);
        QMetaObject::invokeMethod(timer, "timeout", Qt::DirectConnection);  // what the interval does
        QCOMPARE(runs.size(), 1);
        QVERIFY(view->waitUntilLoaded(30000));
        QTRY_VERIFY(view->canvas()->hasFocus());
        QTest::keyClick(view->canvas(), Qt::Key_Escape);
        QVERIFY(!view->isFullScreen());
        QTRY_VERIFY(!view->window()->isFullScreen());
        QVERIFY(view->toolbar()->isVisible());
        QVERIFY(timer->isActive());
    }

    // Regression: switching to dark mode with a dashboard open left its cards white with white
    // titles until it was reopened. The grabbed cards must turn dark with readable text at once.
    void themeSwitchRecoloursOpenCardsAtOnce() {
        Dashboard d;
        d.name = "Theme";
        d.cards = {Card{"kpi", "sales_kpi_revenue.json", "", "", "", {0, 0, 8, 5}},
                   Card{"note", "", "## Notes\n\nSome text", "Notes", "", {8, 0, 8, 5}}};
        const std::string path = ws_->file("dashboards/theme.json");
        QVERIFY(saveDashboard(d, path).isOk());
        applyTheme(*qApp, ThemeMode::Light);
        auto view = openView(path);
        QVERIFY(view->waitUntilLoaded(30000));
        for (const char* id : {"kpi", "note"}) {
            DashboardCard* card = view->card(id);
            const QImage light = card->grab().toImage();
            const QPoint inside(card->width() - 6,
                                card->height() - 6);  // below the content, inside the frame
            QVERIFY2(lightnessAt(light, inside) > 200, id);
        }
        applyTheme(*qApp, ThemeMode::Dark);
        QCoreApplication::processEvents();
        for (const char* id : {"kpi", "note"}) {
            DashboardCard* card = view->card(id);
            const QImage dark = card->grab().toImage();
            const QPoint inside(card->width() - 6, card->height() - 6);
            const int background = lightnessAt(dark, inside);
            QVERIFY2(background < 60,
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(id)).arg(background)));
            // The title row is readable: some of its pixels stand out from the dark background.
            const QRect titleRow(10, 6, std::min(160, card->width() - 20), 16);
            QVERIFY2(contrastIn(dark, titleRow, background) > 120, id);
        }
        applyTheme(*qApp, ThemeMode::Light);
        QCoreApplication::processEvents();
        const QImage back = view->card("kpi")->grab().toImage();
        QVERIFY(lightnessAt(back, QPoint(view->card("kpi")->width() - 6, view->card("kpi")->height() - 6)) >
                200);
    }
};

QTEST_MAIN(DashboardAuthoringTest)
#include "dashboard_authoring_test.moc"

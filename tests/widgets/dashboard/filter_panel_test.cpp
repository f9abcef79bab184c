// The edit-mode filter panel in a window where other widgets come before the dashboard in the
// focus chain (as the sidebar's search box does): the panel rebuilds its form after each edit
// and the focus stays in the panel; a theme switch recolours the form at once.
#include "widgets/dashboard/filter_panel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

#include "core/dashboard/dashboard.h"
#include "core/dashboard/demo_workspace.h"
#include "core/runtime/runtime.h"
#include "tests/support/temp_workspace.h"
#include "widgets/dashboard/dashboard_view.h"
#include "widgets/dashboard/filter_form.h"
#include "widgets/dashboard/filter_value_editor.h"
#include "widgets/dashboard/filter_wiring.h"
#include "widgets/theme/theme.h"

using namespace deskbase;
using namespace deskbase::dashboard;
using namespace deskbase::widgets;

namespace {
// Lightness of the button's own background: a pixel left of its text, inside its frame.
int backgroundLightness(QWidget* button) {
    const QImage image = button->grab().toImage();
    return image.pixelColor(4, image.height() / 2).lightness();
}
}  // namespace

class FilterPanelTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempWorkspace> ws_;
    std::unique_ptr<Runtime> runtime_;

    // A window: a search box first (the sidebar's place in the focus chain), then the dashboard
    // in edit mode with a card and a list filter selected in the panel.
    struct Window {
        QWidget top;
        QLineEdit* search = nullptr;
        DashboardView* view = nullptr;
        std::string filter;
    };

    std::unique_ptr<Window> openWindow(const std::string& name) {
        auto w = std::make_unique<Window>();
        auto* layout = new QHBoxLayout(&w->top);
        w->search = new QLineEdit(&w->top);
        layout->addWidget(w->search);
        w->view = new DashboardView(*runtime_, &w->top);
        layout->addWidget(w->view, 1);
        auto path = createDashboard(ws_->file("dashboards"), name);
        if (!path || !w->view->open(*path).isOk()) qFatal("cannot open a dashboard");
        w->top.resize(1400, 900);
        w->top.show();
        if (!QTest::qWaitForWindowExposed(&w->top)) qFatal("no window");
        QApplication::setActiveWindow(&w->top);
        w->view->setEditMode(true);
        w->view->addQuestionCard("sales_top_products.json");
        w->filter = w->view->addFilter(FilterType::List);
        return w;
    }

    static bool inPanel(FilterPanel* panel) { return panel->isAncestorOf(QApplication::focusWidget()); }

private slots:
    void initTestCase() {
        ws_ = std::make_unique<test::TempWorkspace>();
        DemoSizes small;
        small.customers = 120;
        small.orders = 900;
        auto s = ensureDemoWorkspace(ws_->path(), small);
        QVERIFY2(s.isOk(), s.message().c_str());
        auto opened = Workspace::open(ws_->path());
        QVERIFY(opened);
        runtime_ = std::make_unique<Runtime>(Runtime::optionsFor(*opened));
        applyTheme(*qApp, ThemeMode::Light);
    }

    // Regression (issue 10 walkthrough): Enter in the Label field committed the label and moved
    // the focus to the sidebar's search box (the form it was in was rebuilt away). The label is
    // committed and its field in the rebuilt form has the focus.
    void enterInTheLabelKeepsTheFocusInThePanel() {
        auto w = openWindow("Focus label");
        FilterPanel* panel = w->view->filterPanel();
        QTRY_VERIFY(panel->form() && panel->form()->filterId() == w->filter);
        FilterForm* form = panel->form();
        form->labelEdit()->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(form->labelEdit()->hasFocus());
        form->labelEdit()->selectAll();
        QTest::keyClicks(form->labelEdit(), QStringLiteral("Category"));
        QTest::keyClick(form->labelEdit(), Qt::Key_Return);
        QCOMPARE(QString::fromStdString(w->view->dashboard().filters.at(0).label),
                 QStringLiteral("Category"));
        QTRY_VERIFY(panel->form() && panel->form() != form);
        QVERIFY(!w->search->hasFocus());
        QVERIFY2(panel->form()->labelEdit()->hasFocus(),
                 qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                        : QStringLiteral("nothing")));
        QCOMPARE(panel->form()->labelEdit()->text(), QStringLiteral("Category"));
        QVERIFY(w->view->waitUntilLoaded(30000));
    }

    // Regression (same walkthrough): Enter or a click on "Wire matching cards" did the same.
    void wireMatchingCardsKeepsTheFocusInThePanel() {
        auto w = openWindow("Focus wiring");
        FilterPanel* panel = w->view->filterPanel();
        QTRY_VERIFY(panel->form() && panel->form()->filterId() == w->filter);
        FilterForm* form = panel->form();
        form->labelEdit()->setText(QStringLiteral("Category"));  // "category" is the card's parameter
        emit form->labelEdit()->editingFinished();
        QTRY_VERIFY(panel->form() && panel->form() != form);
        form = panel->form();
        QPushButton* wire = form->wiring()->wireMatchingButton();
        wire->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(wire->hasFocus());
        QTest::mouseClick(wire, Qt::LeftButton);
        QCOMPARE(w->view->dashboard().filters.at(0).targets.size(), std::size_t(1));
        QTRY_VERIFY(panel->form() && panel->form() != form);
        QVERIFY(!w->search->hasFocus());
        QVERIFY(inPanel(panel));
        QVERIFY(panel->form()->wiring()->wireMatchingButton()->hasFocus());
        QVERIFY(w->view->waitUntilLoaded(30000));
    }

    // Regression (same walkthrough): the form's "Default: All" button kept the light theme's
    // colours after a switch to dark until the panel rebuilt for another reason.
    void defaultButtonFollowsAThemeSwitch() {
        auto w = openWindow("Theme");
        FilterPanel* panel = w->view->filterPanel();
        auto button = [&]() -> QWidget* {
            return panel->form() ? panel->form()->defaultEditor()->findChild<QToolButton*>() : nullptr;
        };
        QTRY_VERIFY(button());
        QVERIFY2(backgroundLightness(button()) > 180,
                 qPrintable(QString::number(backgroundLightness(button()))));
        applyTheme(*qApp, ThemeMode::Dark);
        QTRY_VERIFY2(button() && backgroundLightness(button()) < 80,
                     qPrintable(QString::number(button() ? backgroundLightness(button()) : -1)));
        applyTheme(*qApp, ThemeMode::Light);
        QTRY_VERIFY(button() && backgroundLightness(button()) > 180);
        QVERIFY(w->view->waitUntilLoaded(30000));
    }
};

QTEST_MAIN(FilterPanelTest)
#include "filter_panel_test.moc"

// A filter change never shows stale numbers as fresh (issue 14): while a card's new run goes, a
// veil over its previous chart says so and offers Cancel; Cancel drops the old numbers; a newer
// run supersedes the older one, whose result never reaches the card. Offscreen, real runtime.
#include "widgets/dashboard/dashboard_card.h"

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "core/dashboard/dashboard.h"
#include "core/runtime/runtime.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"
#include "tests/support/temp_workspace.h"
#include "widgets/charts/chart_view.h"
#include "widgets/dashboard/dashboard_view.h"

using namespace deskbase;
using namespace deskbase::dashboard;
using deskbase::widgets::CardOutcome;
using deskbase::widgets::DashboardCard;
using deskbase::widgets::DashboardSession;
using deskbase::widgets::DashboardView;

namespace {
// Counts to {{n}}: 10 is instant, 10^12 runs until cancelled.
constexpr const char* kCountTo =
    "{\"name\": \"Count\", \"sql\": \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
    "WHERE x < {{n}}) SELECT count(*) AS n FROM c\", \"parameters\": [{\"name\": \"n\", \"type\": "
    "\"number\", "
    "\"default\": 10}], \"cache\": {\"policy\": \"never\"}}\n";
constexpr const char* kForever = "1000000000000";

std::int64_t shownCount(DashboardView& view) {
    const CardOutcome* o = view.session()->outcome("only");
    if (!o || !o->data || o->data->rows.empty()) return -1;
    const Value& v = o->data->rows[0][0];
    return std::holds_alternative<std::int64_t>(v) ? std::get<std::int64_t>(v) : -1;
}
}  // namespace

class DashboardCardTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempWorkspace> ws_;
    std::unique_ptr<Runtime> runtime_;
    std::string dashboardPath_;

private slots:
    void initTestCase() {
        ws_ = std::make_unique<test::TempWorkspace>();
        QVERIFY(QDir().mkpath(QString::fromStdString(ws_->file("questions"))));
        ws_->write("questions/count_to.json", kCountTo);
        {
            auto w = Warehouse::open(ws_->sqlitePath());
            QVERIFY(w.isOk());
        }
        auto opened = Workspace::open(ws_->path());
        QVERIFY(opened);
        runtime_ = std::make_unique<Runtime>(Runtime::optionsFor(*opened));
        Dashboard d;
        d.name = "Counting";
        d.cards = {{"only", "count_to.json", "", "", "", {0, 0, 12, 6}}};
        Filter n{"n", "N", FilterType::Number, {"10"}, {}, "", "", {{"only", "n", ""}}};
        d.filters = {n};
        dashboardPath_ = ws_->file("dashboards/counting.json");
        QVERIFY(saveDashboard(d, dashboardPath_).isOk());
    }

    void veilCoversThePreviousChartAndCancelDropsIt() {
        DashboardView view(*runtime_);
        view.resize(900, 600);
        view.show();
        QVERIFY(view.open(dashboardPath_).isOk());
        QVERIFY(view.waitUntilLoaded(30000));
        DashboardCard* card = view.card("only");
        QCOMPARE(card->state(), DashboardCard::State::Ready);
        QCOMPARE(shownCount(view), std::int64_t(10));
        QVERIFY(!card->loadingVeil()->isVisible());

        view.setFilterValue("n", {kForever});
        QCOMPARE(card->state(), DashboardCard::State::Loading);
        QVERIFY(card->loadingVeil()->isVisible());
        QVERIFY(card->chart()->isVisible());  // the previous chart, under the veil
        QCOMPARE(card->loadingVeil()->findChild<QLabel*>()->text(), QStringLiteral("Updating…"));
        const QRect chartInCard(card->chart()->mapTo(card, QPoint(0, 0)), card->chart()->size());
        QVERIFY(card->loadingVeil()->geometry().contains(chartInCard));  // the whole chart is veiled
        const std::vector<QueryHandle> runs = view.session()->runs();
        QVERIFY(!runs.empty());
        const QueryHandle running = runs.back();

        QSignalSpy finished(view.session(), &DashboardSession::cardFinished);
        QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QCOMPARE(card->state(), DashboardCard::State::Cancelled);
        QVERIFY(!card->loadingVeil()->isVisible());
        QVERIFY(!card->chart()->isVisible());  // the old count is not shown for the new filter
        QCOMPARE(shownCount(view), std::int64_t(-1));
        QVERIFY(!view.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(running.isDone(), 30000);  // the statement was interrupted
        QCOMPARE(running.state(), QueryState::Cancelled);

        view.setFilterValue("n", {"20"});
        QVERIFY(view.waitUntilLoaded(30000));
        QCOMPARE(card->state(), DashboardCard::State::Ready);
        QCOMPARE(shownCount(view), std::int64_t(20));
    }

    // Two filter changes in a row: the first run is superseded (interrupted), only the second's
    // number reaches the card.
    void newRunSupersedesTheOldOne() {
        DashboardView view(*runtime_);
        QVERIFY(view.open(dashboardPath_).isOk());
        QVERIFY(view.waitUntilLoaded(30000));
        view.setFilterValue("n", {kForever});
        const QueryHandle slow = view.session()->runs().back();
        QSignalSpy changed(view.session(), &DashboardSession::cardChanged);
        view.setFilterValue("n", {"30"});
        QVERIFY(view.waitUntilLoaded(30000));
        QCOMPARE(view.card("only")->state(), DashboardCard::State::Ready);
        QCOMPARE(shownCount(view), std::int64_t(30));
        QTRY_VERIFY_WITH_TIMEOUT(slow.isDone(), 30000);
        QVERIFY(slow.state() == QueryState::Cancelled);
        QCoreApplication::processEvents();
        QCOMPARE(shownCount(view), std::int64_t(30));  // nothing from the first run came after
    }
};

QTEST_MAIN(DashboardCardTest)
#include "dashboard_card_test.moc"

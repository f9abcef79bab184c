// The Runs page's model and panel: the model under QAbstractItemModelTester, a cell's colour
// follows its status and its tooltip says status, start, duration, attempt and error; empty cells
// are empty; clicking a cell asks for its run's steps and shows them; Re-run names the row's
// target; a new grid keeps the chosen run.
#include "widgets/runs/runs_panel.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

#include "widgets/runs/runs_grid_model.h"

using namespace deskbase;
using namespace deskbase::widgets;

namespace {

RunsGrid sampleGrid() {
    std::vector<RunRecord> runs;
    auto add = [&](std::int64_t id, const char* kind, const char* name, const char* status, const char* at) {
        RunRecord r;
        r.id = id;
        r.kind = kind;
        r.name = name;
        r.status = status;
        r.startedAt = at;
        r.seconds = 1.5;
        runs.push_back(r);
    };
    add(1, "source", "orders", "success", "2026-03-02 10:00:00");
    add(2, "source", "orders", "error", "2026-03-02 11:00:00");
    add(3, "report", "weekly", "success", "2026-03-02 11:30:00");
    runs[1].error = "database is locked";
    runs[1].attempt = 3;
    RunsGridTargets targets;
    targets.alerts = {"late"};
    return shapeRunsGrid(runs, {}, targets, 10);
}

QPoint centre(QTableView* v, const QModelIndex& i) {
    return v->visualRect(i).center();
}

}  // namespace

class RunsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void modelPassesTheTester() {
        RunsGridModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGrid(sampleGrid());
        model.setGrid({});
        model.setGrid(sampleGrid());
        QCOMPARE(model.rowCount(), 3);  // source orders, report weekly, alert late
        QCOMPARE(model.columnCount(), 2);
    }

    void cellsSayTheirRun() {
        RunsGridModel model;
        model.setGrid(sampleGrid());
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("source  orders"));
        QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QStringLiteral("alert  late"));
        const QModelIndex newest = model.index(0, 1), older = model.index(0, 0);
        QCOMPARE(model.data(newest, RunsGridModel::StatusRole).toString(), QStringLiteral("error"));
        QCOMPARE(model.data(older, RunsGridModel::StatusRole).toString(), QStringLiteral("success"));
        QCOMPARE(model.data(newest, Qt::BackgroundRole).value<QColor>(),
                 RunsGridModel::toneColor(RunTone::Bad, false));
        QCOMPARE(model.data(older, Qt::BackgroundRole).value<QColor>(),
                 RunsGridModel::toneColor(RunTone::Good, false));
        QVERIFY(model.data(newest, Qt::BackgroundRole) != model.data(older, Qt::BackgroundRole));
        QCOMPARE(model.data(newest, Qt::ToolTipRole).toString(),
                 QStringLiteral("error · 2026-03-02 11:00:00 UTC · 1.50 s · attempt 3\ndatabase is locked"));
        QCOMPARE(model.data(newest, RunsGridModel::RunIdRole).toLongLong(), 2LL);
        // weekly ran once: its run is in the newest column, the older one is empty.
        QVERIFY(!model.data(model.index(1, 0), Qt::BackgroundRole).isValid());
        QCOMPARE(model.data(model.index(1, 1), RunsGridModel::RunIdRole).toLongLong(), 3LL);
        QVERIFY(!model.data(model.index(2, 1), Qt::ToolTipRole).isValid());  // the alert never ran
    }

    // Seen under Xvfb: a chosen run turned the selection's blue (a failed run's red gone), and runs
    // side by side had no gap (three failed runs were one red bar).
    void aChosenRunKeepsItsColourAndRunsStaySeparate() {
        RunsPanel panel;
        panel.resize(700, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setGrid(sampleGrid());
        QTableView* view = panel.view();
        const QModelIndex failed = panel.model()->index(0, 1), older = panel.model()->index(0, 0);
        const QColor red = panel.model()->data(failed, Qt::BackgroundRole).value<QColor>();
        const QColor green = panel.model()->data(older, Qt::BackgroundRole).value<QColor>();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre(view, failed));
        QCOMPARE(view->currentIndex(), failed);
        QVERIFY(view->selectionModel()->isSelected(failed));
        const QImage image = view->viewport()->grab().toImage();
        const qreal ratio = image.devicePixelRatio();
        auto at = [&](QPoint p) { return image.pixelColor(QPoint(int(p.x() * ratio), int(p.y() * ratio))); };
        QCOMPARE(at(centre(view, failed)).rgb(), red.rgb());
        QCOMPARE(at(centre(view, older)).rgb(), green.rgb());
        // Between the two squares (the boundary of their cells): neither colour.
        const QRect left = view->visualRect(older);
        const QPoint between(left.right(), left.center().y());
        QVERIFY(at(between).rgb() != green.rgb());
        QVERIFY(at(between).rgb() != red.rgb());
    }

    void clickShowsStepsAndRerunNamesTheRow() {
        RunsPanel panel;
        panel.resize(700, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setGrid(sampleGrid());
        QVERIFY(!panel.rerunButton()->isEnabled());
        QSignalSpy chosen(&panel, &RunsPanel::runChosen);
        QSignalSpy rerun(&panel, &RunsPanel::rerunRequested);
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {},
                          centre(panel.view(), panel.model()->index(0, 1)));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen[0][0].toLongLong(), 2LL);
        QVERIFY2(panel.detail()->text().contains(QStringLiteral("database is locked")),
                 qPrintable(panel.detail()->text()));
        panel.setSteps(2, {{"import", "in/a.csv", "error", std::nullopt, 10.0, "database is locked"},
                           {"build", "order_totals", "success", 12, 0.5, ""}});
        QCOMPARE(panel.stepsView()->topLevelItemCount(), 2);
        QCOMPARE(panel.stepsView()->topLevelItem(0)->text(1), QStringLiteral("in/a.csv"));
        QCOMPARE(panel.stepsView()->topLevelItem(1)->text(3), QStringLiteral("12"));
        panel.setSteps(1, {{"import", "x", "success", 1, 0, ""}});  // a late answer for another run
        QCOMPARE(panel.stepsView()->topLevelItemCount(), 2);
        QVERIFY(panel.rerunButton()->isEnabled());
        QTest::mouseClick(panel.rerunButton(), Qt::LeftButton);
        QCOMPARE(rerun.size(), 1);
        QCOMPARE(rerun[0][0].toString(), QStringLiteral("source"));
        QCOMPARE(rerun[0][1].toString(), QStringLiteral("orders"));
        // The history read again: the chosen run stays chosen.
        panel.setGrid(sampleGrid());
        QCOMPARE(panel.view()->currentIndex(), panel.model()->index(0, 1));
        // An empty cell: no run asked for.
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {},
                          centre(panel.view(), panel.model()->index(1, 0)));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(panel.stepsView()->topLevelItemCount(), 0);
        // The row's name: its target for Re-run, no run asked for.
        emit panel.view()->verticalHeader()->sectionClicked(2);
        QCOMPARE(chosen.size(), 1);
        QTest::mouseClick(panel.rerunButton(), Qt::LeftButton);
        QCOMPARE(rerun.size(), 2);
        QCOMPARE(rerun[1][0].toString(), QStringLiteral("alert"));
        QCOMPARE(rerun[1][1].toString(), QStringLiteral("late"));
    }
};

QTEST_MAIN(RunsPanelTest)
#include "runs_panel_test.moc"

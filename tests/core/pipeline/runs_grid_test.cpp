// The Runs page's grid from the run history: rows per source/model/report/alert in kind then name
// order, runs oldest to newest with the newest in the last column (right-aligned), the column
// limit keeping the newest, alerts told from reports by the workspace's definitions, targets with
// no run yet as empty rows, other run kinds left out. Each case is written as the grid a person
// would draw: one line per row, "kind name |" then one letter per column ('.' empty; the first
// letter of the status).
#include "core/pipeline/runs_grid.h"

#include <QtTest>

using namespace deskbase;

namespace {

// "source:orders:success:2026-03-02 10:00:00;..." -> runs (ids in the order written)
std::vector<RunRecord> runsFrom(const QString& text) {
    std::vector<RunRecord> out;
    std::int64_t id = 0;
    for (const QString& item : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = item.split(QLatin1Char(':'));
        RunRecord r;
        r.id = ++id;
        r.kind = f[0].toStdString();
        r.name = f[1].toStdString();
        r.status = f[2].toStdString();
        r.startedAt = f.mid(3).join(QLatin1Char(':')).toStdString();
        out.push_back(r);
    }
    return out;
}

// "order_totals:success:2026-03-02 10:00:00;..." -> model steps
std::vector<ModelStepRun> stepsFrom(const QString& text) {
    std::vector<ModelStepRun> out;
    std::int64_t id = 100;
    for (const QString& item : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList f = item.split(QLatin1Char(':'));
        ModelStepRun m;
        m.runId = ++id;
        m.step.kind = "model";
        m.step.name = f[0].toStdString();
        m.step.status = f[1].toStdString();
        m.startedAt = f.mid(2).join(QLatin1Char(':')).toStdString();
        out.push_back(m);
    }
    return out;
}

QString drawn(const RunsGrid& g) {
    QStringList lines;
    for (int r = 0; r < int(g.rows.size()); ++r) {
        QString line =
            QString::fromStdString(g.rows[std::size_t(r)].kind + " " + g.rows[std::size_t(r)].name) +
            QStringLiteral(" |");
        for (int c = 0; c < g.columns; ++c) {
            const RunsGridCell* cell = g.cell(r, c);
            line += cell ? QString::fromStdString(cell->status.substr(0, 1)) : QStringLiteral(".");
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

class RunsGridTest : public QObject {
    Q_OBJECT
private slots:
    void shape_data() {
        QTest::addColumn<QString>("runs");
        QTest::addColumn<QString>("models");
        QTest::addColumn<QString>("alerts");  // names of reports that are alerts
        QTest::addColumn<int>("maxColumns");
        QTest::addColumn<QString>("grid");
        QTest::newRow("nothing") << ""
                                 << ""
                                 << "" << 10 << "";
        QTest::newRow("one source, newest right")
            << "source:orders:success:2026-03-02 10:00:00;source:orders:error:2026-03-02 11:00:00"
            << ""
            << "" << 10 << "source orders |se";
        QTest::newRow("rows right-aligned")
            << "source:orders:success:2026-03-02 10:00:00;source:orders:error:2026-03-02 11:00:00;"
               "source:orders:success:2026-03-02 12:00:00;source:customers:error:2026-03-02 12:30:00"
            << ""
            << "" << 10 << "source customers |..e\nsource orders |ses";
        QTest::newRow("recorded out of order: by start")
            << "source:orders:error:2026-03-02 12:00:00;source:orders:success:2026-03-02 09:00:00"
            << ""
            << "" << 10 << "source orders |se";
        QTest::newRow("kinds in order, alerts apart")
            << "report:late_orders:fired:2026-03-02 10:00:00;report:weekly:success:2026-03-02 10:00:00;"
               "source:orders:success:2026-03-02 09:00:00;build::success:2026-03-02 09:30:00;"
               "import::success:2026-03-02 09:40:00;check::error:2026-03-02 09:50:00"
            << "order_totals:success:2026-03-02 09:30:00"
            << "late_orders" << 10
            << "source orders |s\nmodel order_totals |s\nreport weekly |s\nalert late_orders |f";
        QTest::newRow("the newest kept")
            << "source:s:error:2026-03-01 01:00:00;source:s:error:2026-03-01 02:00:00;"
               "source:s:success:2026-03-01 03:00:00;source:s:skipped:2026-03-01 04:00:00"
            << ""
            << "" << 2 << "source s |ss";
        QTest::newRow("models from any run")
            << ""
            << "a:success:2026-03-01 01:00:00;b:skipped:2026-03-01 01:00:00;a:error:2026-03-01 02:00:00"
            << "" << 10 << "model a |se\nmodel b |.s";
    }
    void shape() {
        QFETCH(QString, runs);
        QFETCH(QString, models);
        QFETCH(QString, alerts);
        QFETCH(int, maxColumns);
        QFETCH(QString, grid);
        RunsGridTargets targets;
        for (const QString& a : alerts.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            targets.alerts.push_back(a.toStdString());
        const RunsGrid g = shapeRunsGrid(runsFrom(runs), stepsFrom(models), targets, maxColumns);
        QCOMPARE(drawn(g), grid);
    }

    // What the workspace defines has a row before it ever ran; a target gone from the workspace
    // keeps its old runs.
    void targetsWithoutRunsHaveRows() {
        RunsGridTargets targets;
        targets.sources = {"orders", "customers"};
        targets.models = {"order_totals"};
        targets.reports = {"weekly"};
        targets.alerts = {"late"};
        const RunsGrid g = shapeRunsGrid(
            runsFrom(QStringLiteral(
                "source:old_source:success:2026-03-01 01:00:00;source:orders:error:2026-03-01 02:00:00")),
            {}, targets, 5);
        QCOMPARE(drawn(g), QStringLiteral("source customers |.\nsource old_source |s\nsource orders |e\n"
                                          "model order_totals |.\nreport weekly |.\nalert late |."));
        QCOMPARE(g.rowOf("report", "weekly"), 4);
        QCOMPARE(g.rowOf("source", "weekly"), -1);
        QVERIFY(!g.cell(0, 0));
        QVERIFY(!g.cell(0, 1));  // outside the grid
        QVERIFY(!g.cell(9, 0));
    }

    void cellsCarryTheRun() {
        std::vector<RunRecord> runs = runsFrom(QStringLiteral("source:orders:error:2026-03-02 10:00:00"));
        runs[0].seconds = 2.5;
        runs[0].error = "database is locked";
        runs[0].attempt = 3;
        const RunsGrid g = shapeRunsGrid(runs, {}, {}, 10);
        const RunsGridCell* c = g.cell(0, 0);
        QVERIFY(c);
        QCOMPARE(c->runId, std::int64_t(1));
        QCOMPARE(c->seconds, 2.5);
        QCOMPARE(c->error, std::string("database is locked"));
        QCOMPARE(c->attempt, 3);
        QCOMPARE(c->startedAt, std::string("2026-03-02 10:00:00"));
    }

    void tones_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("tone");
        QTest::newRow("success") << "success" << int(RunTone::Good);
        QTest::newRow("quiet alert") << "quiet" << int(RunTone::Good);
        QTest::newRow("error") << "error" << int(RunTone::Bad);
        QTest::newRow("fired") << "fired" << int(RunTone::Attention);
        QTest::newRow("skipped") << "skipped" << int(RunTone::Muted);
        QTest::newRow("running") << "running" << int(RunTone::Running);
        QTest::newRow("unknown") << "whatever" << int(RunTone::Muted);
    }
    void tones() {
        QFETCH(QString, status);
        QFETCH(int, tone);
        QCOMPARE(int(runTone(status.toStdString())), tone);
    }
};

QTEST_GUILESS_MAIN(RunsGridTest)
#include "runs_grid_test.moc"

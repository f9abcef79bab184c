// LineageView: boxes where core's layout puts them, colours by status, a click opens the node;
// and the view of a real workspace's lineage (models, a question, a dashboard).
#include "widgets/models/lineage_view.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

#include "core/workspace/workspace.h"
#include "tests/support/temp_workspace.h"
#include "widgets/theme/theme.h"

using namespace deskbase;
using namespace deskbase::widgets;

namespace {

LineageNode node(const std::string& kind, const std::string& name, const std::string& file = {},
                 const std::string& status = {}) {
    return {kind + ":" + name, kind, name, file, kind == "model" ? "table" : "", status};
}

Lineage smallLineage() {
    Lineage l;
    l.nodes = {node("source", "raw"), node("model", "good", "models/good.sql", "success"),
               node("model", "bad", "models/bad.sql", "error"),
               node("dashboard", "ops", "dashboards/ops.json")};
    l.edges = {{"source:raw", "model:bad"}, {"source:raw", "model:good"}, {"model:good", "dashboard:ops"}};
    return l;
}

}  // namespace

class LineageViewTest : public QObject {
    Q_OBJECT
private slots:
    void boxesFollowTheLayers() {
        LineageView view;
        view.setLineage(smallLineage());
        const QRect raw = view.nodeRect(QStringLiteral("source:raw"));
        const QRect good = view.nodeRect(QStringLiteral("model:good"));
        const QRect bad = view.nodeRect(QStringLiteral("model:bad"));
        const QRect ops = view.nodeRect(QStringLiteral("dashboard:ops"));
        QVERIFY(!raw.isEmpty() && !good.isEmpty() && !bad.isEmpty() && !ops.isEmpty());
        QVERIFY(raw.right() < good.left());  // layer 0 left of layer 1
        QCOMPARE(good.left(), bad.left());   // same layer
        QVERIFY(good.right() < ops.left());  // the dashboard reads good: layer 2
        QVERIFY(!good.intersects(bad));      // two rows
        QVERIFY(view.nodeRect(QStringLiteral("model:none")).isEmpty());
        QVERIFY(view.rect().contains(ops) || view.sizeHint().width() > ops.right());
    }

    void coloursShowStatus() {
        LineageView view;
        view.setLineage(smallLineage());
        view.resize(view.sizeHint());
        const QImage image = view.grab().toImage();
        // The stripe at a box's left edge has the node's colour.
        auto stripe = [&](const QString& id) {
            const QRect r = view.nodeRect(id);
            return image.pixelColor(r.left() + 3, r.center().y());
        };
        const bool dark = isDarkTheme();
        QCOMPARE(stripe(QStringLiteral("model:good")), LineageView::nodeColor(smallLineage().nodes[1], dark));
        QCOMPARE(stripe(QStringLiteral("model:bad")), LineageView::nodeColor(smallLineage().nodes[2], dark));
        QVERIFY(stripe(QStringLiteral("model:good")) != stripe(QStringLiteral("model:bad")));
        // A model never built is neither green nor red.
        const QColor unknown = LineageView::nodeColor(node("model", "new"), dark);
        QVERIFY(unknown != stripe(QStringLiteral("model:good")) &&
                unknown != stripe(QStringLiteral("model:bad")));
    }

    void clickOpensTheNode() {
        LineageView view;
        view.setLineage(smallLineage());
        view.resize(view.sizeHint());
        QSignalSpy opened(&view, &LineageView::nodeActivated);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.nodeRect(QStringLiteral("model:bad")).center());
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][0].toString(), QStringLiteral("model"));
        QCOMPARE(opened[0][1].toString(), QStringLiteral("bad"));
        QCOMPARE(opened[0][2].toString(), QStringLiteral("models/bad.sql"));
        QCOMPARE(view.selected(), QStringLiteral("model:bad"));
        // Between the boxes: nothing opens, the selection clears.
        const QRect raw = view.nodeRect(QStringLiteral("source:raw"));
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(raw.right() + 5, raw.center().y()));
        QCOMPARE(opened.size(), 1);
        QVERIFY(view.selected().isEmpty());
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.nodeRect(QStringLiteral("dashboard:ops")).center());
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened[1][0].toString(), QStringLiteral("dashboard"));
        QCOMPARE(opened[1][2].toString(), QStringLiteral("dashboards/ops.json"));
    }

    void drawsAWorkspaceLineage() {
        test::TempWorkspace ws;
        for (const char* dir : {"models", "questions", "dashboards"})
            QVERIFY(QDir().mkpath(QString::fromStdString(ws.file(dir))));
        ws.write("models/stg.sql", "select 1 as id");
        ws.write("models/mart.sql", "{{ config(materialized='table') }} select id from {{ ref('stg') }}");
        ws.write("questions/q.json", R"({"name": "Q", "sql": "select * from mart"})");
        ws.write(
            "dashboards/d.json",
            R"({"title": "D", "cards": [{"id": "c", "question": "q.json", "x": 0, "y": 0, "w": 6, "h": 4}]})");
        auto opened = Workspace::open(ws.path());
        QVERIFY(opened.isOk());
        auto lineage = loadLineage(*opened);
        QVERIFY2(lineage.isOk(), lineage.status().message().c_str());
        LineageView view;
        view.setLineage(std::move(*lineage));
        const QRect stg = view.nodeRect(QStringLiteral("model:stg"));
        const QRect mart = view.nodeRect(QStringLiteral("model:mart"));
        QVERIFY(!stg.isEmpty() && !mart.isEmpty());
        QVERIFY(stg.right() < mart.left());
        QString questionId, dashboardId;
        for (const auto& n : view.lineage().nodes) {
            if (n.kind == "question") questionId = QString::fromStdString(n.id);
            if (n.kind == "dashboard") dashboardId = QString::fromStdString(n.id);
        }
        QVERIFY(!questionId.isEmpty());
        QVERIFY(mart.right() < view.nodeRect(questionId).left());
        QVERIFY(!dashboardId.isEmpty());
        QVERIFY(view.nodeRect(questionId).right() < view.nodeRect(dashboardId).left());
        // Broken models: the lineage is an error naming the file, as the CLI's.
        ws.write("models/broken.sql", "select * from {{ ref('missing') }}");
        auto again = Workspace::open(ws.path());
        QVERIFY(again.isOk());
        auto broken = loadLineage(*again);
        QVERIFY(!broken.isOk());
        QVERIFY2(QString::fromStdString(broken.message()).contains(QStringLiteral("models/broken.sql")),
                 broken.message().c_str());
    }
};

QTEST_MAIN(LineageViewTest)
#include "lineage_view_test.moc"

// Renaming, duplicating and deleting questions and dashboards keeps the workspace's references
// right: a renamed question's dashboards point at its new file (however they named it), a deleted
// question's cards and their filter wiring leave its dashboards, and a failure changes nothing.
#include "core/workspace/workspace_edits.h"

#include <QtTest>
#include <filesystem>
#include <fstream>

#include "core/dashboard/card_query.h"
#include "core/dashboard/dashboard.h"
#include "core/workspace/workspace.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;
namespace fs = std::filesystem;

namespace {

const char* kRevenue = R"({"name": "Revenue", "sql": "SELECT 1 AS revenue"})";
const char* kRegions = R"({"name": "Regions", "sql": "SELECT 'north' AS region"})";

// Two dashboards: "sales" uses revenue.json by file (two cards), by "questions/..." path and for
// a list filter's options; "ops" names it by its question name. "other" does not use it.
const char* kSales = R"({
  "name": "Sales",
  "filters": [
    {"id": "region", "label": "Region", "type": "list", "options_question": "revenue.json",
     "targets": [{"card": "a", "parameter": "region"}, {"card": "r", "parameter": "region"}]}
  ],
  "cards": [
    {"id": "a", "question": "revenue.json", "x": 0, "y": 0, "w": 8, "h": 4},
    {"id": "b", "question": "questions/revenue.json", "x": 8, "y": 0, "w": 8, "h": 4},
    {"id": "r", "question": "regions.json", "x": 0, "y": 4, "w": 8, "h": 4},
    {"id": "t", "text": "notes", "x": 8, "y": 4, "w": 8, "h": 4}
  ]
})";
const char* kOps =
    R"({"name": "Ops", "cards": [{"id": "x", "question": "Revenue", "x": 0, "y": 0, "w": 6, "h": 4}]})";
const char* kOther =
    R"({"name": "Other", "cards": [{"id": "y", "question": "regions.json", "x": 0, "y": 0, "w": 6, "h": 4}]})";

struct Fixture {
    test::TempWorkspace dir;
    std::optional<Workspace> ws;
    Fixture() {
        for (const char* sub : {"w/questions", "w/dashboards"}) fs::create_directories(dir.file(sub));
        dir.write("w/questions/revenue.json", kRevenue);
        dir.write("w/questions/regions.json", kRegions);
        dir.write("w/dashboards/sales.json", kSales);
        dir.write("w/dashboards/ops.json", kOps);
        dir.write("w/dashboards/other.json", kOther);
        auto opened = Workspace::open(dir.file("w"));
        if (opened) ws.emplace(std::move(*opened));
    }
    dashboard::Dashboard board(const std::string& name) const {
        auto d = dashboard::loadDashboard(dir.file("w/dashboards/" + name));
        return d ? *d : dashboard::Dashboard{};
    }
    std::string text(const std::string& rel) const {
        std::ifstream in(dir.file("w/" + rel), std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    bool exists(const std::string& rel) const { return fs::exists(dir.file("w/" + rel)); }
};

}  // namespace

class WorkspaceEditsTest : public QObject {
    Q_OBJECT
private slots:
    void usesAreListedWithTheirCounts() {
        Fixture f;
        QVERIFY(f.ws);
        const auto uses = dashboardsUsingQuestion(*f.ws, "questions/revenue.json");
        QCOMPARE(uses.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(uses[0].dashboardName), QStringLiteral("Ops"));
        QCOMPARE(uses[0].cards, 1);
        QCOMPARE(QString::fromStdString(uses[1].dashboardName), QStringLiteral("Sales"));
        QCOMPARE(uses[1].cards, 2);
        QCOMPARE(uses[1].filters, 1);
        QVERIFY(dashboardsUsingQuestion(*f.ws, "questions/missing.json").empty());
        // An absolute path names the same question.
        QCOMPARE(dashboardsUsingQuestion(*f.ws, f.dir.file("w/questions/regions.json")).size(),
                 std::size_t(2));
    }

    void renamedQuestionKeepsItsDashboardsWorking() {
        Fixture f;
        auto renamed = renameQuestion(*f.ws, "questions/revenue.json", "Net income");
        QVERIFY2(renamed, renamed.isOk() ? "" : renamed.message().c_str());
        QCOMPARE(QString::fromStdString(*renamed), QStringLiteral("questions/net_income.json"));
        QVERIFY(!f.exists("questions/revenue.json"));
        auto q = loadQuestion(f.dir.file("w/questions/net_income.json"));
        QVERIFY(q);
        QCOMPARE(QString::fromStdString(q->name), QStringLiteral("Net income"));
        QCOMPARE(QString::fromStdString(q->sql), QStringLiteral("SELECT 1 AS revenue"));

        const auto sales = f.board("sales.json");
        QCOMPARE(QString::fromStdString(sales.card("a")->question), QStringLiteral("net_income.json"));
        QCOMPARE(QString::fromStdString(sales.card("b")->question), QStringLiteral("net_income.json"));
        QCOMPARE(QString::fromStdString(sales.card("r")->question), QStringLiteral("regions.json"));
        QCOMPARE(QString::fromStdString(sales.filters[0].optionsQuestion), QStringLiteral("net_income.json"));
        QCOMPARE(QString::fromStdString(f.board("ops.json").card("x")->question),
                 QStringLiteral("net_income.json"));
        QCOMPARE(f.text("dashboards/other.json"), std::string(kOther));  // untouched, byte for byte
        // Every card still finds its question through the workspace, as a dashboard does.
        for (const char* board : {"sales.json", "ops.json"})
            for (const auto& card : f.board(board).cards)
                if (!card.isText()) QVERIFY2(f.ws->findQuestion(card.question), card.question.c_str());
        QVERIFY(f.ws->findQuestion("Net income"));
        QVERIFY(!f.ws->findQuestion("Revenue"));
    }

    void renameOnlyChangingCaseKeepsTheFile() {
        Fixture f;
        auto renamed = renameQuestion(*f.ws, "questions/revenue.json", "REVENUE");
        QVERIFY(renamed);
        QCOMPARE(QString::fromStdString(*renamed), QStringLiteral("questions/revenue.json"));
        QCOMPARE(QString::fromStdString(f.ws->findQuestion("revenue.json")->question.name),
                 QStringLiteral("REVENUE"));
        // "ops" named the question by its old name: it now names the file.
        QCOMPARE(QString::fromStdString(f.board("ops.json").card("x")->question),
                 QStringLiteral("revenue.json"));
    }

    void renameOntoAnotherQuestionChangesNothing() {
        Fixture f;
        const std::string before = f.text("dashboards/sales.json");
        auto renamed = renameQuestion(*f.ws, "questions/revenue.json", "Regions");
        QVERIFY(!renamed);
        QVERIFY2(QString::fromStdString(renamed.message()).contains(QStringLiteral("exists already")),
                 renamed.message().c_str());
        QVERIFY(f.exists("questions/revenue.json"));
        QCOMPARE(f.text("questions/regions.json"), std::string(kRegions));
        QCOMPARE(f.text("dashboards/sales.json"), before);
        QVERIFY(!renameQuestion(*f.ws, "questions/revenue.json", "   "));
    }

    // A step that fails part way makes the whole change go back. Here the question file was
    // deleted by another program after the workspace was read: removing it is the last step and
    // fails, so the new file goes and the dashboards already rewritten are restored.
    void failedRenameIsUndone() {
        Fixture f;
        const std::string sales = f.text("dashboards/sales.json");
        const std::string ops = f.text("dashboards/ops.json");
        fs::remove(f.dir.file("w/questions/revenue.json"));
        auto renamed = renameQuestion(*f.ws, "questions/revenue.json", "Net income");
        QVERIFY(!renamed);
        QVERIFY2(QString::fromStdString(renamed.message()).contains(QStringLiteral("cannot delete")),
                 renamed.message().c_str());
        QVERIFY(!f.exists("questions/net_income.json"));
        QCOMPARE(f.text("dashboards/sales.json"), sales);
        QCOMPARE(f.text("dashboards/ops.json"), ops);
    }

    void failedDeleteIsUndone() {
        Fixture f;
        const std::string sales = f.text("dashboards/sales.json");
        fs::remove(f.dir.file("w/questions/revenue.json"));
        QVERIFY(!deleteQuestion(*f.ws, "questions/revenue.json"));
        QCOMPARE(f.text("dashboards/sales.json"), sales);
        QCOMPARE(f.board("ops.json").cards.size(), std::size_t(1));
    }

    void deletedQuestionLeavesItsDashboards() {
        Fixture f;
        QVERIFY(deleteQuestion(*f.ws, "questions/revenue.json"));
        QVERIFY(!f.exists("questions/revenue.json"));
        const auto sales = f.board("sales.json");
        QVERIFY(!sales.card("a") && !sales.card("b"));
        QVERIFY(sales.card("r") && sales.card("t"));
        QCOMPARE(sales.filters.size(), std::size_t(1));
        QVERIFY(sales.filters[0].optionsQuestion.empty());
        QCOMPARE(sales.filters[0].targets.size(), std::size_t(1));  // the wiring to "a" went with it
        QCOMPARE(QString::fromStdString(sales.filters[0].targets[0].card), QStringLiteral("r"));
        QVERIFY(f.board("ops.json").cards.empty());
        QCOMPARE(f.text("dashboards/other.json"), std::string(kOther));
        QVERIFY(!f.ws->findQuestion("revenue.json"));
        QVERIFY(!deleteQuestion(*f.ws, "questions/revenue.json"));  // already gone: says so
    }

    void duplicateQuestionGetsAFreeName() {
        Fixture f;
        auto first = duplicateQuestion(*f.ws, "questions/revenue.json");
        auto second = duplicateQuestion(*f.ws, "questions/revenue.json");
        QVERIFY(first && second);
        QCOMPARE(QString::fromStdString(*first), QStringLiteral("questions/revenue_copy.json"));
        QCOMPARE(QString::fromStdString(*second), QStringLiteral("questions/revenue_copy_2.json"));
        QCOMPARE(QString::fromStdString(f.ws->findQuestion("revenue_copy_2.json")->question.name),
                 QStringLiteral("Revenue (copy 2)"));
        QCOMPARE(QString::fromStdString(f.ws->findQuestion("revenue_copy.json")->question.sql),
                 QStringLiteral("SELECT 1 AS revenue"));
        QCOMPARE(dashboardsUsingQuestion(*f.ws, "questions/revenue_copy.json").size(), std::size_t(0));
    }

    void dashboardsRenameDuplicateDelete() {
        Fixture f;
        auto renamed = renameDashboard(*f.ws, "dashboards/sales.json", "Sales overview");
        QVERIFY(renamed);
        QCOMPARE(QString::fromStdString(*renamed), QStringLiteral("dashboards/sales_overview.json"));
        QVERIFY(!f.exists("dashboards/sales.json"));
        const auto moved = f.board("sales_overview.json");
        QCOMPARE(QString::fromStdString(moved.name), QStringLiteral("Sales overview"));
        QCOMPARE(moved.cards.size(), std::size_t(4));
        QVERIFY(!renameDashboard(*f.ws, "dashboards/ops.json", "Other"));  // other.json is taken
        auto copy = duplicateDashboard(*f.ws, "dashboards/ops.json");
        QVERIFY(copy);
        QCOMPARE(QString::fromStdString(*copy), QStringLiteral("dashboards/ops_copy.json"));
        QCOMPARE(QString::fromStdString(f.board("ops_copy.json").name), QStringLiteral("Ops (copy)"));
        QVERIFY(deleteDashboard(*f.ws, "dashboards/ops.json"));
        QVERIFY(!f.exists("dashboards/ops.json"));
        QCOMPARE(f.ws->dashboardFiles().size(), std::size_t(3));
    }

    void questionsMentioningATable_data() {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("count");
        QTest::newRow("whole word") << QStringLiteral("products") << 1;
        QTest::newRow("case-insensitive") << QStringLiteral("PRODUCTS") << 1;
        QTest::newRow("not a prefix") << QStringLiteral("product") << 0;
        QTest::newRow("not a suffix") << QStringLiteral("roducts") << 0;
    }
    void questionsMentioningATable() {
        QFETCH(QString, word);
        QFETCH(int, count);
        test::TempWorkspace dir;
        fs::create_directories(dir.file("w/questions"));
        dir.write(
            "w/questions/p.json",
            "{\"name\": \"P\", \"sql\": \"SELECT * FROM products_view JOIN \\\"Products\\\" USING (id)\"}");
        dir.write("w/questions/q.json", R"({"name": "Q", "sql": "SELECT 1"})");
        auto ws = Workspace::open(dir.file("w"));
        QVERIFY(ws);
        QCOMPARE(int(questionsMentioning(*ws, word.toStdString()).size()), count);
    }
};

QTEST_GUILESS_MAIN(WorkspaceEditsTest)
#include "workspace_edits_test.moc"

// The demo's questions, rewritten as joins and GROUP BY (issue 14), give the numbers the first
// versions gave: both run on the generated demo store with the same filters and must return the
// same rows. The first versions are kept in tests/data/demo_questions_before/ as the reference.
// And no shipped question runs a correlated subquery per row, whatever filter is set.
#include <QDir>
#include <QtTest>
#include <algorithm>

#include "core/dashboard/demo_workspace.h"
#include "core/question/question.h"
#include "core/sql/sql_template.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"

using namespace deskbase;

namespace {

const std::string kBefore = test::dataFile("demo_questions_before");

Result<std::vector<Row>> run(Warehouse& w, const Question& q, const ParameterValues& values) {
    auto expanded = expandQuestion(q, values, w);
    if (!expanded) return Error{expanded.message()};
    auto cursor = w.query(expanded->sql, expanded->params);
    if (!cursor) return Error{cursor.message()};
    std::vector<Row> rows;
    while (true) {
        auto n = (*cursor)->fetch(rows, 10000);
        if (!n) return Error{n.message()};
        if (*n == 0) break;
    }
    return rows;
}

std::string describe(const Row& r) {
    std::string s;
    for (const auto& v : r) s += (s.empty() ? "" : "|") + valueToText(v);
    return s;
}

// The filter combinations the dashboards send: none, one category (a slice clicked), two
// categories with a channel, a date range with a category.
std::vector<std::pair<std::string, ParameterValues>> filterSets() {
    return {{"no filter", {}},
            {"Kitchen", {{"category", {"Kitchen"}}}},
            {"Books+Toys on the web", {{"category", {"Books", "Toys"}}, {"channel", {"web"}}}},
            {"Home in spring 2024",
             {{"category", {"Home"}}, {"start", {"2024-03-01"}}, {"end", {"2024-06-30"}}}}};
}

}  // namespace

class DemoQuestionsTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempWorkspace> ws_;
    std::unique_ptr<Warehouse> w_;

    Question load(const std::string& path) {
        auto q = loadQuestion(path);
        if (!q) qFatal("%s", q.message().c_str());
        return *q;
    }

private slots:
    void initTestCase() {
        ws_ = std::make_unique<test::TempWorkspace>();
        auto s = dashboard::ensureDemoWorkspace(ws_->path());  // the store as the demo ships it
        QVERIFY2(s.isOk(), s.message().c_str());
        auto w = Warehouse::open(ws_->sqlitePath());
        QVERIFY(w.isOk());
        w_ = std::move(*w);
    }

    void sameNumbersAsTheFirstVersions_data() {
        QTest::addColumn<std::string>("file");
        QTest::addColumn<ParameterValues>("values");
        const auto files =
            QDir(QString::fromStdString(kBefore)).entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 10);
        for (const auto& f : files)
            for (const auto& [label, values] : filterSets())
                QTest::newRow((f.toStdString() + ", " + label).c_str()) << f.toStdString() << values;
    }
    void sameNumbersAsTheFirstVersions() {
        QFETCH(std::string, file);
        QFETCH(ParameterValues, values);
        const Question before = load(kBefore + "/" + file);
        const Question now = load(ws_->file("questions/" + file));
        QVERIFY(before.sql != now.sql);  // the reference is the old text, not a copy of the new
        auto expected = run(*w_, before, values);
        QVERIFY2(expected.isOk(), expected.isOk() ? "" : expected.message().c_str());
        auto actual = run(*w_, now, values);
        QVERIFY2(actual.isOk(), actual.isOk() ? "" : actual.message().c_str());
        QVERIFY(!expected->empty() || file == "basket_value_histogram.json");
        // Without LIMIT the row order is the ORDER BY's, which leaves ties free: compare as sets.
        if (now.sql.find("LIMIT") == std::string::npos) {
            std::sort(expected->begin(), expected->end(),
                      [](const Row& a, const Row& b) { return describe(a) < describe(b); });
            std::sort(actual->begin(), actual->end(),
                      [](const Row& a, const Row& b) { return describe(a) < describe(b); });
        }
        QCOMPARE(actual->size(), expected->size());
        for (std::size_t i = 0; i < actual->size(); ++i)
            QCOMPARE(describe((*actual)[i]), describe((*expected)[i]));
    }

    // SQLite's plan names a subquery run once per outer row "CORRELATED": no shipped question
    // has one, with every filter set (the category filter included).
    void noQuestionRunsACorrelatedSubquery_data() {
        QTest::addColumn<std::string>("file");
        for (const auto& f : dashboard::demoWorkspaceFiles())
            if (f.rfind("questions/", 0) == 0) QTest::newRow(f.c_str()) << f;
    }
    void noQuestionRunsACorrelatedSubquery() {
        QFETCH(std::string, file);
        const Question q = load(ws_->file(file));
        const ParameterValues all = {{"category", {"Kitchen"}},
                                     {"channel", {"web"}},
                                     {"start", {"2024-01-01"}},
                                     {"end", {"2024-06-30"}}};
        auto expanded = expandQuestion(q, all, *w_);
        QVERIFY2(expanded.isOk(), expanded.isOk() ? "" : expanded.message().c_str());
        auto cursor = w_->query("EXPLAIN QUERY PLAN " + expanded->sql, expanded->params);
        QVERIFY2(cursor.isOk(), cursor.isOk() ? "" : cursor.message().c_str());
        std::vector<Row> plan;
        while (true) {
            auto n = (*cursor)->fetch(plan, 1000);
            QVERIFY(n.isOk());
            if (*n == 0) break;
        }
        QVERIFY(!plan.empty());
        for (const auto& step : plan) {
            const std::string detail = valueToText(step.back());
            QVERIFY2(detail.find("CORRELATED") == std::string::npos, detail.c_str());
        }
    }
};

QTEST_MAIN(DemoQuestionsTest)
#include "demo_questions_test.moc"

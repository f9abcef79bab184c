// "Keep one per key": the model dedupModel() writes for a failing unique check, saved into a
// workspace and built by buildModels() on SQLite and PostgreSQL over rows with duplicate keys,
// holds exactly one row per key, each one of the table's rows; a second build (incremental, after
// more duplicates arrive) still does. Expected keys are worked out here from the rows written.
#include "core/checks/dedup_model.h"

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/checks/check_file.h"
#include "core/checks/check_runner.h"
#include "core/models/model_build.h"
#include "core/runtime/runtime.h"
#include "tests/core/models/backends.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

struct Line {
    int order, line;
    const char* sku;
    int qty;
};

// Order lines loaded twice in part (a re-sent file): (order, line) repeats, sku alone repeats more.
const std::vector<Line> kLines = {{1, 1, "A", 1}, {1, 2, "B", 2}, {1, 1, "A", 1}, {2, 1, "A", 5},
                                  {2, 1, "A", 6}, {3, 1, "C", 1}, {3, 2, "C", 1}, {3, 2, "C", 1}};
const std::vector<Line> kMore = {{4, 1, "D", 1}, {4, 1, "D", 2}, {1, 1, "A", 9}};

std::string keyOf(const Line& l, const std::vector<std::string>& key) {
    std::string out;
    for (const auto& k : key)
        out += (out.empty() ? "" : "|") + (k == "order_id" ? std::to_string(l.order)
                                           : k == "line"   ? std::to_string(l.line)
                                                           : l.sku);
    return out;
}

std::set<std::string> keys(const std::vector<Line>& lines, const std::vector<std::string>& key) {
    std::set<std::string> out;
    for (const auto& l : lines) out.insert(keyOf(l, key));
    return out;
}

void insert(Warehouse& w, const std::vector<Line>& lines) {
    for (const auto& l : lines)
        if (auto s = w.execute("INSERT INTO order_lines VALUES (" + std::to_string(l.order) + ", " +
                               std::to_string(l.line) + ", '" + l.sku + "', " + std::to_string(l.qty) + ")");
            !s)
            qFatal("%s", s.message().c_str());
}

// The model's keys, one text per row (as keyOf writes them).
std::vector<std::string> modelKeys(Warehouse& w, const std::string& model,
                                   const std::vector<std::string>& key) {
    std::string cols;
    for (const auto& k : key) cols += (cols.empty() ? "" : ", ") + k;
    auto c = w.query("SELECT " + cols + " FROM " + model);
    if (!c) qFatal("%s", c.message().c_str());
    std::vector<Row> rows;
    while (*(*c)->fetch(rows, 100)) {
    }
    std::vector<std::string> out;
    for (const auto& r : rows) {
        std::string s;
        for (const auto& v : r) s += (s.empty() ? "" : "|") + valueToText(v);
        out.push_back(s);
    }
    return out;
}

}  // namespace

class DedupModelTest : public QObject {
    Q_OBJECT
    test::Backends backends_;

private slots:
    void keepsOnePerKey_data() {
        QTest::addColumn<std::string>("backend");
        QTest::addColumn<std::vector<std::string>>("key");
        for (const std::string backend : {"sqlite", "postgres"}) {
            QTest::newRow((backend + ": one column").c_str()) << backend << std::vector<std::string>{"sku"};
            QTest::newRow((backend + ": two columns").c_str())
                << backend << std::vector<std::string>{"order_id", "line"};
        }
    }
    void keepsOnePerKey() {
        QFETCH(std::string, backend);
        QFETCH(std::vector<std::string>, key);
        test::TempWorkspace ws;
        auto target = backends_.freshTarget(backend);
        QVERIFY2(target.isOk(), target.isOk() ? "" : target.message().c_str());
        auto w = Warehouse::open(*target);
        QVERIFY(w.isOk());
        QVERIFY((*w)->execute(
            "CREATE TABLE order_lines (order_id INTEGER, line INTEGER, sku TEXT, qty INTEGER)"));
        insert(**w, kLines);

        std::string columns;
        for (const auto& k : key) columns += (columns.empty() ? "\"" : ", \"") + k + "\"";
        auto file = checkFileFromText(R"({"checks": [{"check": "unique", "columns": [)" + columns + "]}]}",
                                      "checks/order_lines.json", "order_lines");
        QVERIFY2(file.isOk(), file.isOk() ? "" : file.message().c_str());
        const auto results = runChecks(**w, *file);
        QCOMPARE(results[0].status, CheckStatus::Fail);  // the data has duplicates on either key

        auto info = (*w)->describeTable("order_lines");
        QVERIFY(info.isOk());
        DedupInput in;
        in.table = "order_lines";
        for (const auto& c : info->columns) in.columns.push_back(c.name);
        in.checkFile = file->displayName;
        auto model = dedupModel(file->checks[0], in);
        QVERIFY2(model.isOk(), model.isOk() ? "" : model.message().c_str());
        QCOMPARE(model->file, std::string("models/order_lines_dedup.sql"));
        std::filesystem::create_directories(std::filesystem::path(ws.path()) / "models");
        std::ofstream(std::filesystem::path(ws.path()) / model->file) << model->sql;

        auto build = [&]() -> Result<BuildReport> {
            auto project = loadModelProject(ws.path(), Warehouse::dialectFor(*target));
            if (!project) return Error{project.message()};
            Runtime rt;
            return buildModels(rt, *target, *project, {});
        };
        auto expectOnePerKey = [&](const std::vector<Line>& lines) {
            auto got = modelKeys(**w, model->name, key);
            std::sort(got.begin(), got.end());
            const auto want = keys(lines, key);
            QCOMPARE(got, std::vector<std::string>(want.begin(), want.end()));
            // Each kept row is one of the table's rows (the whole row, not a mix).
            QCOMPARE(test::scalarInt(**w, "SELECT count(*) FROM " + model->name +
                                              " d WHERE NOT EXISTS (SELECT 1 FROM order_lines o WHERE "
                                              "o.order_id = d.order_id AND o.line = d.line AND o.sku = d.sku "
                                              "AND o.qty = d.qty)"),
                     std::int64_t(0));
        };
        auto r = build();
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? r->models[0].error.c_str() : r.message().c_str());
        QCOMPARE(r->models[0].materialized, Materialization::Incremental);
        expectOnePerKey(kLines);

        insert(**w, kMore);  // more duplicates, of old keys and of a new one
        r = build();
        QVERIFY2(r.isOk() && !r->failed(), r.isOk() ? r->models[0].error.c_str() : r.message().c_str());
        auto all = kLines;
        all.insert(all.end(), kMore.begin(), kMore.end());
        expectOnePerKey(all);

        // The model passes the unique check that failed on its table.
        auto onModel = checkFileFromText(R"({"checks": [{"check": "unique", "columns": [)" + columns + "]}]}",
                                         "checks/order_lines_dedup.json", model->name);
        QCOMPARE(runChecks(**w, *onModel)[0].status, CheckStatus::Pass);
    }

    void refusesWhatItCannotDedup() {
        DedupInput in;
        in.table = "t";
        in.columns = {"a", "b"};
        CheckSpec notUnique;
        notUnique.kind = CheckKind::NotNull;
        notUnique.column = "a";
        auto m = dedupModel(notUnique, in);
        QVERIFY(!m.isOk());
        QCOMPARE(m.message(), std::string("keep one per key needs a unique check, not not_null"));
        CheckSpec unique;
        unique.kind = CheckKind::Unique;
        unique.columns = {"c"};
        m = dedupModel(unique, in);
        QVERIFY(!m.isOk());
        QCOMPARE(m.message(), std::string("keep one per key: no column \"c\" in t"));
    }

    // A table with a column named like the rank keeps it; a model is read with ref().
    void rankNameDoesNotClash() {
        DedupInput in;
        in.table = "stg";
        in.tableIsModel = true;
        in.columns = {"id", "deskbase_keep"};
        CheckSpec unique;
        unique.kind = CheckKind::Unique;
        unique.columns = {"id"};
        unique.name = "unique(id)";
        auto m = dedupModel(unique, in);
        QVERIFY(m.isOk());
        QVERIFY2(m->sql.find("{{ ref('stg') }}") != std::string::npos, m->sql.c_str());
        QVERIFY2(m->sql.find("as \"deskbase_keep_\"") != std::string::npos, m->sql.c_str());
        QVERIFY2(m->sql.find("select \"id\", \"deskbase_keep\"\n") != std::string::npos, m->sql.c_str());
    }
};

QTEST_GUILESS_MAIN(DedupModelTest)
#include "dedup_model_test.moc"

// recordBuild()/lastModelStatuses() on SQLite and PostgreSQL: each build gets the next id, every
// model a row, and the last status of a model is its latest build's, whichever builds named it.
#include "core/models/build_log.h"

#include <QtTest>

#include "tests/core/models/backends.h"
#include "tests/support/warehouse_probe.h"

using namespace deskbase;

Q_DECLARE_METATYPE(std::string)

namespace {

ModelRun run(const std::string& name, const std::string& status, std::optional<std::int64_t> rows = {},
             const std::string& error = {}) {
    ModelRun r;
    r.name = name;
    r.status = status;
    r.rows = rows;
    r.error = error;
    r.materialized = Materialization::Table;
    return r;
}

}  // namespace

class BuildLogTest : public QObject {
    Q_OBJECT
    test::Backends backends_;

private slots:
    void recordsBuildsAndLastStatuses_data() { test::Backends::addRows(); }
    void recordsBuildsAndLastStatuses() {
        QFETCH(std::string, backend);
        auto target = backends_.freshTarget(backend);
        QVERIFY2(target.isOk(), target.isOk() ? "" : target.message().c_str());
        auto w = Warehouse::open(*target);
        QVERIFY(w.isOk());
        QCOMPARE(lastModelStatuses(**w)->size(), std::size_t(0));

        BuildReport first;
        first.models = {run("a", "success", 3), run("b", "error", {}, "models/b.sql: boom"),
                        run("c", "skipped")};
        QCOMPARE(*recordBuild(**w, first), std::int64_t(1));
        BuildReport second;
        second.models = {run("b", "success", 7)};
        QCOMPARE(*recordBuild(**w, second), std::int64_t(2));

        const std::map<std::string, std::string> expected = {
            {"a", "success"}, {"b", "success"}, {"c", "skipped"}};
        QCOMPARE(*lastModelStatuses(**w), expected);
        QCOMPARE(test::scalarInt(**w, "SELECT count(*) FROM deskbase_model_builds"), std::int64_t(4));
        QCOMPARE(test::scalarText(
                     **w, "SELECT error FROM deskbase_model_builds WHERE build_id = 1 AND model = 'b'"),
                 std::string("models/b.sql: boom"));
        QCOMPARE(test::scalarInt(**w, "SELECT rows_built FROM deskbase_model_builds WHERE build_id = 2"),
                 std::int64_t(7));
        // Bookkeeping is not a user table.
        QCOMPARE((*w)->listTables()->size(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(BuildLogTest)
#include "build_log_test.moc"

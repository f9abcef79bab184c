#include "tests/core/warehouse/conformance/backend_fixture.h"

#include <cstdlib>

namespace deskbase::test {

Status BackendFixture::setUp() {
    const char* env = std::getenv("DESKBASE_CONFORMANCE_BACKEND");
    const std::string backend = env ? env : "";
    if (backend == "sqlite") {
        kind_ = Kind::SQLite;
    } else if (backend == "postgres") {
        kind_ = Kind::PostgreSQL;
        auto server = PgServer::start();
        if (!server) return Status::fail(server.message());
        server_ = std::move(*server);
    } else {
        return Status::fail("set DESKBASE_CONFORMANCE_BACKEND to sqlite or postgres (got '" + backend + "')");
    }
    return Status::ok();
}

Result<std::unique_ptr<Warehouse>> BackendFixture::freshWarehouse() {
    if (kind_ == Kind::SQLite) {
        workspace_ = std::make_unique<TempWorkspace>();
        target_ = workspace_->file("warehouse-" + std::to_string(++counter_) + ".db");
        return Warehouse::open(target_);
    }
    target_ = server_->uri("postgres");
    auto w = Warehouse::open(target_);
    if (!w) return w;
    // Every user schema goes (tests may make their own), then an empty public comes back.
    if (auto s = (*w)->execute(
            "DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace "
            "WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP "
            "EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP; END $$; CREATE SCHEMA public");
        !s)
        return Error{"cannot empty the test database: " + s.message()};
    return w;
}

std::string BackendFixture::unreachableTarget() const {
    if (kind_ == Kind::SQLite) return "/nonexistent-deskbase-folder/sub/warehouse.db";
    return "postgresql://postgres@127.0.0.1:" + std::to_string(freeLoopbackPort()) + "/postgres";
}

}  // namespace deskbase::test

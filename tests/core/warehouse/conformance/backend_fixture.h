#pragma once
// The backend a conformance run targets, chosen by DESKBASE_CONFORMANCE_BACKEND (sqlite | postgres;
// ctest registers the suite once per backend). PostgreSQL runs start their own throwaway server.
#include <memory>
#include <string>

#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"

namespace deskbase::test {

class BackendFixture {
public:
    enum class Kind { SQLite, PostgreSQL };

    // Reads the environment and, for PostgreSQL, starts the server. Fails with the reason.
    Status setUp();
    Kind kind() const { return kind_; }
    bool isPostgres() const { return kind_ == Kind::PostgreSQL; }
    std::string name() const { return isPostgres() ? "postgres" : "sqlite"; }

    // An empty warehouse for one test (SQLite: a new file; PostgreSQL: an emptied public schema).
    Result<std::unique_ptr<Warehouse>> freshWarehouse();
    // The target the current test's warehouse was opened with (for a second connection, the CLI).
    const std::string& target() const { return target_; }
    // A target that cannot be opened (a folder that does not exist / a port nobody listens on).
    std::string unreachableTarget() const;
    PgServer* server() const { return server_.get(); }

private:
    Kind kind_ = Kind::SQLite;
    std::unique_ptr<PgServer> server_;
    std::unique_ptr<TempWorkspace> workspace_;
    std::string target_;
    int counter_ = 0;
};

}  // namespace deskbase::test

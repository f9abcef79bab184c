#pragma once
// The two warehouses the model suites run on: a fresh SQLite file, or a fresh database on one
// throwaway PostgreSQL server started on first use. Rows of a _data() table name the backend.
#include <QtTest>
#include <memory>
#include <string>

#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_workspace.h"

namespace deskbase::test {

class Backends {
public:
    // "sqlite" or "postgres": a target nobody used yet.
    Result<std::string> freshTarget(const std::string& backend) {
        const std::string name = "w" + std::to_string(++counter_);
        if (backend == "sqlite") return dir_.file(name + ".db");
        if (!server_) {
            auto s = PgServer::start();
            if (!s) return Error{s.message()};
            server_ = std::move(*s);
        }
        auto admin = Warehouse::open(server_->uri("postgres"));
        if (!admin) return Error{admin.message()};
        if (auto s = (*admin)->execute("CREATE DATABASE " + name); !s) return Error{s.message()};
        return server_->uri(name);
    }

    static void addRows() {
        QTest::addColumn<std::string>("backend");
        QTest::newRow("sqlite") << std::string("sqlite");
        QTest::newRow("postgres") << std::string("postgres");
    }

private:
    TempWorkspace dir_;
    std::unique_ptr<PgServer> server_;
    int counter_ = 0;
};

}  // namespace deskbase::test

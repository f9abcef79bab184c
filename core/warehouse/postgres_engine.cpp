#include "core/warehouse/postgres_engine.h"

#include <cstdlib>

namespace deskbase::pg {

namespace {

bool contains(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }

}  // namespace

// Examples of what each engine's version() says:
//   CockroachDB CCL v23.1.11 (x86_64-pc-linux-gnu, built 2023/09/27 01:53:43, go1.19.10)
//   PostgreSQL 11.2-YB-2.18.3.0-b0 on x86_64-pc-linux-gnu, compiled by clang version ...
//   PostgreSQL 9.4.26 (Greenplum Database 6.25.3 build commit:...) on x86_64-unknown-linux-gnu ...
//   PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2 ..., Redshift 1.0.54052
//   PostgreSQL 16.1 on x86_64-pc-linux-gnu ... (Citus only shows as the citus extension)
Engine detectEngine(std::string_view version, bool hasCitus) {
    if (contains(version, "CockroachDB")) return Engine::CockroachDB;
    if (contains(version, "-YB-")) return Engine::YugabyteDB;
    if (contains(version, "Greenplum")) return Engine::Greenplum;
    if (contains(version, "Redshift")) return Engine::Redshift;
    return hasCitus ? Engine::Citus : Engine::PostgreSQL;
}

std::string engineName(Engine engine) {
    switch (engine) {
        case Engine::PostgreSQL: return "PostgreSQL";
        case Engine::CockroachDB: return "CockroachDB";
        case Engine::YugabyteDB: return "YugabyteDB";
        case Engine::Citus: return "Citus";
        case Engine::Greenplum: return "Greenplum";
        case Engine::Redshift: return "Redshift";
    }
    return "PostgreSQL";
}

LoadPath defaultLoadPath(Engine engine) {
    switch (engine) {
        case Engine::PostgreSQL:
        case Engine::Citus: return LoadPath::CopyBinary;
        // No binary COPY (Greenplum), or binary COPY not dependable (CockroachDB, YugabyteDB);
        // YugabyteDB commits a COPY in batches, which only ever reaches the staging table.
        case Engine::CockroachDB:
        case Engine::YugabyteDB:
        case Engine::Greenplum: return LoadPath::CopyText;
        case Engine::Redshift: return LoadPath::Insert;  // no COPY FROM STDIN at all
    }
    return LoadPath::CopyBinary;
}

std::string loadPathName(LoadPath path) {
    switch (path) {
        case LoadPath::CopyBinary: return "binary";
        case LoadPath::CopyText: return "text";
        case LoadPath::Insert: return "insert";
    }
    return "binary";
}

Result<std::optional<LoadPath>> forcedLoadPath() {
    const char* raw = std::getenv("DESKBASE_PG_LOAD");
    const std::string value = raw ? raw : "";
    if (value.empty()) return std::optional<LoadPath>{};
    for (LoadPath p : {LoadPath::CopyBinary, LoadPath::CopyText, LoadPath::Insert})
        if (value == loadPathName(p)) return std::optional<LoadPath>{p};
    return Error{"DESKBASE_PG_LOAD must be binary, text or insert, not '" + value + "'"};
}

}  // namespace deskbase::pg

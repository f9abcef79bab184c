#pragma once
// PostgreSQL-wire engines and how Deskbase loads rows into each. The engine is told apart by
// `SELECT version()` at connect (and the `citus` extension on plain PostgreSQL); it picks the
// bulk-load path: COPY BINARY, COPY text, or batched multi-row INSERT. DESKBASE_PG_LOAD forces a
// path (docs/postgres.md, "PostgreSQL-wire engines").
#include <optional>
#include <string>
#include <string_view>

#include "core/util/result.h"

namespace deskbase::pg {

enum class Engine { PostgreSQL, CockroachDB, YugabyteDB, Citus, Greenplum, Redshift };
enum class LoadPath { CopyBinary, CopyText, Insert };

// From the text of `SELECT version()`; `hasCitus`: the citus extension is installed.
Engine detectEngine(std::string_view version, bool hasCitus);
std::string engineName(Engine engine);

// The best path the engine supports (binary COPY is further limited to column types whose
// binary layout Deskbase writes).
LoadPath defaultLoadPath(Engine engine);
std::string loadPathName(LoadPath path);

// DESKBASE_PG_LOAD=binary|text|insert forces a path; unset or empty: none. Anything else is a
// one-line error naming the accepted values.
Result<std::optional<LoadPath>> forcedLoadPath();

}  // namespace deskbase::pg

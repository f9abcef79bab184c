// Process-wide SQLite set-up for parallel queries, applied before main() (sqlite3_config only works
// before sqlite3_initialize). The system SQLite is built with memory statistics on and without
// lookaside, so every sqlite3_malloc/free takes one global mutex: parallel queries in one process
// then serialize on it (measured: 8 dashboard queries on 4 threads ran slower than one by one).
#include <sqlite3.h>

namespace deskbase {
namespace {

struct SqliteProcessConfig {
    SqliteProcessConfig() {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE (harmless) if already initialized
    }
};
const SqliteProcessConfig kSqliteProcessConfig;

}  // namespace

// Referenced by the executor so the linker keeps this object (and its initializer) from the static library.
int sqliteProcessConfigAnchor() { return 0; }

}  // namespace deskbase

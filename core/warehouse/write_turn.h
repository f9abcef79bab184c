#pragma once
// Writers taking turns on one warehouse (docs/ingestion.md, "Concurrent imports and readers").
// SQLite has one writer per file: a second one waits for the first to commit instead of failing
// after the busy timeout. PostgreSQL writers do not exclude each other: what must not run twice at
// once (an import into one table) holds a named transaction lock.
#include <functional>
#include <string>

#include "core/util/result.h"
#include "core/warehouse/transaction.h"

namespace deskbase {

class Warehouse;

// Begins `tx` on its warehouse. While another connection writes a SQLite file, it waits its turn
// for as long as keepWaiting() returns true (asked every few milliseconds; empty: until the other
// writer is done), then fails with that other error.
Status beginWriteTurn(Warehouse& w, Transaction& tx, const std::function<bool()>& keepWaiting);
// The same for a caller that ends the transaction itself (w.commit() / w.rollback()).
Status beginWriteTurn(Warehouse& w, const std::function<bool()>& keepWaiting);

// Inside a transaction: holds the lock named `key` until the transaction ends, waiting while
// another connection's transaction holds it (as long as keepWaiting() returns true, else it fails
// "cancelled"). PostgreSQL: pg_try_advisory_xact_lock on a hash of the key, retried so that a
// Cancel is heard (a hash collision only serialises two imports). SQLite: nothing; its write
// transaction already excludes every other writer.
Status lockUntilCommit(Warehouse& w, const std::string& key, const std::function<bool()>& keepWaiting);

}  // namespace deskbase

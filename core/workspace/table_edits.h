#pragma once
// Deleting, renaming and copying warehouse tables together with Deskbase's own records of them,
// each in one transaction (all or nothing):
//   - deskbase_columns (original headers), deskbase_ingestions (what was loaded, so a file can be
//     loaded again after its table is deleted) follow the table or go with it;
//   - the data versions of the names involved are bumped, so cached results that read them are
//     not served again;
//   - a table's "<name>__rejects" table (rejected rows of its imports) goes with it.
// Views are dropped / renamed as views. Works on SQLite and PostgreSQL.
#include <string>

#include "core/util/result.h"

namespace deskbase {

class Warehouse;

std::string rejectsTableOf(const std::string& table);  // "<table>__rejects"

Status dropTable(Warehouse& w, const std::string& table);
// Fails, changing nothing, when `to` is empty or taken.
Status renameTable(Warehouse& w, const std::string& from, const std::string& to);
// A copy with the same column types and rows, named "<table>_copy" (then _copy_2, ...). Returns
// the new name.
Result<std::string> duplicateTable(Warehouse& w, const std::string& table);

}  // namespace deskbase

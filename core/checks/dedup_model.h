#pragma once
// "Keep one per key" for a failing unique check: the text of an incremental model that keeps one
// row per key of the checked table (ROW_NUMBER() over the key, the same SQL on SQLite and
// PostgreSQL), for the user to save as models/<table>_dedup.sql and build (docs/checks.md).
#include <string>
#include <vector>

#include "core/checks/check_spec.h"
#include "core/util/result.h"

namespace deskbase {

struct DedupModel {
    std::string name;  // "<table>_dedup"
    std::string file;  // "models/<table>_dedup.sql"
    std::string sql;   // the model file's text
};

struct DedupInput {
    std::string table;                 // the checked table
    bool tableIsModel = false;         // read it with ref() instead of source()
    std::vector<std::string> columns;  // the table's columns, in order (the model keeps them all)
    std::string checkFile;             // names the check in the model's comment
};

// Errors: the check is not a unique check, or a key column is not among `columns`.
Result<DedupModel> dedupModel(const CheckSpec& unique, const DedupInput& input);

}  // namespace deskbase

#pragma once
// The form of a final SQL statement that the result cache keys on: two texts that differ only in
// layout get one entry, two that mean different things never share one.
#include <string>

#include "core/sql/dialect.h"

namespace deskbase {

// Whitespace between tokens collapses to one space (a newline after a -- comment stays a newline,
// so the comment does not swallow what follows); leading and trailing whitespace and trailing
// semicolons are dropped. Literals, quoted identifiers, dollar-quotes and comments are kept as
// they are, read in the warehouse's dialect (E'a\'  b' is one PostgreSQL string).
std::string normalizeSql(const std::string& sql, const Dialect& dialect);

}  // namespace deskbase

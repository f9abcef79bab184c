#pragma once
// PostgreSQL connection strings as libpq reads them (PQconninfoParse): a URI
// ("postgresql://user@host:port/db?key=value") or keyword=value pairs ("host=h dbname=db").
#include <string>

namespace deskbase {

// The target with any password removed, in the form it was written: a URI stays a URI
// ("postgresql://u:secret@h/db" -> "postgresql://u@h/db", "?password=" dropped), keyword pairs stay
// keyword pairs (in libpq's keyword order, values quoted only where they need it). A target without
// a password, or one libpq cannot read, comes back unchanged.
std::string targetWithoutPassword(const std::string& target);

}  // namespace deskbase

#pragma once
// Where in the SQL an error is. A warehouse ends a statement's error message with
// " (at character N)" when the database says where it stopped (SQLite's sqlite3_error_offset,
// PostgreSQL's PG_DIAG_STATEMENT_POSITION): N counts characters from 1 in the SQL the caller passed,
// as PostgreSQL itself counts. A layer that rewrote the SQL before passing it on (the grid's
// paging wrapper, template expansion) moves the position back onto its own caller's SQL, so the
// editor marks the line the database reported, not the first line where the word appears.
#include <cstddef>
#include <optional>
#include <string>

namespace deskbase {

// 0-based character index the message points at, if it says.
std::optional<std::size_t> errorPosition(const std::string& message);
// The message with its position set to the 0-based character `index` (replacing one it had).
std::string withErrorPosition(const std::string& message, std::size_t index);
// The message without a position.
std::string withoutErrorPosition(const std::string& message);
// The position moved `delta` characters back (a wrapper's prefix); dropped when it falls before.
std::string shiftErrorPosition(const std::string& message, std::size_t delta);

// UTF-8 <-> characters (code points) in `text`.
std::size_t characterIndexOfByte(const std::string& text, std::size_t byteOffset);
std::size_t byteOffsetOfCharacter(const std::string& text, std::size_t characterIndex);

}  // namespace deskbase

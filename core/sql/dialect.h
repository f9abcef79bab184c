#pragma once
// The SQLite / PostgreSQL differences that SQL text depends on, decided in one place: how a bound
// placeholder is written, how an identifier is quoted, the column type names, and which lexical
// forms the tokenizer accepts (dollar-quoted and E'' strings, nested comments, [bracket] names).
// A Warehouse hands out its dialect (Warehouse::dialect()); Warehouse::dialectFor(target) picks
// one from a connection target without connecting.
#include <string>
#include <string_view>

#include "core/types/value.h"

namespace deskbase {

class Dialect {
public:
    enum class Kind { SQLite, PostgreSQL };

    static const Dialect& sqlite();
    static const Dialect& postgres();
    static const Dialect& of(Kind kind);

    Kind kind() const { return kind_; }
    const char* name() const;  // "SQLite" / "PostgreSQL"

    // "?1" (SQLite) / "$1" (PostgreSQL).
    std::string placeholder(int oneBasedIndex) const;
    // "name" with embedded double quotes doubled; the same in both dialects.
    std::string quoteIdentifier(std::string_view name) const;
    // The column type a Deskbase type is stored as: "INTEGER" / "bigint", ...
    std::string sqlType(ColumnType type) const;

    // Lexical rules (see core/sql/tokenizer.h).
    bool dollarQuotedStrings() const { return kind_ == Kind::PostgreSQL; }  // $$...$$, $tag$...$tag$
    bool escapeStrings() const { return kind_ == Kind::PostgreSQL; }        // E'it\'s'
    bool nestedComments() const { return kind_ == Kind::PostgreSQL; }       // /* /* */ */
    bool bracketIdentifiers() const { return kind_ == Kind::SQLite; }       // [name] and `name`
    bool namedPlaceholders() const { return kind_ == Kind::SQLite; }        // ? ?N :name @name $name
    // SQLite lets a /* comment run to the end of the text; PostgreSQL calls it an error.
    bool unterminatedCommentIsError() const { return kind_ == Kind::PostgreSQL; }

private:
    explicit Dialect(Kind kind) : kind_(kind) {}
    Kind kind_;
};

}  // namespace deskbase

#include "core/sql/dialect.h"

namespace deskbase {

const Dialect& Dialect::sqlite() {
    static const Dialect d(Kind::SQLite);
    return d;
}

const Dialect& Dialect::postgres() {
    static const Dialect d(Kind::PostgreSQL);
    return d;
}

const Dialect& Dialect::of(Kind kind) {
    return kind == Kind::PostgreSQL ? postgres() : sqlite();
}

const char* Dialect::name() const {
    return kind_ == Kind::PostgreSQL ? "PostgreSQL" : "SQLite";
}

std::string Dialect::placeholder(int oneBasedIndex) const {
    return (kind_ == Kind::PostgreSQL ? "$" : "?") + std::to_string(oneBasedIndex);
}

std::string Dialect::quoteIdentifier(std::string_view name) const {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string Dialect::sqlType(ColumnType type) const {
    const bool pg = kind_ == Kind::PostgreSQL;
    switch (type) {
        case ColumnType::Integer:
            return pg ? "bigint" : "INTEGER";
        case ColumnType::Real:
            return pg ? "double precision" : "REAL";
        case ColumnType::Boolean:
            return pg ? "boolean" : "BOOLEAN";
        case ColumnType::Date:
            return pg ? "date" : "DATE";
        case ColumnType::DateTime:
            return pg ? "timestamp" : "DATETIME";
        case ColumnType::Text:
            return pg ? "text" : "TEXT";
    }
    return pg ? "text" : "TEXT";
}

}  // namespace deskbase

#include "core/warehouse/sqlite_regexp.h"

#include <sqlite3.h>

#include <QRegularExpression>
#include <QString>
#include <memory>
#include <string>

namespace deskbase {

namespace {

void deleteRegex(void* p) {
    delete static_cast<QRegularExpression*>(p);
}

QString textArg(sqlite3_value* v) {
    return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_value_text(v)), sqlite3_value_bytes(v));
}

// regexp(pattern, text): SQLite rewrites `text REGEXP pattern` into this call. The compiled
// pattern is kept as the statement's auxiliary data, so a scan compiles it once.
void regexpFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    auto* re = static_cast<QRegularExpression*>(sqlite3_get_auxdata(ctx, 0));
    if (!re) {
        auto compiled = std::make_unique<QRegularExpression>(textArg(argv[0]));
        if (!compiled->isValid()) {
            const std::string msg = "regex \"" + textArg(argv[0]).toStdString() +
                                    "\" does not compile: " + compiled->errorString().toStdString();
            sqlite3_result_error(ctx, msg.c_str(), int(msg.size()));
            return;
        }
        sqlite3_set_auxdata(ctx, 0, compiled.release(),
                            deleteRegex);  // frees it at once when it cannot keep it
        re = static_cast<QRegularExpression*>(sqlite3_get_auxdata(ctx, 0));
        if (!re) {  // not kept (SQLite may refuse): match with a one-off copy
            const QRegularExpression once(textArg(argv[0]));
            sqlite3_result_int(ctx, once.match(textArg(argv[1])).hasMatch() ? 1 : 0);
            return;
        }
    }
    sqlite3_result_int(ctx, re->match(textArg(argv[1])).hasMatch() ? 1 : 0);
}

}  // namespace

int registerSqliteRegexp(sqlite3* db) {
    return sqlite3_create_function_v2(db, "regexp", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, regexpFunction, nullptr, nullptr, nullptr);
}

}  // namespace deskbase

#pragma once
// Where in the SQL an error message points: PostgreSQL gives "LINE n:" / a character position;
// SQLite names the token ("near \"FORM\": syntax error", "no such column: x").
#include <QString>

namespace deskbase::widgets {

// 0-based character offset into `sql`, or -1 when the message does not say.
int errorOffset(const QString& sql, const QString& message);
// 0-based line of that offset, or -1.
int errorLine(const QString& sql, const QString& message);

}  // namespace deskbase::widgets

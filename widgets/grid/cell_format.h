#pragma once
// How result cells look: numbers with thousands separators, right-aligned; NULL set apart.
#include <QLocale>
#include <QString>

#include "core/types/value.h"
#include "widgets/common/display_locale.h"

namespace deskbase::widgets {

// `grouped`: integers get thousands separators (not for identifier-like columns, see below).
QString formatCell(const Value& v, const QLocale& locale, bool grouped = true);
// Columns whose integers are labels, not quantities: id, *_id, *year, *zip, *code.
bool isIdentifierLike(const std::string& columnName);
bool isNumeric(const Value& v);
QString nullText();  // "NULL"

}  // namespace deskbase::widgets

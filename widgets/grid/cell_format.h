#pragma once
// How result cells look: numbers with thousands separators, right-aligned; NULL set apart.
#include <QLocale>
#include <QString>

#include "core/types/value.h"

namespace deskbase::widgets {

// The locale used for numbers: the user's, but with digit grouping even under the C locale.
QLocale displayLocale();
QString formatCell(const Value& v, const QLocale& locale);
bool isNumeric(const Value& v);
QString nullText();  // "NULL"

}  // namespace deskbase::widgets

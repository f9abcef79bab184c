#pragma once
// SQL keywords and common functions, for highlighting and completion.
#include <QStringList>

namespace deskbase::widgets {

const QStringList& sqlKeywords();   // upper case: SELECT, FROM, ...
const QStringList& sqlFunctions();  // lower case: count, sum, strftime, ...

}  // namespace deskbase::widgets

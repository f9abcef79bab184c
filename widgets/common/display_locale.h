#pragma once
// The locale every widget formats numbers with.
#include <QLocale>

namespace deskbase::widgets {

// The user's locale, but with digit grouping even under the C locale.
QLocale displayLocale();

}  // namespace deskbase::widgets

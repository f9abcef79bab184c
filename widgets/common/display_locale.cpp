#include "widgets/common/display_locale.h"

namespace deskbase::widgets {

QLocale displayLocale() {
    QLocale loc;
    if (loc.language() == QLocale::C) loc = QLocale(QLocale::English, QLocale::UnitedStates);
    loc.setNumberOptions(loc.numberOptions() & ~QLocale::OmitGroupSeparator);
    return loc;
}

}  // namespace deskbase::widgets

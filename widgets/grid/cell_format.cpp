#include "widgets/grid/cell_format.h"

#include <cmath>

namespace deskbase::widgets {

QLocale displayLocale() {
    QLocale loc;
    if (loc.language() == QLocale::C) loc = QLocale(QLocale::English, QLocale::UnitedStates);
    loc.setNumberOptions(loc.numberOptions() & ~QLocale::OmitGroupSeparator);
    return loc;
}

QString nullText() { return QStringLiteral("NULL"); }

bool isNumeric(const Value& v) {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
}

QString formatCell(const Value& v, const QLocale& locale) {
    if (isNull(v)) return nullText();
    if (const auto* i = std::get_if<std::int64_t>(&v)) return locale.toString(qlonglong(*i));
    if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d) || std::fabs(*d) >= 1e15) return QString::fromStdString(valueToText(v));
        // As many decimals as the shortest round-trip form has (at most 10), grouped digits.
        const std::string shortest = valueToText(v);
        if (shortest.find_first_of("eE") != std::string::npos) return QString::fromStdString(shortest);
        const auto dot = shortest.find('.');
        const int decimals = dot == std::string::npos ? 0 : std::min<int>(10, int(shortest.size() - dot - 1));
        return locale.toString(*d, 'f', decimals);
    }
    if (const auto* b = std::get_if<bool>(&v)) return *b ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromStdString(std::get<std::string>(v));
}

}  // namespace deskbase::widgets

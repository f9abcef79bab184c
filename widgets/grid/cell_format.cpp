#include "widgets/grid/cell_format.h"

#include <cctype>
#include <cmath>

namespace deskbase::widgets {

QString nullText() {
    return QStringLiteral("NULL");
}

bool isNumeric(const Value& v) {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
}

bool isIdentifierLike(const std::string& columnName) {
    std::string n;
    for (char c : columnName) n += char(std::tolower(static_cast<unsigned char>(c)));
    auto endsWith = [&](const char* suffix) {
        const std::string s(suffix);
        return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
    };
    return n == "id" || endsWith("_id") || endsWith("year") || endsWith("zip") || endsWith("code") ||
           n == "rowid";
}

QString formatCell(const Value& v, const QLocale& locale, bool grouped) {
    if (isNull(v)) return nullText();
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return grouped ? locale.toString(qlonglong(*i)) : QString::number(qlonglong(*i));
    if (const auto* d = std::get_if<double>(&v)) {
        const std::string shortest = valueToText(v);
        if (!std::isfinite(*d) || std::fabs(*d) >= 1e15 || (*d != 0 && std::fabs(*d) < 1e-4) ||
            shortest.find_first_of("eE") != std::string::npos)
            return QString::fromStdString(shortest);
        // Grouped digits, at most 6 decimals (sums of reals carry float noise), no trailing zeros.
        const auto dot = shortest.find('.');
        const int decimals = dot == std::string::npos ? 0 : std::min<int>(6, int(shortest.size() - dot - 1));
        QString text = locale.toString(*d, 'f', decimals);
        if (decimals > 0) {
            const QString point = locale.decimalPoint();
            while (text.endsWith(QLatin1Char('0'))) text.chop(1);
            if (text.endsWith(point)) text.chop(point.size());
        }
        return text;
    }
    if (const auto* b = std::get_if<bool>(&v)) return *b ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromStdString(std::get<std::string>(v));
}

}  // namespace deskbase::widgets

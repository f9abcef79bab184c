#include "core/chart/labels.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <cmath>

namespace deskbase::chart {

namespace {

std::string shortest(double v) {
    return valueToText(Value{v});  // the shortest text that reads back as v
}

QString timeFormat(const QTime& t) {
    if (t == QTime(0, 0)) return QStringLiteral("d MMM yyyy");
    return t.second() || t.msec() ? QStringLiteral("d MMM yyyy HH:mm:ss")
                                  : QStringLiteral("d MMM yyyy HH:mm");
}

// Digits after the decimal point in the shortest text that reads back as `v` (1.25 -> 2,
// 3e-07 -> 7, 1.5e-07 -> 8); negative when the text has a positive exponent.
int exactDecimals(double v) {
    const std::string s = shortest(v);
    const auto e = s.find('e');
    const std::string mantissa = s.substr(0, e);
    const auto dot = mantissa.find('.');
    const int mantissaDecimals = dot == std::string::npos ? 0 : int(mantissa.size() - dot - 1);
    const int exponent = e == std::string::npos ? 0 : std::stoi(s.substr(e + 1));
    return mantissaDecimals - exponent;
}

}  // namespace

std::string formatExact(double v, const dashboard::NumberFormat& format) {
    if (!std::isfinite(v)) return dashboard::formatNumber(v, format);
    dashboard::NumberFormat f = format;
    f.compact = false;
    f.decimals = exactDecimals(v) - (f.percent ? 2 : 0);
    if (f.decimals < 0) f.decimals = 0;
    // Beyond what printf's fixed notation shows exactly: the shortest text itself.
    if (std::abs(v) >= 1e21 || f.decimals > 20)
        return (v < 0 ? "-" : "") + f.prefix + shortest(std::abs(f.percent ? v * 100 : v)) +
               (f.percent ? "%" : "") + f.suffix;
    return dashboard::formatNumber(v, f);
}

std::string dateLabel(double epochMs) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(epochMs), QTimeZone::utc());
    return t.toString(timeFormat(t.time())).toStdString();
}

std::string categoryLabel(const Value& v, ColumnType type, std::string_view granularity) {
    if (isNull(v)) return "(empty)";
    if (type == ColumnType::Date || type == ColumnType::DateTime) {
        const std::string t = valueToText(v);
        const QDate d = QDate::fromString(QString::fromStdString(t.substr(0, 10)), Qt::ISODate);
        if (d.isValid()) {
            if (granularity == "year") return std::to_string(d.year());
            if (granularity == "quarter")
                return "Q" + std::to_string((d.month() - 1) / 3 + 1) + " " + std::to_string(d.year());
            if (granularity == "month") return d.toString(QStringLiteral("MMM yyyy")).toStdString();
            if (granularity.empty() && t.size() > 10) {
                QString text = QString::fromStdString(t);
                text[10] = QLatin1Char('T');
                const QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
                if (dt.isValid()) return dt.toString(timeFormat(dt.time())).toStdString();
            }
            return d.toString(QStringLiteral("d MMM yyyy")).toStdString();
        }
    }
    return valueToText(v);
}

}  // namespace deskbase::chart

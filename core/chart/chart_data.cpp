#include "core/chart/chart_data.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <cctype>
#include <charconv>

namespace deskbase::chart {

int ChartData::columnIndex(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return int(i);
    return -1;
}

namespace {
bool looksLikeDate(const std::string& s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' && std::isdigit((unsigned char)s[0]) &&
           std::isdigit((unsigned char)s[5]) && std::isdigit((unsigned char)s[8]);
}
bool looksLikeDateTime(const std::string& s) {
    return s.size() >= 16 && looksLikeDate(s.substr(0, 10)) && (s[10] == ' ' || s[10] == 'T') && s[13] == ':';
}
}  // namespace

void refineTemporalColumns(ChartData& data, std::size_t sampleRows) {
    for (std::size_t c = 0; c < data.columns.size(); ++c) {
        if (data.columns[c].type != ColumnType::Text) continue;
        bool allDates = true, allDateTimes = true, any = false;
        for (std::size_t r = 0; r < data.rows.size() && r < sampleRows; ++r) {
            if (c >= data.rows[r].size() || isNull(data.rows[r][c])) continue;
            const auto* s = std::get_if<std::string>(&data.rows[r][c]);
            if (!s) {
                allDates = allDateTimes = false;
                break;
            }
            any = true;
            allDates = allDates && looksLikeDate(*s);
            allDateTimes = allDateTimes && looksLikeDateTime(*s);
            if (!allDates && !allDateTimes) break;
        }
        if (!any) continue;
        if (allDates)
            data.columns[c].type = ColumnType::Date;
        else if (allDateTimes)
            data.columns[c].type = ColumnType::DateTime;
    }
}

ChartData chartDataFrom(const QueryResult& result) {
    ChartData data{result.columns, result.rows};
    refineTemporalColumns(data);
    return data;
}

std::optional<double> cellNumber(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return double(*i);
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
    if (auto* s = std::get_if<std::string>(&v)) {
        double out = 0;
        auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
        if (ec == std::errc() && p == s->data() + s->size()) return out;
    }
    return std::nullopt;
}

std::string cellText(const Value& v) {
    return valueToText(v);
}

std::optional<double> cellEpochMs(const Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s) return std::nullopt;
    if (looksLikeDate(*s)) {
        const QDate d = QDate::fromString(QString::fromStdString(*s), Qt::ISODate);
        if (!d.isValid()) return std::nullopt;
        return double(QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    }
    if (looksLikeDateTime(*s)) {
        QString t = QString::fromStdString(*s);
        t[10] = QLatin1Char('T');
        QDateTime dt = QDateTime::fromString(t, Qt::ISODate);
        if (!dt.isValid()) return std::nullopt;
        dt.setTimeZone(QTimeZone::utc());
        return double(dt.toMSecsSinceEpoch());
    }
    return std::nullopt;
}

std::vector<ColumnType> columnTypes(const ChartData& data) {
    std::vector<ColumnType> out;
    for (const auto& c : data.columns) out.push_back(c.type);
    return out;
}

}  // namespace deskbase::chart

#include "core/chart/chart_data.h"

#include <QDateTime>
#include <cstdint>
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

namespace {

// Digits at [at, at + n) as a number, or -1.
int digitsAt(const std::string& s, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days arithmetic: eras of
// 400 years, years starting in March).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t(era) * 146097 + doe - 719468;
}

// The canonical texts the warehouses hold, "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS", read without
// Qt: a chart over millions of dates spent most of its time converting each to a QString and
// parsing it (M4's streamed reduction of 3M flights). Anything else: nullopt, and the caller
// takes Qt's ISO parser. An impossible date (2021-02-30) is nullopt either way.
std::optional<double> canonicalEpochMs(const std::string& s, bool& handled) {
    handled = false;
    if (s.size() != 10 && s.size() != 19) return std::nullopt;
    if (s[4] != '-' || s[7] != '-') return std::nullopt;
    if (s.size() == 19 && (s[10] != ' ' || s[13] != ':' || s[16] != ':')) return std::nullopt;
    const int y = digitsAt(s, 0, 4), m = digitsAt(s, 5, 2), d = digitsAt(s, 8, 2);
    int hh = 0, mm = 0, ss = 0;
    if (s.size() == 19) {
        hh = digitsAt(s, 11, 2);
        mm = digitsAt(s, 14, 2);
        ss = digitsAt(s, 17, 2);
    }
    if (y < 0 || m < 0 || d < 0 || hh < 0 || mm < 0 || ss < 0) return std::nullopt;
    handled = true;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    const std::int64_t seconds = daysFromCivil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
    return double(seconds * 1000);
}

}  // namespace

std::optional<double> cellEpochMs(const Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    if (!s) return std::nullopt;
    bool handled = false;
    if (auto ms = canonicalEpochMs(*s, handled); handled) return ms;
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

#include "core/chart/date_bucket.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <algorithm>
#include <cstdint>

namespace deskbase::chart {

namespace {

constexpr std::int64_t kDayMs = 86400000;

// Coarsest first; a value is a unit's start when truncating to the unit leaves it unchanged.
constexpr std::string_view kUnits[] = {"year", "quarter", "month", "week", "day"};

QDate startOf(QDate d, std::string_view g) {
    if (g == "day") return d;
    if (g == "week") return d.addDays(1 - d.dayOfWeek());
    if (g == "month") return QDate(d.year(), d.month(), 1);
    if (g == "quarter") return QDate(d.year(), ((d.month() - 1) / 3) * 3 + 1, 1);
    if (g == "year") return QDate(d.year(), 1, 1);
    return {};
}

QDate nextStart(QDate start, std::string_view g) {
    if (g == "day") return start.addDays(1);
    if (g == "week") return start.addDays(7);
    if (g == "month") return start.addMonths(1);
    if (g == "quarter") return start.addMonths(3);
    if (g == "year") return start.addYears(1);
    return {};
}

int rank(std::string_view g) {  // 0 = year ... 4 = day; -1 unknown
    for (int i = 0; i < int(std::size(kUnits)); ++i)
        if (kUnits[i] == g) return i;
    return -1;
}

QDate dateOf(std::int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

std::int64_t msOf(QDate d) {
    return QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

std::string iso(QDate d) {
    return d.toString(Qt::ISODate).toStdString();
}

}  // namespace

std::string truncateDate(const std::string& text, std::string_view g) {
    if (g.empty() || text.size() < 10) return text;
    const QDate d = QDate::fromString(QString::fromStdString(text.substr(0, 10)), Qt::ISODate);
    const QDate start = d.isValid() ? startOf(d, g) : QDate();
    return start.isValid() ? iso(start) : text;
}

std::string nextPeriodStart(const std::string& periodStart, std::string_view g) {
    const QDate d = QDate::fromString(QString::fromStdString(periodStart.substr(0, 10)), Qt::ISODate);
    const QDate next = d.isValid() ? nextStart(d, g) : QDate();
    return next.isValid() ? iso(next) : std::string();
}

PeriodCoverage lastPeriodCoverage(const std::vector<double>& epochMs, std::string_view g,
                                  const std::string& today) {
    PeriodCoverage out;
    const int grain = rank(g);
    if (grain < 0 || epochMs.empty()) return out;
    std::vector<std::int64_t> ms(epochMs.begin(), epochMs.end());
    std::sort(ms.begin(), ms.end());
    ms.erase(std::unique(ms.begin(), ms.end()), ms.end());
    const std::int64_t last = ms.back();
    const QDate period = startOf(dateOf(last), g);
    const std::int64_t periodEnd = msOf(nextStart(period, g));
    out.period = iso(period);

    const bool allMidnight =
        std::all_of(ms.begin(), ms.end(), [](std::int64_t v) { return v % kDayMs == 0; });
    std::int64_t coveredUntil = 0;  // exclusive
    if (allMidnight) {
        // The coarsest unit, no coarser than the granularity, that every date starts.
        std::string_view step = "day";
        for (int u = grain; u < int(std::size(kUnits)); ++u) {
            const bool starts = std::all_of(ms.begin(), ms.end(), [&](std::int64_t v) {
                const QDate d = dateOf(v);
                return startOf(d, kUnits[u]) == d;
            });
            if (starts) {
                step = kUnits[u];
                break;
            }
        }
        coveredUntil = msOf(nextStart(dateOf(last), step));
    } else {
        std::int64_t gap = kDayMs;
        if (ms.size() > 1) {
            gap = ms[1] - ms[0];
            for (std::size_t i = 2; i < ms.size(); ++i) gap = std::min(gap, ms[i] - ms[i - 1]);
        }
        coveredUntil = last + gap;
    }
    out.through = iso(dateOf(std::min(coveredUntil, periodEnd) - 1));
    const QDate now = QDate::fromString(QString::fromStdString(today), Qt::ISODate);
    out.ongoing = now.isValid() && now >= period && msOf(now) < periodEnd;
    out.partial = coveredUntil < periodEnd || out.ongoing;
    return out;
}

}  // namespace deskbase::chart

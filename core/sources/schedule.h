#pragma once
// When a source (or, later, a report) runs by itself: "every 15 minutes", "every 2 hours",
// "hourly", "daily 06:30", "weekly mon 08:00", a five-field cron expression
// ("30 6 * * 1-5": minute hour day-of-month month day-of-week, with lists, ranges, steps and
// jan..dec / sun..sat names), or @hourly / @daily / @weekly / @monthly / @yearly.
// Clock times are local to a time zone (the system's, or one a test gives); instants are
// std::chrono seconds. libstdc++ 12 has no time-zone database, so the zone's rules come from
// QTimeZone. A local time that does not exist (a DST gap) fires when the clock jumps over it; one
// that happens twice (DST end) fires once, the first time.
// "every N minutes/hours" ticks on multiples of N minutes since 1970-01-01 00:00 UTC, so
// "every 15 minutes" fires at :00, :15, :30 and :45.
#include <QTimeZone>
#include <bitset>
#include <optional>
#include <string>

#include "core/checks/freshness.h"  // SysSeconds
#include "core/util/result.h"

namespace deskbase {

class Schedule {
public:
    // A one-line error says what is wrong: "cron field 2 (hour): 25 is out of range 0-23".
    static Result<Schedule> parse(const std::string& text);

    const std::string& text() const { return text_; }
    // The first tick strictly after `after`. Never empty for a parsed schedule (parse() refuses
    // one that never fires, like "0 0 30 2 *").
    std::optional<SysSeconds> next(SysSeconds after, const QTimeZone& zone) const;

private:
    bool matchesDay(int dayOfMonth, int month, int dayOfWeek) const;  // dayOfWeek 0 = Sunday

    std::string text_;
    int everyMinutes_ = 0;  // > 0: an interval; else the cron fields below
    std::bitset<60> minutes_;
    std::bitset<24> hours_;
    std::bitset<32> daysOfMonth_;                      // 1..31
    std::bitset<13> months_;                           // 1..12
    std::bitset<7> daysOfWeek_;                        // 0 = Sunday
    bool anyDayOfMonth_ = true, anyDayOfWeek_ = true;  // the field started with '*'
};

// When a schedule wants its next run: its first tick after the last run; never run: at once
// (`now`). Missed ticks collapse: a runner that was off for a week runs once, not once per tick.
SysSeconds scheduleDueAt(const Schedule& schedule, std::optional<SysSeconds> lastRun, SysSeconds now,
                         const QTimeZone& zone);
bool scheduleIsDue(const Schedule& schedule, std::optional<SysSeconds> lastRun, SysSeconds now,
                   const QTimeZone& zone);

}  // namespace deskbase

#include "core/sources/schedule.h"

#include <QDateTime>
#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <vector>

namespace deskbase {

namespace {

constexpr int kSearchDays = 366 * 5;  // a cron expression that can fire does so within 5 years

std::string lower(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(lower(w));
    return out;
}

std::optional<int> number(const std::string& s) {
    if (s.empty() || s.size() > 4 ||
        !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
    return std::stoi(s);
}

struct Field {
    const char* name;
    int min, max;
    std::vector<std::string> names;  // names[i] stands for min + i
};

const std::array<Field, 5> kFields = {{
    {"minute", 0, 59, {}},
    {"hour", 0, 23, {}},
    {"day of month", 1, 31, {}},
    {"month", 1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {"day of week", 0, 7, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
}};

std::optional<int> dayOfWeekName(const std::string& w) {
    static const std::array<const char*, 7> full = {"sunday",   "monday", "tuesday", "wednesday",
                                                    "thursday", "friday", "saturday"};
    for (int i = 0; i < 7; ++i)
        if (w == full[std::size_t(i)] || w == kFields[4].names[std::size_t(i)]) return i;
    return std::nullopt;
}

// One value of a field: a number or a name.
Result<int> fieldValue(const Field& f, int index, const std::string& s) {
    std::optional<int> v = number(s);
    if (!v)
        for (std::size_t i = 0; i < f.names.size(); ++i)
            if (s == f.names[i]) v = f.min + int(i);
    const std::string where = "cron field " + std::to_string(index + 1) + " (" + f.name + "): ";
    if (!v) return Error{where + "\"" + s + "\" is not a number" + (f.names.empty() ? "" : " or a name")};
    if (*v < f.min || *v > f.max)
        return Error{where + std::to_string(*v) + " is out of range " + std::to_string(f.min) + "-" +
                     std::to_string(f.max)};
    return *v;
}

// "*", "*/15", "5", "1-5", "1-30/2", "10/5", "mon-fri", and lists of them: the values it allows.
Result<std::vector<int>> parseField(int index, const std::string& text) {
    const Field& f = kFields[std::size_t(index)];
    const std::string where = "cron field " + std::to_string(index + 1) + " (" + f.name + "): ";
    std::vector<int> out;
    std::size_t start = 0;
    for (;;) {
        const auto comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (item.empty()) return Error{where + "an empty item in \"" + text + "\""};
        std::string range = item;
        int step = 1;
        if (const auto slash = item.find('/'); slash != std::string::npos) {
            range = item.substr(0, slash);
            auto s = number(item.substr(slash + 1));
            if (!s || *s == 0) return Error{where + "the step in \"" + item + "\" is not a positive number"};
            step = *s;
        }
        int lo = f.min, hi = f.max;
        if (range != "*") {
            const auto dash = range.find('-');
            auto a = fieldValue(f, index, range.substr(0, dash));
            if (!a) return Error{a.message()};
            lo = hi = *a;
            if (dash != std::string::npos) {
                auto b = fieldValue(f, index, range.substr(dash + 1));
                if (!b) return Error{b.message()};
                hi = *b;
                if (hi < lo) return Error{where + "the range \"" + range + "\" runs backwards"};
            } else if (item.find('/') != std::string::npos) {
                hi = f.max;  // "10/5": from 10 to the end, every 5
            }
        }
        for (int v = lo; v <= hi; v += step) out.push_back(v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

Result<std::pair<int, int>> clockTime(const std::string& s) {
    const auto colon = s.find(':');
    auto h = colon == std::string::npos ? std::nullopt : number(s.substr(0, colon));
    auto m = colon == std::string::npos ? std::nullopt : number(s.substr(colon + 1));
    if (!h || !m || s.size() - colon != 3 || *h > 23 || *m > 59)
        return Error{"\"" + s + "\" is not a time of day (HH:MM, 00:00 to 23:59)"};
    return std::pair{*h, *m};
}

}  // namespace

Result<Schedule> Schedule::parse(const std::string& text) {
    Schedule s;
    s.text_ = text;
    auto w = words(text);
    if (w.empty()) return Error{"the schedule is empty"};
    static const char* kForms =
        "every N minutes, every N hours, hourly, daily HH:MM, weekly mon HH:MM, or a five-field cron "
        "expression";
    std::string cron;
    if (w[0] == "every") {
        int n = 1;
        std::size_t unit = 1;
        if (w.size() == 3) {
            auto v = number(w[1]);
            if (!v || *v == 0) return Error{"\"" + w[1] + "\" is not a positive number (every N minutes)"};
            n = *v;
            unit = 2;
        }
        if (w.size() != 2 && w.size() != 3)
            return Error{"\"" + text + "\" is not a schedule (" + kForms + ")"};
        const std::string& u = w[unit];
        if (u == "minute" || u == "minutes" || u == "min")
            s.everyMinutes_ = n;
        else if (u == "hour" || u == "hours")
            s.everyMinutes_ = n * 60;
        else
            return Error{"\"" + u + "\" is not a unit (every N minutes, every N hours)"};
        return s;
    }
    if (w[0] == "hourly" || w[0] == "@hourly") {
        if (w.size() != 1) return Error{"hourly takes nothing after it"};
        cron = "0 * * * *";
    } else if (w[0] == "daily") {
        if (w.size() != 2) return Error{"daily wants a time: daily 06:30"};
        auto t = clockTime(w[1]);
        if (!t) return Error{t.message()};
        cron = std::to_string(t->second) + " " + std::to_string(t->first) + " * * *";
    } else if (w[0] == "weekly") {
        if (w.size() != 3) return Error{"weekly wants a day and a time: weekly mon 08:00"};
        auto d = dayOfWeekName(w[1]);
        if (!d) return Error{"\"" + w[1] + "\" is not a day of the week (mon, tue, ..., sun)"};
        auto t = clockTime(w[2]);
        if (!t) return Error{t.message()};
        cron = std::to_string(t->second) + " " + std::to_string(t->first) + " * * " + std::to_string(*d);
    } else if (w[0] == "@daily" || w[0] == "@midnight") {
        cron = "0 0 * * *";
    } else if (w[0] == "@weekly") {
        cron = "0 0 * * 0";
    } else if (w[0] == "@monthly") {
        cron = "0 0 1 * *";
    } else if (w[0] == "@yearly" || w[0] == "@annually") {
        cron = "0 0 1 1 *";
    } else if (w.size() == 5) {
        cron = lower(text);
    } else {
        return Error{"\"" + text + "\" is not a schedule (" + kForms + ")"};
    }

    auto fields = words(cron);
    for (int i = 0; i < 5; ++i) {
        auto values = parseField(i, fields[std::size_t(i)]);
        if (!values) return Error{values.message()};
        for (int v : *values) {
            switch (i) {
                case 0:
                    s.minutes_.set(std::size_t(v));
                    break;
                case 1:
                    s.hours_.set(std::size_t(v));
                    break;
                case 2:
                    s.daysOfMonth_.set(std::size_t(v));
                    break;
                case 3:
                    s.months_.set(std::size_t(v));
                    break;
                default:
                    s.daysOfWeek_.set(std::size_t(v % 7));
                    break;  // 7 is Sunday too
            }
        }
    }
    s.anyDayOfMonth_ = fields[2][0] == '*';
    s.anyDayOfWeek_ = fields[4][0] == '*';
    if (!s.next(SysSeconds{}, QTimeZone::utc())) return Error{"\"" + text + "\" never fires (no such day)"};
    return s;
}

bool Schedule::matchesDay(int dayOfMonth, int month, int dayOfWeek) const {
    if (!months_.test(std::size_t(month))) return false;
    const bool dom = daysOfMonth_.test(std::size_t(dayOfMonth)),
               dow = daysOfWeek_.test(std::size_t(dayOfWeek));
    // Vixie cron: when both day fields are restricted, either one matching is enough.
    if (!anyDayOfMonth_ && !anyDayOfWeek_) return dom || dow;
    return dom && dow;
}

std::optional<SysSeconds> Schedule::next(SysSeconds after, const QTimeZone& zone) const {
    using namespace std::chrono;
    const std::int64_t t = after.time_since_epoch().count();
    if (everyMinutes_ > 0) {
        const std::int64_t period = std::int64_t(everyMinutes_) * 60;
        const std::int64_t k = (t >= 0 ? t / period : (t - period + 1) / period) + 1;
        return SysSeconds{seconds{k * period}};
    }
    const QDate first = QDateTime::fromSecsSinceEpoch(t, zone).date();
    for (int d = -1; d < kSearchDays; ++d) {  // from the day before: a DST shift may pull a time back
        const QDate day = first.addDays(d);
        if (!matchesDay(day.day(), day.month(), day.dayOfWeek() % 7)) continue;
        for (int h = 0; h < 24; ++h) {
            if (!hours_.test(std::size_t(h))) continue;
            for (int m = 0; m < 60; ++m) {
                if (!minutes_.test(std::size_t(m))) continue;
                const QDateTime local(day, QTime(h, m), zone);  // in a DST gap: moved past it
                std::int64_t when = local.toSecsSinceEpoch();
                // A time that happens twice (DST end): Qt gives the later one; take the first.
                const int shift =
                    zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(when - 7200, zone)) - zone.offsetFromUtc(local);
                if (shift > 0) {
                    const QDateTime early = QDateTime::fromSecsSinceEpoch(when - shift, zone);
                    if (early.date() == day && early.time() == QTime(h, m)) when -= shift;
                }
                if (when > t) return SysSeconds{seconds{when}};
            }
        }
    }
    return std::nullopt;
}

SysSeconds scheduleDueAt(const Schedule& schedule, std::optional<SysSeconds> lastRun, SysSeconds now,
                         const QTimeZone& zone) {
    if (!lastRun) return now;
    return schedule.next(*lastRun, zone).value_or(SysSeconds::max());
}

bool scheduleIsDue(const Schedule& schedule, std::optional<SysSeconds> lastRun, SysSeconds now,
                   const QTimeZone& zone) {
    return scheduleDueAt(schedule, lastRun, now, zone) <= now;
}

}  // namespace deskbase

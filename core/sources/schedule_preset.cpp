#include "core/sources/schedule_preset.h"

#include <cstdio>
#include <regex>

namespace deskbase {

namespace {
constexpr const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::string clock(int hour, int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    return buf;
}
}  // namespace

std::string schedulePresetText(const SchedulePreset& p) {
    using K = SchedulePreset::Kind;
    switch (p.kind) {
        case K::OnDemand:
        case K::Watch:
            return {};
        case K::EveryMinutes:
            return p.minutes == 1 ? "every minute" : "every " + std::to_string(p.minutes) + " minutes";
        case K::Hourly:
            return "hourly";
        case K::Daily:
            return "daily " + clock(p.hour, p.minute);
        case K::Weekly:
            return std::string("weekly ") + kDays[(p.weekday % 7 + 7) % 7] + " " + clock(p.hour, p.minute);
        case K::Cron:
            return p.expression;
    }
    return {};
}

SchedulePreset schedulePresetOf(const std::string& text, bool watch) {
    using K = SchedulePreset::Kind;
    SchedulePreset p;
    if (text.empty()) {
        p.kind = watch ? K::Watch : K::OnDemand;
        return p;
    }
    std::smatch m;
    static const std::regex every(R"(every (\d+) minutes)"), daily(R"(daily (\d\d):(\d\d))"),
        weekly(R"(weekly (sun|mon|tue|wed|thu|fri|sat) (\d\d):(\d\d))");
    if (text == "every minute") {
        p.kind = K::EveryMinutes;
        p.minutes = 1;
    } else if (std::regex_match(text, m, every) && m[1].length() < 6) {
        p.kind = K::EveryMinutes;
        p.minutes = std::stoi(m[1]);
    } else if (text == "hourly") {
        p.kind = K::Hourly;
    } else if (std::regex_match(text, m, daily)) {
        p.kind = K::Daily;
        p.hour = std::stoi(m[1]);
        p.minute = std::stoi(m[2]);
    } else if (std::regex_match(text, m, weekly)) {
        p.kind = K::Weekly;
        for (int d = 0; d < 7; ++d)
            if (m[1] == kDays[d]) p.weekday = d;
        p.hour = std::stoi(m[2]);
        p.minute = std::stoi(m[3]);
    } else {
        p.kind = K::Cron;
    }
    // Only what the preset writes back as the same text is that preset; the rest stays as written.
    if (p.kind != K::Cron && schedulePresetText(p) != text) p.kind = K::Cron;
    if (p.kind == K::Cron) p.expression = text;
    return p;
}

}  // namespace deskbase

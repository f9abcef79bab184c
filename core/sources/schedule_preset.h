#pragma once
// The source editor's schedule choices and the schedule text they stand for (docs/sources.md,
// "Schedules"): on demand, watch the folder, every N minutes, hourly, daily at, weekly at, or any
// other expression (cron). A text reads back as the preset it came from; one that a preset would
// write differently ("weekly Monday 8:00", "every 2 hours") stays as written, as "cron".
#include <string>

namespace deskbase {

struct SchedulePreset {
    enum class Kind { OnDemand, Watch, EveryMinutes, Hourly, Daily, Weekly, Cron };
    Kind kind = Kind::OnDemand;
    int minutes = 15;          // EveryMinutes
    int hour = 6, minute = 0;  // Daily, Weekly
    int weekday = 1;           // Weekly: 0 = Sunday .. 6 = Saturday
    std::string expression;    // Cron: as typed
};

// The schedule text of a preset; empty for OnDemand and Watch (no schedule).
std::string schedulePresetText(const SchedulePreset& preset);
// The preset a source's schedule text is shown as; empty text: OnDemand (or Watch, when `watch`).
SchedulePreset schedulePresetOf(const std::string& text, bool watch);

}  // namespace deskbase

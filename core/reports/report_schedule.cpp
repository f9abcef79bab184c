#include "core/reports/report_schedule.h"

#include <algorithm>

#include "core/pipeline/run_log.h"
#include "core/sources/schedule.h"

namespace deskbase {

std::vector<const ReportSpec*> dueReports(const std::vector<ReportSpec>& reports,
                                          const ReportLastRun& lastRun, SysSeconds now,
                                          const QTimeZone& zone) {
    std::vector<const ReportSpec*> out;
    for (const auto& r : reports) {
        if (r.schedule.empty()) continue;
        auto schedule = Schedule::parse(r.schedule);  // checked when the file was read
        if (schedule && scheduleIsDue(*schedule, lastRun(r.name), now, zone)) out.push_back(&r);
    }
    return out;
}

std::vector<const ReportSpec*> reportsAfter(const std::vector<ReportSpec>& reports,
                                            const std::string& source) {
    std::vector<const ReportSpec*> out;
    for (const auto& r : reports)
        if (std::find(r.after.begin(), r.after.end(), source) != r.after.end()) out.push_back(&r);
    return out;
}

std::optional<SysSeconds> reportNextRun(const ReportSpec& report, std::optional<SysSeconds> lastRun,
                                        SysSeconds now, const QTimeZone& zone) {
    if (report.schedule.empty()) return std::nullopt;
    auto schedule = Schedule::parse(report.schedule);
    if (!schedule) return std::nullopt;
    return scheduleDueAt(*schedule, lastRun, now, zone);
}

std::optional<SysSeconds> lastReportRun(const std::string& target, const std::string& name) {
    return lastRunStart(target, "report", name);
}

}  // namespace deskbase

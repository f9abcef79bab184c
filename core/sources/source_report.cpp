#include "core/sources/source_report.h"

#include "core/checks/check_report.h"

namespace deskbase {

namespace {

using nlohmann::ordered_json;

ordered_json textOrNull(const std::string& s) {
    return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

ordered_json sourceRunToJson(const SourceRunReport& r) {
    ordered_json j;
    j["name"] = r.source;
    j["status"] = r.status;
    j["error"] = textOrNull(r.error);
    j["run_id"] = r.runId ? ordered_json(r.runId) : ordered_json(nullptr);
    auto files = ordered_json::array();
    for (const auto& f : r.files)
        files.push_back({{"path", f.path},
                         {"status", f.status},
                         {"rows", f.rows},
                         {"rejected", f.rejected},
                         {"updated", f.updated},
                         {"seconds", f.seconds},
                         {"error", textOrNull(f.error)},
                         {"moved_to", textOrNull(f.movedTo)}});
    j["files"] = files;
    j["checks"] = checkResultsToJson(r.checks);
    auto models = ordered_json::array();
    if (r.build)
        for (const auto& m : r.build->models)
            models.push_back({{"name", m.name},
                              {"status", m.status},
                              {"rows", m.rows ? ordered_json(*m.rows) : ordered_json(nullptr)},
                              {"error", textOrNull(m.error)}});
    j["models"] = models;
    return j;
}

std::string sourceRunLine(const SourceRunReport& r) {
    const std::string head = r.source + ": ";
    if (r.status == "busy") return head + "skipped: " + r.error;
    int loaded = 0, duplicate = 0, unchanged = 0, failed = 0, waiting = 0;
    std::int64_t rows = 0, updated = 0;
    for (const auto& f : r.files) {
        if (f.status == "loaded") {
            ++loaded;
            rows += f.rows;
            updated += f.updated;
        }
        duplicate += f.status == "duplicate";
        unchanged += f.status == "unchanged";
        failed += f.status == "failed";
        waiting += f.status == "waiting";
    }
    std::string parts;
    auto add = [&](const std::string& s) { parts += (parts.empty() ? "" : ", ") + s; };
    if (loaded)
        add(plural(loaded, "file", "files") + " loaded (" + plural(rows, "row", "rows") +
            (updated ? ", " + std::to_string(updated) + " updated" : "") + ")");
    if (duplicate) add(std::to_string(duplicate) + " already loaded");
    if (unchanged) add(std::to_string(unchanged) + " unchanged");
    if (failed) add(std::to_string(failed) + " failed");
    if (waiting) add(std::to_string(waiting) + " still being written");
    if (parts.empty()) parts = r.status == "error" ? "error" : "no new files";
    if (r.build && !r.build->models.empty()) {
        std::string names;
        for (const auto& m : r.build->models)
            if (m.status == "success") names += (names.empty() ? "" : ", ") + m.name;
        if (!names.empty()) parts += "; built " + names;
    }
    if (!r.error.empty()) parts += (r.status == "error" ? ": " : "; ") + r.error;
    return head + parts;
}

}  // namespace deskbase

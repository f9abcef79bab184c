#include "core/reports/report_file.h"

#include <QSaveFile>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/sources/schedule.h"
#include "core/sources/source_spec.h"

namespace deskbase {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const char* const kDashboardFormats[] = {"png", "pdf"};
const char* const kQuestionFormats[] = {"csv", "tsv", "json", "ndjson", "xlsx"};
const char* const kKnownFields[] = {
    "name",  "dashboard",     "question", "format", "out",         "params",  "schedule",
    "after", "skip_if_empty", "keep",     "alert",  "description", "retries", "retry_delay_seconds"};

// The workspace's source names, broken files' too (fixing the file makes its reports run).
std::set<std::string> sourceNames(const std::string& workspaceDir) {
    const WorkspaceSources sources = loadWorkspaceSources(workspaceDir);
    std::set<std::string> names;
    for (const auto& s : sources.sources) names.insert(s.name);
    for (const auto& p : sources.problems) names.insert(p.name);
    return names;
}

// A report "after" a source that does not exist would never run: one line says so.
std::string afterProblem(const ReportSpec& r, const std::set<std::string>& sources) {
    for (const auto& a : r.after)
        if (!sources.count(a))
            return r.file + ": \"after\": no source named " + a + " (sources/" + a + ".json)";
    return {};
}

template <std::size_t N>
bool oneOf(const std::string& s, const char* const (&set)[N]) {
    return std::any_of(std::begin(set), std::end(set), [&](const char* x) { return s == x; });
}

// Reads a report object; the first problem is thrown as its one-line text (caught below).
struct Reader {
    const std::string& file;
    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw std::runtime_error(file + ": \"" + field + "\": " + what);
    }
    std::string text(const json& o, const char* field, std::string fallback = {}) const {
        if (!o.contains(field)) return fallback;
        if (!o[field].is_string()) fail(field, "must be text");
        return o[field].get<std::string>();
    }
    bool flag(const json& o, const char* field) const {
        if (!o.contains(field)) return false;
        if (!o[field].is_boolean()) fail(field, "must be true or false");
        return o[field].get<bool>();
    }
};

AlertSpec readAlert(const json& a, const Reader& r) {
    if (!a.is_object()) r.fail("alert", "must be an object like {\"when\": \"rows\"}");
    AlertSpec alert;
    const std::string when = r.text(a, "when", "rows");
    if (when == "rows")
        alert.when = AlertSpec::When::Rows;
    else if (when == "above")
        alert.when = AlertSpec::When::Above;
    else if (when == "below")
        alert.when = AlertSpec::When::Below;
    else
        r.fail("alert", "\"when\" is rows, above or below, not \"" + when + "\"");
    alert.column = r.text(a, "column");
    if (alert.when != AlertSpec::When::Rows) {
        if (!a.contains("goal") || !a["goal"].is_number())
            r.fail("alert", "\"" + when + "\" needs a number \"goal\"");
        alert.goal = a["goal"].get<double>();
    }
    const std::string notify = r.text(a, "notify", "every_time");
    if (notify != "first_time" && notify != "every_time")
        r.fail("alert", "\"notify\" is first_time or every_time, not \"" + notify + "\"");
    alert.firstTimeOnly = notify == "first_time";
    alert.command = r.text(a, "command");
    return alert;
}

void readRetry(const json& o, const Reader& r, RetryPolicy& retry) {
    if (o.contains("retries")) {
        if (!o["retries"].is_number_integer() || o["retries"].get<std::int64_t>() < 0 ||
            o["retries"].get<std::int64_t>() > 100)
            r.fail("retries", "must be a whole number from 0 to 100");
        retry.retries = o["retries"].get<int>();
    }
    if (o.contains("retry_delay_seconds")) {
        if (!o["retry_delay_seconds"].is_number() || o["retry_delay_seconds"].get<double>() < 0 ||
            o["retry_delay_seconds"].get<double>() > 86400)
            r.fail("retry_delay_seconds", "must be a number of seconds from 0 to 86400");
        retry.delaySeconds = o["retry_delay_seconds"].get<double>();
    }
}

ReportSpec readReport(const json& o, const std::string& file) {
    const Reader r{file};
    if (!o.is_object()) throw std::runtime_error(file + ": a report is a JSON object");
    for (const auto& [key, value] : o.items())
        if (!oneOf(key, kKnownFields)) r.fail(key, "is not a report field (see docs/reports.md)");
    ReportSpec s;
    s.file = file;
    s.name = r.text(o, "name", fs::path(file).stem().string());
    if (s.name.empty()) r.fail("name", "must not be empty");
    s.dashboard = r.text(o, "dashboard");
    s.question = r.text(o, "question");
    if (s.dashboard.empty() == s.question.empty())
        r.fail(s.dashboard.empty() ? "question" : "dashboard",
               "a report reads one dashboard or one question");
    s.format = r.text(o, "format");
    if (o.contains("alert")) {
        if (!s.dashboard.empty()) r.fail("alert", "an alert watches a question, not a dashboard");
        s.alert = readAlert(o["alert"], r);
    } else if (s.format.empty()) {
        r.fail("format",
               "is required (" +
                   std::string(s.dashboard.empty() ? "csv, tsv, json, ndjson or xlsx" : "png or pdf") + ")");
    }
    if (!s.format.empty()) {
        if (!s.dashboard.empty() && !oneOf(s.format, kDashboardFormats))
            r.fail("format", "a dashboard is drawn to png or pdf, not \"" + s.format + "\"");
        if (!s.question.empty() && !oneOf(s.format, kQuestionFormats))
            r.fail("format",
                   "a question is written as csv, tsv, json, ndjson or xlsx, not \"" + s.format + "\"");
    }
    s.out = r.text(o, "out", s.out);
    if (s.out.empty()) r.fail("out", "must name a folder");
    if (o.contains("params")) {
        if (!o["params"].is_object()) r.fail("params", "must be an object of name: value");
        for (const auto& [k, v] : o["params"].items()) {
            if (v.is_string())
                s.params[k] = v.get<std::string>();
            else if (v.is_number() || v.is_boolean())
                s.params[k] = v.dump();
            else
                r.fail("params", "\"" + k + "\" must be text, a number or true/false");
        }
    }
    s.schedule = r.text(o, "schedule");
    if (!s.schedule.empty())
        if (auto parsed = Schedule::parse(s.schedule); !parsed) r.fail("schedule", parsed.message());
    if (o.contains("after")) {
        const json& a = o["after"];
        if (!a.is_array() || std::any_of(a.begin(), a.end(), [](const json& x) { return !x.is_string(); }))
            r.fail("after", "must be a list of source names");
        for (const auto& x : a) s.after.push_back(x.get<std::string>());
    }
    s.skipIfEmpty = r.flag(o, "skip_if_empty");
    if (s.skipIfEmpty && !s.dashboard.empty()) r.fail("skip_if_empty", "applies to a question's rows");
    if (o.contains("keep")) {
        if (!o["keep"].is_number_integer() || o["keep"].get<std::int64_t>() < 0 ||
            o["keep"].get<std::int64_t>() > 100000)
            r.fail("keep", "must be a whole number of files (0 keeps all)");
        s.keep = o["keep"].get<int>();
    }
    readRetry(o, r, s.retry);
    return s;
}

}  // namespace

Result<ReportSpec> reportFromText(const std::string& text, const std::string& file) {
    json o;
    try {
        o = json::parse(text);
    } catch (const json::parse_error& e) {
        return Error{file + ": not valid JSON (byte " + std::to_string(e.byte) + ")"};
    }
    try {
        return readReport(o, file);
    } catch (const std::runtime_error& e) {
        return Error{e.what()};
    }
}

std::string reportToText(const ReportSpec& r) {
    nlohmann::ordered_json o;
    o["name"] = r.name;
    if (!r.dashboard.empty()) o["dashboard"] = r.dashboard;
    if (!r.question.empty()) o["question"] = r.question;
    if (!r.format.empty()) o["format"] = r.format;
    if (r.out != ReportSpec{}.out) o["out"] = r.out;
    if (!r.params.empty()) {
        nlohmann::ordered_json params = nlohmann::ordered_json::object();
        for (const auto& [k, v] : r.params) params[k] = v;
        o["params"] = params;
    }
    if (!r.schedule.empty()) o["schedule"] = r.schedule;
    if (!r.after.empty()) o["after"] = r.after;
    if (r.skipIfEmpty) o["skip_if_empty"] = true;
    if (r.keep) o["keep"] = r.keep;
    if (r.alert) {
        nlohmann::ordered_json a;
        const AlertSpec& al = *r.alert;
        a["when"] = al.when == AlertSpec::When::Rows    ? "rows"
                    : al.when == AlertSpec::When::Above ? "above"
                                                        : "below";
        if (!al.column.empty()) a["column"] = al.column;
        if (al.when != AlertSpec::When::Rows) a["goal"] = al.goal;
        a["notify"] = al.firstTimeOnly ? "first_time" : "every_time";
        if (!al.command.empty()) a["command"] = al.command;
        o["alert"] = a;
    }
    if (r.retry.retries != RetryPolicy{}.retries) o["retries"] = r.retry.retries;
    if (r.retry.delaySeconds != RetryPolicy{}.delaySeconds) o["retry_delay_seconds"] = r.retry.delaySeconds;
    return o.dump(2) + "\n";
}

Result<std::string> saveReportFile(const std::string& workspaceDir, const ReportSpec& report) {
    const std::string file = "reports/" + report.name + ".json";
    if (report.name.empty() || report.name.find_first_of("/\\") != std::string::npos || report.name[0] == '.')
        return Error{file + ": \"name\": must be a plain file name"};
    // What is saved must read back: the same checks as a file written by hand.
    auto check = reportFromText(reportToText(report), file);
    if (!check) return Error{check.message()};
    if (auto p = afterProblem(*check, sourceNames(workspaceDir)); !p.empty()) return Error{p};
    const fs::path dir = fs::path(workspaceDir) / "reports";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Error{"cannot create " + dir.string() + ": " + ec.message()};
    const std::string path = (dir / (report.name + ".json")).string();
    QSaveFile out(QString::fromStdString(path));
    const std::string text = reportToText(report);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(text.data(), qint64(text.size())) != qint64(text.size()) || !out.commit())
        return Error{"cannot write " + path + ": " + out.errorString().toStdString()};
    return path;
}

Result<ReportSpec> loadReportFile(const std::string& path, const std::string& file) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{file + ": cannot be read"};
    std::ostringstream s;
    s << in.rdbuf();
    return reportFromText(s.str(), file);
}

WorkspaceReports loadWorkspaceReports(const std::string& workspaceDir) {
    WorkspaceReports out;
    const fs::path dir = fs::path(workspaceDir) / "reports";
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        auto r = loadReportFile(p.string(), "reports/" + p.filename().string());
        if (r)
            out.reports.push_back(std::move(*r));
        else
            out.problems.push_back(r.message());
    }
    const std::set<std::string> sources = sourceNames(workspaceDir);
    for (auto it = out.reports.begin(); it != out.reports.end();) {
        const std::string p = afterProblem(*it, sources);
        if (p.empty()) {
            ++it;
            continue;
        }
        out.problems.push_back(p);
        it = out.reports.erase(it);
    }
    // Two files with one name: the second is a problem (names are how `deskbase report` finds them).
    for (std::size_t i = 1; i < out.reports.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (out.reports[i].name == out.reports[j].name) {
                out.problems.push_back(out.reports[i].file + ": \"name\": \"" + out.reports[i].name +
                                       "\" is also the name of " + out.reports[j].file);
                out.reports.erase(out.reports.begin() + std::ptrdiff_t(i--));
                break;
            }
    return out;
}

}  // namespace deskbase

#include "core/checks/check_report.h"

#include <algorithm>

#include "core/checks/json_value.h"

namespace deskbase {

using nlohmann::ordered_json;

ordered_json checkSampleToJson(const std::vector<CheckSample>& sample) {
    auto out = ordered_json::array();
    for (const auto& s : sample) {
        ordered_json e;
        if (s.key.size() == 1) {
            e["value"] = checks_json::json(s.key[0]);
        } else {
            auto values = ordered_json::array();
            for (const auto& v : s.key) values.push_back(checks_json::json(v));
            e["value"] = values;
        }
        e["count"] = s.count;
        out.push_back(e);
    }
    return out;
}

Result<std::vector<CheckSample>> checkSampleFromJson(const nlohmann::json& j) {
    if (!j.is_array()) return Error{"a check sample is a list"};
    std::vector<CheckSample> out;
    for (const auto& e : j) {
        if (!e.is_object() || !e.contains("value") || !e.contains("count") || !e["count"].is_number_integer())
            return Error{"a check sample entry is {\"value\", \"count\"}"};
        CheckSample s;
        s.count = e["count"].get<std::int64_t>();
        const auto& v = e["value"];
        if (v.is_array()) {
            for (const auto& x : v) s.key.push_back(checks_json::scalar(x).value_or(Value{}));
        } else {
            s.key.push_back(checks_json::scalar(v).value_or(Value{}));
        }
        out.push_back(std::move(s));
    }
    return out;
}

ordered_json checkResultToJson(const CheckResult& r) {
    ordered_json j;
    j["table"] = r.table;
    j["check"] = r.check;
    j["column"] = r.column();
    j["severity"] = std::string(severityName(r.severity));
    j["status"] = std::string(checkStatusName(r.status));
    j["failures"] = r.failures;
    j["percent"] = r.percent ? ordered_json(*r.percent) : ordered_json(nullptr);
    j["sample"] = checkSampleToJson(r.sample);
    j["name"] = r.name;
    j["file"] = r.file;
    j["rows"] = r.rows;
    j["message"] = r.message;
    j["failing_rows_sql"] = r.failingRowsSql;
    return j;
}

ordered_json checkResultsToJson(const std::vector<CheckResult>& results) {
    auto out = ordered_json::array();
    for (const auto& r : results) out.push_back(checkResultToJson(r));
    return out;
}

std::string checkSummary(const std::vector<CheckResult>& results) {
    if (results.empty()) return "no checks";
    std::string s;
    for (auto st : {CheckStatus::Pass, CheckStatus::Warn, CheckStatus::Fail, CheckStatus::Error}) {
        const auto n = std::count_if(results.begin(), results.end(),
                                     [st](const CheckResult& r) { return r.status == st; });
        if (n > 0) s += (s.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(checkStatusName(st));
    }
    return s;
}

std::string blockingSummary(const std::vector<CheckResult>& results) {
    std::vector<std::string> blocking;
    for (const auto& r : results)
        if (blocks(r)) blocking.push_back(r.table + ": " + r.name);
    if (blocking.empty()) return {};
    std::string list;
    for (std::size_t i = 0; i < blocking.size() && i < 3; ++i) list += (i ? ", " : "") + blocking[i];
    if (blocking.size() > 3) list += ", ...";
    return std::to_string(blocking.size()) + (blocking.size() == 1 ? " check" : " checks") + " failed (" +
           list + ")";
}

CheckStatus worstStatus(const std::vector<CheckResult>& results) {
    CheckStatus worst = CheckStatus::Pass;
    for (const auto& r : results)
        if (int(r.status) > int(worst)) worst = r.status;
    return worst;
}

}  // namespace deskbase

#include "core/checks/check_result.h"

namespace deskbase {

std::string_view checkStatusName(CheckStatus s) {
    switch (s) {
        case CheckStatus::Pass:
            return "pass";
        case CheckStatus::Warn:
            return "warn";
        case CheckStatus::Fail:
            return "fail";
        case CheckStatus::Error:
            return "error";
    }
    return "error";
}

std::optional<CheckStatus> parseCheckStatus(std::string_view s) {
    for (auto st : {CheckStatus::Pass, CheckStatus::Warn, CheckStatus::Fail, CheckStatus::Error})
        if (checkStatusName(st) == s) return st;
    return std::nullopt;
}

std::string CheckResult::column() const {
    std::string s;
    for (const auto& c : columns) s += (s.empty() ? "" : ", ") + c;
    return s;
}

bool blocks(const CheckResult& r) {
    return r.severity == Severity::Error && (r.status == CheckStatus::Fail || r.status == CheckStatus::Error);
}

}  // namespace deskbase

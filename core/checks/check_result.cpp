#include "core/checks/check_result.h"
#include "core/util/enum_names.h"

namespace deskbase {

DESKBASE_ENUM_NAMES(kStatusNames, CheckStatus,
                    {{CheckStatus::Pass, "pass"},
                     {CheckStatus::Warn, "warn"},
                     {CheckStatus::Fail, "fail"},
                     {CheckStatus::Error, "error"}})

std::string_view checkStatusName(CheckStatus s) { return enumName(kStatusNames, s); }

std::optional<CheckStatus> parseCheckStatus(std::string_view s) { return enumFromName(kStatusNames, s); }

std::string CheckResult::column() const {
    std::string s;
    for (const auto& c : columns) s += (s.empty() ? "" : ", ") + c;
    return s;
}

bool blocks(const CheckResult& r) {
    return r.severity == Severity::Error && (r.status == CheckStatus::Fail || r.status == CheckStatus::Error);
}

}  // namespace deskbase

#pragma once
// How long a query result may be served from the result cache (per question or per workspace).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/util/result.h"

namespace deskbase {

struct CachePolicy {
    enum class Kind { Adaptive, Fixed, Never };
    Kind kind = Kind::Adaptive;
    // Adaptive: cache only runs slower than minDurationMs; keep for average duration x multiplier.
    std::int64_t minDurationMs = 50;
    double multiplier = 600;
    // Fixed: keep every result this long.
    std::int64_t ttlSeconds = 3600;

    // Milliseconds to keep a result whose runs took `averageMs` on average; 0 = do not cache.
    std::int64_t keepMs(double lastRunMs, double averageMs) const;

    bool operator==(const CachePolicy&) const = default;
};

// JSON form: {"policy":"adaptive","min_duration_ms":50,"multiplier":600} / {"policy":"fixed","ttl_seconds":N}
// / {"policy":"never"}. Only the fields of the chosen policy are written.
nlohmann::ordered_json cachePolicyToJson(const CachePolicy& p);
Result<CachePolicy> cachePolicyFromJson(const nlohmann::json& j);

}  // namespace deskbase

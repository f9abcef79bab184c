#include "core/cache/cache_policy.h"

#include <cmath>

namespace deskbase {

std::int64_t CachePolicy::keepMs(double lastRunMs, double averageMs) const {
    switch (kind) {
        case Kind::Never: return 0;
        case Kind::Fixed: return ttlSeconds * 1000;
        case Kind::Adaptive:
            if (lastRunMs < double(minDurationMs)) return 0;
            return std::max<std::int64_t>(1, std::llround(averageMs * multiplier));
    }
    return 0;
}

nlohmann::ordered_json cachePolicyToJson(const CachePolicy& p) {
    nlohmann::ordered_json j;
    switch (p.kind) {
        case CachePolicy::Kind::Adaptive:
            j["policy"] = "adaptive";
            j["min_duration_ms"] = p.minDurationMs;
            j["multiplier"] = p.multiplier;
            break;
        case CachePolicy::Kind::Fixed:
            j["policy"] = "fixed";
            j["ttl_seconds"] = p.ttlSeconds;
            break;
        case CachePolicy::Kind::Never: j["policy"] = "never"; break;
    }
    return j;
}

Result<CachePolicy> cachePolicyFromJson(const nlohmann::json& j) {
    if (!j.is_object()) return Error{"cache policy must be an object"};
    CachePolicy p;
    const std::string kind = j.value("policy", std::string("adaptive"));
    if (kind == "adaptive") p.kind = CachePolicy::Kind::Adaptive;
    else if (kind == "fixed") p.kind = CachePolicy::Kind::Fixed;
    else if (kind == "never") p.kind = CachePolicy::Kind::Never;
    else return Error{"unknown cache policy \"" + kind + "\" (adaptive, fixed or never)"};
    try {
        if (j.contains("min_duration_ms")) p.minDurationMs = j.at("min_duration_ms").get<std::int64_t>();
        if (j.contains("multiplier")) p.multiplier = j.at("multiplier").get<double>();
        if (j.contains("ttl_seconds")) p.ttlSeconds = j.at("ttl_seconds").get<std::int64_t>();
    } catch (const nlohmann::json::exception&) {
        return Error{"cache policy fields must be numbers"};
    }
    if (p.minDurationMs < 0 || p.multiplier < 0 || p.ttlSeconds < 0) return Error{"cache policy values must be >= 0"};
    return p;
}

}  // namespace deskbase

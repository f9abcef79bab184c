#include "core/warehouse/postgres_values.h"

#include <charconv>
#include <cmath>

namespace deskbase::pg {

ColumnType logicalTypeOf(Oid type) {
    switch (type) {
        case oid::kInt8:
        case oid::kInt4:
        case oid::kInt2:
        case oid::kOid:
            return ColumnType::Integer;
        case oid::kFloat4:
        case oid::kFloat8:
        case oid::kNumeric:
            return ColumnType::Real;
        case oid::kBool:
            return ColumnType::Boolean;
        case oid::kDate:
            return ColumnType::Date;
        case oid::kTimestamp:
        case oid::kTimestampTz:
            return ColumnType::DateTime;
        default:
            return ColumnType::Text;
    }
}

Value valueFromText(const char* text, int length, Oid type) {
    const char* end = text + length;
    switch (logicalTypeOf(type)) {
        case ColumnType::Integer: {
            std::int64_t v = 0;
            if (auto r = std::from_chars(text, end, v); r.ec == std::errc() && r.ptr == end) return v;
            break;
        }
        case ColumnType::Real: {
            double v = 0;
            // from_chars accepts "NaN", "Infinity", "-Infinity" as PostgreSQL prints them.
            if (auto r = std::from_chars(text, end, v);
                r.ptr == end && (r.ec == std::errc() || r.ec == std::errc::result_out_of_range))
                return v;
            break;
        }
        case ColumnType::Boolean:
            return length > 0 && text[0] == 't';
        default:
            break;
    }
    return std::string(text, std::size_t(length));
}

namespace {
std::string doubleText(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}
}  // namespace

BoundParams::BoundParams(const std::vector<Value>& params) {
    storage_.reserve(params.size());
    values_.reserve(params.size());
    types_.reserve(params.size());
    for (const auto& p : params) {
        Oid type = 0;
        bool null = false;
        if (std::holds_alternative<std::monostate>(p)) {
            null = true;
            storage_.emplace_back();
        } else if (auto* i = std::get_if<std::int64_t>(&p)) {
            type = oid::kInt8;
            storage_.push_back(std::to_string(*i));
        } else if (auto* d = std::get_if<double>(&p)) {
            type = oid::kFloat8;
            storage_.push_back(doubleText(*d));
        } else if (auto* b = std::get_if<bool>(&p)) {
            type = oid::kBool;
            storage_.emplace_back(*b ? "t" : "f");
        } else {
            storage_.push_back(std::get<std::string>(p));
        }
        types_.push_back(type);
        values_.push_back(null ? nullptr : storage_.back().c_str());
    }
}

}  // namespace deskbase::pg

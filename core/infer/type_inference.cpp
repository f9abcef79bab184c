#include "core/infer/type_inference.h"

#include <algorithm>

namespace deskbase {

namespace {
// Beyond this many misses, and 1% of the values, a followed type is given up.
constexpr std::int64_t kGiveUpMisses = 100;
}  // namespace

void ColumnInference::add(std::string_view raw, bool decimalComma) {
    if (raw.data() == nullptr) return;
    const std::string_view t = trimSpaces(raw);
    if (isNullToken(t)) return;
    ++nonNull_;
    const std::uint8_t before = candidates_;
    if (candidates_ != 0) addStrict(t, decimalComma);
    for (int w = 0; w < kFollowCount; ++w)
        if (following_ & (1 << w)) follow(w, t, decimalComma, false);
    // Types this value dropped are followed from here on, unless a rounded number made the column
    // text (that is not a few bad values).
    const std::uint8_t dropped = before & std::uint8_t(~candidates_);
    if (roundedMadeText_) {
        following_ = 0;
        return;
    }
    const std::uint8_t bits[kFollowCount] = {kInteger, kReal, kTemporal};
    for (int w = 0; w < kFollowCount; ++w)
        if (dropped & bits[w]) {
            following_ |= std::uint8_t(1 << w);
            follow(w, t, decimalComma, true);
        }
}

void ColumnInference::follow(int w, std::string_view t, bool decimalComma, bool justDropped) {
    bool fits = false;
    if (w == kFollowInteger) {
        fits = parseInteger(t) || isNaNToken(t);
    } else if (w == kFollowReal) {
        if (isNaNToken(t)) fits = true;
        else if (auto v = parseInteger(t)) fits = realHoldsExactly(*v);
        else fits = parseReal(t) || (decimalComma && parseDecimalComma(t));
    } else if (auto p = parseDateTime(t)) {
        fits = true;
        if (!justDropped) {  // (the strict pass already counted the value that dropped the type)
            sawTime_ |= p->hasTime;
            if (p->slashForm) {
                sawSlash_ = true;
                monthFirstBad_ += !p->monthFirstOk;
                dayFirstBad_ += !p->dayFirstOk;
            }
        }
    }
    if (fits) return;
    if (misses_[w]++ == 0) firstMiss_[w] = std::string(t.substr(0, 80));
    if (misses_[w] > kGiveUpMisses && misses_[w] * 100 > nonNull_) following_ &= std::uint8_t(~(1 << w));
}

void ColumnInference::addStrict(std::string_view t, bool decimalComma) {
    if (isNaNToken(t)) {           // NaN is null in a numeric column, text anywhere else
        candidates_ &= kInteger | kReal;
        return;
    }
    // Integers also fit a real column, unless a double would round them (beyond 2^53): the
    // first such integer is remembered, and makes the column text should it end up real.
    auto keepAsText = [this] {
        roundedMadeText_ = true;
        candidates_ = 0;
    };
    if (candidates_ & (kInteger | kReal)) {
        if (auto v = parseInteger(t)) {
            candidates_ &= kInteger | kReal;
            if (rounded_.empty() && !realHoldsExactly(*v)) rounded_ = t;
            if (!rounded_.empty() && !(candidates_ & kInteger)) keepAsText();
            return;
        }
    }
    candidates_ &= std::uint8_t(~kInteger);
    if ((candidates_ & kReal) && (parseReal(t) || (decimalComma && parseDecimalComma(t)))) {
        candidates_ &= kReal;
        if (!rounded_.empty()) keepAsText();
        return;
    }
    // A number a real would round keeps the column text (it can be no boolean or date either).
    if ((candidates_ & kReal) && realWouldRound(t)) {
        rounded_ = t;
        keepAsText();
        return;
    }
    candidates_ &= std::uint8_t(~kReal);
    if ((candidates_ & kBoolean) && parseBoolean(t)) {
        candidates_ &= kBoolean;
        return;
    }
    candidates_ &= std::uint8_t(~kBoolean);
    if (candidates_ & kTemporal) {
        auto p = parseDateTime(t);
        if (!p) {
            candidates_ = 0;
            return;
        }
        sawTime_ |= p->hasTime;
        if (p->slashForm) {
            sawSlash_ = true;
            monthFirstBad_ += !p->monthFirstOk;
            dayFirstBad_ += !p->dayFirstOk;
            if (monthFirstBad_ && dayFirstBad_) candidates_ = 0;
        }
    }
}

ColumnInference::Tolerant ColumnInference::tolerant() const {
    Tolerant best;
    if (candidates_ != 0 || roundedMadeText_ || nonNull_ == 0) return best;
    const auto budget = std::int64_t(double(nonNull_) * kMisfitShare);
    for (int w = 0; w < kFollowCount; ++w) {
        if (!(following_ & (1 << w))) continue;
        std::int64_t misses = misses_[w];
        ColumnType type = w == kFollowInteger ? ColumnType::Integer : ColumnType::Real;
        if (w == kFollowTemporal) {
            if (sawSlash_ && !monthFirstBad_ && !dayFirstBad_) continue;  // ambiguous slash dates
            misses += std::min(monthFirstBad_, dayFirstBad_);
            type = sawTime_ ? ColumnType::DateTime : ColumnType::Date;
        }
        if (misses > budget || (best.which >= 0 && misses >= best.misses)) continue;
        best = Tolerant{type, misses, w};
    }
    return best;
}

std::int64_t ColumnInference::misfitCount() const { return tolerant().misses; }

std::string ColumnInference::misfitNote() const {
    const Tolerant t = tolerant();
    if (t.which < 0 || t.misses == 0) return {};
    std::string first = t.which == kFollowTemporal && misses_[t.which] == 0 ? std::string("a slash date read the other way")
                                                                             : "'" + firstMiss_[t.which] + "'";
    return std::to_string(t.misses) + (t.misses == 1 ? " value doesn't" : " values don't") + " fit '" +
           std::string(columnTypeName(t.type)) + "' (first: " + first + "); their rows go to the rejects table";
}

ColumnType ColumnInference::type() const {
    if (nonNull_ == 0) return ColumnType::Text;
    if (candidates_ == 0) return tolerant().type;
    if (candidates_ & kInteger) return ColumnType::Integer;
    if (candidates_ & kReal) return ColumnType::Real;
    if (candidates_ & kBoolean) return ColumnType::Boolean;
    // Slash dates that read both ways in every row are ambiguous: keep them as text.
    if (sawSlash_ && !monthFirstBad_ && !dayFirstBad_) return ColumnType::Text;
    return sawTime_ ? ColumnType::DateTime : ColumnType::Date;
}

std::string ColumnInference::textReason() const {
    if (!roundedMadeText_) return {};
    return "'" + rounded_.substr(0, 80) + "' would be rounded as a real: kept as text";
}

SlashOrder ColumnInference::slashOrder() const {
    if (!sawSlash_) return SlashOrder::Unknown;
    return monthFirstBad_ <= dayFirstBad_ ? SlashOrder::MonthFirst : SlashOrder::DayFirst;
}

bool convertField(std::string_view raw, ColumnType type, SlashOrder order, TextArena& arena, Cell& out,
                  std::string& reason, bool decimalComma) {
    if (raw.data() == nullptr) {
        out = Cell::null();
        return true;
    }
    const std::string_view t = trimSpaces(raw);
    if (isNullToken(t)) {
        out = Cell::null();
        return true;
    }
    auto fail = [&](const char* what) {
        reason = "'" + std::string(raw.substr(0, 80)) + "' is not " + what;
        return false;
    };
    switch (type) {
        case ColumnType::Text:
            out = Cell::textView(arena.store(raw));
            return true;
        case ColumnType::Integer:
            if (auto v = parseInteger(t)) {
                out = Cell::integer(*v);
                return true;
            }
            if (isNaNToken(t)) {
                out = Cell::null();
                return true;
            }
            return fail("an integer");
        case ColumnType::Real:
            if (auto v = parseInteger(t); v && realHoldsExactly(*v)) {
                out = Cell::real(double(*v));
                return true;
            }
            if (auto v = parseReal(t)) {
                out = Cell::real(*v);
                return true;
            }
            if (decimalComma) {
                if (auto v = parseDecimalComma(t)) {
                    out = Cell::real(*v);
                    return true;
                }
            }
            if (isNaNToken(t)) {
                out = Cell::null();
                return true;
            }
            if (realWouldRound(t)) {
                reason = "'" + std::string(raw.substr(0, 80)) + "' would be rounded as a real";
                return false;
            }
            return fail("a number");
        case ColumnType::Boolean:
            if (auto v = parseBoolean(t)) {
                out = Cell::boolean(*v);
                return true;
            }
            // An explicit override to boolean also accepts 0/1.
            if (t == "0" || t == "1") {
                out = Cell::boolean(t == "1");
                return true;
            }
            return fail("a boolean");
        case ColumnType::Date:
        case ColumnType::DateTime: {
            auto p = parseDateTime(t, order == SlashOrder::Unknown ? SlashOrder::MonthFirst : order);
            if (!p) return fail(type == ColumnType::Date ? "a date" : "a date-time");
            if (type == ColumnType::Date) {
                if (p->hasTime) return fail("a date (it has a time)");
                out = Cell::textView(p->canonical ? arena.store(t) : arena.store(formatIsoDate(*p)));
            } else {
                out = Cell::textView(p->canonical && p->hasTime ? arena.store(t)
                                                                : arena.store(formatIsoDateTime(*p)));
            }
            return true;
        }
    }
    return fail("convertible");
}

}  // namespace deskbase

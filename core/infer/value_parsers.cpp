#include "core/infer/value_parsers.h"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace deskbase {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return char(std::tolower(static_cast<unsigned char>(c)));
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != b[i]) return false;
    return true;
}

// A real calendar date, years 1..9999 (std::chrono's proleptic Gregorian calendar).
bool validDate(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                       std::chrono::day{unsigned(d)}}
        .ok();
}

// A small cursor over the text.
struct Scan {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return i < s.size() ? s[i] : '\0'; }
    bool eat(char c) {
        if (peek() == c) {
            ++i;
            return true;
        }
        return false;
    }
    // Reads 1..maxDigits digits; returns the count read (0 = none).
    int digits(int& value, int maxDigits) {
        int n = 0;
        value = 0;
        while (n < maxDigits && isDigit(peek())) {
            value = value * 10 + (s[i++] - '0');
            ++n;
        }
        return n;
    }
    std::string_view word() {
        const std::size_t b = i;
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        return s.substr(b, i - b);
    }
    void spaces() {
        while (peek() == ' ') ++i;
    }
};

int monthFromName(std::string_view w) {
    static constexpr std::array<std::string_view, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (std::size_t m = 0; m < names.size(); ++m) {
        if (equalsNoCase(w, names[m])) return int(m) + 1;
        if (w.size() == 3 && equalsNoCase(w, names[m].substr(0, 3))) return int(m) + 1;
        if (w.size() == 4 && m == 8 && equalsNoCase(w, "sept")) return 9;
    }
    return 0;
}

// Parses the optional time part after the date; `sc` stands right after the date.
bool parseTime(Scan& sc, DateTimeParts& p) {
    if (sc.done()) return true;
    if (!sc.eat('T') && !sc.eat(' ')) return false;
    sc.spaces();
    if (sc.digits(p.hour, 2) == 0 || !sc.eat(':') || sc.digits(p.minute, 2) != 2) return false;
    if (sc.eat(':')) {
        if (sc.digits(p.second, 2) != 2) return false;
        if (sc.eat('.') || sc.eat(',')) {
            const std::size_t b = sc.i;
            while (isDigit(sc.peek())) ++sc.i;
            if (sc.i == b) return false;
            p.fraction = sc.s.substr(b, sc.i - b);
        }
    }
    p.hasTime = true;
    std::size_t save = sc.i;
    sc.spaces();
    std::string_view ampm = sc.word();
    if (equalsNoCase(ampm, "am") || equalsNoCase(ampm, "pm")) {
        if (p.hour < 1 || p.hour > 12) return false;
        if (equalsNoCase(ampm, "pm") && p.hour != 12) p.hour += 12;
        if (equalsNoCase(ampm, "am") && p.hour == 12) p.hour = 0;
    } else if (!ampm.empty()) {
        if (ampm == "Z" || ampm == "z" || equalsNoCase(ampm, "utc")) {
            p.hasZone = true;
            p.zoneMinutes = 0;
        } else
            return false;
    } else {
        sc.i = save;
    }
    sc.spaces();
    if (sc.peek() == 'Z') {
        ++sc.i;
        p.hasZone = true;
    } else if (sc.peek() == '+' || sc.peek() == '-') {
        const int sign = sc.s[sc.i++] == '-' ? -1 : 1;
        int hh = 0, mm = 0;
        if (sc.digits(hh, 2) != 2) return false;
        sc.eat(':');
        if (!sc.done() && sc.digits(mm, 2) != 2) return false;
        p.hasZone = true;
        p.zoneMinutes = sign * (hh * 60 + mm);
    }
    return sc.done() && p.hour <= 23 && p.minute <= 59 && p.second <= 60;
}

}  // namespace

std::string_view trimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool isNullToken(std::string_view t) {
    switch (t.size()) {
        case 0:
            return true;
        case 2:
            return equalsNoCase(t, "na");
        case 3:
            return equalsNoCase(t, "n/a");
        case 4:
            return equalsNoCase(t, "null");
        default:
            return false;
    }
}

bool isNaNToken(std::string_view t) {
    return equalsNoCase(t, "nan");
}

std::optional<std::int64_t> parseInteger(std::string_view t) {
    std::size_t i = 0;
    bool neg = false;
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
        neg = t[0] == '-';
        i = 1;
    }
    if (i >= t.size()) return std::nullopt;
    if (t[i] == '0' && t.size() - i > 1) return std::nullopt;  // leading zero: an identifier, keep as text
    std::uint64_t v = 0;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (!isDigit(c)) return std::nullopt;
        const unsigned d = unsigned(c - '0');
        if (v > (UINT64_MAX - d) / 10) return std::nullopt;
        v = v * 10 + d;
    }
    if (!neg && v > std::uint64_t(INT64_MAX)) return std::nullopt;
    if (neg && v > std::uint64_t(INT64_MAX) + 1) return std::nullopt;
    return neg ? std::int64_t(0 - v) : std::int64_t(v);
}

namespace {

// The shape of a decimal number's text: [+-]digits[.digits][(e|E)[+-]digits], no leading zero.
struct DecimalShape {
    bool valid = false;
    std::size_t mantissaDigits = 0;  // digits before the exponent
    bool exponent = false;
    bool point = false;
};

DecimalShape decimalShape(std::string_view t) {
    DecimalShape d;
    std::size_t i = 0;
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) i = 1;
    const std::size_t intStart = i;
    while (i < t.size() && isDigit(t[i])) ++i;
    const std::size_t intDigits = i - intStart;
    if (intDigits > 1 && t[intStart] == '0') return d;  // "01.5": leading zero
    std::size_t fracDigits = 0;
    if (i < t.size() && t[i] == '.') {
        d.point = true;
        ++i;
        while (i < t.size() && isDigit(t[i])) {
            ++i;
            ++fracDigits;
        }
    }
    if (intDigits + fracDigits == 0) return d;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        d.exponent = true;
        ++i;
        if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
        const std::size_t expStart = i;
        while (i < t.size() && isDigit(t[i])) ++i;
        if (i == expStart) return d;
    }
    d.valid = i == t.size();
    d.mantissaDigits = intDigits + fracDigits;
    return d;
}

// The significant digits of a well-shaped decimal text and the power of ten of the first one:
// "0.0250" and "2.5e-2" both give {"25", -2}. Zero gives {"", 0}.
std::pair<std::string, long> significand(std::string_view t) {
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
    const std::size_t e = t.find_first_of("eE");
    const std::string_view mantissa = t.substr(0, e);
    const std::size_t point = mantissa.find('.');
    long power = long(point == std::string_view::npos ? mantissa.size() : point) - 1;
    std::string digits;
    long first = 0;
    for (char c : mantissa) {
        if (c == '.') continue;
        if (!digits.empty() || c != '0') {
            if (digits.empty()) first = power;
            digits += c;
        }
        --power;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) return {{}, 0};
    if (e != std::string_view::npos) {
        std::string_view x = t.substr(e + 1);
        if (!x.empty() && x[0] == '+') x.remove_prefix(1);
        long exponent = 0;
        std::from_chars(x.data(), x.data() + x.size(), exponent);  // a double's range is far inside long
        first += exponent;
    }
    return {std::move(digits), first};
}

// Does the double's shortest round-trip text denote the same number as `t`?
bool printsAs(double v, std::string_view t) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return significand(std::string_view(buf, std::size_t(r.ptr - buf))) == significand(t);
}

enum class RealFit { NotANumber, Exact, Rounded };

RealFit fitReal(std::string_view t, double& v) {
    const DecimalShape d = decimalShape(t);
    if (!d.valid) return RealFit::NotANumber;
    const char* b = t.data() + (t[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(b, t.data() + t.size(), v);
    if (r.ptr != t.data() + t.size()) return RealFit::NotANumber;
    if (r.ec == std::errc::result_out_of_range) return RealFit::Rounded;  // beyond a double's range
    if (r.ec != std::errc()) return RealFit::NotANumber;
    // Up to 15 digits without an exponent, a double always gives the number back (DBL_DIG).
    if (!d.exponent && d.mantissaDigits <= 15) return RealFit::Exact;
    return printsAs(v, t) ? RealFit::Exact : RealFit::Rounded;
}

}  // namespace

std::optional<double> parseReal(std::string_view t) {
    double v = 0;
    if (fitReal(t, v) != RealFit::Exact) return std::nullopt;
    // Integers of more than 15 digits written without a point or exponent (beyond 64 bits, as
    // parseInteger takes the others) stay text, even when a double happens to hold them.
    if (t.find_first_of(".eE") == std::string_view::npos && decimalShape(t).mantissaDigits > 15)
        return std::nullopt;
    return v;
}

bool realHoldsExactly(std::int64_t v) {
    constexpr std::int64_t k2To53 = std::int64_t(1) << 53;
    if (v >= -k2To53 && v <= k2To53) return true;
    return printsAs(double(v), std::to_string(v));
}

bool realWouldRound(std::string_view t) {
    if (auto i = parseInteger(t)) return !realHoldsExactly(*i);
    double v = 0;
    return fitReal(t, v) == RealFit::Rounded;
}

std::optional<double> parseDecimalComma(std::string_view t) {
    const auto comma = t.find(',');
    if (comma == std::string_view::npos || t.size() > 64 ||
        t.find(',', comma + 1) != std::string_view::npos || t.find('.') != std::string_view::npos)
        return std::nullopt;
    char buf[64];
    std::memcpy(buf, t.data(), t.size());
    buf[comma] = '.';
    return parseReal(std::string_view(buf, t.size()));
}

std::optional<bool> parseBoolean(std::string_view t) {
    if (equalsNoCase(t, "true") || equalsNoCase(t, "yes")) return true;
    if (equalsNoCase(t, "false") || equalsNoCase(t, "no")) return false;
    return std::nullopt;
}

std::optional<DateTimeParts> parseDateTime(std::string_view t, SlashOrder order) {
    if (t.size() < 6 || t.size() > 40) return std::nullopt;
    DateTimeParts p;
    Scan sc{t};
    int a = 0;
    if (isDigit(sc.peek())) {
        const int n = sc.digits(a, 4);
        if (n == 4) {
            // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
            const char sep = sc.peek();
            if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
            ++sc.i;
            if (sc.digits(p.month, 2) == 0 || !sc.eat(sep) || sc.digits(p.day, 2) == 0) return std::nullopt;
            p.year = a;
            p.canonical = sep == '-' && t.size() >= 10 && t[7] == '-';
        } else if (n >= 1 && n <= 2) {
            const char sep = sc.peek();
            if (sep == '/' || sep == '.') {
                ++sc.i;
                int b = 0;
                if (sc.digits(b, 2) == 0 || !sc.eat(sep) || sc.digits(p.year, 4) != 4) return std::nullopt;
                if (sep == '.') {  // DD.MM.YYYY is always day first
                    p.day = a;
                    p.month = b;
                } else {
                    p.slashForm = true;
                    p.monthFirstOk = validDate(p.year, a, b);
                    p.dayFirstOk = validDate(p.year, b, a);
                    const bool monthFirst =
                        order == SlashOrder::MonthFirst || (order == SlashOrder::Unknown && p.monthFirstOk);
                    if (monthFirst) {
                        p.month = a;
                        p.day = b;
                    } else {
                        p.month = b;
                        p.day = a;
                    }
                    if (order == SlashOrder::MonthFirst && !p.monthFirstOk) return std::nullopt;
                    if (order == SlashOrder::DayFirst && !p.dayFirstOk) return std::nullopt;
                    if (!p.monthFirstOk && !p.dayFirstOk) return std::nullopt;
                }
            } else if (sep == ' ' || sep == '-') {
                // "1 Jan 2000", "01-Jan-2000"
                ++sc.i;
                p.month = monthFromName(sc.word());
                if (!p.month || !(sc.eat(sep) || sc.eat(' ')) || sc.digits(p.year, 4) != 4)
                    return std::nullopt;
                p.day = a;
            } else {
                return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
    } else {
        // "Jan 1 2000", "January 1, 2000"
        p.month = monthFromName(sc.word());
        if (!p.month || !sc.eat(' ')) return std::nullopt;
        if (sc.digits(p.day, 2) == 0) return std::nullopt;
        sc.eat(',');
        if (!sc.eat(' ') || sc.digits(p.year, 4) != 4) return std::nullopt;
    }
    if (!validDate(p.year, p.month, p.day)) return std::nullopt;
    const std::size_t dateEnd = sc.i;
    if (!parseTime(sc, p)) return std::nullopt;
    if (p.canonical) {
        p.canonical = dateEnd == 10 && (!p.hasTime || (t.size() == 19 && t[10] == ' ' && !p.hasZone));
    }
    if (p.hasZone && p.zoneMinutes != 0) {
        // Convert to UTC.
        using namespace std::chrono;
        const sys_days date = year{p.year} / month{unsigned(p.month)} / day{unsigned(p.day)};
        const sys_time<minutes> utc = date + hours{p.hour} + minutes{p.minute - p.zoneMinutes};
        const sys_days utcDate = floor<days>(utc);
        const year_month_day ymd{utcDate};
        p.year = int(ymd.year());
        p.month = int(unsigned(ymd.month()));
        p.day = int(unsigned(ymd.day()));
        const auto rem = duration_cast<minutes>(utc - utcDate).count();
        p.hour = int(rem / 60);
        p.minute = int(rem % 60);
    }
    return p;
}

std::string formatIsoDate(const DateTimeParts& p) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
    return buf;
}

std::string formatIsoDateTime(const DateTimeParts& p) {
    char buf[40];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", p.year, p.month, p.day, p.hour,
                          p.minute, p.second);
    std::string out(buf, std::size_t(n));
    if (!p.fraction.empty()) {
        out += '.';
        out += p.fraction.substr(0, 6);
    }
    return out;
}

bool looksTyped(std::string_view t) {
    return parseInteger(t) || parseReal(t) || parseBoolean(t) || parseDateTime(t);
}

}  // namespace deskbase

#include "core/checks/freshness.h"

#include <cctype>
#include <cstdio>

namespace deskbase {

namespace {

// Reads `n` digits at `pos` into `out`.
bool digits(const std::string& s, std::size_t& pos, int n, int& out) {
    if (pos + std::size_t(n) > s.size()) return false;
    out = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[pos + std::size_t(i)];
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        out = out * 10 + (c - '0');
    }
    pos += std::size_t(n);
    return true;
}

bool expect(const std::string& s, std::size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

}  // namespace

std::optional<SysSeconds> parseTimestamp(const std::string& text) {
    using namespace std::chrono;
    std::size_t p = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!digits(text, p, 4, y) || !expect(text, p, '-') || !digits(text, p, 2, mo) || !expect(text, p, '-') ||
        !digits(text, p, 2, d))
        return std::nullopt;
    const year_month_day ymd{year(y), month(unsigned(mo)), day(unsigned(d))};
    if (!ymd.ok()) return std::nullopt;
    std::int64_t offset = 0;
    if (p < text.size()) {
        if (text[p] != ' ' && text[p] != 'T') return std::nullopt;
        ++p;
        if (!digits(text, p, 2, h) || !expect(text, p, ':') || !digits(text, p, 2, mi)) return std::nullopt;
        if (p < text.size() && text[p] == ':') {
            ++p;
            if (!digits(text, p, 2, sec)) return std::nullopt;
            if (p < text.size() && text[p] == '.') {
                ++p;
                while (p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]))) ++p;
            }
        }
        if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
        if (p < text.size() && text[p] == 'Z') {
            ++p;
        } else if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
            const int sign = text[p++] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!digits(text, p, 2, oh)) return std::nullopt;
            if (p < text.size() && text[p] == ':') ++p;
            if (p < text.size() && !digits(text, p, 2, om)) return std::nullopt;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (p != text.size()) return std::nullopt;
    }
    const auto t = sys_days(ymd) + hours(h) + minutes(mi) + seconds(sec) - seconds(offset);
    return time_point_cast<seconds>(t);
}

std::string formatTimestamp(SysSeconds t) {
    using namespace std::chrono;
    const auto dayPoint = floor<days>(t);
    const year_month_day ymd{dayPoint};
    const hh_mm_ss hms{t - dayPoint};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                  int(hms.seconds().count()));
    return buf;
}

std::string formatAge(std::int64_t s) {
    if (s < 0) return "in the future by " + formatAge(-s);
    const std::int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
    if (d > 0) return std::to_string(d) + "d" + (h ? " " + std::to_string(h) + "h" : "");
    if (h > 0) return std::to_string(h) + "h" + (m ? " " + std::to_string(m) + "m" : "");
    if (m > 0) return std::to_string(m) + "m";
    return std::to_string(s) + "s";
}

void judgeFreshness(const CheckSpec& c, SysSeconds newest, SysSeconds now, const std::string& what,
                    CheckResult& r) {
    const std::int64_t age = (now - newest).count();
    std::string limits;
    if (c.warnAfter) limits += "warn after " + c.warnAfter->text;
    if (c.errorAfter)
        limits += (limits.empty() ? "" : ", ") + std::string("error after ") + c.errorAfter->text;
    r.message = what + " " + formatTimestamp(newest) + " is " +
                (age >= 0 ? formatAge(age) + " old" : formatAge(age)) + " (" + limits + ")";
    r.failures = 0;
    r.status = CheckStatus::Pass;
    if (c.errorAfter && age > c.errorAfter->seconds) {
        r.failures = 1;
        r.status = c.severity == Severity::Error ? CheckStatus::Fail : CheckStatus::Warn;
    } else if (c.warnAfter && age > c.warnAfter->seconds) {
        r.failures = 1;
        r.status = CheckStatus::Warn;
    }
}

}  // namespace deskbase

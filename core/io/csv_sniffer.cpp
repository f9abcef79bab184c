#include "core/io/csv_sniffer.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/infer/naming.h"
#include "core/infer/type_inference.h"
#include "core/infer/value_parsers.h"

namespace deskbase {

namespace {

constexpr std::size_t kMaxSampleRecords = 200;
constexpr char kCommentChar = '#';

struct SampleRecord {
    std::vector<std::string> fields;  // unquoted
    std::int64_t line = 0;            // 0-based line of the sample where the record starts
};

bool isBreak(char c) { return c == '\n' || c == '\r'; }

// Line breaks in t[from, to): LF, CR LF and a lone CR each count once.
std::int64_t countBreaks(std::string_view t, std::size_t from, std::size_t to) {
    std::int64_t n = 0;
    for (std::size_t k = from; k < to; ++k) n += t[k] == '\n' || (t[k] == '\r' && (k + 1 >= to || t[k + 1] != '\n'));
    return n;
}

struct Parsed {
    SampleRecord rec;
    std::size_t end = 0;       // just after the record's line break
    bool quotedBreak = false;  // a quoted field ran over a line break
    bool cut = false;          // the sample ended inside a quoted field
    bool quoted = false;
};

// Whether a quote closes before the end of the line that t[from] is on.
bool closesOnLine(std::string_view t, std::size_t from, char quote) {
    for (std::size_t k = from; k < t.size() && !isBreak(t[k]); ++k)
        if (t[k] == quote) return true;
    return false;
}

// One record from `pos`, read as the CSV reader reads it: a quote opens a quoted field only at the
// start of a field (elsewhere it is text), text after a closing quote is kept. With `lineMode` a
// quote that does not close on its line is text.
Parsed parseOne(std::string_view t, std::size_t pos, char delim, char quote, bool lineMode) {
    Parsed out;
    auto& fields = out.rec.fields;
    fields.emplace_back();
    std::size_t i = pos;
    bool fieldStart = true;
    while (i < t.size()) {
        const char c = t[i];
        if (fieldStart && c == quote && (!lineMode || closesOnLine(t, i + 1, quote))) {
            out.quoted = true;
            ++i;
            bool closed = false;
            while (i < t.size()) {
                const char d = t[i];
                if (d == quote) {
                    if (i + 1 < t.size() && t[i + 1] == quote) {
                        fields.back() += quote;
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (isBreak(d)) {
                    if (lineMode) break;
                    out.quotedBreak = true;
                }
                fields.back() += d;
                ++i;
            }
            if (!closed && !lineMode) out.cut = true;
            fieldStart = false;
            continue;
        }
        fieldStart = false;
        if (c == delim) {
            fields.emplace_back();
            fieldStart = true;
            ++i;
            continue;
        }
        if (isBreak(c)) {
            ++i;
            if (c == '\r' && i < t.size() && t[i] == '\n') ++i;
            out.end = i;
            return out;
        }
        fields.back() += c;
        ++i;
    }
    out.end = t.size();
    return out;
}

bool blankRecord(const Parsed& p) {
    return !p.quoted && p.rec.fields.size() == 1 && trimSpaces(p.rec.fields[0]).empty();
}

// The sample's records (blank lines and, with `comment`, comment lines left out). A record whose
// quoted field runs over a line break and then has a field count other than `expected` (or runs to
// the end of the whole file) is read again within its line: a stray quote, not a multi-line field.
std::vector<SampleRecord> splitSample(std::string_view t, char delim, char quote, char comment,
                                      std::size_t expected, bool whole, std::vector<std::int64_t>* reread) {
    std::vector<SampleRecord> out;
    std::size_t pos = 0;
    std::int64_t line = 0;
    while (pos < t.size() && out.size() < kMaxSampleRecords) {
        if (comment && t[pos] == comment) {
            std::size_t e = pos;
            while (e < t.size() && !isBreak(t[e])) ++e;
            if (e < t.size()) e += (t[e] == '\r' && e + 1 < t.size() && t[e + 1] == '\n') ? 2 : 1;
            line += countBreaks(t, pos, e);
            pos = e;
            continue;
        }
        Parsed p = parseOne(t, pos, delim, quote, /*lineMode=*/false);
        const bool wrongCount = expected && p.rec.fields.size() != expected;
        if (p.cut && !whole && out.size() >= 2) break;  // a long quoted field cut by the sample's end
        if (p.cut || (p.quotedBreak && wrongCount)) {
            p = parseOne(t, pos, delim, quote, /*lineMode=*/true);
            if (reread) reread->push_back(line);
        }
        p.rec.line = line;
        line += countBreaks(t, pos, p.end);
        pos = p.end;
        if (!blankRecord(p)) out.push_back(std::move(p.rec));
    }
    return out;
}

// A record whose fields hold line breaks (quoted) spans more than one line.
bool recsSpanLines(const SampleRecord& r) {
    for (const auto& f : r.fields)
        if (f.find_first_of("\r\n") != std::string::npos) return true;
    return false;
}

std::size_t modeOf(const std::vector<SampleRecord>& recs, std::size_t* modeCount = nullptr) {
    std::map<std::size_t, std::size_t> freq;
    for (const auto& r : recs) ++freq[r.fields.size()];
    if (freq.empty()) return 0;
    auto m = std::max_element(freq.begin(), freq.end(), [](auto& a, auto& b) { return a.second < b.second; });
    if (modeCount) *modeCount = m->second;
    return m->first;
}

// Records as the reader would split them with `delim`: the expected field count comes from a first
// reading where quotes never span lines.
std::vector<SampleRecord> recordsFor(std::string_view t, char delim, char quote, char comment, bool whole,
                                     std::vector<std::int64_t>* reread = nullptr) {
    std::size_t expected = 0;
    {
        std::vector<SampleRecord> lines;
        std::size_t pos = 0;
        while (pos < t.size() && lines.size() < kMaxSampleRecords) {
            if (comment && t[pos] == comment) {
                while (pos < t.size() && !isBreak(t[pos])) ++pos;
                while (pos < t.size() && isBreak(t[pos])) ++pos;
                continue;
            }
            Parsed p = parseOne(t, pos, delim, quote, /*lineMode=*/true);
            pos = p.end;
            if (!blankRecord(p)) lines.push_back(std::move(p.rec));
        }
        expected = modeOf(lines);
    }
    return splitSample(t, delim, quote, comment, expected, whole, reread);
}

// Is the first record a header? Each column votes: the first value's type differs from the type of
// the rest of the column (a header "1960" over reals, "id" over integers) or agrees with it (data
// like the rest); text over text does not vote. A first row of distinct names with no number, date
// or boolean is a header without a vote (also when every column is text). Empty or repeated names
// do not rule a header out (they become column_N and name_2) but need the columns' vote; an empty
// first or last name (pandas' index column, a delimiter at the end of every line) does not.
bool looksLikeHeader(const std::vector<SampleRecord>& records, std::size_t from) {
    if (from >= records.size()) return false;
    const auto& first = records[from].fields;
    std::vector<std::string> names;
    bool anyTyped = false, emptyInside = false;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const std::string_view v = trimSpaces(first[i]);
        if (v.empty()) {
            if (!(first.size() > 1 && (i == 0 || i + 1 == first.size()))) emptyInside = true;
            continue;
        }
        anyTyped |= looksTyped(v);
        names.emplace_back(v);
    }
    if (names.empty()) return false;
    std::sort(names.begin(), names.end());
    const bool repeated = std::adjacent_find(names.begin(), names.end()) != names.end();
    if (!anyTyped && !repeated && !emptyInside) return true;
    int votes = 0;
    for (std::size_t col = 0; col < first.size(); ++col) {
        if (trimSpaces(first[col]).empty()) continue;
        ColumnInference head, rest;
        head.add(first[col]);
        for (std::size_t r = from + 1; r < records.size(); ++r)
            if (records[r].fields.size() == first.size()) rest.add(records[r].fields[col]);
        if (rest.nonNullCount() == 0) continue;
        if (head.type() == ColumnType::Text && rest.type() == ColumnType::Text) continue;
        votes += head.type() != rest.type() ? 1 : -1;
    }
    return votes > 0;
}

char sniffQuote(std::string_view text) {
    // A single quote is the quote character only when double quotes never appear, and some field
    // starts with it, e.g. 'a b','c'.
    if (text.find('"') == std::string_view::npos && text.find('\'') != std::string_view::npos) {
        for (char delim : {',', ';', '\t', '|'}) {
            const std::string pattern{delim, '\''};
            if (text.find(pattern) != std::string_view::npos || text.front() == '\'') return '\'';
        }
    }
    return '"';
}

char bestDelimiter(std::string_view sample, char quote, char comment, bool whole, bool tabHint) {
    const char hinted = tabHint ? '\t' : ',';
    char best = hinted;
    double bestScore = -1;
    for (char delim : {',', '\t', ';', '|'}) {
        const auto recs = recordsFor(sample, delim, quote, comment, whole);
        std::size_t modeCount = 0;
        const std::size_t mode = modeOf(recs, &modeCount);
        if (mode < 2) continue;
        // Consistency first, then more columns; the hint breaks ties.
        const double consistency = double(modeCount) / double(recs.size());
        double score = consistency * 1000 + double(std::min<std::size_t>(mode, 100));
        if (delim == hinted) score += 0.5;
        if (score > bestScore) {
            bestScore = score;
            best = delim;
        }
    }
    return best;
}

bool startsSomeLine(std::string_view t, char c) {
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i] == c && (i == 0 || isBreak(t[i - 1]))) return true;
    return false;
}

// Lines starting with '#' are comments unless every one of them splits like the data (then they are
// the header, as in "#id,name", or data).
bool hashLinesAreComments(std::string_view t, char delim, char quote, std::size_t mode) {
    std::size_t pos = 0;
    while (pos < t.size()) {
        std::size_t e = pos;
        while (e < t.size() && !isBreak(t[e])) ++e;
        if (t[pos] == kCommentChar) {
            if (parseOne(t.substr(0, e), pos, delim, quote, true).rec.fields.size() != mode) return true;
        }
        pos = e;
        while (pos < t.size() && isBreak(t[pos])) ++pos;
    }
    return false;
}

std::string quoted(std::string_view s) {
    std::string v(trimSpaces(s));
    if (v.size() > 60) v = v.substr(0, 57) + "...";
    return "'" + v + "'";
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// Notes on the header's names: empty ones get column_N, repeated ones a suffix, missing ones are
// added, extra empty ones at the end are dropped (what CsvReader does with them).
void noteHeaderNames(const std::vector<std::string>& fields, std::size_t columns, std::vector<std::string>& notes) {
    std::vector<std::string> names, empty;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i >= columns && trimSpaces(fields[i]).empty()) continue;
        if (trimSpaces(fields[i]).empty()) {
            empty.push_back("column_" + std::to_string(i + 1));
            names.push_back(empty.back());
        } else {
            names.emplace_back(trimSpaces(fields[i]));
        }
    }
    if (!empty.empty())
        notes.push_back(std::to_string(empty.size()) + (empty.size() == 1 ? " header name is" : " header names are") +
                        " empty: named " + joined(empty));
    if (fields.size() < columns)
        notes.push_back("the header names " + std::to_string(fields.size()) + " of " + std::to_string(columns) +
                        " columns: the others are named column_" + std::to_string(fields.size() + 1) +
                        (columns > fields.size() + 1 ? " on" : ""));
    std::map<std::string, int> seen;
    std::set<std::string> repeated;
    for (const auto& n : names)
        if (++seen[toIdentifier(n)] == 2) repeated.insert(n);
    if (!repeated.empty()) {
        std::vector<std::string> list;
        for (const auto& r : repeated) list.push_back(quoted(r));
        notes.push_back("repeated header names " + joined(list) + ": later columns get _2, _3");
    }
}

}  // namespace

CsvSniff sniffCsv(std::string_view text, bool whole, bool tabHint, char forcedDelimiter) {
    CsvSniff out;
    CsvDialect& d = out.dialect;
    // Drop the possibly cut last line of the sample.
    std::string_view sample = text;
    if (!whole)
        if (auto nl = sample.find_last_of('\n'); nl != std::string_view::npos) sample = sample.substr(0, nl + 1);
    d.quote = sniffQuote(sample);

    const bool hashLines = startsSomeLine(sample, kCommentChar);
    char comment = hashLines ? kCommentChar : 0;
    auto pick = [&] {
        return forcedDelimiter ? forcedDelimiter : bestDelimiter(sample, d.quote, comment, whole, tabHint);
    };
    d.delimiter = pick();
    if (hashLines) {
        // Judged against the width of the other lines; with no other lines they are data.
        const std::size_t mode = modeOf(recordsFor(sample, d.delimiter, d.quote, comment, whole));
        if (mode == 0 || !hashLinesAreComments(sample, d.delimiter, d.quote, mode)) {
            comment = 0;
            d.delimiter = pick();
        }
    }
    d.comment = comment;
    std::vector<std::int64_t> reread;  // lines whose stray quote was read within its line
    const auto recs = recordsFor(sample, d.delimiter, d.quote, comment, whole, &reread);
    if (recs.empty()) {
        d.hasHeader = false;
        d.columns = 1;
        out.notes.push_back("the file holds no records (only comments or blank lines): it loads as an empty table");
        return out;
    }
    const std::size_t mode = std::max<std::size_t>(modeOf(recs), 1);
    d.columns = mode;

    // Preamble: leading records with fewer fields than the data before the first record as wide as
    // the data (a title, "Exported on 2026-01-01, by admin"). A short first record is kept as a
    // header short of names when data follows it directly; it is a note when few of its fields are
    // filled, a blank line follows it, or the wide record after it looks like a header itself.
    std::size_t start = 0;
    while (start < recs.size() && recs[start].fields.size() < mode) ++start;
    if (start == recs.size()) start = 0;
    const bool wideIsHeader = start > 0 && looksLikeHeader(recs, start);
    for (std::size_t i = 0; i < start; ++i) {
        const auto& f = recs[i].fields;
        const auto filled = std::size_t(std::count_if(f.begin(), f.end(), [](auto& s) { return !trimSpaces(s).empty(); }));
        const bool blankAfter = recs[i + 1].line > recs[i].line + 1 && !recsSpanLines(recs[i]);
        if (!(filled <= std::max<std::size_t>(1, mode / 2) || blankAfter || wideIsHeader)) {
            start = 0;  // a short data row (or a short header), not a note
            break;
        }
    }
    if (start > 0 && recs[start - 1].fields.size() + 1 == mode) {
        // A header one name short over rows that all end with a delimiter: the header, not a note.
        bool allEndEmpty = true;
        for (std::size_t i = start; i < recs.size(); ++i)
            if (recs[i].fields.size() == mode && !recs[i].fields.back().empty()) allEndEmpty = false;
        if (allEndEmpty) --start;
    }
    // Blank lines (and comments) before the first record are skipped too, without a note.
    d.skipLines = recs[start].line;
    if (start > 0) {
        std::string first;
        for (const auto& f : recs[0].fields) first += (first.empty() ? "" : std::string(1, d.delimiter)) + f;
        out.notes.push_back("skipped " + std::to_string(d.skipLines) + (d.skipLines == 1 ? " line" : " lines") +
                            " before the " + std::string(looksLikeHeader(recs, start) ? "header" : "first record") +
                            " (line " + std::to_string(d.skipLines + 1) + "), starting " + quoted(first));
    }
    if (comment) out.notes.push_back(std::string("lines starting with '") + comment + "' are comments: skipped");

    if (!reread.empty()) {
        const std::string more =
            reread.size() > 1 ? " (and " + std::to_string(reread.size() - 1) + " more)" : std::string();
        out.notes.push_back("line " + std::to_string(reread.front() + 1) + more +
                            ": a quote that does not close on its line is read as text; rows that still do "
                            "not fit go to the rejects table");
    }
    d.hasHeader = looksLikeHeader(recs, start);
    if (d.hasHeader) {
        noteHeaderNames(recs[start].fields, mode, out.notes);
        if (whole && start + 1 == recs.size())
            out.notes.push_back("the file has a header but no rows: it loads as an empty table");
    }
    return out;
}

}  // namespace deskbase

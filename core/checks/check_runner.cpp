#include "core/checks/check_runner.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>

#include "core/checks/check_sql.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t asInt(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return std::int64_t(std::llround(*d));
    if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
    return 0;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string count(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One check on its way to a result.
struct Planned {
    const CheckSpec* spec = nullptr;
    CheckResult result;
    bool runnable = true;
    std::vector<std::string> parts;  // its aggregate expressions
    std::vector<Value> agg;          // their values
};

class Runner {
public:
    Runner(Warehouse& w, const CheckFile& file, const CheckRunOptions& o)
        : w_(w), file_(file), o_(o), sql_(w, file.table) {}

    std::vector<CheckResult> run() {
        for (const auto& c : file_.checks) planned_.push_back(plan(c));
        const std::string described = o_.describeFrom.empty() ? file_.table : o_.describeFrom;
        auto info = describe(described);
        if (!info) {
            for (auto& p : planned_) fail(p, "no table named " + file_.table);
        } else {
            info_ = *info;
            for (auto& p : planned_) checkColumns(p);
            aggregate();
            for (auto& p : planned_)
                if (p.runnable) judge(p);
        }
        std::vector<CheckResult> out;
        for (auto& p : planned_) out.push_back(std::move(p.result));
        return out;
    }

private:
    bool stopped() const { return o_.stop && o_.stop->load(); }

    Planned plan(const CheckSpec& c) {
        Planned p;
        p.spec = &c;
        CheckResult& r = p.result;
        r.file = file_.displayName;
        r.table = file_.table;
        r.check = std::string(checkKindName(c.kind));
        r.name = c.name;
        r.columns = c.kind == CheckKind::Relationships ? std::vector<std::string>{c.column} : c.columnsRead();
        r.severity = c.severity;
        r.mostly = c.mostly;
        r.failingRowsSql = sql_.failingRowsSql(c);
        p.parts = sql_.aggregateParts(c);
        return p;
    }

    void fail(Planned& p, const std::string& reason) {
        p.runnable = false;
        p.result.status = CheckStatus::Error;
        p.result.percent.reset();
        p.result.message = file_.displayName + ": " + p.spec->name + ": " + reason;
    }

    Result<TableInfo> describe(const std::string& table) {
        auto it = described_.find(table);
        if (it != described_.end()) return it->second;
        auto info = w_.describeTable(table);
        if (!info) return info;
        described_.emplace(table, *info);
        return info;
    }

    static const Column* columnOf(const TableInfo& t, const std::string& name) {
        for (const auto& c : t.columns)
            if (c.name == name) return &c;
        return nullptr;
    }

    void checkColumns(Planned& p) {
        for (const auto& name : p.spec->columnsRead())
            if (!columnOf(info_, name)) return fail(p, "no column \"" + name + "\" in " + file_.table);
        if (p.spec->kind == CheckKind::Relationships) {
            auto parent = describe(p.spec->to);
            if (!parent) return fail(p, "no table named " + p.spec->to);
            if (!columnOf(*parent, p.spec->field))
                return fail(p, "no column \"" + p.spec->field + "\" in " + p.spec->to);
        }
    }

    Result<std::vector<Row>> rows(const std::string& sql, std::size_t max = 1000) {
        if (o_.trace) o_.trace(sql);
        const bool savepoint = o_.inTransaction && w_.kind() == Warehouse::Kind::PostgreSQL;
        if (savepoint)
            if (auto s = w_.execute("SAVEPOINT deskbase_check"); !s) return Error{s.message()};
        auto got = fetch(sql, max);
        if (savepoint)
            w_.execute(got ? "RELEASE SAVEPOINT deskbase_check" : "ROLLBACK TO SAVEPOINT deskbase_check");
        return got;
    }

    Result<std::vector<Row>> fetch(const std::string& sql, std::size_t max) {
        auto cursor = w_.query(sql);
        if (!cursor) return Error{cursor.message()};
        std::vector<Row> out;
        if (auto n = (*cursor)->fetch(out, max); !n) return Error{n.message()};
        return out;
    }

    Result<Row> aggregateRow(const std::vector<std::string>& parts) {
        std::string sql = "SELECT COUNT(*)";
        for (const auto& part : parts) sql += ", " + part;
        auto r = rows(sql + " FROM " + sql_.table(), 1);
        if (!r) return Error{r.message()};
        if (r->empty() || r->front().size() != parts.size() + 1)
            return Error{"the aggregate query returned no row"};
        return std::move(r->front());
    }

    // One scan for every check's aggregate expressions. When it fails, each check runs its own so
    // that the error lands on the check that caused it.
    void aggregate() {
        std::vector<std::string> all;
        for (const auto& p : planned_)
            if (p.runnable) all.insert(all.end(), p.parts.begin(), p.parts.end());
        if (stopped()) return cancelRest();
        auto row = aggregateRow(all);
        if (row) {
            rowCount_ = asInt((*row)[0]);
            std::size_t k = 1;
            for (auto& p : planned_) {
                if (!p.runnable) continue;
                p.agg.assign(row->begin() + long(k), row->begin() + long(k + p.parts.size()));
                k += p.parts.size();
            }
            return;
        }
        if (row.message() == "cancelled" || stopped()) return cancelRest();
        bool counted = false;
        for (auto& p : planned_) {
            if (!p.runnable) continue;
            auto own = aggregateRow(p.parts);
            if (!own) {
                fail(p, own.message());
                continue;
            }
            rowCount_ = asInt((*own)[0]);
            counted = true;
            p.agg.assign(own->begin() + 1, own->end());
        }
        if (!counted)
            for (auto& p : planned_)
                if (p.runnable) fail(p, row.message());
    }

    void cancelRest() {
        for (auto& p : planned_)
            if (p.runnable) fail(p, "cancelled");
    }

    void judge(Planned& p) {
        if (stopped()) return fail(p, "cancelled");
        const auto started = Clock::now();
        const CheckSpec& c = *p.spec;
        CheckResult& r = p.result;
        switch (c.kind) {
            case CheckKind::NotNull:
                r.rows = rowCount_;
                r.failures = asInt(p.agg[0]);
                if (r.failures > 0) r.sample.push_back({{Value{}}, r.failures});
                rowVerdict(p);
                break;
            case CheckKind::Unique:
                r.rows = asInt(p.agg[0]);
                if (asInt(p.agg[1]) > 0 && !uniqueSample(p)) return;
                rowVerdict(p);
                break;
            case CheckKind::AcceptedValues:
            case CheckKind::Between:
            case CheckKind::Matches:
                r.rows = asInt(p.agg[1]);
                r.failures = asInt(p.agg[0]);
                rowVerdict(p);
                if (r.failures > 0 && !valueSample(p))
                    return;  // also within `mostly`: what failed is worth seeing
                break;
            case CheckKind::Relationships: {
                r.rows = asInt(p.agg[0]);
                auto n = rows(sql_.countSql(c), 1);
                if (!n || n->empty()) return fail(p, n ? "the count returned no row" : n.message());
                r.failures = asInt(n->front()[0]);
                rowVerdict(p);
                if (r.failures > 0 && !valueSample(p))
                    return;  // also within `mostly`: what failed is worth seeing
                break;
            }
            case CheckKind::Sql:
                r.rows = rowCount_;
                if (!sqlSample(p)) return;
                rowVerdict(p);
                break;
            case CheckKind::RowCount:
                rowCountVerdict(p);
                break;
            case CheckKind::Freshness:
                if (!freshness(p)) return;
                break;
            case CheckKind::Columns:
                columnsVerdict(p);
                break;
        }
        r.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    }

    // Status and message of a row check from r.failures over r.rows, `mostly` and the severity.
    void rowVerdict(Planned& p) {
        CheckResult& r = p.result;
        const CheckSpec& c = *p.spec;
        r.percent = r.rows > 0 ? 100.0 * double(r.failures) / double(r.rows) : 0.0;
        const bool withinMostly =
            c.mostly && r.rows > 0 && double(r.rows - r.failures) / double(r.rows) >= *c.mostly;
        if (r.failures == 0 || withinMostly)
            r.status = CheckStatus::Pass;
        else
            r.status = c.severity == Severity::Error ? CheckStatus::Fail : CheckStatus::Warn;
        const std::string of = std::to_string(r.failures) + " of ";
        switch (c.kind) {
            case CheckKind::NotNull:
                r.message = of + count(r.rows, "row", "rows") + " NULL";
                break;
            case CheckKind::Unique:
                r.message = of + count(r.rows, "row", "rows") + " share a key with another row";
                break;
            case CheckKind::AcceptedValues:
                r.message = of + count(r.rows, "value", "values") + " not accepted";
                break;
            case CheckKind::Between:
                r.message = of + count(r.rows, "value", "values") + " out of range";
                break;
            case CheckKind::Matches:
                r.message = of + count(r.rows, "value", "values") + " not matching /" + c.regex + "/";
                break;
            case CheckKind::Relationships:
                r.message = of + count(r.rows, "value", "values") + " missing from " + c.to + "." + c.field;
                break;
            default:
                r.message = count(r.failures, "failing row", "failing rows") + " (" +
                            count(r.rows, "row", "rows") + " in " + file_.table + ")";
        }
        if (withinMostly && r.failures > 0)
            r.message += " (within mostly " + valueToText(Value{*c.mostly}) + ")";
    }

    // The check's sample query (check_sql.h), or none when it failed (the check is then an error).
    std::optional<std::vector<Row>> sampleRows(Planned& p) {
        auto got = rows(sql_.sampleSql(*p.spec, o_.sampleLimit), std::size_t(o_.sampleLimit));
        if (got) return std::move(*got);
        fail(p, got.message());
        return std::nullopt;
    }

    // Rows of (key columns..., count, failing rows in all).
    bool uniqueSample(Planned& p) {
        auto got = sampleRows(p);
        if (!got) return false;
        CheckResult& r = p.result;
        const std::size_t k = p.spec->columns.size();
        r.failures = 0;
        for (const auto& row : *got) {
            r.sample.push_back({Row(row.begin(), row.begin() + long(k)), asInt(row[k])});
            r.failures = asInt(row[k + 1]);
        }
        return true;
    }

    // Rows of (value, count).
    bool valueSample(Planned& p) {
        auto got = sampleRows(p);
        if (!got) return false;
        for (const auto& row : *got) p.result.sample.push_back({{row[0]}, asInt(row[1])});
        return true;
    }

    // Rows of (the failing row's columns..., failing rows in all).
    bool sqlSample(Planned& p) {
        auto got = sampleRows(p);
        if (!got) return false;
        p.result.failures = 0;
        for (const auto& row : *got) {
            p.result.sample.push_back({Row(row.begin(), row.end() - 1), 1});
            p.result.failures = asInt(row.back());
        }
        return true;
    }

    void tableVerdict(Planned& p, std::int64_t problems) {
        p.result.failures = problems;
        if (problems == 0)
            p.result.status = CheckStatus::Pass;
        else
            p.result.status = p.spec->severity == Severity::Error ? CheckStatus::Fail : CheckStatus::Warn;
    }

    void rowCountVerdict(Planned& p) {
        const CheckSpec& c = *p.spec;
        p.result.rows = rowCount_;
        std::string expected;
        bool bad = false;
        if (c.min && rowCount_ < asInt(*c.min)) {
            bad = true;
            expected = "at least " + valueToText(*c.min);
        }
        if (c.max && rowCount_ > asInt(*c.max)) {
            bad = true;
            expected = "at most " + valueToText(*c.max);
        }
        tableVerdict(p, bad ? 1 : 0);
        p.result.message = count(rowCount_, "row", "rows") + (bad ? "; " + expected + " expected" : "");
    }

    bool freshness(Planned& p) {
        const CheckSpec& c = *p.spec;
        const SysSeconds now =
            o_.now ? *o_.now
                   : std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        std::optional<SysSeconds> newest;
        std::string what;
        if (!c.column.empty()) {
            what = "newest " + c.column;
            const Value& v = p.agg[0];
            if (isNull(v)) {
                fail(p, "no " + c.column + " to judge: every value is NULL or the table is empty");
                return false;
            }
            newest = parseTimestamp(valueToText(v));
            if (!newest) {
                fail(p, c.column + " holds \"" + valueToText(v) + "\", not a date or datetime");
                return false;
            }
        } else {
            what = "last import";
            newest = o_.importedAt;
            if (!newest) {
                auto got = rows("SELECT MAX(finished_at) FROM deskbase_ingestions WHERE table_name = " +
                                    sql_.literal(Value{file_.table}),
                                1);
                if (got && !got->empty() && !isNull(got->front()[0]))
                    newest = parseTimestamp(valueToText(got->front()[0]));
                if (!newest) {
                    fail(p, "no import of " + file_.table + " is recorded (give freshness a \"column\")");
                    return false;
                }
            }
        }
        judgeFreshness(c, *newest, now, what, p.result);
        return true;
    }

    void columnsVerdict(Planned& p) {
        std::vector<std::string> problems;
        for (const auto& [name, type] : p.spec->required) {
            const Column* col = columnOf(info_, name);
            if (!col) {
                problems.push_back("no column " + name);
                continue;
            }
            if (type.empty()) continue;
            std::string native;
            for (std::size_t i = 0; i < info_.columns.size(); ++i)
                if (&info_.columns[i] == col && i < info_.nativeTypes.size()) native = info_.nativeTypes[i];
            const std::string want = lower(type);
            if (want != columnTypeName(col->type) && want != lower(native))
                problems.push_back(name + " is " + std::string(columnTypeName(col->type)) + ", not " + type);
        }
        tableVerdict(p, std::int64_t(problems.size()));
        std::string msg;
        for (const auto& s : problems) msg += (msg.empty() ? "" : "; ") + s;
        p.result.message =
            problems.empty()
                ? count(std::int64_t(p.spec->required.size()), "column", "columns") + " as required"
                : msg;
    }

    Warehouse& w_;
    const CheckFile& file_;
    const CheckRunOptions& o_;
    CheckSql sql_;
    std::vector<Planned> planned_;
    std::map<std::string, TableInfo> described_;
    TableInfo info_;
    std::int64_t rowCount_ = 0;
};

}  // namespace

std::vector<CheckResult> runChecks(Warehouse& w, const CheckFile& file, const CheckRunOptions& options) {
    return Runner(w, file, options).run();
}

bool anyBlocking(const std::vector<CheckResult>& results) {
    return std::any_of(results.begin(), results.end(), [](const CheckResult& r) { return blocks(r); });
}

}  // namespace deskbase

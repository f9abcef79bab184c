// Which reports run by themselves, on fixed times: a schedule that is due (never run: at once; the
// tick came since the last run), one that is not, ticks missed while nothing ran collapse into one
// run, and the reports "after" a source. No wall clock: every instant is written out.
#include "core/reports/report_schedule.h"

#include <QtTest>
#include <map>

#include "core/checks/freshness.h"

using namespace deskbase;

namespace {

SysSeconds at(const std::string& utc) {
    auto t = parseTimestamp(utc);
    if (!t) qFatal("bad timestamp in the test: %s", utc.c_str());
    return *t;
}

ReportSpec report(const std::string& name, const std::string& schedule, std::vector<std::string> after = {}) {
    ReportSpec r;
    r.name = name;
    r.question = "q";
    r.format = "csv";
    r.schedule = schedule;
    r.after = std::move(after);
    return r;
}

std::vector<std::string> names(const std::vector<const ReportSpec*>& list) {
    std::vector<std::string> out;
    for (const auto* r : list) out.push_back(r->name);
    return out;
}

}  // namespace

class ReportScheduleTest : public QObject {
    Q_OBJECT
private slots:
    void due_data();
    void due();
    void missedTicksRunOnce();
    void reportsAfterASource();
    void nextRun();
};

void ReportScheduleTest::due_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("lastRun");  // UTC; empty: never ran
    QTest::addColumn<QString>("now");      // UTC
    QTest::addColumn<bool>("due");
    // 2026-03-02 is a Monday.
    QTest::newRow("never ran: at once") << "weekly mon 08:00"
                                        << ""
                                        << "2026-03-04 12:00:00" << true;
    QTest::newRow("weekly, before the tick") << "weekly mon 08:00"
                                             << "2026-03-02 08:00:05"
                                             << "2026-03-09 07:59:59" << false;
    QTest::newRow("weekly, at the tick") << "weekly mon 08:00"
                                         << "2026-03-02 08:00:05"
                                         << "2026-03-09 08:00:00" << true;
    QTest::newRow("weekly, weeks missed") << "weekly mon 08:00"
                                          << "2026-01-05 08:00:00"
                                          << "2026-03-04 12:00:00" << true;
    QTest::newRow("daily, ran today") << "daily 06:30"
                                      << "2026-03-02 06:30:01"
                                      << "2026-03-02 23:00:00" << false;
    QTest::newRow("cron weekdays, on a Saturday") << "30 6 * * 1-5"
                                                  << "2026-03-06 06:30:00"
                                                  << "2026-03-07 12:00:00" << false;
    QTest::newRow("cron weekdays, Monday") << "30 6 * * 1-5"
                                           << "2026-03-06 06:30:00"
                                           << "2026-03-09 06:30:00" << true;
    QTest::newRow("no schedule: never by itself") << ""
                                                  << ""
                                                  << "2026-03-04 12:00:00" << false;
}

void ReportScheduleTest::due() {
    QFETCH(QString, schedule);
    QFETCH(QString, lastRun);
    QFETCH(QString, now);
    QFETCH(bool, due);
    const std::vector<ReportSpec> reports = {report("r", schedule.toStdString())};
    const std::optional<SysSeconds> last =
        lastRun.isEmpty() ? std::nullopt : std::optional(at(lastRun.toStdString()));
    int asked = 0;
    auto lookup = [&](const std::string& name) {
        ++asked;
        return name == "r" ? last : std::nullopt;
    };
    const auto list = dueReports(reports, lookup, at(now.toStdString()), QTimeZone::utc());
    QCOMPARE(list.size(), std::size_t(due ? 1 : 0));
    if (due) QCOMPARE(list.front(), &reports.front());
    QCOMPARE(asked, schedule.isEmpty() ? 0 : 1);  // a report without a schedule needs no history
}

// Off for three weeks, then a runner looks every minute for two days, running what is due and
// recording when: the weekly report runs once at start (the catch-up), then at its next tick.
void ReportScheduleTest::missedTicksRunOnce() {
    const std::vector<ReportSpec> reports = {report("weekly", "weekly mon 08:00"), report("on_demand", "")};
    std::map<std::string, SysSeconds> last = {{"weekly", at("2026-02-09 08:00:00")}};
    std::vector<std::string> runs;
    auto lookup = [&](const std::string& name) -> std::optional<SysSeconds> {
        auto it = last.find(name);
        return it == last.end() ? std::nullopt : std::optional(it->second);
    };
    for (auto now = at("2026-03-08 09:00:00"); now <= at("2026-03-10 09:00:00");
         now += std::chrono::minutes(1))
        for (const ReportSpec* r : dueReports(reports, lookup, now, QTimeZone::utc())) {
            runs.push_back(r->name + " " + formatTimestamp(now));
            last[r->name] = now;
        }
    QCOMPARE(runs, (std::vector<std::string>{"weekly 2026-03-08 09:00:00", "weekly 2026-03-09 08:00:00"}));
}

void ReportScheduleTest::reportsAfterASource() {
    const std::vector<ReportSpec> reports = {report("a", "", {"orders"}), report("b", "daily 06:00"),
                                             report("c", "", {"customers", "orders"}),
                                             report("d", "", {"customers"})};
    QCOMPARE(names(reportsAfter(reports, "orders")), (std::vector<std::string>{"a", "c"}));
    QCOMPARE(names(reportsAfter(reports, "customers")), (std::vector<std::string>{"c", "d"}));
    QVERIFY(reportsAfter(reports, "order").empty());  // names match whole
}

void ReportScheduleTest::nextRun() {
    const auto weekly = report("w", "weekly mon 08:00");
    const auto now = at("2026-03-04 12:00:00");
    QCOMPARE(formatTimestamp(*reportNextRun(weekly, at("2026-03-02 08:00:00"), now, QTimeZone::utc())),
             std::string("2026-03-09 08:00:00"));
    QCOMPARE(*reportNextRun(weekly, std::nullopt, now, QTimeZone::utc()), now);  // never ran: now
    QVERIFY(!reportNextRun(report("x", ""), std::nullopt, now, QTimeZone::utc()));
}

QTEST_GUILESS_MAIN(ReportScheduleTest)
#include "report_schedule_test.moc"

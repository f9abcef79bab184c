#include "widgets/models/pipeline_snapshot.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>

#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/models/model_project.h"
#include "core/pipeline/check_run.h"
#include "core/pipeline/run_log.h"
#include "core/reports/report_file.h"
#include "core/sources/source_spec.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::widgets {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// How the last run of `kind` `e.name` went.
void lastRunInto(Warehouse* w, const char* kind, SourceEntry& e) {
    if (!w) return;
    auto last = lastRunOf(*w, kind, e.name.toStdString());
    if (!last || !*last) return;
    e.status = qs((*last)->status);
    e.lastRun = qs((*last)->startedAt);
    if (!e.broken) e.error = qs((*last)->error);
}

bool byName(const SourceEntry& a, const SourceEntry& b) {
    return a.name < b.name;
}

std::vector<SourceEntry> loadSources(Warehouse* w, const std::string& workspaceDir) {
    const WorkspaceSources ws = loadWorkspaceSources(workspaceDir);
    const QDir dir(qs(workspaceDir));
    std::vector<SourceEntry> out;
    auto lastRun = [w](SourceEntry& e) { lastRunInto(w, "source", e); };
    for (const auto& s : ws.sources) {
        SourceEntry e;
        e.name = qs(s.name);
        e.path = dir.filePath(qs(s.file));
        e.table = qs(s.table);
        QStringList when;
        if (s.watch) when << QObject::tr("watch");
        if (s.schedule) when << qs(s.schedule->text());
        if (!s.after.empty()) when << QObject::tr("after %1").arg(qs(s.after.front()));
        e.when = when.isEmpty() ? QObject::tr("on demand") : when.join(QStringLiteral(" · "));
        lastRun(e);
        out.push_back(std::move(e));
    }
    for (const auto& p : ws.problems) {
        SourceEntry e;
        e.name = qs(p.name);
        e.path = dir.filePath(qs(p.file));
        e.error = qs(p.message);
        e.broken = true;
        e.when = QObject::tr("broken");
        lastRun(e);
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), byName);
    return out;
}

std::vector<ReportEntry> loadReports(Warehouse* w, const std::string& workspaceDir) {
    const WorkspaceReports ws = loadWorkspaceReports(workspaceDir);
    const QDir dir(qs(workspaceDir));
    std::vector<ReportEntry> out;
    for (const auto& r : ws.reports) {
        ReportEntry e;
        e.name = qs(r.name);
        e.path = dir.filePath(qs(r.file));
        e.table = qs(r.dashboard.empty() ? r.question : r.dashboard) + QStringLiteral(" → ") +
                  (r.alert ? QObject::tr("alert") : qs(r.format));
        QStringList when;
        if (!r.schedule.empty()) when << qs(r.schedule);
        if (!r.after.empty()) when << QObject::tr("after %1").arg(qs(r.after.front()));
        e.when = when.isEmpty() ? QObject::tr("on demand") : when.join(QStringLiteral(" · "));
        lastRunInto(w, "report", e);
        out.push_back(std::move(e));
    }
    for (const auto& p : ws.problems) {  // "reports/<file>.json: ..."
        ReportEntry e;
        const QString message = qs(p);
        const QString file = message.section(QStringLiteral(": "), 0, 0);
        e.name = QFileInfo(file).completeBaseName();
        e.path = dir.filePath(file);
        e.error = message;
        e.broken = true;
        e.when = QObject::tr("broken");
        if (std::none_of(out.begin(), out.end(), [&](const ReportEntry& x) { return x.name == e.name; }))
            out.push_back(std::move(e));  // a second file with a taken name is not listed twice
    }
    std::sort(out.begin(), out.end(), byName);
    return out;
}

}  // namespace

PipelineSnapshot loadPipelineSnapshot(Warehouse* w, const std::string& workspaceDir) {
    PipelineSnapshot snap;
    if (workspaceDir.empty()) return snap;
    const Dialect& dialect = w ? w->dialect() : Dialect::sqlite();
    std::map<std::string, std::string> statuses;
    if (w)
        if (auto s = lastModelStatuses(*w)) statuses = std::move(*s);
    if (auto project = loadModelProject(workspaceDir, dialect); !project) {
        snap.error = QString::fromStdString(project.message());
    } else {
        const QDir dir(QString::fromStdString(workspaceDir));
        for (const auto& m : project->models) {
            auto st = statuses.find(m.name());
            snap.models.push_back({QString::fromStdString(m.name()),
                                   dir.filePath(QString::fromStdString(m.file())),
                                   QString::fromUtf8(materializationName(m.materialized())),
                                   st == statuses.end() ? QString() : QString::fromStdString(st->second)});
        }
    }
    snap.sources = loadSources(w, workspaceDir);
    snap.reports = loadReports(w, workspaceDir);
    if (!w) return snap;
    auto files = loadWorkspaceChecks(workspaceDir);
    if (!files) return snap;  // the checks panel and `deskbase check` report a broken file
    for (const auto& f : *files) {
        auto last = lastCheckResults(*w, f.table);
        if (!last || last->empty()) continue;
        snap.checks[QString::fromStdString(f.table)] = {worstStatus(*last),
                                                        QString::fromStdString(checkSummary(*last))};
    }
    return snap;
}

}  // namespace deskbase::widgets

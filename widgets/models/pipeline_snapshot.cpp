#include "widgets/models/pipeline_snapshot.h"

#include <QDir>
#include <algorithm>

#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/models/model_project.h"
#include "core/pipeline/check_run.h"
#include "core/pipeline/run_log.h"
#include "core/sources/source_spec.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::widgets {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

std::vector<SourceEntry> loadSources(Warehouse* w, const std::string& workspaceDir) {
    const WorkspaceSources ws = loadWorkspaceSources(workspaceDir);
    const QDir dir(qs(workspaceDir));
    std::vector<SourceEntry> out;
    auto lastRun = [w](SourceEntry& e) {
        if (!w) return;
        auto last = lastRunOf(*w, "source", e.name.toStdString());
        if (!last || !*last) return;
        e.status = qs((*last)->status);
        e.lastRun = qs((*last)->startedAt);
        if (!e.broken) e.error = qs((*last)->error);
    };
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
    std::sort(out.begin(), out.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.name < b.name; });
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

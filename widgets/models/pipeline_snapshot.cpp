#include "widgets/models/pipeline_snapshot.h"

#include <QDir>

#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/models/model_project.h"
#include "core/pipeline/check_run.h"
#include "core/pipeline/run_log.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::widgets {

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

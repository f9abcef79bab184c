#include "app/gui/pipeline_controller.h"

#include "app/gui/workspace_controller.h"
#include "core/checks/check_file.h"
#include "core/checks/check_report.h"
#include "core/models/model_build.h"
#include "core/models/model_compile.h"
#include "core/models/model_graph.h"
#include "core/pipeline/check_run.h"
#include "core/pipeline/run_log.h"
#include "core/runtime/background.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"

namespace deskbase::gui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

struct BuildOutcome {
    std::string error;  // nothing built
    std::vector<ModelRun> models;
    std::vector<CheckResult> checks;  // the built models' checks
    bool failed = false;              // a model did not build or a check blocks
};

struct ChecksOutcome {
    std::string error;
    std::vector<CheckResult> results;
};

}  // namespace

PipelineController::PipelineController(WorkspaceController& workspace, QObject* parent)
    : QObject(parent), workspace_(workspace) {}

PipelineController::~PipelineController() {
    mailbox_.close();
    if (build_.isValid()) build_.cancel();
    for (auto& [table, h] : checkRuns_) h.cancel();
}

bool PipelineController::build(const QStringList& selectors) {
    if (!workspace_.isOpen() || isBuilding()) return false;
    const std::string target = workspace_.target().toStdString();
    const std::string dir = workspace_.dir().toStdString();
    std::vector<std::string> select;
    for (const auto& s : selectors) select.push_back(s.toStdString());
    Runtime* runtime = &workspace_.runtime();
    const Mailbox::Address address = mailbox_.address();
    lastLines_.clear();
    emit buildStarted(selectors.isEmpty() ? tr("Build all models")
                                          : tr("Build %1").arg(selectors.join(QStringLiteral(", "))),
                      0);
    JobSpec spec;
    spec.kind = "build";  // its models are jobs of their own, each holding the writer slot in turn
    build_ = runInBackground(
        runtime->jobs(), mailbox_, std::move(spec),
        [this, target, dir, select, runtime, address](JobContext& ctx) {
            BuildOutcome out;
            auto project = loadModelProject(dir, Warehouse::dialectFor(target));
            if (!project) {
                out.error = project.message();
                return out;
            }
            auto checks = loadWorkspaceChecks(dir);  // each model's checks run after it builds
            if (!checks) {
                out.error = checks.message();
                return out;
            }
            BuildOptions options;
            options.checks = std::move(*checks);
            options.select = select;
            options.stop = &ctx.cancelFlag();
            options.onModelDone = [this, address](const ModelRun& m, std::size_t done, std::size_t total) {
                const QString status = qs(m.status), line = qs(modelRunLine(m));
                address.post([this, status, line, done, total] {
                    lastLines_ << line;
                    emit modelBuilt(status, line, int(done), int(total));
                });
            };
            auto report = buildModels(*runtime, target, *project, options);
            if (!report) {
                out.error = report.message();
                return out;
            }
            out.failed = report->failed();
            out.models = std::move(report->models);
            out.checks = std::move(report->checks);
            return out;
        },
        [this](BuildOutcome out) {
            if (!out.error.empty())
                emit buildFailed(qs(out.error));
            else {
                std::string summary = modelRunsSummary(out.models);
                if (!out.checks.empty()) summary += "; checks: " + checkSummary(out.checks);
                emit buildFinished(qs(summary), out.failed);
            }
            workspace_.refreshSchema();
            loadLineage();
        });
    return true;
}

void PipelineController::cancelBuild() {
    if (build_.isValid()) build_.cancel();
}

Result<std::string> PipelineController::compiledSql(const QString& model) const {
    const std::string target = workspace_.target().toStdString();
    const Dialect& dialect = Warehouse::dialectFor(target);
    auto project = loadModelProject(workspace_.dir().toStdString(), dialect);
    if (!project) return Error{project.message()};
    auto graph = ModelGraph::build(*project);
    if (!graph) return Error{graph.message()};
    if (!project->find(model.toStdString())) return Error{"no model named " + model.toStdString()};
    return ModelCompiler(*project, *graph, dialect).compile(model.toStdString());
}

void PipelineController::loadLineage() {
    if (!workspace_.isOpen()) return;
    const std::string dir = workspace_.dir().toStdString();
    JobSpec spec;
    spec.kind = "lineage";
    spec.key = "lineage";
    runInBackground(
        workspace_.runtime().jobs(), mailbox_, std::move(spec),
        [dir](JobContext&) -> Result<Lineage> {
            auto ws = Workspace::open(dir);
            if (!ws) return Error{ws.message()};
            return deskbase::loadLineage(*ws);
        },
        [this](Result<Lineage> lineage) {
            if (!lineage) return emit lineageFailed(qs(lineage.message()));
            lineage_ = std::move(*lineage);
            emit lineageLoaded();
        });
}

const std::vector<CheckResult>& PipelineController::checkResults(const QString& table) const {
    static const std::vector<CheckResult> none;
    auto it = checks_.find(table);
    return it == checks_.end() ? none : it->second;
}

bool PipelineController::isCheckRunning(const QString& table) const {
    auto it = checkRuns_.find(table);
    return it != checkRuns_.end() && !it->second.isDone();
}

void PipelineController::loadChecks(const QString& table) {
    if (!workspace_.isOpen()) return;
    const std::string target = workspace_.target().toStdString();
    JobSpec spec;
    spec.kind = "checks";
    spec.key = "checks-load:" + table.toStdString();
    runInBackground(
        workspace_.runtime().jobs(), mailbox_, std::move(spec),
        [target, t = table.toStdString()](JobContext& ctx) {
            ChecksOutcome out;
            auto w = ctx.connection(target);
            if (!w) {
                out.error = w.message();
                return out;
            }
            auto last = lastCheckResults(**w, t);
            if (!last)
                out.error = last.message();
            else
                out.results = std::move(*last);
            return out;
        },
        [this, table](ChecksOutcome out) {
            if (!out.error.empty()) return emit checksFailed(table, qs(out.error));
            checks_[table] = std::move(out.results);
            emit checksLoaded(table, QString());
        });
}

void PipelineController::runChecks(const QString& table) {
    if (!workspace_.isOpen() || isCheckRunning(table)) return;
    const std::string target = workspace_.target().toStdString();
    const std::string dir = workspace_.dir().toStdString();
    JobSpec spec;
    spec.kind = "checks";
    spec.writesTo = target;  // the run log
    checkRuns_[table] = runInBackground(
        workspace_.runtime().jobs(), mailbox_, std::move(spec),
        [target, dir, t = table.toStdString()](JobContext& ctx) {
            ChecksOutcome out;
            auto files = loadChecksForTable(dir, t);
            if (!files) {
                out.error = files.message();
                return out;
            }
            if (files->empty()) {
                out.error = "no checks on " + t + " yet: Edit checks… adds some";
                return out;
            }
            auto w = ctx.connection(target);
            if (!w) {
                out.error = w.message();
                return out;
            }
            out.results = runAndRecordChecks(**w, *files, &ctx.cancelFlag()).results;
            return out;
        },
        [this, table](ChecksOutcome out) {
            if (!out.error.empty()) return emit checksFailed(table, qs(out.error));
            checks_[table] = std::move(out.results);
            emit checksLoaded(table, tr("just now"));
            workspace_.refreshSchema();
        });
}

}  // namespace deskbase::gui

#include "app/gui/runs_page.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <memory>

#include "app/gui/main_menus.h"
#include "app/gui/main_window.h"
#include "app/gui/pipeline_controller.h"
#include "app/gui/pipeline_pages.h"
#include "app/gui/workspace_controller.h"
#include "core/reports/report_run.h"
#include "core/reports/report_schedule.h"
#include "core/runtime/runtime.h"
#include "core/sources/source_report.h"
#include "core/sources/source_run.h"
#include "core/warehouse/warehouse.h"
#include "core/workspace/workspace.h"
#include "widgets/dashboard/dashboard_render.h"
#include "widgets/runs/runs_panel.h"

namespace deskbase::gui {

namespace {

constexpr int kColumns = 60;   // runs shown per row
constexpr int kPollMs = 3000;  // while the page is shown

// The newest run's id, status and end: changes whenever a run starts or ends.
std::string historySignature(const std::string& target) {
    auto w = Warehouse::open(target);
    if (!w) return {};
    auto runs = recentRuns(**w, 1);
    if (!runs || runs->empty()) return "none";
    const RunRecord& r = runs->front();
    return std::to_string(r.id) + " " + r.status + " " + r.finishedAt;
}

QString outcomeLine(const ReportOutcome& o) {
    return QString::fromStdString(o.status == "error" ? o.message
                                                      : o.report + ": " + o.status +
                                                            (o.path.empty() ? "" : ", wrote " + o.path));
}

}  // namespace

RunsPage::RunsPage(MainWindow* window) : QObject(window), window_(window) {
    poll_.setInterval(kPollMs);
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (panel_ && panel_->isVisible()) reload();
    });
    // Pipeline → Runs (added here so the menus file stays as it is).
    if (QMenu* menu = window_->menus() ? window_->menus()->pipelineMenu : nullptr) {
        menu->addSeparator();
        QAction* runs = menu->addAction(tr("&Runs"));
        runs->setObjectName(QStringLiteral("pipelineRuns"));
        runs->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
        connect(runs, &QAction::triggered, this, [this] { open(); });
    }
    connect(window_->pipeline()->controller(), &PipelineController::buildFinished, this, [this] {
        signature_.clear();  // a build from the Runs page or elsewhere: read again
        if (panel_) reload();
    });
}

RunsPage::~RunsPage() {
    poll_.stop();
    mailbox_.close();
    for (JobHandle* j : {&load_, &steps_, &rerun_})
        if (j->isValid()) j->wait();
}

widgets::RunsPanel* RunsPage::open() {
    if (!panel_) {
        panel_ = new widgets::RunsPanel;
        connect(panel_, &widgets::RunsPanel::refreshRequested, this, [this] {
            signature_.clear();
            reload();
        });
        connect(panel_, &widgets::RunsPanel::runChosen, this, &RunsPage::loadSteps);
        connect(panel_, &widgets::RunsPanel::rerunRequested, this, &RunsPage::rerun);
        window_->addPage(panel_, tr("Runs"));
    }
    window_->showPage(panel_);
    signature_.clear();
    reload();
    poll_.start();
    return panel_;
}

RunsGridTargets RunsPage::targets() const {
    RunsGridTargets t;
    const Workspace* ws = window_->workspace()->workspace();
    if (!ws) return t;
    for (const auto& s : loadWorkspaceSources(ws->dir()).sources) t.sources.push_back(s.name);
    const QDir models(QString::fromStdString(ws->path("models")));
    for (const QString& f : models.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        t.models.push_back(QFileInfo(f).completeBaseName().toStdString());
    for (const auto& r : loadWorkspaceReports(ws->dir()).reports)
        (r.alert ? t.alerts : t.reports).push_back(r.name);
    return t;
}

void RunsPage::reload() {
    if (!panel_ || (load_.isValid() && !load_.isDone())) return;
    const std::string target = window_->workspace()->target().toStdString();
    if (target.empty()) return;
    struct Answer {
        std::string signature;
        std::optional<Result<RunsGrid>> grid;  // none: unchanged
    };
    auto answer = std::make_shared<Answer>();
    JobSpec job;
    job.kind = "runs";
    job.run = [answer, target, known = signature_, targets = targets()](JobContext&) -> Status {
        answer->signature = historySignature(target);
        if (answer->signature.empty() || answer->signature != known)
            answer->grid = loadRunsGrid(target, targets, kColumns);
        return Status::ok();
    };
    job.onDone = [address = mailbox_.address(), answer, this](const JobHandle&) {
        address.post([this, answer] {
            load_ = JobHandle();
            if (!panel_ || !answer->grid) return;
            if (!*answer->grid) {
                panel_->setMessage(tr("Cannot read the run history: %1")
                                       .arg(QString::fromStdString(answer->grid->message())));
                return;
            }
            signature_ = answer->signature;
            panel_->setGrid(std::move(**answer->grid));
            emit gridLoaded();
        });
    };
    load_ = window_->workspace()->runtime().jobs().submit(std::move(job));
}

void RunsPage::loadSteps(std::int64_t runId) {
    const std::string target = window_->workspace()->target().toStdString();
    auto steps = std::make_shared<Result<std::vector<RunStep>>>(std::vector<RunStep>{});
    JobSpec job;
    job.kind = "runs";
    job.run = [steps, target, runId](JobContext&) -> Status {
        auto w = Warehouse::open(target);
        *steps = w ? runSteps(**w, runId) : Result<std::vector<RunStep>>(Error{w.message()});
        return Status::ok();
    };
    job.onDone = [address = mailbox_.address(), steps, runId, this](const JobHandle&) {
        address.post([this, steps, runId] {
            if (!panel_) return;
            if (*steps)
                panel_->setSteps(runId, **steps);
            else
                panel_->setMessage(QString::fromStdString(steps->message()));
        });
    };
    steps_ = window_->workspace()->runtime().jobs().submit(std::move(job));
}

void RunsPage::rerun(const QString& kind, const QString& name) {
    Workspace* ws = window_->workspace()->workspace();
    if (!ws || isRerunning()) return;
    lastWritten_.clear();
    if (kind == QLatin1String("model")) {
        if (panel_) panel_->setMessage(tr("Building %1…").arg(name));
        window_->pipeline()->runModel(name, false);  // its end reloads the grid (buildFinished)
        return;
    }
    const std::string target = window_->workspace()->target().toStdString();
    Runtime& runtime = window_->workspace()->runtime();
    const std::string dir = ws->dir();
    ReportRunOptions reportOptions;
    reportOptions.historyTarget = target;
    reportOptions.renderDashboard = widgets::renderReportDashboard;

    auto line = std::make_shared<std::string>();
    auto written = std::make_shared<std::string>();  // the last file a report wrote
    auto dashboards = std::make_shared<std::vector<ReportSpec>>();  // drawn here afterwards
    // A report's line, noting the file it wrote.
    auto ranReport = [written](const ReportOutcome& o) {
        if (o.status != "error" && !o.path.empty()) *written = o.path;
        return outcomeLine(o);
    };
    JobSpec job;
    job.kind = "rerun";
    job.key = "rerun:" + dir + ":" + kind.toStdString() + ":" + name.toStdString();
    if (kind == QLatin1String("source")) {
        const WorkspaceSources sources = loadWorkspaceSources(dir);
        const SourceSpec* spec = sources.find(name.toStdString());
        if (!spec) {
            if (panel_) panel_->setMessage(tr("There is no source %1 in sources/ any more.").arg(name));
            return;
        }
        job.run = [&runtime, spec = *spec, dir, target, line, dashboards, reportOptions,
                   ranReport](JobContext&) -> Status {
            SourceRunOptions o;
            o.workspaceDir = dir;
            o.target = target;
            const SourceRunReport r = runSource(runtime, spec, o);
            *line = sourceRunLine(r);
            if (r.status != "success" || r.loaded() == 0) return Status::ok();
            auto ws = Workspace::open(dir);
            const WorkspaceReports reports = loadWorkspaceReports(dir);
            for (const ReportSpec* next : reportsAfter(reports.reports, spec.name)) {
                if (!next->dashboard.empty()) {
                    dashboards->push_back(*next);
                } else if (ws) {
                    *line += "; " + ranReport(runReport(*ws, runtime, *next, reportOptions)).toStdString();
                }
            }
            return Status::ok();
        };
    } else {
        const WorkspaceReports reports = loadWorkspaceReports(dir);
        const ReportSpec* spec = nullptr;
        for (const auto& r : reports.reports)
            if (r.name == name.toStdString()) spec = &r;
        if (!spec) {
            if (panel_) panel_->setMessage(tr("There is no report %1 in reports/ any more.").arg(name));
            return;
        }
        if (!spec->dashboard.empty()) {  // widgets draw on this thread
            if (panel_) panel_->setMessage(tr("Drawing %1…").arg(name));
            const QString text = ranReport(runReport(*ws, runtime, *spec, reportOptions));
            lastWritten_ = QString::fromStdString(*written);
            rerunFinishedWith(text);
            return;
        }
        job.run = [&runtime, spec = *spec, dir, line, reportOptions, ranReport](JobContext&) -> Status {
            auto ws = Workspace::open(dir);
            *line = ws ? ranReport(runReport(*ws, runtime, spec, reportOptions)).toStdString() : ws.message();
            return Status::ok();
        };
    }
    if (panel_) panel_->setMessage(tr("Running %1…").arg(name));
    job.onDone = [address = mailbox_.address(), line, written, dashboards, reportOptions, ranReport,
                  this](const JobHandle&) {
        address.post([this, line, written, dashboards, reportOptions, ranReport] {
            rerun_ = JobHandle();
            QString text = QString::fromStdString(*line);
            Workspace* ws = window_->workspace()->workspace();
            for (const auto& d : *dashboards)
                if (ws)
                    text += QStringLiteral("; ") +
                            ranReport(runReport(*ws, window_->workspace()->runtime(), d, reportOptions));
            lastWritten_ = QString::fromStdString(*written);
            rerunFinishedWith(text);
        });
    };
    rerun_ = runtime.jobs().submit(std::move(job));
}

void RunsPage::rerunFinishedWith(const QString& line) {
    if (panel_) panel_->setMessage(line);
    signature_.clear();
    reload();
    emit rerunFinished(line);
}

}  // namespace deskbase::gui

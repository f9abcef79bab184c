#include "app/gui/report_runner.h"

#include <QDir>

#include "app/gui/workspace_controller.h"
#include "core/reports/report_watcher.h"
#include "widgets/dashboard/dashboard_render.h"

namespace deskbase::gui {

QString reportOutcomeText(const std::string& workspaceDir, const ReportOutcome& o) {
    if (o.status == "error") return QString::fromStdString(o.message);
    QString line = QString::fromStdString(o.report + ": " + o.status);
    if (!o.path.empty())
        line += QStringLiteral(", wrote ") +
                QDir(QString::fromStdString(workspaceDir)).relativeFilePath(QString::fromStdString(o.path));
    if (!o.message.empty()) line += QStringLiteral(" — ") + QString::fromStdString(o.message);
    return line;
}

ReportRunner::ReportRunner(WorkspaceController& workspace, QObject* parent)
    : QObject(parent), workspace_(workspace) {}

ReportRunner::~ReportRunner() {
    stopWatching();
}

void ReportRunner::startWatching(int pollMs) {
    stopWatching();
    if (!workspace_.isOpen()) return;
    ReportWatcherOptions o;
    o.workspaceDir = workspace_.dir().toStdString();
    o.historyTarget = workspace_.target().toStdString();
    o.pollMs = pollMs;
    o.renderDashboard = widgets::renderReportDashboard;
    // The watcher calls back on this (the GUI) thread.
    o.onRun = [this, dir = o.workspaceDir](const ReportSpec& spec, const ReportOutcome& outcome) {
        emit ran(QString::fromStdString(spec.name), QString::fromStdString(outcome.status),
                 reportOutcomeText(dir, outcome));
        workspace_.refreshSchema();  // the sidebar's Reports statuses follow
    };
    o.onProblem = [this](const std::string& message) { emit problem(QString::fromStdString(message)); };
    o.onRetry = [this](const std::string& line) { emit problem(QString::fromStdString(line)); };
    watcher_ = std::make_unique<ReportWatcher>(workspace_.runtime(), std::move(o));
    watcher_->start();
}

void ReportRunner::stopWatching() {
    if (watcher_) watcher_->stop();
    watcher_.reset();
}

bool ReportRunner::busy() const {
    return watcher_ && watcher_->busy();
}

void ReportRunner::sourceRan(const QString& source) {
    if (watcher_) watcher_->sourceRan(source.toStdString());
}

}  // namespace deskbase::gui

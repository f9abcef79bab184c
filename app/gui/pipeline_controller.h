#pragma once
// The pipeline's background work for the window: model builds (through core's buildModels on
// the workspace runtime's job queue, with progress per model and cancel), a model's compiled
// SQL, the lineage, and a table's checks (the last results from the run log, or a new run that
// is recorded there). Results come back on the GUI thread; the sidebar is refreshed after a
// build or a check run so its statuses follow.
#include <QObject>
#include <QString>
#include <QStringList>
#include <map>
#include <vector>

#include "core/checks/check_result.h"
#include "core/models/lineage.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"
#include "core/util/result.h"

namespace deskbase::gui {

class WorkspaceController;

class PipelineController : public QObject {
    Q_OBJECT
public:
    explicit PipelineController(WorkspaceController& workspace, QObject* parent = nullptr);
    ~PipelineController() override;

    // dbt selectors: {"name"} runs one model, {"name+"} it and everything downstream, {} all.
    // False (and nothing starts) while another build runs.
    bool build(const QStringList& selectors);
    void cancelBuild();
    bool isBuilding() const { return build_.isValid() && !build_.isDone(); }
    QStringList lastBuildLines() const { return lastLines_; }

    // The SQL a build of `model` runs (refs and sources resolved, ephemeral models inlined).
    Result<std::string> compiledSql(const QString& model) const;

    void loadLineage();
    const Lineage& lineage() const { return lineage_; }

    void loadChecks(const QString& table);  // the last recorded results
    void runChecks(const QString& table);   // runs checks/<table>.json now and records them
    const std::vector<CheckResult>& checkResults(const QString& table) const;
    bool isCheckRunning(const QString& table) const;

signals:
    void buildStarted(const QString& title, int total);
    void modelBuilt(const QString& status, const QString& line, int done, int total);
    void buildFinished(const QString& summary, bool failed);
    void buildFailed(const QString& error);  // nothing built: a broken template, a cycle, ...
    void lineageLoaded();
    void lineageFailed(const QString& error);
    // `when`: "" for results read back, "just now" for a run of this session.
    void checksLoaded(const QString& table, const QString& when);
    void checksFailed(const QString& table, const QString& error);

private:
    WorkspaceController& workspace_;
    JobHandle build_;
    QStringList lastLines_;
    Lineage lineage_;
    std::map<QString, std::vector<CheckResult>> checks_;
    std::map<QString, JobHandle> checkRuns_;
    Mailbox mailbox_;
};

}  // namespace deskbase::gui

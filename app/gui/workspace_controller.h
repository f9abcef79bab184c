#pragma once
// The open workspace and its warehouse connection. Owns the core Workspace (files), the session's
// connection target (which may carry a password typed at connect time: memory only, never saved),
// the sidebar's schema snapshot, reloaded off the GUI thread, and the workspace's Runtime (query
// executor, connection pools, result cache) that every page and controller borrows. Opening
// another workspace points the runtime's cache at that workspace's folder.
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "core/runtime/mailbox.h"
#include "core/runtime/runtime.h"
#include "core/workspace/workspace.h"
#include "widgets/schema/schema_snapshot.h"

namespace deskbase::gui {

class WorkspaceController : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceController(QObject* parent = nullptr);
    ~WorkspaceController() override;

    // Opens a workspace folder, creating its layout when missing. False with a reason on failure.
    bool open(const QString& dir, QString* error = nullptr);
    bool isOpen() const { return workspace_.has_value(); }
    QString dir() const;
    Workspace* workspace() { return workspace_ ? &*workspace_ : nullptr; }
    // Lives as long as this controller; borrowers must be gone before it is.
    Runtime& runtime() { return *runtime_; }

    // The warehouse to connect to, as saved (no password) and for this session (maybe with one).
    QString savedTarget() const;
    QString target() const;
    bool isPostgres() const;
    // Makes `target` (without password) the workspace's default connection and saves deskbase.json.
    bool setConnectionTarget(const QString& target, QString* error = nullptr);
    // A password for this session only.
    void setSessionPassword(const QString& password);

    void refreshSchema();  // background; schemaLoaded() when done
    const widgets::SchemaSnapshot& schema() const { return schema_; }

    Status saveQuestion(const QString& fileName, const Question& question);

    // A target with a password added (keyword string or URI).
    static QString withPassword(const QString& target, const QString& password);

signals:
    void opened(const QString& dir);
    void schemaLoaded(const deskbase::widgets::SchemaSnapshot& snapshot);
    void passwordNeeded(const QString& reason);  // the server wants a password libpq did not have

private:
    std::unique_ptr<Runtime> runtime_;
    std::optional<Workspace> workspace_;
    QString password_;  // memory only
    widgets::SchemaSnapshot schema_;
    quint64 schemaGen_ = 0;
    Mailbox mailbox_;
};

}  // namespace deskbase::gui

#include "app/gui/workspace_controller.h"

#include <QDir>
#include <QUrl>

#include "core/runtime/background.h"
#include "core/warehouse/warehouse.h"

namespace deskbase::gui {

namespace {
constexpr const char* kMainConnection = "main";

bool needsPassword(const QString& message) {
    return message.contains(QStringLiteral("password"), Qt::CaseInsensitive);
}
}  // namespace

WorkspaceController::WorkspaceController(QObject* parent)
    : QObject(parent), runtime_(std::make_unique<Runtime>()) {}
WorkspaceController::~WorkspaceController() {
    mailbox_.close();
    runtime_.reset();  // cancels and waits for what is still running, before the members go
}

bool WorkspaceController::open(const QString& dir, QString* error) {
    auto ws = Workspace::create(QDir(dir).absolutePath().toStdString());
    if (!ws) {
        if (error) *error = QString::fromStdString(ws.message());
        return false;
    }
    workspace_.emplace(std::move(*ws));
    runtime_->setCache(Runtime::cacheOptionsFor(*workspace_));
    password_.clear();
    schema_ = {};
    emit opened(this->dir());
    refreshSchema();
    return true;
}

QString WorkspaceController::dir() const {
    return workspace_ ? QString::fromStdString(workspace_->dir()) : QString();
}

QString WorkspaceController::savedTarget() const {
    return workspace_ ? QString::fromStdString(workspace_->defaultTarget()) : QString();
}

QString WorkspaceController::target() const {
    return withPassword(savedTarget(), password_);
}

bool WorkspaceController::isPostgres() const {
    return Warehouse::isPostgresTarget(savedTarget().toStdString());
}

QString WorkspaceController::withPassword(const QString& target, const QString& password) {
    if (password.isEmpty() || !Warehouse::isPostgresTarget(target.toStdString())) return target;
    if (target.startsWith(QStringLiteral("postgres"))) {
        const QString encoded = QString::fromUtf8(QUrl::toPercentEncoding(password));
        return target + (target.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?")) +
               QStringLiteral("password=") + encoded;
    }
    QString quoted = password;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return target + QStringLiteral(" password='") + quoted + QLatin1Char('\'');
}

bool WorkspaceController::setConnectionTarget(const QString& target, QString* error) {
    if (!workspace_) return false;
    const std::string clean = targetWithoutPassword(target.toStdString());
    auto& conns = workspace_->connections();
    auto& settings = workspace_->settings();
    const std::string embedded = workspace_->path("warehouse.db");
    if (clean.empty() || clean == embedded || clean == "warehouse.db") {
        settings.defaultConnection.clear();  // the embedded SQLite file
    } else {
        auto it = std::find_if(conns.begin(), conns.end(),
                               [](const Connection& c) { return c.name == kMainConnection; });
        if (it == conns.end())
            conns.push_back({kMainConnection, clean});
        else
            it->target = clean;
        settings.defaultConnection = kMainConnection;
    }
    if (auto s = workspace_->saveSettings(); !s) {
        if (error) *error = QString::fromStdString(s.message());
        return false;
    }
    password_.clear();
    refreshSchema();
    return true;
}

void WorkspaceController::setSessionPassword(const QString& password) {
    password_ = password;
    refreshSchema();
}

void WorkspaceController::refreshSchema() {
    if (!workspace_) return;
    const quint64 gen = ++schemaGen_;
    const std::string target = this->target().toStdString();
    const std::string dir = workspace_->dir();
    JobSpec spec;
    spec.kind = "schema";
    spec.key = "schema";  // a newer load supersedes
    runInBackground(
        runtime_->jobs(), mailbox_, std::move(spec),
        [target, dir](JobContext&) { return widgets::loadSchemaSnapshot(target, dir); },
        [this, gen](widgets::SchemaSnapshot snap) {
            if (gen != schemaGen_) return;  // a newer refresh is on its way
            schema_ = std::move(snap);
            if (workspace_) workspace_->reload();
            emit schemaLoaded(schema_);
            if (!schema_.error.isEmpty() && isPostgres() && needsPassword(schema_.error))
                emit passwordNeeded(schema_.error);
        });
}

Status WorkspaceController::saveQuestion(const QString& fileName, const Question& question) {
    if (!workspace_) return Status::fail("no workspace is open");
    auto s = workspace_->saveQuestion(fileName.toStdString(), question);
    if (s) refreshSchema();
    return s;
}

}  // namespace deskbase::gui

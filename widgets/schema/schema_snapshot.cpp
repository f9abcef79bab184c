#include "widgets/schema/schema_snapshot.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/workspace/workspace.h"

namespace deskbase::widgets {

namespace {
// A dashboard's title from its JSON ("title" or "name"), else the file's base name.
QString dashboardTitle(const std::string& path) {
    std::ifstream in(path);
    const auto j = nlohmann::json::parse(in, nullptr, false);
    for (const char* key : {"title", "name"})
        if (j.is_object() && j.contains(key) && j[key].is_string())
            return QString::fromStdString(j[key].get<std::string>());
    return QFileInfo(QString::fromStdString(path)).completeBaseName();
}
}  // namespace

QString warehouseStamp(const std::string& target) {
    if (target.empty() || Warehouse::isPostgresTarget(target)) return {};
    QString stamp;
    for (const QString& path :
         {QString::fromStdString(target), QString::fromStdString(target) + QStringLiteral("-wal")}) {
        const QFileInfo f(path);
        stamp += QStringLiteral("%1:%2;")
                     .arg(f.exists() ? f.size() : -1)
                     .arg(f.exists() ? f.lastModified().toMSecsSinceEpoch() : 0);
    }
    return stamp;
}

bool warehouseChangedSince(const SchemaSnapshot& snapshot, const std::string& target) {
    const QString now = warehouseStamp(target);
    return now.isEmpty() || now != snapshot.stamp;
}

SchemaSnapshot loadSchemaSnapshot(const std::string& target, const std::string& workspaceDir) {
    SchemaSnapshot snap;
    snap.stamp = warehouseStamp(target);
    std::unique_ptr<Warehouse> warehouse;
    if (!target.empty()) {
        auto wh = Warehouse::open(target);
        if (wh) warehouse = std::move(*wh);
        if (!warehouse) {
            snap.error = QString::fromStdString(wh.message());
        } else if (auto tables = warehouse->listTables(); tables) {
            snap.tables = std::move(*tables);
        } else {
            snap.error = QString::fromStdString(tables.message());
        }
    }
    if (!workspaceDir.empty()) {
        if (auto ws = Workspace::open(workspaceDir); ws) {
            for (const auto& q : ws->questions())
                snap.questions.push_back(
                    {QString::fromStdString(q.question.name.empty() ? q.file : q.question.name),
                     QString::fromStdString(ws->path(q.file))});
            for (const auto& d : ws->dashboardFiles())
                snap.dashboards.push_back({dashboardTitle(d), QString::fromStdString(d)});
        }
        snap.pipeline = loadPipelineSnapshot(warehouse.get(), workspaceDir);
    }
    return snap;
}

}  // namespace deskbase::widgets

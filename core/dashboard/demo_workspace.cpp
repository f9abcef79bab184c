#include "core/dashboard/demo_workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

#include "core/io/atomic_file.h"
#include "core/models/materialize.h"
#include "core/warehouse/warehouse.h"

// Resources compiled into a static library need an explicit init call from global scope.
static void initDemoResources() {
    Q_INIT_RESOURCE(demo_workspace);
}

namespace deskbase::dashboard {

namespace {
const QString kRoot = QStringLiteral(":/deskbase/demo/");
}

std::vector<std::string> demoWorkspaceFiles() {
    initDemoResources();
    std::vector<std::string> out;
    QDirIterator it(kRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) out.push_back(it.next().mid(kRoot.size()).toStdString());
    std::sort(out.begin(), out.end());
    return out;
}

std::string demoWorkspaceFile(const std::string& relativePath) {
    initDemoResources();
    QFile f(kRoot + QString::fromStdString(relativePath));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

Status ensureDemoData(const std::string& target, const DemoSizes& sizes) {
    auto warehouse = Warehouse::open(target);
    if (!warehouse)
        return Status::fail("cannot open the demo warehouse " + target + ": " + warehouse.message());
    if (hasDemoData(**warehouse)) return Status::ok();
    return importDemoData(**warehouse, sizes);
}

Result<bool> demoPipelineBuilt(const std::string& dirPath) {
    const QDir dir(QString::fromStdString(dirPath));
    auto warehouse = Warehouse::open(dir.filePath(QStringLiteral("warehouse.db")).toStdString());
    if (!warehouse) return Error{warehouse.message()};
    auto kind = relationKind(**warehouse, "daily_sales");
    if (!kind) return Error{kind.message()};
    return *kind != RelationKind::None;
}

Status ensureDemoWorkspace(const std::string& dirPath, const DemoSizes& sizes) {
    const QDir dir(QString::fromStdString(dirPath));
    if (!QDir().mkpath(dir.path())) return Status::fail("cannot create the folder " + dirPath);
    for (const auto& rel : demoWorkspaceFiles()) {
        const QString dest = dir.filePath(QString::fromStdString(rel));
        if (QFileInfo::exists(dest)) continue;
        if (auto s = writeFileAtomically(dest.toStdString(), demoWorkspaceFile(rel)); !s) return s;
    }
    return ensureDemoData(dir.filePath(QStringLiteral("warehouse.db")).toStdString(), sizes);
}

}  // namespace deskbase::dashboard

#include "app/cli/report_lines.h"

#include <QString>

#include "core/workspace/workspace.h"

namespace deskbase::cli {

namespace {

std::string relativeTo(const Workspace& ws, const std::string& path) {
    const QString dir = QString::fromStdString(ws.dir());
    const QString p = QString::fromStdString(path);
    return p.startsWith(dir + QLatin1Char('/')) ? p.mid(dir.size() + 1).toStdString() : path;
}

}  // namespace

std::string reportOutcomeLine(const Workspace& ws, const ReportSpec& spec, const ReportOutcome& o) {
    if (o.status == "error") return o.message;
    std::string line = o.report + ": " + o.status;
    if (!o.path.empty()) line += ", wrote " + relativeTo(ws, o.path);
    if (spec.question.size() && !spec.alert)
        line += " (" + std::to_string(o.rows) + (o.rows == 1 ? " row)" : " rows)");
    if (!o.message.empty()) line += " — " + o.message;
    if (!o.removed.empty()) line += "; removed " + std::to_string(o.removed.size()) + " older";
    return line;
}

nlohmann::ordered_json reportOutcomeJson(const Workspace& ws, const ReportOutcome& o) {
    return {{"name", o.report},
            {"status", o.status},
            {"file", o.path.empty() ? nullptr : nlohmann::ordered_json(relativeTo(ws, o.path))},
            {"rows", o.rows},
            {"removed", o.removed.size()},
            {"message", o.message},
            {"seconds", o.seconds}};
}

}  // namespace deskbase::cli

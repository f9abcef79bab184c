#include "core/reports/report_output.h"

#include <QRegularExpression>
#include <algorithm>
#include <filesystem>
#include <tuple>

namespace deskbase {

namespace {
namespace fs = std::filesystem;

bool pathExists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}
}  // namespace

std::string datedReportPath(const std::string& dir, const std::string& report, const std::string& ext,
                            const QDateTime& when) {
    const std::string stem = report + "-" + when.toString(QStringLiteral("yyyy-MM-dd-HHmm")).toStdString();
    fs::path p = fs::path(dir) / (stem + "." + ext);
    if (!pathExists(p)) return p.string();
    const std::string withSeconds = stem + when.toString(QStringLiteral("ss")).toStdString();
    p = fs::path(dir) / (withSeconds + "." + ext);
    for (int n = 2; pathExists(p); ++n)
        p = fs::path(dir) / (withSeconds + "-" + std::to_string(n) + "." + ext);
    return p.string();
}

std::vector<std::string> reportOutputs(const std::string& dir, const std::string& report,
                                       const std::string& ext) {
    const QRegularExpression dated(
        QStringLiteral("^%1-(\\d{4}-\\d{2}-\\d{2})-(\\d{4})(?:(\\d{2})(?:-(\\d+))?)?\\.%2$")
            .arg(QRegularExpression::escape(QString::fromStdString(report)),
                 QRegularExpression::escape(QString::fromStdString(ext))));
    // By the time in the name: date, HHMM, then the seconds form (-1 when absent: the minute's
    // first file), then the counter.
    using Key = std::tuple<QString, QString, int, int>;
    std::vector<std::pair<Key, std::string>> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto m = dated.match(QString::fromStdString(it->path().filename().string()));
        if (!m.hasMatch() || !it->is_regular_file(ec)) continue;
        const int seconds = m.captured(3).isEmpty() ? -1 : m.captured(3).toInt();
        const int counter = m.captured(4).isEmpty() ? 1 : m.captured(4).toInt();
        found.push_back({Key{m.captured(1), m.captured(2), seconds, counter}, it->path().string()});
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

Result<std::vector<std::string>> pruneReportOutputs(const std::string& dir, const std::string& report,
                                                    const std::string& ext, int keep) {
    std::vector<std::string> removed;
    if (keep <= 0) return removed;
    const auto files = reportOutputs(dir, report, ext);
    if (files.size() <= std::size_t(keep)) return removed;
    for (std::size_t i = 0; i + std::size_t(keep) < files.size(); ++i) {
        std::error_code ec;
        fs::remove(files[i], ec);
        if (ec) return Error{"Cannot remove the old report " + files[i] + ": " + ec.message()};
        removed.push_back(files[i]);
    }
    return removed;
}

}  // namespace deskbase

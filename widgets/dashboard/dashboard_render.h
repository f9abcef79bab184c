#pragma once
// Headless rendering of a whole dashboard (every card, no scrolling) to PNG or PDF, as
// `deskbase render` does. Needs a QApplication (the offscreen platform is fine).
#include <string>
#include <vector>

#include "core/util/result.h"

namespace deskbase::widgets {

struct RenderOptions {
    std::string dashboardPath;
    std::string outPath;                       // .png or .pdf
    std::vector<std::string> filterArguments;  // "NAME=VALUE" (filter id = value)
    std::string target;                        // --db; empty: the workspace's connections
    int width = 1440;                          // logical pixels
    double scale = 1.0;                        // PNG device pixel ratio
    int timeoutMs = 120000;                    // for all cards together
    bool editMode = false;                     // toolbar and edit affordances (for documentation)
};

struct RenderReport {
    int cards = 0;
    int failedCards = 0;
    std::vector<std::string> errors;  // "card: message"
    int width = 0;
    int height = 0;
    int pages = 0;  // PDF: the A4 pages written (widgets/dashboard/dashboard_pdf.h)
};

Result<RenderReport> renderDashboard(const RenderOptions& options);

// A report's dashboard (core/reports/report_run.h DashboardRenderer): drawn as above with the
// workspace's connections; a card that fails fails the report and leaves no file.
Status renderReportDashboard(const std::string& dashboardPath, const std::string& outPath,
                             const std::vector<std::string>& filterArguments);

}  // namespace deskbase::widgets

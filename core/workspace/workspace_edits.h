#pragma once
// Renaming, duplicating and deleting a workspace's questions and dashboards, keeping the
// references between the files right: a dashboard card names its question by file
// (questions/<file>, or anything Workspace::findQuestion resolves), and so does a list filter's
// options_question. Renaming a question rewrites those references; deleting one removes its cards
// (and the filter wiring to them) from the dashboards that used it. Every step writes through
// atomic saves, and a failure part way puts back what was already written.
//
// Files are named after the name: "Revenue by month" -> questions/revenue_by_month.json.
// Paths given and returned are relative to the workspace ("questions/x.json",
// "dashboards/y.json"); the Workspace is reloaded after a change.
#include <string>
#include <vector>

#include "core/util/result.h"
#include "core/workspace/workspace.h"

namespace deskbase {

struct QuestionUse {
    std::string dashboardFile;  // "dashboards/sales.json"
    std::string dashboardName;  // its title
    int cards = 0;              // cards showing the question
    int filters = 0;            // list filters taking their options from it
};

// The dashboards that use the question (cards or list filter options), in file order.
std::vector<QuestionUse> dashboardsUsingQuestion(const Workspace& ws, const std::string& questionFile);

// Gives the question a new name and file; the dashboards using it follow. Returns the new file.
// Fails, changing nothing, when the name is empty or another question already has that file.
Result<std::string> renameQuestion(Workspace& ws, const std::string& questionFile,
                                   const std::string& newName);
// A copy named "<name> (copy)" (then "(copy 2)", ...) in a file of its own. Returns the new file.
Result<std::string> duplicateQuestion(Workspace& ws, const std::string& questionFile);
// Deletes the question; its cards leave the dashboards that used it, with their filter targets,
// and list filters that took options from it keep their static options.
Status deleteQuestion(Workspace& ws, const std::string& questionFile);

// The same for dashboards (nothing refers to a dashboard file).
Result<std::string> renameDashboard(Workspace& ws, const std::string& dashboardFile,
                                    const std::string& newName);
Result<std::string> duplicateDashboard(Workspace& ws, const std::string& dashboardFile);
Status deleteDashboard(Workspace& ws, const std::string& dashboardFile);

// Names of the questions whose SQL mentions `word` as a whole identifier (case-insensitive):
// what a table rename or delete may break.
std::vector<std::string> questionsMentioning(const Workspace& ws, const std::string& word);

}  // namespace deskbase

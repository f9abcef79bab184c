#pragma once
// The edit-mode side panel for a dashboard's filters: the list of filters (add a text, number,
// date range or list filter; rename it in its form; move it up or down; remove it) and the form of
// the selected one (FilterForm: settings, choices, the cards it drives). Every change is an
// undoable session edit; the panel follows the session (undo, redo) and theme switches by
// rebuilding, the focus staying in the panel.
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"
#include "core/warehouse/warehouse.h"

QT_BEGIN_NAMESPACE
class QListWidget;
class QScrollArea;
class QToolButton;
QT_END_NAMESPACE

namespace deskbase::widgets {

class DashboardSession;
class FilterForm;

class FilterPanel : public QWidget {
    Q_OBJECT
public:
    FilterPanel(DashboardSession* session, QWidget* parent = nullptr);

    void setTables(const std::vector<TableInfo>& tables);              // for "Values of a column"
    void setCardTitles(const std::map<std::string, QString>& titles);  // the names cards are drawn with
    // Adds a filter of `type` (labelled after the type) and selects it. Returns its id.
    std::string addFilter(dashboard::FilterType type);
    void selectFilter(const std::string& filterId);
    const std::string& selectedFilter() const { return selected_; }
    FilterForm* form() const { return form_; }
    QListWidget* list() const { return list_; }
    QToolButton* addButton() const { return add_; }
    QToolButton* upButton() const { return up_; }
    QToolButton* downButton() const { return down_; }
    QToolButton* removeButton() const { return remove_; }
    // Rebuilds now (the panel otherwise rebuilds after the event that changed the filters).
    void rebuild();

protected:
    void changeEvent(QEvent* e) override;

private:
    void scheduleRebuild();

    DashboardSession* session_;
    std::vector<TableInfo> tables_;
    std::map<std::string, QString> titles_;
    std::string selected_;
    bool rebuildQueued_ = false;
    QListWidget* list_ = nullptr;
    QToolButton* add_ = nullptr;
    QToolButton* up_ = nullptr;
    QToolButton* down_ = nullptr;
    QToolButton* remove_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    FilterForm* form_ = nullptr;
};

}  // namespace deskbase::widgets

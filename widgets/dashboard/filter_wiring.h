#pragma once
// Metabase's "column to filter on" step for one filter: every card of the dashboard with a
// choice of the parameter of its question the filter drives (a start and an end for a date
// range), "— not wired —" to leave a card out, and "Wire matching cards" to wire every card whose
// question has a parameter of a matching name. Each choice is reported as the edited filter.
#include <QWidget>
#include <vector>

#include "core/dashboard/dashboard.h"
#include "core/workspace/workspace.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QGridLayout;
class QPushButton;
QT_END_NAMESPACE

namespace deskbase::widgets {

class FilterWiring : public QWidget {
    Q_OBJECT
public:
    explicit FilterWiring(QWidget* parent = nullptr);

    // Shows the wiring of `filter` over the dashboard's cards; `titles` names each card as drawn.
    void show(const Workspace& ws, const dashboard::Dashboard& d, const dashboard::Filter& filter,
              const std::map<std::string, QString>& titles);
    // The parameter choice for a card (its start for a date range; `end` for the end), for tests.
    QComboBox* parameterBox(const std::string& cardId, bool end = false) const;
    QPushButton* wireMatchingButton() const { return wireMatching_; }

signals:
    void wiringEdited(const dashboard::Filter& filter);
    void wireMatchingRequested();

private:
    struct Row {
        std::string cardId;
        QComboBox* start = nullptr;
        QComboBox* end = nullptr;
    };
    void clear();
    void commit();  // reads every row into the filter and reports it

    QGridLayout* grid_ = nullptr;
    QPushButton* wireMatching_ = nullptr;
    dashboard::Filter filter_;
    std::vector<Row> rows_;
};

}  // namespace deskbase::widgets

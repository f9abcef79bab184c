#pragma once
// The SQL tabs: any number of query pages, each with its own editor, parameters and result, living
// in the window's PageTabs beside the dashboards. Opening a question or a table focuses the tab
// that already shows it, else reuses the current tab when it is blank, else opens a new tab.
#include <QList>
#include <QObject>
#include <QPointer>

#include "widgets/schema/schema_snapshot.h"

namespace deskbase::gui {

class PageTabs;
class QueryPage;
class WorkspaceController;

class QueryTabs : public QObject {
    Q_OBJECT
public:
    QueryTabs(WorkspaceController* workspace, PageTabs* tabs);

    // The current tab when it is a query page, else the query page that was current last (one
    // always exists: a blank tab is made when none is left).
    QueryPage* current();
    QList<QueryPage*> all() const;
    QueryPage* newTab();  // Ctrl+T: a blank SQL tab, made current
    // Focuses the tab showing this question or table, else opens it (see above).
    QueryPage* openQuestion(const QString& path);
    QueryPage* openTable(const QString& table);
    // Opens in the current tab, replacing its content (asks first when it is modified).
    bool openQuestionHere(const QString& path);
    QueryPage* findQuestion(const QString& path) const;
    QueryPage* findTable(const QString& table) const;

    void applySchema(const widgets::SchemaSnapshot& snapshot);
    void updateColors();
    void setEditorFontSize(int points);  // 0 = the system's; new tabs too

signals:
    // A message from one of the query pages (the window shows it while that page is current).
    void statusMessage(QWidget* page, const QString& text);
    void demoRequested();  // a tab's welcome panel
    void importRequested();
    void addToDashboardRequested();  // the current tab's Add to dashboard

private:
    QueryPage* create();
    QueryPage* blankOrNew();

    WorkspaceController* workspace_;
    PageTabs* tabs_;
    QPointer<QueryPage> last_;  // the query page that was current last
    widgets::SchemaSnapshot schema_;
    int created_ = 0;
    int fontSize_ = 0;
};

}  // namespace deskbase::gui

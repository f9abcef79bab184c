#pragma once
// The dashboard page's toolbar: in view mode Edit, Refresh, the auto-refresh interval and
// Fullscreen; in edit mode Add question, Add text, Add heading, Add filter, Filters (the panel),
// Settings, Undo, Redo, Cancel and Save. Holds the actions only; the view does the work.
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QHBoxLayout;
class QMenu;
class QUndoStack;
QT_END_NAMESPACE

namespace deskbase::widgets {

class DashboardToolbar : public QWidget {
    Q_OBJECT
public:
    DashboardToolbar(QUndoStack* undo, QWidget* parent = nullptr);

    void setEditMode(bool on);  // shows the actions of that mode
    void setLiveRefresh(int seconds);

    // View mode
    QAction* edit;
    QAction* refresh;
    QAction* fullScreen;  // checkable
    QComboBox* refreshInterval;
    // Edit mode
    QAction* addQuestion;
    QAction* addText;
    QAction* addHeading;
    QAction* addFilter;    // opens addFilterMenu
    QMenu* addFilterMenu;  // Text, Number, Date range, List of values (data: the type name)
    QAction* filters;      // checkable: the filter panel
    QAction* settings;
    QAction* undo;
    QAction* redo;
    QAction* cancel;
    QAction* save;

signals:
    void liveRefreshChosen(int seconds);

private:
    QAction* add(const QString& text, const QString& tip, bool editMode);
    QHBoxLayout* layout_;
    QList<QAction*> viewActions_, editActions_;
};

}  // namespace deskbase::widgets

#include "widgets/dashboard/dashboard_toolbar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QUndoStack>

#include "core/dashboard/dashboard.h"
#include "widgets/dashboard/dashboard_settings_dialog.h"

namespace deskbase::widgets {

DashboardToolbar::DashboardToolbar(QUndoStack* undoStack, QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("dashboardToolbar"));
    layout_ = new QHBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(4);
    edit = add(tr("Edit"), tr("Add, arrange and remove cards and filters"), false);
    refresh = add(tr("Refresh"), tr("Run every card again (bypassing the cache)"), false);
    refreshInterval = new QComboBox(this);
    refreshInterval->setToolTip(
        tr("Auto-refresh while this dashboard is open (not saved; the saved interval "
           "is in the dashboard settings)"));
    for (const auto& [label, seconds] : refreshIntervalChoices()) refreshInterval->addItem(label, seconds);
    connect(refreshInterval, &QComboBox::activated, this,
            [this](int i) { emit liveRefreshChosen(refreshInterval->itemData(i).toInt()); });
    layout_->addWidget(refreshInterval);
    fullScreen = add(tr("Fullscreen"), tr("Show only the dashboard on the whole screen (Esc leaves)"), false);
    fullScreen->setCheckable(true);

    addQuestion = add(tr("Add question"), tr("Add cards showing saved questions"), true);
    addText = add(tr("Add text"), tr("Add a markdown text card, edited in place"), true);
    addHeading = add(tr("Add heading"), tr("Add a heading across the dashboard"), true);
    addFilter = add(tr("Add filter"), tr("Add a text, number, date range or list filter"), true);
    filters = add(tr("Filters"), tr("Show the filter panel: wire, rename, reorder and remove filters"), true);
    filters->setCheckable(true);
    addFilterMenu = new QMenu(this);
    for (QToolButton* b : findChildren<QToolButton*>())
        if (b->defaultAction() == addFilter) {
            b->setMenu(addFilterMenu);
            b->setPopupMode(QToolButton::InstantPopup);
        }
    for (const auto& [type, label] : {std::pair{dashboard::FilterType::Text, tr("Text")},
                                      std::pair{dashboard::FilterType::Number, tr("Number")},
                                      std::pair{dashboard::FilterType::DateRange, tr("Date range")},
                                      std::pair{dashboard::FilterType::List, tr("List of values")}})
        addFilterMenu->addAction(label)->setData(
            QString::fromStdString(std::string(dashboard::filterTypeName(type))));
    settings = add(tr("Settings"), tr("Title, description, auto-refresh and cache"), true);
    undo = add(tr("Undo"), tr("Undo the last edit (Ctrl+Z)"), true);
    redo = add(tr("Redo"), tr("Redo (Ctrl+Shift+Z)"), true);
    cancel = add(tr("Cancel"), tr("Stop editing (Esc); asks about unsaved edits"), true);
    save = add(tr("Save"), tr("Save the dashboard and stop editing (Ctrl+S saves and keeps editing)"), true);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(undo, &QAction::triggered, undoStack, &QUndoStack::undo);
    connect(redo, &QAction::triggered, undoStack, &QUndoStack::redo);
    connect(undoStack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(undoStack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    setEditMode(false);
}

QAction* DashboardToolbar::add(const QString& text, const QString& tip, bool editMode) {
    auto* action = new QAction(text, this);
    action->setToolTip(tip);
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    layout_->addWidget(button);
    (editMode ? editActions_ : viewActions_) << action;
    return action;
}

void DashboardToolbar::setEditMode(bool on) {
    for (QAction* a : viewActions_) a->setVisible(!on);
    for (QAction* a : editActions_) a->setVisible(on);
    refreshInterval->setVisible(!on);
}

void DashboardToolbar::setLiveRefresh(int seconds) {
    const int i = refreshInterval->findData(seconds);
    if (i >= 0) {
        refreshInterval->setCurrentIndex(i);
    } else {
        refreshInterval->addItem(tr("Every %1 s").arg(seconds), seconds);
        refreshInterval->setCurrentIndex(refreshInterval->count() - 1);
    }
}

}  // namespace deskbase::widgets

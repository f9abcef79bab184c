#include "widgets/dashboard/filter_panel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/dashboard/dashboard_session.h"
#include "widgets/dashboard/filter_form.h"

namespace deskbase::widgets {

namespace {
QString typeLabel(dashboard::FilterType t) {
    switch (t) {
        case dashboard::FilterType::Text:
            return QObject::tr("Text");
        case dashboard::FilterType::Number:
            return QObject::tr("Number");
        case dashboard::FilterType::DateRange:
            return QObject::tr("Date range");
        case dashboard::FilterType::List:
            return QObject::tr("List");
    }
    return {};
}
}  // namespace

FilterPanel::FilterPanel(DashboardSession* session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("filterPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    auto* title = new QLabel(tr("Filters"), this);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    title->setFont(f);
    layout->addWidget(title);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("filterList"));
    list_->setMaximumHeight(120);
    layout->addWidget(list_);
    auto* buttons = new QHBoxLayout;
    auto button = [&](const QString& text, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    add_ = button(tr("Add filter"), tr("Add a text, number, date range or list filter"));
    add_->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(add_);
    for (auto t : {dashboard::FilterType::Text, dashboard::FilterType::Number,
                   dashboard::FilterType::DateRange, dashboard::FilterType::List})
        menu->addAction(t == dashboard::FilterType::List ? tr("List of values") : typeLabel(t), this,
                        [this, t] { addFilter(t); });
    add_->setMenu(menu);
    up_ = button(tr("Up"), tr("Show this filter earlier in the filter bar"));
    down_ = button(tr("Down"), tr("Show this filter later in the filter bar"));
    remove_ = button(tr("Remove"), tr("Remove this filter"));
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(up_, &QToolButton::clicked, this, [this] { session_->moveFilter(selected_, -1); });
    connect(down_, &QToolButton::clicked, this, [this] { session_->moveFilter(selected_, 1); });
    connect(remove_, &QToolButton::clicked, this, [this] { session_->removeFilter(selected_); });
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        const auto& filters = session_->dashboard().filters;
        if (row >= 0 && row < int(filters.size()) && filters[std::size_t(row)].id != selected_)
            selectFilter(filters[std::size_t(row)].id);
    });
    scroll_ = new QScrollArea(this);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll_, 1);
    connect(session_, &DashboardSession::filtersChanged, this, &FilterPanel::scheduleRebuild);
    connect(session_, &DashboardSession::filterRenamed, this,
            [this](const std::string& from, const std::string& to) {
                if (selected_ == from) selected_ = to;
            });
    connect(session_, &DashboardSession::opened, this, &FilterPanel::scheduleRebuild);
    connect(session_, &DashboardSession::filterOptionsLoaded, this, &FilterPanel::scheduleRebuild);
    rebuild();
}

void FilterPanel::setTables(const std::vector<TableInfo>& tables) {
    tables_ = tables;
    scheduleRebuild();
}

void FilterPanel::setCardTitles(const std::map<std::string, QString>& titles) {
    titles_ = titles;
    scheduleRebuild();
}

std::string FilterPanel::addFilter(dashboard::FilterType type) {
    const std::string id = session_->addFilter(type, typeLabel(type));
    selectFilter(id);
    return id;
}

void FilterPanel::selectFilter(const std::string& filterId) {
    selected_ = filterId;
    rebuild();
}

void FilterPanel::changeEvent(QEvent* e) {
    QWidget::changeEvent(e);
    // A theme switch: the form's colours (the default's list button, whose style sheet kept the
    // old palette, and the problems line) are made again from the new palette.
    if (e->type() == QEvent::PaletteChange) scheduleRebuild();
}

void FilterPanel::scheduleRebuild() {
    // Rebuilt after the event that changed the filters: the widget that sent it may be in the form.
    if (rebuildQueued_) return;
    rebuildQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        if (rebuildQueued_) rebuild();
    });
}

void FilterPanel::rebuild() {
    rebuildQueued_ = false;
    const auto& filters = session_->dashboard().filters;
    if (!session_->dashboard().filter(selected_))
        selected_ = filters.empty() ? std::string() : filters.front().id;
    {
        const QSignalBlocker block(list_);
        list_->clear();
        for (const auto& f : filters) {
            const QString label = QString::fromStdString(f.label.empty() ? f.id : f.label);
            auto* item =
                new QListWidgetItem(QStringLiteral("%1  ·  %2").arg(label, typeLabel(f.type)), list_);
            if (f.targets.empty()) item->setToolTip(tr("Not wired to any card"));
            if (f.id == selected_) list_->setCurrentItem(item);
        }
    }
    const int row = list_->currentRow();
    up_->setEnabled(row > 0);
    down_->setEnabled(row >= 0 && row + 1 < int(filters.size()));
    remove_->setEnabled(row >= 0);
    // The focus stays in the panel: taking away the form that has it (Enter in Label, a click on
    // Wire matching cards) handed it to the next widget in the window, the sidebar's search box.
    // It parks on the scroll area, then goes to the new form's widget of the same name.
    QWidget* focused = QApplication::focusWidget();
    const bool formHadFocus = scroll_->widget() && scroll_->widget()->isAncestorOf(focused);
    const QString focusedName = formHadFocus ? focused->objectName() : QString();
    if (formHadFocus) scroll_->setFocus(Qt::OtherFocusReason);
    // The old form may be in the middle of the signal that led here: delete it later.
    if (QWidget* old = scroll_->takeWidget()) old->deleteLater();
    form_ = nullptr;
    if (selected_.empty()) {
        auto* hint =
            new QLabel(tr("No filters yet. Add one, then pick the parameter of each card it drives."));
        hint->setWordWrap(true);
        scroll_->setWidget(hint);
        return;
    }
    form_ = new FilterForm(session_, tables_, titles_, selected_);
    scroll_->setWidget(form_);
    if (!focusedName.isEmpty())
        if (auto* again = form_->findChild<QWidget*>(focusedName); again && again->isEnabled())
            again->setFocus(Qt::OtherFocusReason);
}

}  // namespace deskbase::widgets

#include "widgets/schema/schema_browser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

#include "widgets/schema/schema_model.h"

namespace deskbase::widgets {

SchemaBrowser::SchemaBrowser(QWidget* parent)
    : QWidget(parent),
      model_(new SchemaModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      filter_(new QLineEdit(this)),
      view_(new QTreeView(this)),
      rename_(new QAction(tr("Rename…"), this)),
      delete_(new QAction(tr("Delete…"), this)) {
    setObjectName(QStringLiteral("schemaBrowser"));
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(0);
    filter_->setPlaceholderText(tr("Filter tables, questions, dashboards"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, this, &SchemaBrowser::search);

    view_->setModel(proxy_);
    view_->setObjectName(QStringLiteral("schemaTree"));
    view_->setHeaderHidden(true);
    view_->setUniformRowHeights(true);
    view_->setExpandsOnDoubleClick(false);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // The detail column takes what its text needs, but at most 40% of the tree: names first (a
    // model's "ephemeral · not built" left its name no room in a narrow sidebar).
    view_->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    // A row with no detail (a question, a dashboard) gives its name the detail column's room too.
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &SchemaBrowser::updateSpans);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &SchemaBrowser::updateSpans);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &SchemaBrowser::updateSpans);
    connect(proxy_, &QAbstractItemModel::dataChanged, this, &SchemaBrowser::updateSpans);
    connect(view_, &QTreeView::expanded, this, &SchemaBrowser::fitDetailColumn);
    connect(view_, &QTreeView::collapsed, this, &SchemaBrowser::fitDetailColumn);
    connect(view_, &QTreeView::doubleClicked, this, &SchemaBrowser::activate);
    // Enter opens the selected entry as a double-click does; F2 and Delete act on it. Only while
    // the tree has the focus: elsewhere these keys belong to the editors.
    auto* open = new QAction(tr("Open"), this);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    connect(open, &QAction::triggered, this, [this] { activate(view_->currentIndex()); });
    rename_->setShortcut(QKeySequence(Qt::Key_F2));
    delete_->setShortcut(QKeySequence::Delete);
    for (QAction* a : {open, rename_, delete_}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view_->addAction(a);
    }
    connect(rename_, &QAction::triggered, this, [this] {
        if (const SchemaItem item = currentItem(); item.canEdit()) emit renameRequested(item);
    });
    connect(delete_, &QAction::triggered, this, [this] {
        if (const SchemaItem item = currentItem(); item.canEdit()) emit deleteRequested(item);
    });
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex at = view_->indexAt(pos);
        if (at.isValid()) view_->setCurrentIndex(at);
        QMenu* menu = contextMenu(itemAt(at));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(view_->viewport()->mapToGlobal(pos));
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(filter_);
    layout->addWidget(view_, 1);
}

void SchemaBrowser::setSnapshot(const SchemaSnapshot& snapshot) {
    QSet<QString> expanded;
    const QModelIndex tablesSection = proxy_->mapFromSource(model_->sectionIndex(SchemaModel::Kind::Table));
    for (int r = 0; r < proxy_->rowCount(tablesSection); ++r) {
        const QModelIndex i = proxy_->index(r, 0, tablesSection);
        if (view_->isExpanded(i)) expanded.insert(i.data(SchemaModel::NameRole).toString());
    }
    const SchemaItem selected = currentItem();
    model_->setSnapshot(snapshot);
    // Sections open; tables that were open stay open; the selected entry stays selected.
    for (int r = 0; r < proxy_->rowCount(); ++r) view_->expand(proxy_->index(r, 0));
    for (const QString& name : expanded) view_->expand(proxy_->mapFromSource(model_->tableIndex(name)));
    if (selected.canEdit())
        select(selected.kind, selected.kind == SchemaModel::Kind::Table ? selected.name : selected.path);
}

namespace {
// What identifies an entry across a filter or a reload: its kind and name.
QString expansionKey(const QModelIndex& i) {
    return QString::number(i.data(SchemaModel::KindRole).toInt()) + QLatin1Char(':') +
           i.data(SchemaModel::NameRole).toString();
}

void forEachRow(const QAbstractItemModel* model, const QModelIndex& parent,
                const std::function<void(const QModelIndex&)>& f) {
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        f(i);
        forEachRow(model, i, f);
    }
}
}  // namespace

void SchemaBrowser::search(const QString& text) {
    // Searching opens every section; clearing the search gives back what the user had open.
    if (!text.isEmpty() && !searching_) {
        searching_ = true;
        expandedBeforeSearch_.clear();
        forEachRow(proxy_, {}, [this](const QModelIndex& i) {
            if (view_->isExpanded(i)) expandedBeforeSearch_.insert(expansionKey(i));
        });
    }
    proxy_->setFilterFixedString(text);
    if (!text.isEmpty()) {
        view_->expandToDepth(0);
    } else if (searching_) {
        searching_ = false;
        forEachRow(proxy_, {}, [this](const QModelIndex& i) {
            if (proxy_->hasChildren(i))
                view_->setExpanded(i, expandedBeforeSearch_.contains(expansionKey(i)));
        });
    }
}

void SchemaBrowser::updateSpans() {
    forEachRow(proxy_, {}, [this](const QModelIndex& i) {
        view_->setFirstColumnSpanned(i.row(), i.parent(), i.siblingAtColumn(1).data().toString().isEmpty());
    });
    fitDetailColumn();
}

void SchemaBrowser::fitDetailColumn() {
    const int room = view_->viewport()->width() * 2 / 5;
    view_->header()->resizeSection(
        1, std::min(static_cast<QAbstractItemView*>(view_)->sizeHintForColumn(1), std::max(room, 0)));
}

void SchemaBrowser::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitDetailColumn();
}

SchemaItem SchemaBrowser::itemAt(const QModelIndex& proxyIndex) const {
    const QModelIndex i = proxy_->mapToSource(proxyIndex).siblingAtColumn(0);
    SchemaItem item;
    if (!i.isValid()) return item;
    item.kind = SchemaModel::Kind(i.data(SchemaModel::KindRole).toInt());
    item.name = i.data(SchemaModel::NameRole).toString();
    item.path = i.data(SchemaModel::PathRole).toString();
    if (item.kind == SchemaModel::Kind::Column)
        item.table = i.parent().data(SchemaModel::NameRole).toString();
    return item;
}

SchemaItem SchemaBrowser::currentItem() const {
    return itemAt(view_->currentIndex());
}

bool SchemaBrowser::select(SchemaModel::Kind kind, const QString& nameOrPath) {
    const QModelIndex section = model_->sectionIndex(kind);
    for (int r = 0; r < model_->rowCount(section); ++r) {
        const QModelIndex i = model_->index(r, 0, section);
        const QString key =
            i.data(kind == SchemaModel::Kind::Table ? SchemaModel::NameRole : SchemaModel::PathRole)
                .toString();
        if (key == nameOrPath) {
            view_->setCurrentIndex(proxy_->mapFromSource(i));
            return true;
        }
    }
    return false;
}

QMenu* SchemaBrowser::contextMenu(const SchemaItem& item) {
    auto* menu = new QMenu(this);
    using Kind = SchemaModel::Kind;
    switch (item.kind) {
        case Kind::Table:
            menu->addAction(tr("Open"), this, [this, item] { emit tableActivated(item.name); });
            break;
        case Kind::Question:
            menu->addAction(tr("Open"), this, [this, item] { emit questionActivated(item.path); });
            menu->addAction(tr("Open in the current tab"), this,
                            [this, item] { emit questionOpenHereRequested(item.path); });
            break;
        case Kind::Dashboard:
            menu->addAction(tr("Open"), this, [this, item] { emit dashboardActivated(item.path); });
            break;
        case Kind::Model:
            menu->addAction(tr("Open"), this, [this, item] { emit modelActivated(item.name); });
            break;
        case Kind::Column:
        case Kind::Section:
        case Kind::Source:  // the sources' and reports' own actions come with contextMenuAboutToShow
        case Kind::Report:
            break;
    }
    if (item.kind == Kind::Table || item.kind == Kind::Column || item.kind == Kind::Model) {
        menu->addAction(tr("Copy name"), this, [item] { QApplication::clipboard()->setText(item.name); });
    }
    if (item.canEdit()) {
        menu->addSeparator();
        QAction* rename = menu->addAction(tr("Rename…"), this, [this, item] { emit renameRequested(item); });
        rename->setShortcut(rename_->shortcut());
        menu->addAction(tr("Duplicate"), this, [this, item] { emit duplicateRequested(item); });
        QAction* del = menu->addAction(tr("Delete…"), this, [this, item] { emit deleteRequested(item); });
        del->setShortcut(delete_->shortcut());
    }
    menu->addSeparator();
    menu->addAction(tr("Refresh"), this, &SchemaBrowser::refreshRequested)
        ->setShortcut(QKeySequence(Qt::Key_F5));
    emit contextMenuAboutToShow(menu, item);
    return menu;
}

void SchemaBrowser::activate(const QModelIndex& proxyIndex) {
    const SchemaItem item = itemAt(proxyIndex);
    switch (item.kind) {
        case SchemaModel::Kind::Table:
            emit tableActivated(item.name);
            break;
        case SchemaModel::Kind::Column:
            emit columnActivated(item.table, item.name);
            break;
        case SchemaModel::Kind::Question:
            emit questionActivated(item.path);
            break;
        case SchemaModel::Kind::Dashboard:
            emit dashboardActivated(item.path);
            break;
        case SchemaModel::Kind::Model:
            emit modelActivated(item.name);
            break;
        case SchemaModel::Kind::Source:
            emit sourceActivated(item.name);
            break;
        case SchemaModel::Kind::Report:
            emit reportActivated(item.name);
            break;
        case SchemaModel::Kind::Section:
            if (proxyIndex.isValid()) view_->setExpanded(proxyIndex, !view_->isExpanded(proxyIndex));
            break;
    }
}

}  // namespace deskbase::widgets

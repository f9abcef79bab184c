#include "widgets/schema/schema_browser.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "widgets/schema/schema_model.h"

namespace deskbase::widgets {

SchemaBrowser::SchemaBrowser(QWidget* parent)
    : QWidget(parent),
      model_(new SchemaModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      filter_(new QLineEdit(this)),
      view_(new QTreeView(this)) {
    setObjectName(QStringLiteral("schemaBrowser"));
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(0);
    filter_->setPlaceholderText(tr("Filter tables, questions, dashboards"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        if (!text.isEmpty()) view_->expandToDepth(0);
    });

    view_->setModel(proxy_);
    view_->setObjectName(QStringLiteral("schemaTree"));
    view_->setHeaderHidden(true);
    view_->setUniformRowHeights(true);
    view_->setExpandsOnDoubleClick(false);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    view_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(view_, &QTreeView::doubleClicked, this, &SchemaBrowser::activate);

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
    model_->setSnapshot(snapshot);
    // Sections open; tables that were open stay open.
    for (int r = 0; r < proxy_->rowCount(); ++r) view_->expand(proxy_->index(r, 0));
    for (const QString& name : expanded) view_->expand(proxy_->mapFromSource(model_->tableIndex(name)));
}

void SchemaBrowser::activate(const QModelIndex& proxyIndex) {
    const QModelIndex i = proxy_->mapToSource(proxyIndex).siblingAtColumn(0);
    if (!i.isValid()) return;
    const auto kind = SchemaModel::Kind(i.data(SchemaModel::KindRole).toInt());
    switch (kind) {
        case SchemaModel::Kind::Table:
            emit tableActivated(i.data(SchemaModel::NameRole).toString());
            break;
        case SchemaModel::Kind::Column:
            emit columnActivated(i.parent().data(SchemaModel::NameRole).toString(),
                                 i.data(SchemaModel::NameRole).toString());
            break;
        case SchemaModel::Kind::Question:
            emit questionActivated(i.data(SchemaModel::PathRole).toString());
            break;
        case SchemaModel::Kind::Dashboard:
            emit dashboardActivated(i.data(SchemaModel::PathRole).toString());
            break;
        case SchemaModel::Kind::Section:
            view_->setExpanded(proxyIndex, !view_->isExpanded(proxyIndex));
            break;
    }
}

}  // namespace deskbase::widgets

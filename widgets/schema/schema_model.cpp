#include "widgets/schema/schema_model.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QStyle>

#include "widgets/checks/check_result_models.h"
#include "widgets/grid/cell_format.h"
#include "widgets/theme/icons.h"
#include "widgets/theme/theme.h"

namespace deskbase::widgets {

struct SchemaModel::Node {
    Kind kind = Kind::Section;
    QString name, detail, tooltip, path, status;
    QColor mark;  // tables: the colour of their last checks' mark; invalid for none
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node* add(Kind k, QString n, QString d = {}) {
        auto child = std::make_unique<Node>();
        child->kind = k;
        child->name = std::move(n);
        child->detail = std::move(d);
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

SchemaModel::SchemaModel(QObject* parent) : QAbstractItemModel(parent), root_(std::make_unique<Node>()) {
    rebuild();
}
SchemaModel::~SchemaModel() = default;

void SchemaModel::setSnapshot(const SchemaSnapshot& snapshot) {
    beginResetModel();
    snapshot_ = snapshot;
    rebuild();
    endResetModel();
}

void SchemaModel::rebuild() {
    root_ = std::make_unique<Node>();
    const QLocale loc = displayLocale();
    Node* tables = root_->add(Kind::Section, tr("Tables"), QString::number(snapshot_.tables.size()));
    for (const auto& t : snapshot_.tables) {
        const QString rows = t.approxRows < 0    ? QString()
                             : t.approxRows == 1 ? tr("1 row")
                                                 : tr("%1 rows").arg(loc.toString(qlonglong(t.approxRows)));
        Node* table = tables->add(Kind::Table, QString::fromStdString(t.name), rows);
        if (auto c = snapshot_.pipeline.checks.find(table->name); c != snapshot_.pipeline.checks.end()) {
            table->status = QString::fromUtf8(checkStatusName(c->second.worst).data());
            table->tooltip = tr("Last checks: %1").arg(c->second.summary);
            if (c->second.worst != CheckStatus::Pass)
                table->mark = CheckResultsModel::statusColor(c->second.worst, isDarkTheme());
        }
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            const Column& c = t.columns[i];
            const auto typeName = columnTypeName(c.type);
            Node* col = table->add(Kind::Column, QString::fromStdString(c.name),
                                   QString::fromUtf8(typeName.data(), qsizetype(typeName.size())));
            if (!c.displayName.empty() && c.displayName != c.name)
                col->tooltip = tr("Header in the file: %1").arg(QString::fromStdString(c.displayName));
            if (i < t.nativeTypes.size())
                col->tooltip += (col->tooltip.isEmpty() ? QString() : QStringLiteral("\n")) +
                                tr("Stored as %1").arg(QString::fromStdString(t.nativeTypes[i]));
        }
    }
    if (!snapshot_.error.isEmpty()) tables->tooltip = snapshot_.error;
    Node* questions = root_->add(Kind::Section, tr("Questions"), QString::number(snapshot_.questions.size()));
    for (const auto& q : snapshot_.questions) {
        Node* n = questions->add(Kind::Question, q.title);
        n->path = q.path;
        n->tooltip = q.title + QLatin1Char('\n') + q.path;  // long names are elided in the tree
    }
    Node* dashboards =
        root_->add(Kind::Section, tr("Dashboards"), QString::number(snapshot_.dashboards.size()));
    for (const auto& d : snapshot_.dashboards) {
        Node* n = dashboards->add(Kind::Dashboard, d.title);
        n->path = d.path;
        n->tooltip = d.title + QLatin1Char('\n') + d.path;
    }
    const auto& pipeline = snapshot_.pipeline;
    Node* models = root_->add(Kind::Section, tr("Models"), QString::number(pipeline.models.size()));
    if (!pipeline.error.isEmpty()) models->tooltip = pipeline.error;
    for (const auto& m : pipeline.models) {
        Node* n = models->add(
            Kind::Model, m.name,
            m.materialized + QStringLiteral(" · ") + (m.status.isEmpty() ? tr("not built") : m.status));
        n->path = m.path;
        n->status = m.status;
        n->tooltip =
            tr("%1 (%2)\nLast build: %3\n%4")
                .arg(m.name, m.materialized, m.status.isEmpty() ? tr("never built here") : m.status, m.path);
    }
    // Sources and reports: when each runs and how its last run went; a broken file with its error.
    auto runnable = [this](Kind kind, const QString& title, const std::vector<SourceEntry>& entries) {
        Node* section = root_->add(Kind::Section, title, QString::number(entries.size()));
        for (const auto& src : entries) {
            const QString status = src.broken             ? tr("broken")
                                   : src.status.isEmpty() ? tr("never ran")
                                                          : src.status;
            Node* n = section->add(kind, src.name, src.when + QStringLiteral(" · ") + status);
            n->path = src.path;
            n->status = src.broken ? QStringLiteral("error") : src.status;
            n->tooltip =
                src.broken
                    ? src.error
                    : tr("%1 → %2 (%3)\nLast run: %4%5\n%6")
                          .arg(src.name, src.table, src.when,
                               src.status.isEmpty()
                                   ? tr("never")
                                   : src.status + QLatin1Char(' ') + src.lastRun + QStringLiteral(" UTC"),
                               src.error.isEmpty() ? QString() : QStringLiteral("\n") + src.error, src.path);
        }
    };
    runnable(Kind::Source, tr("Sources"), pipeline.sources);
    runnable(Kind::Report, tr("Reports"), pipeline.reports);
}

SchemaModel::Node* SchemaModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : root_.get();
}

QModelIndex SchemaModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    Node* p = nodeOf(parent);
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex SchemaModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    Node* p = nodeOf(child)->parent;
    if (!p || p == root_.get()) return {};
    return createIndex(p->row, 0, p);
}

int SchemaModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0) return 0;
    return int(nodeOf(parent)->children.size());
}

int SchemaModel::columnCount(const QModelIndex&) const {
    return 2;
}

QVariant SchemaModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Node* n = nodeOf(index);
    switch (role) {
        case Qt::DisplayRole:
            return index.column() == 0 ? n->name : n->detail;
        case Qt::ToolTipRole:
            return n->tooltip.isEmpty() ? QVariant() : QVariant(n->tooltip);
        case Qt::DecorationRole: {
            if (index.column() != 0 || !qApp) return {};
            QStyle* s = QApplication::style();
            switch (n->kind) {
                case Kind::Table: {
                    const QIcon icon = QIcon::fromTheme(QStringLiteral("x-office-spreadsheet"),
                                                        s->standardIcon(QStyle::SP_FileDialogDetailedView));
                    return n->mark.isValid() ? badgedIcon(icon, n->mark) : icon;
                }
                case Kind::Model:
                    return n->status == QStringLiteral("error")
                               ? badgedIcon(modelIcon(), QColor(0xd6, 0x45, 0x45))
                               : modelIcon();
                case Kind::Question:
                    return QIcon::fromTheme(QStringLiteral("text-x-sql"),
                                            s->standardIcon(QStyle::SP_FileIcon));
                case Kind::Dashboard:
                    return s->standardIcon(QStyle::SP_FileDialogInfoView);
                case Kind::Source:
                case Kind::Report: {
                    const QIcon icon = s->standardIcon(
                        n->kind == Kind::Source ? QStyle::SP_DirOpenIcon : QStyle::SP_FileDialogContentsView);
                    return n->status == QStringLiteral("error") ? badgedIcon(icon, QColor(0xd6, 0x45, 0x45))
                           : n->status == QStringLiteral("success")
                               ? badgedIcon(icon,
                                            CheckResultsModel::statusColor(CheckStatus::Pass, isDarkTheme()))
                               : icon;
                }
                default:
                    return {};
            }
        }
        case Qt::ForegroundRole:
            if (index.column() == 1 &&
                (n->kind == Kind::Model || n->kind == Kind::Source || n->kind == Kind::Report) &&
                n->status == QStringLiteral("error"))
                return CheckResultsModel::statusColor(CheckStatus::Fail, isDarkTheme());
            if (index.column() == 1) return QColor(0x8a, 0x8f, 0x98);
            return {};
        case Qt::FontRole:
            if (n->kind == Kind::Section) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == 1) return QVariant::fromValue(int(Qt::AlignRight | Qt::AlignVCenter));
            return {};
        case KindRole:
            return int(n->kind);
        case NameRole:
            return n->name;
        case PathRole:
            return n->path;
        case StatusRole:
            return n->status;
        default:
            return {};
    }
}

QVariant SchemaModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == 0) return tr("Name");
    if (section == 1) return tr("Detail");
    return {};
}

Qt::ItemFlags SchemaModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeOf(index)->kind == Kind::Column || nodeOf(index)->kind == Kind::Table) f |= Qt::ItemIsDragEnabled;
    return f;
}

QModelIndex SchemaModel::tableIndex(const QString& table) const {
    const Node* tables = root_->children[0].get();
    for (const auto& t : tables->children)
        if (t->name == table) return createIndex(t->row, 0, t.get());
    return {};
}

QModelIndex SchemaModel::modelIndex(const QString& model) const {
    const Node* models = root_->children[3].get();
    for (const auto& m : models->children)
        if (m->name == model) return createIndex(m->row, 0, m.get());
    return {};
}

QModelIndex SchemaModel::sourceIndex(const QString& source) const {
    return childIndex(Kind::Source, source);
}

QModelIndex SchemaModel::reportIndex(const QString& report) const {
    return childIndex(Kind::Report, report);
}

QModelIndex SchemaModel::childIndex(Kind sectionOf, const QString& name) const {
    for (const auto& n : nodeOf(sectionIndex(sectionOf))->children)
        if (n->name == name) return createIndex(n->row, 0, n.get());
    return {};
}

QModelIndex SchemaModel::sectionIndex(Kind sectionOf) const {
    const int row = sectionOf == Kind::Table      ? 0
                    : sectionOf == Kind::Question ? 1
                    : sectionOf == Kind::Model    ? 3
                    : sectionOf == Kind::Source   ? 4
                    : sectionOf == Kind::Report   ? 5
                                                  : 2;
    return createIndex(row, 0, root_->children[std::size_t(row)].get());
}

}  // namespace deskbase::widgets

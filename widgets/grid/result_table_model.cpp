#include "widgets/grid/result_table_model.h"

#include <QColor>
#include <QFont>
#include <climits>

#include "widgets/grid/cell_format.h"

namespace deskbase::widgets {

ResultTableModel::ResultTableModel(QueryExecutor& executor, QObject* parent, std::size_t blockRows,
                                   std::size_t maxBlocks)
    : QAbstractTableModel(parent), locale_(displayLocale()), cache_(blockRows, maxBlocks) {
    BlockFetcher::Callbacks cb;
    cb.started = [this](std::uint64_t g, std::vector<Column> c, std::vector<Row> r, bool complete) {
        onStarted(g, std::move(c), std::move(r), complete);
    };
    cb.block = [this](std::uint64_t g, std::int64_t b, std::vector<Row> r) { onBlock(g, b, std::move(r)); };
    cb.dropped = [this](std::uint64_t g, std::int64_t b) { onDropped(g, b); };
    cb.counted = [this](std::uint64_t g, std::int64_t t) { onCounted(g, t); };
    cb.failed = [this](std::uint64_t g, std::string m) { onFailed(g, m); };
    fetcher_ = std::make_unique<BlockFetcher>(executor, blockRows, std::move(cb));
}

ResultTableModel::~ResultTableModel() = default;

void ResultTableModel::setQuery(const QString& target, const QString& sql, const std::vector<Value>& params) {
    query_.target = target.toStdString();
    query_.sql = sql.toStdString();
    query_.params = params;
    sortColumn_ = -1;
    sortOrder_ = Qt::AscendingOrder;
    query_.sortColumn = -1;
    query_.descending = false;
    restart();
}

void ResultTableModel::restart() {
    beginResetModel();
    ++gen_;
    cache_.clear();
    inFlight_.clear();
    columns_.clear();
    rows_ = 0;
    countExact_ = false;
    failed_ = false;
    endResetModel();
    setRunning(true);
    emit queryStarted();
    fetcher_->start(gen_, query_);
}

void ResultTableModel::clear() {
    beginResetModel();
    ++gen_;
    query_ = ResultQuery{};  // nothing to sort, copy or export any more
    cache_.clear();
    inFlight_.clear();
    columns_.clear();
    rows_ = 0;
    countExact_ = true;
    failed_ = false;
    endResetModel();
    fetcher_->cancel();
    setRunning(false);
    emit rowCountChanged(0, true);
}

void ResultTableModel::cancel() {
    fetcher_->cancel();
    inFlight_.clear();
    setRunning(false);
}

void ResultTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= columnCount() || query_.sql.empty()) return;
    sortColumn_ = column;
    sortOrder_ = order;
    query_.sortColumn = column;
    query_.descending = order == Qt::DescendingOrder;
    restart();
}

int ResultTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(std::min<std::int64_t>(rows_, INT_MAX));
}

int ResultTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(columns_.size());
}

const Value* ResultTableModel::cell(int row, int column) const {
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount()) return nullptr;
    const Row* r = cache_.row(row);
    if (!r || std::size_t(column) >= r->size()) return nullptr;
    return &(*r)[std::size_t(column)];
}

const Row* ResultTableModel::cachedRow(std::int64_t row) const {
    return row >= 0 && row < rows_ ? cache_.row(row) : nullptr;
}

bool ResultTableModel::hasRows(std::int64_t first, std::int64_t last) const {
    for (std::int64_t b = cache_.blockOf(first); b <= cache_.blockOf(last); ++b)
        if (!cache_.contains(b)) return false;
    return true;
}

void ResultTableModel::requestBlock(std::int64_t block) const {
    if (inFlight_.insert(block).second) fetcher_->request(gen_, block);
}

void ResultTableModel::prefetchAround(int row) const {
    // Near the end of a block, ask for the next one so scrolling down finds its rows loaded. Only
    // forward: the fetcher's open cursor continues into it cheaply, while a block behind would
    // need a new OFFSET query.
    const auto blockRows = std::int64_t(cache_.blockRows());
    const std::int64_t block = cache_.blockOf(row), pos = row % blockRows;
    if (pos >= blockRows * 3 / 4 && (block + 1) * blockRows < rows_ && !cache_.contains(block + 1))
        requestBlock(block + 1);
}

QVariant ResultTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Value* v = cell(index.row(), index.column());
    if (!v) {
        if (role == Qt::DisplayRole) requestBlock(cache_.blockOf(index.row()));
        return {};
    }
    switch (role) {
        case Qt::DisplayRole:
            prefetchAround(index.row());
            return formatCell(*v, locale_, !ungrouped_[std::size_t(index.column())]);
        case Qt::EditRole:
            return QString::fromStdString(valueToText(*v));  // unformatted, for copying
        case Qt::TextAlignmentRole: {
            const ColumnType t = columns_[std::size_t(index.column())].type;
            const bool right =
                isNumeric(*v) || (isNull(*v) && (t == ColumnType::Integer || t == ColumnType::Real));
            return QVariant::fromValue(int((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
        }
        case Qt::ForegroundRole:
            if (isNull(*v)) return QColor(0x8a, 0x8f, 0x98);
            return {};
        case Qt::FontRole:
            if (isNull(*v)) {
                QFont f;
                f.setItalic(true);
                return f;
            }
            return {};
        case Qt::ToolTipRole:
            return isNull(*v) ? QVariant() : QVariant(QString::fromStdString(valueToText(*v)));
        default:
            return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount()) return {};
        const Column& c = columns_[std::size_t(section)];
        if (role == Qt::DisplayRole) return QString::fromStdString(c.name);
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 (%2)").arg(
                QString::fromStdString(c.displayName.empty() ? c.name : c.displayName),
                QString::fromUtf8(columnTypeName(c.type).data(), qsizetype(columnTypeName(c.type).size())));
        return {};
    }
    if (section < 0 || section >= rowCount()) return {};
    if (role == Qt::DisplayRole) return locale_.toString(section + 1);
    if (role == Qt::TextAlignmentRole) return QVariant::fromValue(int(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

void ResultTableModel::onStarted(std::uint64_t gen, std::vector<Column> columns, std::vector<Row> rows,
                                 bool complete) {
    if (gen != gen_) return;
    beginResetModel();
    columns_ = std::move(columns);
    ungrouped_.clear();
    for (const Column& c : columns_) ungrouped_.push_back(isIdentifierLike(c.name));
    rows_ = std::int64_t(rows.size());
    cache_.insert(0, std::move(rows));
    inFlight_.erase(0);
    if (complete) countExact_ = true;
    endResetModel();
    emit firstRowsReady();
    emit rowCountChanged(rows_, countExact_);
    if (complete) setRunning(false);
}

void ResultTableModel::onBlock(std::uint64_t gen, std::int64_t block, std::vector<Row> rows) {
    if (gen != gen_) return;
    inFlight_.erase(block);
    if (rows.empty()) return;
    const std::int64_t first = block * std::int64_t(cache_.blockRows());
    const std::int64_t last = first + std::int64_t(rows.size()) - 1;
    cache_.insert(block, std::move(rows));
    if (columns_.empty() || first >= rows_) return;
    emit dataChanged(index(int(first), 0), index(int(std::min(last, rows_ - 1)), columnCount() - 1));
}

void ResultTableModel::onDropped(std::uint64_t gen, std::int64_t block) {
    // Forget the request and tell the views the rows changed: the ones still on screen repaint,
    // and data() asks for them again. Without this a dropped block would stay blank until
    // something else repainted it.
    if (gen != gen_) return;
    inFlight_.erase(block);
    const std::int64_t first = block * std::int64_t(cache_.blockRows());
    if (columns_.empty() || first >= rows_) return;
    const std::int64_t last = std::min(first + std::int64_t(cache_.blockRows()), rows_) - 1;
    emit dataChanged(index(int(first), 0), index(int(last), columnCount() - 1));
}

void ResultTableModel::onCounted(std::uint64_t gen, std::int64_t total) {
    if (gen != gen_) return;
    if (total > rows_) {
        beginInsertRows({}, int(rows_), int(std::min<std::int64_t>(total, INT_MAX) - 1));
        rows_ = total;
        endInsertRows();
    }
    countExact_ = total >= 0;
    setRunning(false);
    emit rowCountChanged(rows_, countExact_);
}

void ResultTableModel::onFailed(std::uint64_t gen, const std::string& message) {
    if (gen != gen_) return;
    failed_ = true;  // before runningChanged: its listeners must not report a row count
    setRunning(false);
    emit queryFailed(QString::fromStdString(message));
}

void ResultTableModel::setRunning(bool running) {
    if (running_ == running) return;
    running_ = running;
    emit runningChanged(running);
}

}  // namespace deskbase::widgets

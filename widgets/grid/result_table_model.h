#pragma once
// A QAbstractTableModel over a query result of any size: rows live in a bounded LRU cache of
// blocks that a BlockFetcher fills through the runtime's executor. data() never blocks: a missing
// row asks for its block and shows empty until dataChanged() arrives. The row count grows from
// the first block to the exact count(*) computed in the background.
#include <QAbstractTableModel>
#include <QLocale>
#include <memory>
#include <set>

#include "widgets/grid/block_fetcher.h"
#include "widgets/grid/row_block_cache.h"

namespace deskbase::widgets {

class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr std::size_t kDefaultBlockRows = 1000;
    static constexpr std::size_t kDefaultMaxBlocks = 40;

    // Runs on `executor` (the workspace runtime's; it must outlive the model).
    explicit ResultTableModel(QueryExecutor& executor, QObject* parent = nullptr,
                              std::size_t blockRows = kDefaultBlockRows,
                              std::size_t maxBlocks = kDefaultMaxBlocks);
    ~ResultTableModel() override;

    // Runs `sql` against `target` (a SQLite path or libpq string).
    void setQuery(const QString& target, const QString& sql, const std::vector<Value>& params = {});
    void clear();
    void cancel();  // interrupt the running statement

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The raw cell when its block is cached.
    const Value* cell(int row, int column) const;
    // The raw row when its block is cached (does not ask for it).
    const Row* cachedRow(std::int64_t row) const;
    // Whether every row in [first, last] is cached.
    bool hasRows(std::int64_t first, std::int64_t last) const;
    // The query as the fetcher runs it (target, SQL, parameters, sort).
    const ResultQuery& query() const { return query_; }
    const std::vector<Column>& columns() const { return columns_; }
    bool isRunning() const { return running_; }
    bool hasFailed() const { return failed_; }  // the last run ended in an error
    bool rowCountExact() const { return countExact_; }
    std::int64_t totalRows() const { return rows_; }
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    // For tests and benchmarks: what the cache holds and may hold.
    std::size_t cachedRows() const { return cache_.cachedRows(); }
    std::size_t maxCachedRows() const { return cache_.blockRows() * cache_.maxBlocks(); }
    std::size_t pendingBlocks() const { return inFlight_.size(); }
    // The run in flight for the current query (the first block or a later one), for tests.
    const QueryHandle& currentRun() const { return fetcher_->currentRun(); }

signals:
    void queryStarted();
    void firstRowsReady();  // columns and the first block are in
    void rowCountChanged(qint64 rows, bool exact);
    void queryFailed(const QString& message);
    void runningChanged(bool running);

private:
    void restart();
    void requestBlock(std::int64_t block) const;
    void prefetchAround(int row) const;
    void onStarted(std::uint64_t gen, std::vector<Column> columns, std::vector<Row> rows, bool complete);
    void onBlock(std::uint64_t gen, std::int64_t block, std::vector<Row> rows);
    void onDropped(std::uint64_t gen, std::int64_t block);
    void onCounted(std::uint64_t gen, std::int64_t total);
    void onFailed(std::uint64_t gen, const std::string& message);
    void setRunning(bool running);

    ResultQuery query_;
    std::uint64_t gen_ = 0;
    std::vector<Column> columns_;
    std::vector<bool> ungrouped_;  // per column: integers shown without thousands separators
    std::int64_t rows_ = 0;
    bool countExact_ = false;
    bool running_ = false;
    bool failed_ = false;
    int sortColumn_ = -1;
    Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
    QLocale locale_;

    // Mutable: data() is const but fills the cache's recency and asks for missing blocks.
    mutable RowBlockCache cache_;
    mutable std::set<std::int64_t> inFlight_;
    std::unique_ptr<BlockFetcher> fetcher_;
};

}  // namespace deskbase::widgets

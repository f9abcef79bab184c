#pragma once
// M4 over a stream of rows in bounded memory: the same picks as the warehouse's M4 query
// (core/chart/m4_query.h — per series and pixel column the first, last, lowest and highest point,
// the same ties, one point beyond each edge of [lo, hi]) kept as the rows go by, so a result of
// any size is reduced with O(width × series) rows held. x and y are read as the chart reads them
// (cellNumber, cellEpochMs), so a point lands in the chart's own pixel column. Used for SQLite
// (in-process: one pass over the cursor is cheaper than the query's sort) and for a question the
// rewrite cannot wrap.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/exec/query_result.h"

namespace deskbase::chart {

struct M4Columns {
    int x = -1;
    bool date = false;   // x is a date/datetime (epoch ms); else a number
    std::vector<int> y;  // one per series; exactly one when series >= 0
    int series = -1;
};

class M4Stream {
public:
    M4Stream(M4Columns columns, double lo, double hi, int width);
    void add(const Row& row);
    // The picked rows (the stream's own columns; with several measures each row keeps only the
    // measure it was picked for), ordered by series, x, y.
    std::vector<Row> rows() const;

    // x of a row in chart units, nullopt when it has none.
    std::optional<double> xOf(const Row& row) const;
    std::optional<double> yOf(const Row& row, int column) const;

private:
    struct Pick {
        double x = 0, y = 0;
        std::size_t id = 0;
        Row row;
        bool set = false;
    };
    struct Bucket {
        Pick first, last, low, high;
    };
    void offer(const std::string& series, int measure, double x, double y, const Row& row);

    M4Columns c_;
    double lo_, hi_, scale_;
    int width_;
    std::size_t next_ = 0;
    std::map<std::string, std::vector<Bucket>> buckets_;  // width + 2: left edge, columns, right edge
};

}  // namespace deskbase::chart

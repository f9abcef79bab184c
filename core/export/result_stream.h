#pragma once
// A query result written as it streams from the cursor (`deskbase query`): blocks of rows go
// out in the CLI's formats without the result being held. CSV, JSON and NDJSON are byte for byte
// what writeCsvRows / writeResultJson / one writeJsonObject per line give for the whole result.
// The table's column widths and alignment come from its first kTableProbeRows rows (the whole
// result when it is no longer: then it equals writeResultTable); a later, wider value widens its
// own line, never cut.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exec/query_result.h"

namespace deskbase {

enum class StreamFormat { Table, Csv, Json, Ndjson };
// "table", "csv", "json", "ndjson".
std::optional<StreamFormat> parseStreamFormat(std::string_view name);

class ResultStreamWriter {
public:
    static constexpr std::size_t kTableProbeRows = 1000;
    // `sink` receives the text in pieces of about 64 KiB; returning false stops the writing
    // (rows() then returns false too).
    using Sink = std::function<bool(std::string_view)>;
    ResultStreamWriter(StreamFormat format, Sink sink);

    // One block of rows, in order. False once the sink refused.
    bool rows(const std::vector<Column>& columns, const std::vector<Row>& block);
    // After the last block: the columns (for a result without rows), whether it came from the
    // cache and how long it took (JSON's "cached" and "elapsed_ms"). False if the sink refused.
    bool finish(const QueryResult& summary);

private:
    void begin(const std::vector<Column>& columns);
    void tableLines(const std::vector<Row>& block);
    void fixTableLayout();
    bool flush(bool force);

    StreamFormat format_;
    Sink sink_;
    std::string buffer_;
    bool ok_ = true;
    bool begun_ = false;
    std::vector<Column> columns_;
    std::vector<std::string> jsonKeys_;
    std::size_t rows_ = 0;
    // Table: the first rows, held until the layout is known.
    std::vector<Row> probe_;
    bool layoutFixed_ = false;
    std::vector<std::size_t> width_;
    std::vector<bool> rightAlign_;
};

}  // namespace deskbase

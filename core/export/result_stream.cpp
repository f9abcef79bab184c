#include "core/export/result_stream.h"

#include <sstream>

#include "core/export/result_format.h"
#include "core/util/enum_names.h"

namespace deskbase {

namespace {
constexpr std::size_t kFlushBytes = 64 * 1024;
}

DESKBASE_ENUM_NAMES(kStreamFormatNames, StreamFormat,
                    {{StreamFormat::Table, "table"},
                     {StreamFormat::Csv, "csv"},
                     {StreamFormat::Json, "json"},
                     {StreamFormat::Ndjson, "ndjson"}})

std::optional<StreamFormat> parseStreamFormat(std::string_view name) {
    return enumFromName(kStreamFormatNames, name);
}

ResultStreamWriter::ResultStreamWriter(StreamFormat format, Sink sink)
    : format_(format), sink_(std::move(sink)) {}

void ResultStreamWriter::begin(const std::vector<Column>& columns) {
    if (begun_) return;
    begun_ = true;
    columns_ = columns;
    std::ostringstream out;
    switch (format_) {
        case StreamFormat::Csv:
            writeCsvHeader(out, columns_);
            break;
        case StreamFormat::Json:
            writeJsonHead(out, columns_);
            break;
        case StreamFormat::Ndjson:
            jsonKeys_ = jsonObjectKeys(columns_);
            break;
        case StreamFormat::Table:
            break;  // once the layout is known
    }
    buffer_ += out.str();
}

bool ResultStreamWriter::flush(bool force) {
    if (!ok_) return false;
    if (buffer_.empty() || (!force && buffer_.size() < kFlushBytes)) return true;
    ok_ = sink_(buffer_);
    buffer_.clear();
    return ok_;
}

void ResultStreamWriter::fixTableLayout() {
    const TableLayout layout = tableLayout(columns_, probe_);
    width_ = layout.width;
    rightAlign_ = layout.rightAlign;
    layoutFixed_ = true;
    std::ostringstream out;
    writeTableHeader(out, columns_, layout);
    writeTableRows(out, layout, probe_);
    buffer_ += out.str();
    probe_.clear();
    probe_.shrink_to_fit();
}

void ResultStreamWriter::tableLines(const std::vector<Row>& block) {
    if (!layoutFixed_) {
        probe_.insert(probe_.end(), block.begin(), block.end());
        if (probe_.size() > kTableProbeRows) fixTableLayout();
        return;
    }
    std::ostringstream out;
    writeTableRows(out, TableLayout{width_, rightAlign_}, block);
    buffer_ += out.str();
}

bool ResultStreamWriter::rows(const std::vector<Column>& columns, const std::vector<Row>& block) {
    if (!ok_) return false;
    begin(columns);
    if (format_ == StreamFormat::Csv) {  // straight into the buffer: the bulk of every export
        appendCsvRows(buffer_, block);
        rows_ += block.size();
        return flush(false);
    }
    std::ostringstream out;
    switch (format_) {
        case StreamFormat::Csv:
            break;
        case StreamFormat::Json:
            writeJsonRowArrays(out, block, rows_ == 0);
            break;
        case StreamFormat::Ndjson:
            for (const Row& row : block) {
                writeJsonObject(out, jsonKeys_, row);
                out << '\n';
            }
            break;
        case StreamFormat::Table:
            tableLines(block);
            break;
    }
    buffer_ += out.str();
    rows_ += block.size();
    return flush(false);
}

bool ResultStreamWriter::finish(const QueryResult& summary) {
    if (!ok_) return false;
    begin(summary.columns);
    std::ostringstream out;
    switch (format_) {
        case StreamFormat::Json:
            writeJsonTail(out, summary.fromCache, summary.elapsedMs);
            break;
        case StreamFormat::Table:
            if (!layoutFixed_) fixTableLayout();
            writeTableFooter(out, rows_);
            break;
        case StreamFormat::Csv:
        case StreamFormat::Ndjson:
            break;
    }
    buffer_ += out.str();
    return flush(true);
}

}  // namespace deskbase

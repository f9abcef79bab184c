#pragma once
// Export of a query's FULL result to a file: CSV, TSV, a JSON array of objects, NDJSON or an
// Excel workbook (core/export/xlsx_writer.h). Rows
// stream block by block through the executor (QueryRequest::onRows: no row limit, no cache), so
// memory does not grow with the result. They are written to a temporary file beside the
// destination that is renamed over it only when everything is written (AtomicFile): a failed or
// cancelled export leaves no partial file and never touches an existing one.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exec/query_executor.h"
#include "core/types/value.h"
#include "core/util/result.h"

namespace deskbase {

class AtomicFile;
class XlsxWriter;

enum class ExportFormat { Csv, Tsv, Json, Ndjson, Xlsx };

std::string_view exportFormatName(ExportFormat format);  // "csv", "tsv", "json", "ndjson", "xlsx"
// "csv", "tsv", "json", "ndjson" or "jsonl", "xlsx", any case.
std::optional<ExportFormat> parseExportFormat(std::string_view name);
// By the extension: .csv, .tsv, .json, .ndjson, .jsonl, .xlsx (any case).
std::optional<ExportFormat> exportFormatForPath(const std::string& path);

struct ExportRequest {
    std::string target;                  // warehouse (SQLite path or libpq string)
    std::string sql;                     // with placeholders, as QueryRequest::sql
    std::vector<Value> params;           // bound values
    std::string path;                    // destination file
    std::optional<ExportFormat> format;  // overrides the extension
};

struct ExportProgress {
    std::uint64_t rows = 0;   // data rows written so far
    std::uint64_t bytes = 0;  // bytes written so far
};

struct ExportSummary {
    std::string path;
    ExportFormat format = ExportFormat::Csv;
    std::uint64_t rows = 0;
    std::uint64_t bytes = 0;
    double seconds = 0;
};

// One export. Thread-safe; callbacks run on the executor's worker thread (or, for an export
// that fails before its query starts or is cancelled while queued, on the calling thread).
class ResultExport {
public:
    using ProgressFn = std::function<void(const ExportProgress&)>;     // after each block; keep it cheap
    using DoneFn = std::function<void(const Result<ExportSummary>&)>;  // exactly once

    // Checks the request (format, a statement that only reads, a writable destination), creates
    // the temporary file and submits the query. Never null: early errors finish it at once.
    static std::shared_ptr<ResultExport> start(QueryExecutor& executor, ExportRequest request,
                                               ProgressFn progress = {}, DoneFn done = {});

    void cancel();  // from any thread; the export ends with the error "Export cancelled"
    bool wait(int timeoutMs = -1) const;
    bool isDone() const;
    Result<ExportSummary> result() const;  // the outcome once isDone()
    ExportProgress progress() const;

private:
    struct Private {};

public:
    ResultExport(Private, ExportRequest request, ProgressFn progress, DoneFn done);
    ~ResultExport();

private:
    bool writeBlock(const std::vector<Column>& columns, const std::vector<Row>& block);  // worker
    void onQueryFinished(const Result<QueryResult>& r);                                  // worker
    Status writeHeader(const std::vector<Column>& columns);
    Status flushBuffer();
    void finish(Result<ExportSummary> outcome);

    const ExportRequest request_;
    ExportFormat format_ = ExportFormat::Csv;
    ProgressFn progressFn_;
    DoneFn doneFn_;
    std::chrono::steady_clock::time_point started_;

    // Worker-side writing state (one worker at a time).
    std::unique_ptr<AtomicFile> file_;
    std::unique_ptr<XlsxWriter> xlsx_;  // Xlsx: writes file_'s temporary path, renamed by commit()
    std::string buffer_;                 // one block, encoded
    std::vector<std::string> jsonKeys_;  // quoted column names, for JSON objects
    bool headerWritten_ = false;
    Status writeError_;

    std::atomic<bool> cancelled_{false};
    std::atomic<std::uint64_t> rows_{0}, bytes_{0};

    mutable std::mutex mutex_;
    mutable std::condition_variable doneCv_;
    QueryHandle handle_;
    std::optional<Result<ExportSummary>> result_;
};

// Starts an export and waits for it (command line, tests).
Result<ExportSummary> exportResult(QueryExecutor& executor, ExportRequest request,
                                   ResultExport::ProgressFn progress = {});

}  // namespace deskbase

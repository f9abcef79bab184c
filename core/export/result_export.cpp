#include "core/export/result_export.h"

#include <filesystem>
#include <sstream>

#include "core/export/result_format.h"
#include "core/export/xlsx_writer.h"
#include "core/io/atomic_file.h"
#include "core/sql/statement_kind.h"
#include "core/util/enum_names.h"
#include "core/util/wait.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

namespace {

std::string fileName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::uint64_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path, ec);
    return ec ? 0 : std::uint64_t(n);
}

char csvDelimiter(ExportFormat format) {
    return format == ExportFormat::Tsv ? '\t' : ',';
}

}  // namespace

DESKBASE_ENUM_NAMES(kFormatNames, ExportFormat,
                    {{ExportFormat::Csv, "csv"},
                     {ExportFormat::Tsv, "tsv"},
                     {ExportFormat::Json, "json"},
                     {ExportFormat::Ndjson, "ndjson"},
                     {ExportFormat::Xlsx, "xlsx"}})

std::string_view exportFormatName(ExportFormat format) {
    return enumName(kFormatNames, format);
}

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
    if (auto f = enumFromName(kFormatNames, name, NameCase::Insensitive)) return f;
    constexpr std::pair<ExportFormat, std::string_view> kAliases[] = {{ExportFormat::Ndjson, "jsonl"}};
    return enumFromName(kAliases, name, NameCase::Insensitive);
}

std::optional<ExportFormat> exportFormatForPath(const std::string& path) {
    const std::string name = fileName(path);
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return std::nullopt;
    return parseExportFormat(std::string_view(name).substr(dot + 1));
}

ResultExport::ResultExport(Private, ExportRequest request, ProgressFn progress, DoneFn done)
    : request_(std::move(request)),
      progressFn_(std::move(progress)),
      doneFn_(std::move(done)),
      started_(std::chrono::steady_clock::now()) {}

ResultExport::~ResultExport() = default;

std::shared_ptr<ResultExport> ResultExport::start(QueryExecutor& executor, ExportRequest request,
                                                  ProgressFn progress, DoneFn done) {
    auto self =
        std::make_shared<ResultExport>(Private{}, std::move(request), std::move(progress), std::move(done));
    const ExportRequest& req = self->request_;
    const auto format = req.format ? req.format : exportFormatForPath(req.path);
    if (!format) {
        self->finish(Error{"Cannot tell the format of " + fileName(req.path) +
                           ": name it .csv, .tsv, .json, .ndjson, .jsonl or .xlsx, or choose a format"});
        return self;
    }
    self->format_ = *format;
    if (req.sql.find_first_not_of(" \t\r\n;") == std::string::npos) {
        self->finish(Error{"Nothing to export: run a query first"});
        return self;
    }
    // Exporting runs the statement again: one that changes data must not run twice.
    if (classifyStatement(req.sql, Warehouse::dialectFor(req.target)).writesData) {
        self->finish(Error{"Only a query that returns rows can be exported; this statement changes data"});
        return self;
    }
    auto file = AtomicFile::create(req.path);  // an unwritable destination fails before the query runs
    if (!file) {
        self->finish(Error{file.message()});
        return self;
    }
    self->file_ = std::move(*file);

    QueryRequest q;
    q.target = req.target;
    q.sql = req.sql;
    q.params = req.params;
    q.useCache = false;
    q.rowLimit = 1;  // a streamed run still keeps rowLimit rows in its result (0 would keep them all)
    // The run keeps `self` alive until it finishes; onRows runs only before that.
    q.onRows = [raw = self.get()](const std::vector<Column>& columns, const std::vector<Row>& block) {
        return raw->writeBlock(columns, block);
    };
    q.onFinished = [self](const Result<QueryResult>& r) { self->onQueryFinished(r); };
    QueryHandle handle = executor.submit(std::move(q));
    std::lock_guard lock(self->mutex_);
    if (!self->result_) self->handle_ = std::move(handle);  // for cancel(); dropped when done
    return self;
}

Status ResultExport::writeHeader(const std::vector<Column>& columns) {
    headerWritten_ = true;
    std::ostringstream out;
    switch (format_) {
        case ExportFormat::Csv:
        case ExportFormat::Tsv:
            writeCsvHeader(out, columns, csvDelimiter(format_));
            break;
        case ExportFormat::Json:
            out << '[';
            [[fallthrough]];
        case ExportFormat::Ndjson:
            jsonKeys_ = jsonObjectKeys(columns);
            break;
        case ExportFormat::Xlsx: {
            auto w = XlsxWriter::create(file_->tempPath(), columns);
            if (!w) return Status::fail(w.message());
            xlsx_ = std::move(*w);
            return Status::ok();
        }
    }
    buffer_ = out.str();
    return flushBuffer();
}

Status ResultExport::flushBuffer() {
    Status s = file_->write(buffer_);
    buffer_.clear();
    bytes_.store(file_->bytesWritten(), std::memory_order_relaxed);
    return s;
}

bool ResultExport::writeBlock(const std::vector<Column>& columns, const std::vector<Row>& block) {
    if (cancelled_.load(std::memory_order_relaxed)) return false;
    if (!headerWritten_) writeError_ = writeHeader(columns);
    if (!writeError_) return false;
    std::ostringstream out;
    switch (format_) {
        case ExportFormat::Csv:
        case ExportFormat::Tsv:
            break;  // appended to the buffer below, without a stream
        case ExportFormat::Json:
            for (std::size_t i = 0; i < block.size(); ++i) {
                out << (rows_.load(std::memory_order_relaxed) + i == 0 ? "\n" : ",\n");
                writeJsonObject(out, jsonKeys_, block[i]);
            }
            break;
        case ExportFormat::Ndjson:
            for (const Row& row : block) {
                writeJsonObject(out, jsonKeys_, row);
                out << '\n';
            }
            break;
        case ExportFormat::Xlsx:
            break;  // cells go to the workbook, not through the buffer
    }
    if (xlsx_) {
        writeError_ = xlsx_->addRows(block);
    } else {
        if (format_ == ExportFormat::Csv || format_ == ExportFormat::Tsv)
            appendCsvRows(buffer_, block, csvDelimiter(format_));
        else
            buffer_ = out.str();
        writeError_ = flushBuffer();  // checked after every block: a full disk stops the export here
    }
    if (!writeError_) return false;
    rows_.fetch_add(block.size(), std::memory_order_relaxed);
    if (progressFn_) progressFn_(progress());
    return !cancelled_.load(std::memory_order_relaxed);
}

void ResultExport::onQueryFinished(const Result<QueryResult>& r) {
    if (cancelled_.load()) return finish(Error{"Export cancelled"});
    if (!writeError_) return finish(Error{writeError_.message()});
    if (!r) return finish(Error{r.message() == "cancelled" ? std::string("Export cancelled") : r.message()});
    // An empty result never reached writeBlock: its header still belongs in the file.
    if (!headerWritten_) {
        if (Status s = writeHeader(r->columns); !s) return finish(Error{s.message()});
    }
    if (format_ == ExportFormat::Json) {
        buffer_ = rows_.load() ? "\n]\n" : "]\n";
        if (Status s = flushBuffer(); !s) return finish(Error{s.message()});
    }
    if (xlsx_) {  // the workbook is written at its close, into the temporary file
        if (Status s = xlsx_->close(); !s) return finish(Error{s.message()});
        bytes_.store(fileSize(file_->tempPath()));
    }
    if (cancelled_.load()) return finish(Error{"Export cancelled"});
    if (Status s = file_->commit(); !s) return finish(Error{s.message()});
    ExportSummary summary;
    summary.path = request_.path;
    summary.format = format_;
    summary.rows = rows_.load();
    summary.bytes = bytes_.load();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    finish(std::move(summary));
}

void ResultExport::finish(Result<ExportSummary> outcome) {
    xlsx_.reset();                // an unfinished workbook writes nothing more
    if (file_) file_->abandon();  // no-op after a commit
    DoneFn done;
    {
        std::lock_guard lock(mutex_);
        if (result_) return;
        result_.emplace(std::move(outcome));
        handle_ = QueryHandle();
        done = std::move(doneFn_);
    }
    doneCv_.notify_all();
    if (done) done(*result_);  // result_ never changes again
}

void ResultExport::cancel() {
    cancelled_.store(true);
    QueryHandle handle;
    {
        std::lock_guard lock(mutex_);
        handle = handle_;
    }
    handle.cancel();  // interrupts a statement still computing its first rows
}

bool ResultExport::wait(int timeoutMs) const {
    std::unique_lock lock(mutex_);
    return waitUntil(doneCv_, lock, timeoutMs, [&] { return result_.has_value(); });
}

bool ResultExport::isDone() const {
    std::lock_guard lock(mutex_);
    return result_.has_value();
}

Result<ExportSummary> ResultExport::result() const {
    std::lock_guard lock(mutex_);
    if (!result_) return Error{"The export has not finished"};
    return *result_;
}

ExportProgress ResultExport::progress() const {
    return {rows_.load(std::memory_order_relaxed), bytes_.load(std::memory_order_relaxed)};
}

Result<ExportSummary> exportResult(QueryExecutor& executor, ExportRequest request,
                                   ResultExport::ProgressFn progress) {
    auto run = ResultExport::start(executor, std::move(request), std::move(progress));
    run->wait();
    return run->result();
}

}  // namespace deskbase

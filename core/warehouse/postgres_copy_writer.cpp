#include "core/warehouse/postgres_copy_writer.h"

#include <algorithm>
#include <cstring>

namespace deskbase::pg {

namespace {

constexpr std::size_t kFlushBytes = std::size_t(1) << 20;  // one PQputCopyData call per ~1 MB
// A growable byte buffer written through raw pointers (no per-cell allocation or bounds
// checks on the hot path; room is reserved once per row).
class CopyBuffer {
public:
    CopyBuffer() : data_(std::make_unique<char[]>(kFlushBytes * 2)), capacity_(kFlushBytes * 2) {}
    char* reserve(std::size_t n) {
        if (size_ + n > capacity_) {
            std::size_t cap = capacity_;
            while (size_ + n > cap) cap *= 2;
            auto bigger = std::make_unique<char[]>(cap);
            std::memcpy(bigger.get(), data_.get(), size_);
            data_ = std::move(bigger);
            capacity_ = cap;
        }
        return data_.get() + size_;
    }
    void commit(char* end) { size_ = std::size_t(end - data_.get()); }
    const char* data() const { return data_.get(); }
    std::size_t size() const { return size_; }
    void clear() { size_ = 0; }

private:
    std::unique_ptr<char[]> data_;
    std::size_t capacity_;
    std::size_t size_ = 0;
};

class PgCopyWriter final : public BulkWriter, public BusyHolder {
public:
    PgCopyWriter(std::shared_ptr<Session> session, std::vector<CopyColumn> columns, bool binary)
        : session_(std::move(session)), columns_(std::move(columns)), binary_(binary) {
        session_->setBusy(this);
        if (binary_) {
            const auto header = binaryCopyHeader();
            char* out = buffer_.reserve(header.size());
            std::memcpy(out, header.data(), header.size());
            buffer_.commit(out + header.size());
        }
    }
    ~PgCopyWriter() override {
        if (!done_) abort("bulk load abandoned");
    }

    Status write(const RowBatch& batch) override {
        if (!error_.empty()) return Status::fail(error_);
        if (session_->cancelRequested()) return fail("cancelled");
        if (batch.columnCount != columns_.size())
            return fail("bulk load got " + std::to_string(batch.columnCount) + " columns, expected " +
                        std::to_string(columns_.size()));
        const Cell* cell = batch.cells.data();
        const std::size_t cols = batch.columnCount;
        const std::size_t rows = batch.rowCount();
        std::string error;
        for (std::size_t r = 0; r < rows; ++r, cell += cols) {
            if (binary_) {
                char* end =
                    formatBinaryRow(buffer_.reserve(binaryRowBound(cell, cols)), cell, columns_, &error);
                if (!end) {
                    if (r < batch.lineNumbers.size())
                        error = "line " + std::to_string(batch.lineNumbers[r]) + ": " + error;
                    return fail(error);
                }
                buffer_.commit(end);
            } else {
                buffer_.commit(formatTextRow(buffer_.reserve(textRowBound(cell, cols)), cell, columns_));
            }
            if (buffer_.size() >= kFlushBytes)
                if (auto s = flush(); !s) return s;
        }
        return Status::ok();
    }

    Status finish() override {
        if (!error_.empty()) return Status::fail(error_);
        if (binary_) {
            const auto trailer = binaryCopyTrailer();
            char* out = buffer_.reserve(trailer.size());
            std::memcpy(out, trailer.data(), trailer.size());
            buffer_.commit(out + trailer.size());
        }
        if (auto s = flush(); !s) return s;
        PGconn* conn = session_->conn();
        if (PQputCopyEnd(conn, nullptr) != 1) return fail(session_->errorOf(nullptr));
        std::string msg;
        while (PGresult* r = PQgetResult(conn)) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK && msg.empty()) msg = errorWithContext(r);
            PQclear(r);
            if (PQstatus(conn) == CONNECTION_BAD) break;
        }
        if (msg.empty() && PQstatus(conn) == CONNECTION_BAD) msg = session_->connectionError();
        done();
        if (!msg.empty()) {
            error_ = msg;
            return Status::fail(msg);
        }
        error_ = "bulk load already finished";
        return Status::ok();
    }

    void release(const std::string& reason) override { abort(reason); }

private:
    Status flush() {
        if (buffer_.size() == 0) return Status::ok();
        const int rc = PQputCopyData(session_->conn(), buffer_.data(), int(buffer_.size()));
        buffer_.clear();
        if (rc == 1) return Status::ok();
        // The server stopped the COPY (bad data, cancel) or went away: collect its reason.
        std::string msg;
        while (PGresult* r = PQgetResult(session_->conn())) {
            if (msg.empty() && PQresultStatus(r) == PGRES_FATAL_ERROR) msg = errorWithContext(r);
            PQclear(r);
            if (PQstatus(session_->conn()) == CONNECTION_BAD) break;
        }
        if (msg.empty()) msg = session_->errorOf(nullptr);
        done();
        error_ = msg;
        return Status::fail(msg);
    }

    // The server's message plus where in the COPY it happened ("COPY t, line 5, column x: ...").
    std::string errorWithContext(const PGresult* r) const {
        std::string msg = session_->errorOf(r);
        if (msg == "cancelled") return msg;
        if (const char* ctx = PQresultErrorField(r, PG_DIAG_CONTEXT)) msg += " (" + firstLine(ctx) + ")";
        return msg;
    }

    Status fail(const std::string& msg) {
        abort(msg);
        return Status::fail(msg);
    }

    void abort(const std::string& reason) {
        error_ = reason;
        if (done_) return;
        PGconn* conn = session_->conn();
        if (PQputCopyEnd(conn, reason.c_str()) == 1) {
            while (PGresult* r = PQgetResult(conn)) {
                PQclear(r);
                if (PQstatus(conn) == CONNECTION_BAD) break;
            }
        }
        done();
    }

    void done() {
        done_ = true;
        session_->clearBusy(this);
        session_->endCommand();
    }

    std::shared_ptr<Session> session_;
    std::vector<CopyColumn> columns_;
    bool binary_;
    CopyBuffer buffer_;
    bool done_ = false;
    std::string error_;
};

}  // namespace

Result<std::unique_ptr<BulkWriter>> startCopy(const std::shared_ptr<Session>& session,
                                              const std::string& qualifiedTable,
                                              std::vector<CopyColumn> columns, bool allowBinary) {
    const bool binary = allowBinary && std::all_of(columns.begin(), columns.end(),
                                    [](const CopyColumn& c) { return binaryCopySupports(c.type); });
    std::string sql = "COPY " + qualifiedTable + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        std::string quoted = "\"";
        for (char ch : columns[i].name) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        sql += (i ? ", " : "") + quoted + "\"";
    }
    sql += binary ? ") FROM STDIN (FORMAT binary)" : ") FROM STDIN";
    session->beginCommand();
    ResultPtr r(PQexec(session->conn(), sql.c_str()));
    if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
        std::string msg = session->errorOf(r.get());
        r.reset();
        session->drainResults();
        return Error{msg};
    }
    return std::unique_ptr<BulkWriter>(std::make_unique<PgCopyWriter>(session, std::move(columns), binary));
}

}  // namespace deskbase::pg

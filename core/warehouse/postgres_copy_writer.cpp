#include "core/warehouse/postgres_copy_writer.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace deskbase::pg {

namespace {

constexpr std::size_t kFlushBytes = std::size_t(1) << 20;  // one PQputCopyData call per ~1 MB
constexpr std::size_t kNumberBound = 32;                    // longest int64 / shortest double text

char* appendText(char* out, std::string_view s) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        // Copy the longest run without special characters in one go.
        const char* run = p;
        while (p < end && *p != '\\' && *p != '\t' && *p != '\n' && *p != '\r') ++p;
        std::memcpy(out, run, std::size_t(p - run));
        out += p - run;
        if (p == end) break;
        *out++ = '\\';
        switch (*p) {
            case '\t': *out++ = 't'; break;
            case '\n': *out++ = 'n'; break;
            case '\r': *out++ = 'r'; break;
            default: *out++ = '\\'; break;
        }
        ++p;
    }
    return out;
}

char* appendReal(char* out, double d) {
    if (std::isnan(d)) {
        std::memcpy(out, "NaN", 3);
        return out + 3;
    }
    if (std::isinf(d)) {
        const std::string_view s = d > 0 ? "Infinity" : "-Infinity";
        std::memcpy(out, s.data(), s.size());
        return out + s.size();
    }
    return std::to_chars(out, out + kNumberBound, d).ptr;
}

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
    PgCopyWriter(std::shared_ptr<Session> session, const std::vector<Column>& columns) : session_(std::move(session)) {
        for (const auto& c : columns) types_.push_back(c.type);
        session_->setBusy(this);
    }
    ~PgCopyWriter() override {
        if (!done_) abort("bulk load abandoned");
    }

    Status write(const RowBatch& batch) override {
        if (!error_.empty()) return Status::fail(error_);
        if (session_->cancelRequested()) return fail("cancelled");
        if (batch.columnCount != types_.size())
            return fail("bulk load got " + std::to_string(batch.columnCount) + " columns, expected " +
                        std::to_string(types_.size()));
        const Cell* cell = batch.cells.data();
        const std::size_t cols = batch.columnCount;
        const std::size_t rows = batch.rowCount();
        for (std::size_t r = 0; r < rows; ++r, cell += cols) {
            char* out = buffer_.reserve(copyRowBound(cell, cols));
            buffer_.commit(formatCopyRow(out, cell, types_));
            if (buffer_.size() >= kFlushBytes)
                if (auto s = flush(); !s) return s;
        }
        return Status::ok();
    }

    Status finish() override {
        if (!error_.empty()) return Status::fail(error_);
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
    std::vector<ColumnType> types_;
    CopyBuffer buffer_;
    bool done_ = false;
    std::string error_;
};

}  // namespace

std::size_t copyRowBound(const Cell* cells, std::size_t count) {
    std::size_t n = 1;
    for (std::size_t c = 0; c < count; ++c)
        n += 1 + (cells[c].kind == Cell::Kind::Text ? 2 * cells[c].text.size() : kNumberBound);
    return n;
}

char* formatCopyRow(char* out, const Cell* cells, const std::vector<ColumnType>& types) {
    const std::size_t count = types.size();
    for (std::size_t c = 0; c < count; ++c) {
        if (c) *out++ = '\t';
        const Cell& cell = cells[c];
        switch (cell.kind) {
            case Cell::Kind::Null:
                *out++ = '\\';
                *out++ = 'N';
                break;
            case Cell::Kind::Integer: out = std::to_chars(out, out + kNumberBound, cell.i).ptr; break;
            case Cell::Kind::Real: out = appendReal(out, cell.d); break;
            case Cell::Kind::Boolean:
                if (types[c] == ColumnType::Boolean) *out++ = cell.i ? 't' : 'f';
                else *out++ = cell.i ? '1' : '0';
                break;
            case Cell::Kind::Text: out = appendText(out, cell.text); break;
        }
    }
    *out++ = '\n';
    return out;
}

Result<std::unique_ptr<BulkWriter>> startCopy(const std::shared_ptr<Session>& session, const std::string& copySql,
                                              const std::vector<Column>& columns) {
    session->beginCommand();
    ResultPtr r(PQexec(session->conn(), copySql.c_str()));
    if (PQresultStatus(r.get()) != PGRES_COPY_IN) {
        std::string msg = session->errorOf(r.get());
        r.reset();
        session->drainResults();
        return Error{msg};
    }
    return std::unique_ptr<BulkWriter>(std::make_unique<PgCopyWriter>(session, columns));
}

}  // namespace deskbase::pg

#include "core/warehouse/postgres_insert_writer.h"

#include <charconv>
#include <algorithm>
#include <cmath>

namespace deskbase::pg {

namespace {

// A cell as PostgreSQL's input functions read it; false for NULL.
bool cellText(const Cell& cell, std::string& out) {
    char buf[32];
    switch (cell.kind) {
        case Cell::Kind::Null: return false;
        case Cell::Kind::Integer: out.assign(buf, std::to_chars(buf, buf + sizeof buf, cell.i).ptr); return true;
        case Cell::Kind::Real:
            if (std::isnan(cell.d)) out = "NaN";
            else if (std::isinf(cell.d)) out = cell.d > 0 ? "Infinity" : "-Infinity";
            else out.assign(buf, std::to_chars(buf, buf + sizeof buf, cell.d).ptr);
            return true;
        case Cell::Kind::Boolean: out = cell.i ? "t" : "f"; return true;
        case Cell::Kind::Text: out.assign(cell.text); return true;
    }
    return false;
}

class InsertWriter final : public BulkWriter {
public:
    InsertWriter(std::shared_ptr<Session> session, std::string table, std::vector<CopyColumn> columns)
        : session_(std::move(session)), table_(std::move(table)), columns_(std::move(columns)),
          chunkRows_(insertChunkRows(columns_.size())) {
        prefix_ = "INSERT INTO " + table_ + " (";
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            std::string quoted = "\"";
            for (char ch : columns_[i].name) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            prefix_ += (i ? ", " : "") + quoted + "\"";
        }
        prefix_ += ") VALUES ";
    }

    Status write(const RowBatch& batch) override {
        if (!error_.empty()) return Status::fail(error_);
        if (batch.columnCount != columns_.size())
            return fail("bulk load got " + std::to_string(batch.columnCount) + " columns, expected " +
                        std::to_string(columns_.size()));
        const Cell* cell = batch.cells.data();
        const std::size_t cols = batch.columnCount;
        for (std::size_t r = 0; r < batch.rowCount(); ++r, cell += cols) {
            for (std::size_t c = 0; c < cols; ++c) {
                values_.emplace_back();
                isNull_.push_back(!cellText(cell[c], values_.back()));
            }
            lines_.push_back(r < batch.lineNumbers.size() ? batch.lineNumbers[r] : -1);
            if (lines_.size() >= chunkRows_)
                if (auto s = flush(); !s) return s;
        }
        return Status::ok();
    }

    Status finish() override {
        if (!error_.empty()) return Status::fail(error_);
        if (auto s = flush(); !s) return s;
        error_ = "bulk load already finished";
        return Status::ok();
    }

private:
    std::string sqlFor(std::size_t rows) {
        if (rows == chunkRows_ && !fullChunkSql_.empty()) return fullChunkSql_;
        std::string sql = prefix_;
        std::size_t n = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            sql += r ? ", (" : "(";
            for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", $" : "$") + std::to_string(++n);
            sql += ")";
        }
        if (rows == chunkRows_) fullChunkSql_ = sql;
        return sql;
    }

    Status flush() {
        const std::size_t rows = lines_.size();
        if (rows == 0) return Status::ok();
        const std::string sql = sqlFor(rows);
        std::vector<const char*> values(values_.size());
        std::vector<Oid> types(values_.size());
        for (std::size_t i = 0; i < values_.size(); ++i) {
            values[i] = isNull_[i] ? nullptr : values_[i].c_str();
            types[i] = columns_[i % columns_.size()].type;
        }
        session_->beginCommand();
        PGconn* conn = session_->conn();
        std::string msg;
        if (!PQsendQueryParams(conn, sql.c_str(), int(values.size()), types.data(), values.data(), nullptr,
                               nullptr, 0)) {
            msg = session_->connectionError();
        } else {
            while (PGresult* raw = PQgetResult(conn)) {
                ResultPtr r(raw);
                if (PQresultStatus(raw) != PGRES_COMMAND_OK && msg.empty()) msg = errorWithRows(raw);
                if (PQstatus(conn) == CONNECTION_BAD) {
                    if (msg.empty()) msg = session_->connectionError();
                    break;
                }
            }
        }
        session_->endCommand();
        values_.clear();
        isNull_.clear();
        lines_.clear();
        if (!msg.empty()) return fail(msg);
        return Status::ok();
    }

    // The server's message plus the file lines of the failed chunk (one INSERT holds many rows).
    std::string errorWithRows(const PGresult* r) const {
        std::string msg = session_->errorOf(r);
        if (msg == "cancelled" || lines_.empty() || lines_.front() < 0) return msg;
        return msg + " (INSERT of lines " + std::to_string(lines_.front()) + "-" + std::to_string(lines_.back()) +
               ")";
    }

    Status fail(const std::string& msg) {
        error_ = msg;
        values_.clear();
        isNull_.clear();
        lines_.clear();
        return Status::fail(msg);
    }

    std::shared_ptr<Session> session_;
    std::string table_;
    std::vector<CopyColumn> columns_;
    std::size_t chunkRows_;
    std::string prefix_;
    std::string fullChunkSql_;
    std::vector<std::string> values_;
    std::vector<bool> isNull_;
    std::vector<std::int64_t> lines_;
    std::string error_;
};

}  // namespace

std::size_t insertChunkRows(std::size_t columnCount) {
    if (columnCount == 0) return 1;
    return std::max<std::size_t>(1, std::min<std::size_t>(1000, 32767 / columnCount));
}

Result<std::unique_ptr<BulkWriter>> startInsertLoad(const std::shared_ptr<Session>& session,
                                                    const std::string& qualifiedTable,
                                                    std::vector<CopyColumn> columns) {
    return std::unique_ptr<BulkWriter>(
        std::make_unique<InsertWriter>(session, qualifiedTable, std::move(columns)));
}

}  // namespace deskbase::pg

#include "core/warehouse/postgres_cursor.h"

#include "core/warehouse/postgres_values.h"

namespace deskbase::pg {

namespace {

// Rows drained after an abandoned result before asking the server to stop sending.
constexpr int kDrainBeforeCancel = 256;

class PgCursor final : public QueryCursor, public BusyHolder {
public:
    PgCursor(std::shared_ptr<Session> session, ResultPtr first) : session_(std::move(session)) {
        const PGresult* r = first.get();
        const int n = PQnfields(r);
        columns_.reserve(std::size_t(n));
        types_.reserve(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            Column c;
            c.name = PQfname(r, i);
            c.displayName = c.name;
            types_.push_back(PQftype(r, i));
            c.type = logicalTypeOf(types_.back());
            columns_.push_back(std::move(c));
        }
        if (PQresultStatus(r) == PGRES_SINGLE_TUPLE) {
            pending_ = std::move(first);
            session_->setBusy(this);
        } else {
            stop(/*mayCancel=*/false);  // no rows, or the end already: read the final null result
        }
    }

    ~PgCursor() override {
        if (!done_) stop(/*mayCancel=*/true);
    }

    const std::vector<Column>& columns() const override { return columns_; }

    Result<std::size_t> fetch(std::vector<Row>& out, std::size_t maxRows) override {
        if (!error_.empty()) return Error{error_};
        std::size_t n = 0;
        while (n < maxRows && !done_) {
            if (session_->cancelRequested()) {
                stop(/*mayCancel=*/false);  // the user's cancel request is already on its way
                return fail("cancelled");
            }
            ResultPtr r = pending_ ? std::move(pending_) : ResultPtr(PQgetResult(session_->conn()));
            if (!r) {
                finish();
                break;
            }
            switch (PQresultStatus(r.get())) {
                case PGRES_SINGLE_TUPLE:
                    out.push_back(readRow(r.get()));
                    ++n;
                    break;
                case PGRES_TUPLES_OK:  // end of rows; a null result follows
                    break;
                default: {
                    std::string msg = session_->errorOf(r.get());
                    stop(/*mayCancel=*/false);
                    return fail(msg);
                }
            }
        }
        return n;
    }

    void release(const std::string& reason) override {
        stop(/*mayCancel=*/true);
        error_ = reason;
    }

private:
    Row readRow(const PGresult* r) const {
        Row row;
        row.reserve(types_.size());
        for (int c = 0; c < int(types_.size()); ++c) {
            if (PQgetisnull(r, 0, c))
                row.emplace_back(std::monostate{});
            else
                row.push_back(
                    valueFromText(PQgetvalue(r, 0, c), PQgetlength(r, 0, c), types_[std::size_t(c)]));
        }
        return row;
    }

    Error fail(std::string msg) {
        error_ = msg;
        return Error{std::move(msg)};
    }

    void finish() {
        done_ = true;
        pending_.reset();
        session_->clearBusy(this);
        session_->endCommand();
    }

    // Brings the connection back to idle: reads what is left; a long remainder is cut short with
    // a cancel request, unless inside a transaction (a cancel would abort it).
    void stop(bool mayCancel) {
        pending_.reset();
        int drained = 0;
        PGconn* conn = session_->conn();
        while (PGresult* r = PQgetResult(conn)) {
            PQclear(r);
            if (++drained == kDrainBeforeCancel && mayCancel && !session_->inTransaction())
                session_->cancelQuietly();
            if (PQstatus(conn) == CONNECTION_BAD) break;
        }
        finish();
    }

    std::shared_ptr<Session> session_;
    std::vector<Column> columns_;
    std::vector<Oid> types_;
    ResultPtr pending_;  // the first row, read by startQuery
    bool done_ = false;
    std::string error_;
};

}  // namespace

Result<std::unique_ptr<QueryCursor>> startQuery(const std::shared_ptr<Session>& session,
                                                const std::string& sql, const std::vector<Value>& params) {
    session->beginCommand();
    PGconn* conn = session->conn();
    const BoundParams bound(params);
    if (!PQsendQueryParams(conn, sql.c_str(), bound.count(), bound.types(), bound.values(), nullptr, nullptr,
                           0)) {
        session->endCommand();
        return Error{session->connectionError()};
    }
    PQsetSingleRowMode(conn);
    ResultPtr first(PQgetResult(conn));
    if (!first) {
        session->endCommand();
        return Error{session->connectionError()};
    }
    switch (PQresultStatus(first.get())) {
        case PGRES_SINGLE_TUPLE:
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
            return std::unique_ptr<QueryCursor>(std::make_unique<PgCursor>(session, std::move(first)));
        default: {
            std::string msg =
                PQresultStatus(first.get()) == PGRES_COPY_IN || PQresultStatus(first.get()) == PGRES_COPY_OUT
                    ? "COPY cannot run as a query here"
                    : session->errorOf(first.get());
            first.reset();
            session->drainResults();
            return Error{msg};
        }
    }
}

}  // namespace deskbase::pg

#pragma once
// A transaction on one warehouse connection that rolls back unless committed: a failed or
// cancelled import or build leaves nothing behind.
#include "core/util/result.h"
#include "core/warehouse/warehouse.h"

namespace deskbase {

class Transaction {
public:
    explicit Transaction(Warehouse& w) : w_(w) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Status begin() {
        auto s = w_.begin();
        open_ = s.isOk();
        return s;
    }
    Status commit() {  // a failed commit still rolls back when the object goes
        auto s = w_.commit();
        if (s) open_ = false;
        return s;
    }
    ~Transaction() {
        if (open_) (void)w_.rollback();
    }

private:
    Warehouse& w_;
    bool open_ = false;
};

}  // namespace deskbase

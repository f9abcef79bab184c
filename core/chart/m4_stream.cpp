#include "core/chart/m4_stream.h"

#include <algorithm>

#include "core/chart/chart_data.h"

namespace deskbase::chart {

M4Stream::M4Stream(M4Columns columns, double lo, double hi, int width)
    : c_(std::move(columns)), lo_(lo), hi_(hi), width_(std::max(width, 1)) {
    scale_ = double(width_) / (hi > lo ? hi - lo : 1.0);
}

std::optional<double> M4Stream::xOf(const Row& row) const {
    if (c_.x < 0 || std::size_t(c_.x) >= row.size()) return std::nullopt;
    return c_.date ? cellEpochMs(row[std::size_t(c_.x)]) : cellNumber(row[std::size_t(c_.x)]);
}

std::optional<double> M4Stream::yOf(const Row& row, int column) const {
    if (column < 0 || std::size_t(column) >= row.size()) return std::nullopt;
    return cellNumber(row[std::size_t(column)]);
}

void M4Stream::add(const Row& row) {
    const auto x = xOf(row);
    if (!x) return;
    if (c_.series >= 0) {
        if (auto y = yOf(row, c_.y.front())) offer(valueToText(row[std::size_t(c_.series)]), 0, *x, *y, row);
        return;
    }
    for (std::size_t i = 0; i < c_.y.size(); ++i)
        if (auto y = yOf(row, c_.y[i])) offer(std::string(1, char(i)), int(i), *x, *y, row);
}

void M4Stream::offer(const std::string& series, int measure, double x, double y, const Row& row) {
    auto& list = buckets_[series];
    if (list.empty()) list.resize(std::size_t(width_) + 2);
    long k;
    if (x < lo_)
        k = -1;
    else if (x > hi_)
        k = width_;
    else
        k = std::min<long>(width_ - 1, long((x - lo_) * scale_));
    Bucket& b = list[std::size_t(k + 1)];
    const std::size_t id = next_++;
    auto take = [&](Pick& p) {
        p.x = x;
        p.y = y;
        p.id = id;
        p.row = row;
        if (c_.series < 0)  // several measures: the row carries only its own
            for (std::size_t i = 0; i < c_.y.size(); ++i)
                if (int(i) != measure) p.row[std::size_t(c_.y[i])] = Value{};
        p.set = true;
    };
    const bool inside = k >= 0 && k < width_;
    if ((inside || k == width_) && (!b.first.set || x < b.first.x || (x == b.first.x && y < b.first.y))) take(b.first);
    if ((inside || k < 0) && (!b.last.set || x > b.last.x || (x == b.last.x && y > b.last.y))) take(b.last);
    if (inside && (!b.low.set || y < b.low.y || (y == b.low.y && x < b.low.x))) take(b.low);
    if (inside && (!b.high.set || y > b.high.y || (y == b.high.y && x > b.high.x))) take(b.high);
}

std::vector<Row> M4Stream::rows() const {
    std::vector<Row> out;
    for (const auto& [name, list] : buckets_) {
        std::vector<const Pick*> picks;
        for (const Bucket& b : list)
            for (const Pick* p : {&b.first, &b.last, &b.low, &b.high})
                if (p->set) picks.push_back(p);
        std::sort(picks.begin(), picks.end(), [](const Pick* a, const Pick* b) {
            if (a->x != b->x) return a->x < b->x;
            if (a->y != b->y) return a->y < b->y;
            return a->id < b->id;
        });
        picks.erase(std::unique(picks.begin(), picks.end(), [](const Pick* a, const Pick* b) { return a->id == b->id; }),
                    picks.end());
        for (const Pick* p : picks) out.push_back(p->row);
    }
    return out;
}

}  // namespace deskbase::chart

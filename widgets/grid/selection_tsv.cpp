#include "widgets/grid/selection_tsv.h"

#include <algorithm>
#include <climits>
#include <map>

namespace deskbase::widgets {

std::int64_t SelectionShape::rowCount() const {
    std::int64_t n = 0;
    for (const auto& s : segments) n += s.last - s.first + 1;
    return n;
}

SelectionShape selectionShape(const std::vector<CellRect>& rects) {
    SelectionShape shape;
    if (rects.empty()) return shape;
    int firstColumn = INT_MAX, lastColumn = -1;
    // A sweep over the rows: +1 for a rectangle's columns where it starts, -1 past its end.
    std::map<std::int64_t, std::vector<const CellRect*>> starts, ends;
    for (const CellRect& r : rects) {
        firstColumn = std::min(firstColumn, r.left);
        lastColumn = std::max(lastColumn, r.right);
        starts[r.top].push_back(&r);
        ends[r.bottom + 1].push_back(&r);
    }
    shape.firstColumn = firstColumn;
    std::vector<int> cover(std::size_t(lastColumn - firstColumn + 1), 0);
    std::vector<std::int64_t> bounds;
    for (const auto& [row, _] : starts) bounds.push_back(row);
    for (const auto& [row, _] : ends) bounds.push_back(row);
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        const std::int64_t row = bounds[i];
        for (int sign : {-1, 1}) {
            const auto& changes = sign < 0 ? ends : starts;
            if (auto it = changes.find(row); it != changes.end())
                for (const CellRect* r : it->second)
                    for (int c = r->left; c <= r->right; ++c) cover[std::size_t(c - firstColumn)] += sign;
        }
        SelectionSegment segment{row, bounds[i + 1] - 1, {}};
        for (int n : cover) segment.columns.push_back(n > 0);
        if (std::none_of(segment.columns.begin(), segment.columns.end(), [](bool b) { return b; })) continue;
        if (!shape.segments.empty() && shape.segments.back().last + 1 == segment.first &&
            shape.segments.back().columns == segment.columns)
            shape.segments.back().last = segment.last;
        else
            shape.segments.push_back(std::move(segment));
    }
    return shape;
}

void appendTsvLine(std::string& out, const SelectionShape& shape, const SelectionSegment& segment,
                   const Row* row) {
    for (std::size_t i = 0; i < segment.columns.size(); ++i) {
        if (i) out += '\t';
        const std::size_t column = std::size_t(shape.firstColumn) + i;
        if (!segment.columns[i] || !row || column >= row->size() || isNull((*row)[column])) continue;
        // TSV cells cannot hold tabs or line breaks: they become spaces.
        for (char c : valueToText((*row)[column])) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
}

}  // namespace deskbase::widgets

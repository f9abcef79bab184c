#pragma once
// A grid selection as TSV lines. The selection's rectangles become row segments, each with the
// columns selected in it, so a million selected rows cost a few segments rather than a model
// index per cell. Lines span the leftmost to the rightmost selected column; cells not selected
// in a row are empty. Cells: NULL empty, tabs and line breaks become spaces.
#include <cstdint>
#include <string>
#include <vector>

#include "core/types/value.h"

namespace deskbase::widgets {

struct CellRect {
    std::int64_t top = 0, bottom = 0;  // rows, inclusive
    int left = 0, right = 0;           // columns, inclusive
};

struct SelectionSegment {
    std::int64_t first = 0, last = 0;  // rows, inclusive
    std::vector<bool> columns;         // from SelectionShape::firstColumn on
};

struct SelectionShape {
    int firstColumn = 0;
    std::vector<SelectionSegment> segments;  // ascending, not overlapping

    bool empty() const { return segments.empty(); }
    std::int64_t rowCount() const;
};

SelectionShape selectionShape(const std::vector<CellRect>& rects);

// Appends one line (without a line break) for `row` of `segment`; a null row gives empty cells.
void appendTsvLine(std::string& out, const SelectionShape& shape, const SelectionSegment& segment,
                   const Row* row);

}  // namespace deskbase::widgets

#pragma once
// Where a dashboard drawn as one tall picture is cut into printed pages: never through a card
// when a card fits on a page. Pure layout arithmetic on the cards' vertical extents (in the
// drawing's pixels); the PDF writer (widgets/dashboard/dashboard_pdf.h) draws the slices.
#include <vector>

namespace deskbase::dashboard {

struct Span {
    int top = 0;
    int bottom = 0;  // exclusive
};

// The pages' [top, bottom) slices covering [0, height), each at most pageHeight tall. A slice ends
// at the lowest point at or above its limit that no card straddles; a card taller than a page is
// cut where the page ends (it cannot be kept whole). The slices are in order and cover the
// height exactly once. height <= 0: no page; pageHeight <= 0: one slice of everything.
std::vector<Span> pageSlices(const std::vector<Span>& cards, int height, int pageHeight);

}  // namespace deskbase::dashboard

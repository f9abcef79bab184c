#include "core/dashboard/page_breaks.h"

#include <algorithm>

namespace deskbase::dashboard {

namespace {

// True when a cut at y would split a card (y strictly inside it).
bool cutsACard(const std::vector<Span>& cards, int y) {
    return std::any_of(cards.begin(), cards.end(), [y](const Span& c) { return c.top < y && y < c.bottom; });
}

}  // namespace

std::vector<Span> pageSlices(const std::vector<Span>& cards, int height, int pageHeight) {
    std::vector<Span> pages;
    if (height <= 0) return pages;
    if (pageHeight <= 0) return {{0, height}};
    // Candidate cuts: card edges (a cut elsewhere is never better than the edge just above it).
    std::vector<int> edges;
    for (const Span& c : cards) {
        edges.push_back(c.top);
        edges.push_back(c.bottom);
    }
    std::sort(edges.begin(), edges.end());
    int top = 0;
    while (top < height) {
        const int limit = std::min(height, top + pageHeight);
        int cut = limit;
        if (limit < height && cutsACard(cards, limit)) {
            cut = top;  // the lowest edge in (top, limit] that cuts no card
            for (int e : edges)
                if (e > top && e <= limit && !cutsACard(cards, e)) cut = e;
            if (cut == top) cut = limit;  // a card taller than the page: cut it at the page's end
        }
        pages.push_back({top, cut});
        top = cut;
    }
    return pages;
}

}  // namespace deskbase::dashboard

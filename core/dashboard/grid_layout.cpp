#include "core/dashboard/grid_layout.h"

#include <algorithm>
#include <numeric>

namespace deskbase::dashboard {

bool overlaps(const GridRect& a, const GridRect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool anyOverlap(const std::vector<Card>& cards) {
    for (std::size_t i = 0; i < cards.size(); ++i)
        for (std::size_t j = i + 1; j < cards.size(); ++j)
            if (overlaps(cards[i].rect, cards[j].rect)) return true;
    return false;
}

GridRect clampToGrid(GridRect r, int columns) {
    columns = std::max(1, columns);
    r.w = std::clamp(r.w, 1, columns);
    r.h = std::max(1, r.h);
    r.x = std::clamp(r.x, 0, columns - r.w);
    r.y = std::max(0, r.y);
    return r;
}

GridRect firstFreePlace(const std::vector<Card>& cards, int columns, int w, int h) {
    const GridRect size = clampToGrid({0, 0, w, h}, columns);
    int bottom = 0;
    for (const auto& c : cards) bottom = std::max(bottom, c.rect.y + c.rect.h);
    // Below every card there is always room, so the scan ends by row `bottom` at the latest.
    for (int y = 0; y <= bottom; ++y)
        for (int x = 0; x + size.w <= std::max(1, columns); ++x) {
            const GridRect r{x, y, size.w, size.h};
            if (std::none_of(cards.begin(), cards.end(), [&](const Card& c) { return overlaps(c.rect, r); }))
                return r;
        }
    return {0, bottom, size.w, size.h};
}

GridRect defaultCardSize(const std::string& type, int columns) {
    const int half = std::max(1, columns / 2);
    if (type == "number") return clampToGrid({0, 0, std::max(1, columns / 4), 4}, columns);
    return clampToGrid({0, 0, half, 8}, columns);
}

GridRect defaultTextCardSize(int columns) {
    return clampToGrid({0, 0, std::max(1, columns / 3), 4}, columns);
}

GridRect defaultHeadingCardSize(int columns) {
    return clampToGrid({0, 0, columns, 1}, columns);
}

std::vector<CardMove> placeCard(const std::vector<Card>& cards, int columns, const std::string& cardId,
                                const GridRect& target) {
    std::vector<GridRect> rects;
    std::size_t moved = cards.size();
    for (std::size_t i = 0; i < cards.size(); ++i) {
        rects.push_back(cards[i].rect);
        if (cards[i].id == cardId) moved = i;
    }
    if (moved == cards.size()) return {};
    rects[moved] = clampToGrid(target, columns);
    // The others, top to bottom (then left to right, then file order): each settles below
    // whatever already settled that it would cover. Cards only move down, so this ends.
    std::vector<std::size_t> order(cards.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(rects[a].y, rects[a].x) < std::pair(rects[b].y, rects[b].x);
    });
    std::vector<std::size_t> settled{moved};
    for (std::size_t i : order) {
        if (i == moved) continue;
        for (bool collided = true; collided;) {
            collided = false;
            for (std::size_t s : settled)
                if (overlaps(rects[i], rects[s])) {
                    rects[i].y = rects[s].y + rects[s].h;
                    collided = true;
                }
        }
        settled.push_back(i);
    }
    std::vector<CardMove> out;
    if (!(rects[moved] == cards[moved].rect)) out.push_back({cardId, cards[moved].rect, rects[moved]});
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (i != moved && !(rects[i] == cards[i].rect)) out.push_back({cards[i].id, cards[i].rect, rects[i]});
    if (!out.empty() && out.front().cardId != cardId)
        out.insert(out.begin(), CardMove{cardId, cards[moved].rect, rects[moved]});
    return out;
}

}  // namespace deskbase::dashboard

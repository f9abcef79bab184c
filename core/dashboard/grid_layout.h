#pragma once
// Where cards go on a dashboard grid: the first free place for a new card (reading order: top
// row first, left to right) and moving or resizing a card so that no two cards overlap (cards
// in the way are pushed down, and the cards they land on are pushed further). GUI-free.
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"

namespace deskbase::dashboard {

bool overlaps(const GridRect& a, const GridRect& b);  // share at least one cell
bool anyOverlap(const std::vector<Card>& cards);

// The first place, in reading order, where a w x h card fits inside `columns` without covering
// any of `cards` (w is clamped to the grid width).
GridRect firstFreePlace(const std::vector<Card>& cards, int columns, int w, int h);

// The size a new card gets: numbers are small, tables and charts half the grid wide, text a
// third, headings the whole width and one row high.
GridRect defaultCardSize(const std::string& visualizationType, int columns);
GridRect defaultTextCardSize(int columns);
GridRect defaultHeadingCardSize(int columns);

// `rect` kept inside the grid: x >= 0, y >= 0, 1 <= w <= columns, x + w <= columns, h >= 1.
GridRect clampToGrid(GridRect rect, int columns);

struct CardMove {
    std::string cardId;
    GridRect from;
    GridRect to;
    bool operator==(const CardMove&) const = default;
};

// Puts card `cardId` at `target` (clamped to the grid) and pushes every card it would cover
// down, top to bottom, each just below what it collides with, until nothing overlaps. Cards not
// in the way stay. Returns the moves (the card itself first; empty when nothing changes).
std::vector<CardMove> placeCard(const std::vector<Card>& cards, int columns, const std::string& cardId,
                                const GridRect& target);

}  // namespace deskbase::dashboard

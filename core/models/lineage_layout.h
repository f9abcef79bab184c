#pragma once
// Where the lineage view puts each node: layers left to right by depth in the lineage DAG (a node
// with no inputs is in layer 0; any other one layer right of its deepest input), and an order
// inside each layer that keeps edges short and uncrossed where a barycentre sweep can (each node
// moves towards the mean row of its neighbours; ties keep the kind order sources, models,
// questions, dashboards, then the name). The widget only multiplies by its box sizes.
#include <string>
#include <vector>

#include "core/models/lineage.h"

namespace deskbase {

struct LineagePlace {
    int layer = 0;  // column, left to right
    int row = 0;    // position inside its layer, top to bottom
};

struct LineageLayout {
    std::vector<LineagePlace> places;  // one per Lineage::nodes entry, same order
    int layers = 0;                    // columns used
    int rows = 0;                      // the tallest layer's node count
};

// Edges naming an unknown node are ignored; nodes on a cycle (none in a workspace lineage) are
// placed in node order, each one layer right of its inputs placed before it.
LineageLayout layoutLineage(const Lineage& lineage);

}  // namespace deskbase

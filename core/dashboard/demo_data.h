#pragma once
// A deterministic sample store (customers, products, orders, order items over two years)
// written as CSV files, so the demo and the benchmarks load it through the real ingestion path.
#include <cstdint>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace deskbase {
class Warehouse;
}

namespace deskbase::dashboard {

struct DemoSizes {
    int customers = 2000;
    int orders = 20000;  // order items are ~2.2 per order
    std::uint64_t seed = 20240101;
    std::string firstDay = "2023-01-01";
    int days = 731;  // 2023-01-01 .. 2024-12-31
};

// The tables the demo store consists of, in import order.
const std::vector<std::string>& demoTables();  // customers, products, orders, order_items

// Writes <dir>/<table>.csv for every demo table; returns the file paths in demoTables() order.
// The same sizes and seed always give byte-identical files.
Result<std::vector<std::string>> writeDemoCsv(const std::string& dir, const DemoSizes& sizes = {});

// Generates the CSV files in a temporary folder and imports them (ImportJob, replace mode).
Status importDemoData(Warehouse& warehouse, const DemoSizes& sizes = {});

// True when every demo table exists in the warehouse.
bool hasDemoData(Warehouse& warehouse);

}  // namespace deskbase::dashboard

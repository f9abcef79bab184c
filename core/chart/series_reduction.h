#pragma once
// Reducing a large series to what a chart can show: a few points per pixel column.
// Both return indices into the input, ascending, so the caller keeps its own storage.
#include <cstddef>
#include <vector>

namespace deskbase::chart {

// A line's points as the reduction reads them: x ascending, y beside it.
struct XYData {
    std::vector<double> x;
    std::vector<double> y;
};

// M4-style min/max per pixel column over [xMin, xMax]: for each of `columns` buckets, the
// first, lowest, highest and last point (each once). Every bucket's local minimum and maximum
// survive, so spikes are never lost. `x` must be ascending (a line); the nearest point outside
// the range on each side is kept too so the line runs to the plot edge. Returns all indices
// when the visible range holds no more than 4 points per column.
std::vector<std::size_t> reduceMinMax(const double* x, const double* y, std::size_t n, double xMin,
                                      double xMax, int columns);
// Same over the whole series.
std::vector<std::size_t> reduceMinMax(const std::vector<double>& x, const std::vector<double>& y,
                                      int columns);

// Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points that keep the visual
// shape, first and last always included. Returns all indices when n <= threshold.
std::vector<std::size_t> reduceLttb(const double* x, const double* y, std::size_t n, std::size_t threshold);

}  // namespace deskbase::chart

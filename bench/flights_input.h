#pragma once
// The input of the ingestion benchmarks: ../shared/data/flights-3m.csv.gz next to the checkout
// when present (gunzipped into `dir`), else a generated file of the same shape
// (date,delay,distance,origin,destination), so the benchmarks run on any machine.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace deskbase::bench {

// The options every flights benchmark takes (--runs N, --csv FILE); others are the caller's.
struct FlightsArgs {
    int runs = 3;
    std::string csv;  // empty: prepareFlightsCsv()
};

inline FlightsArgs parseFlightsArgs(int argc, char** argv) {
    FlightsArgs args;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs")
            args.runs = std::atoi(argv[++i]);
        else if (a == "--csv")
            args.csv = argv[++i];
    }
    return args;
}

inline std::string generateFlights(const std::filesystem::path& dir, int rows) {
    const auto out = dir / "flights-generated.csv";
    std::ofstream f(out);
    f << "date,delay,distance,origin,destination\n";
    std::mt19937 rng(42);
    const char* airports[] = {"LAS", "PHL", "ATL", "SAV", "ORD", "LAX", "SFO", "JFK", "DEN", "SEA", "BOS", "MIA"};
    char buf[96];
    for (int i = 0; i < rows; ++i) {
        const int minute = i / 8;
        std::snprintf(buf, sizeof buf, "2001-%02d-%02d %02d:%02d:00,%d,%d,%s,%s\n", 1 + (minute / 40000) % 12,
                      1 + (minute / 1440) % 28, (minute / 60) % 24, minute % 60, int(rng() % 200) - 20,
                      int(100 + rng() % 2500), airports[rng() % 12], airports[rng() % 12]);
        f << buf;
    }
    return out.string();
}

// The CSV to load (empty on failure), written into `dir` unless it is the shared file's copy.
inline std::string prepareFlightsCsv(const std::filesystem::path& dir) {
    const auto shared = std::filesystem::path(DESKBASE_SOURCE_DIR) / ".." / "shared" / "data" / "flights-3m.csv.gz";
    if (std::filesystem::exists(shared)) {
        const std::string csv = (dir / "flights-3m.csv").string();
        std::fprintf(stderr, "gunzipping %s\n", shared.c_str());
        if (std::system(("gzip -dc '" + shared.string() + "' > '" + csv + "'").c_str()) != 0) return {};
        return csv;
    }
    std::fprintf(stderr, "generating 3,000,000 rows\n");
    return generateFlights(dir, 3000000);
}

// Data rows (lines less the header); reading the file also warms the page cache for both tools.
inline double countDataRows(const std::string& csv) {
    std::ifstream f(csv);
    std::string line;
    std::uintmax_t lines = 0;
    while (std::getline(f, line)) ++lines;
    return lines ? double(lines - 1) : 0;
}

}  // namespace deskbase::bench

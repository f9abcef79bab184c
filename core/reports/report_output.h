#pragma once
// Where a report's files go: dated names in its output folder, and pruning to the newest N.
// Names are <report>-YYYY-MM-DD-HHMM.<ext> (local time, so they sort by time); a second file in
// the same minute gets the seconds (-HHMMSS), then a counter (-HHMMSS-2).
#include <QDateTime>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace deskbase {

// A free path in `dir` for `report` at `when`. Does not create anything.
std::string datedReportPath(const std::string& dir, const std::string& report, const std::string& ext,
                            const QDateTime& when);

// The files in `dir` that are this report's dated outputs with this extension, oldest first.
std::vector<std::string> reportOutputs(const std::string& dir, const std::string& report,
                                       const std::string& ext);

// Removes all but the newest `keep` of them (keep 0: none removed); returns the removed paths.
// Files that are not this report's dated outputs are never touched.
Result<std::vector<std::string>> pruneReportOutputs(const std::string& dir, const std::string& report,
                                                    const std::string& ext, int keep);

}  // namespace deskbase

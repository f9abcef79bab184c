#pragma once
// Test helper for the reader suites: sniffs a file, opens its RecordReader and copies every
// record out (fields are views that die on the next read), skipping blank lines the way the
// import pipeline does (isBlankRecord).
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/ingest/file_schema.h"
#include "core/io/file_format.h"
#include "core/io/record_reader.h"

namespace deskbase::test {

// How an explicit JSON null shows in the copied fields (an empty CSV field stays "").
inline const QString kNullMarker = QStringLiteral("<null>");

struct CopiedRecord {
    QStringList fields;
    std::int64_t line = 0;
    std::string raw;
    std::string error;
};

struct ReadOutcome {
    std::string failure;  // non-empty: sniffing, opening or reading failed with this message
    FileSniff sniff;
    QStringList header;
    std::vector<CopiedRecord> records;
};

inline QString fromView(std::string_view v) {
    if (v.data() == nullptr) return kNullMarker;
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Reads with `sniff` as given. `maxRecords` guards against a reader that never ends.
inline ReadOutcome readRecords(const std::string& path, const FileSniff& sniff,
                               const std::vector<std::string>& knownKeys = {},
                               std::size_t maxRecords = 5000000) {
    ReadOutcome out;
    out.sniff = sniff;
    auto reader = openRecordReader(path, sniff, knownKeys);
    if (!reader) {
        out.failure = reader.message();
        return out;
    }
    Record rec;
    for (;;) {
        auto got = (*reader)->next(rec);
        if (!got) {
            out.failure = got.message();
            return out;
        }
        if (!*got) break;
        if (rec.error.empty() && isBlankRecord(rec.fields, (*reader)->header().size())) continue;
        CopiedRecord c;
        for (auto f : rec.fields) c.fields << fromView(f);
        c.line = rec.line;
        c.raw = std::string(rec.raw);
        c.error = rec.error;
        out.records.push_back(std::move(c));
        if (out.records.size() > maxRecords) {
            out.failure = "reader does not stop";
            return out;
        }
    }
    for (const auto& h : (*reader)->header()) out.header << QString::fromStdString(h);
    return out;
}

// Sniffs, lets the caller adjust the sniff (e.g. force a dialect), then reads.
inline ReadOutcome sniffAndRead(const std::string& path, const std::function<void(FileSniff&)>& adjust = {},
                                const std::vector<std::string>& knownKeys = {}) {
    auto sniff = sniffFile(path);
    if (!sniff) {
        ReadOutcome out;
        out.failure = sniff.message();
        return out;
    }
    if (adjust) adjust(*sniff);
    return readRecords(path, *sniff, knownKeys);
}

inline std::string bytes(const QByteArray& b) {
    return std::string(b.constData(), std::size_t(b.size()));
}

}  // namespace deskbase::test

#include "core/ingest/file_schema.h"

#include "core/io/record_reader.h"

namespace deskbase {

bool isBlankRecord(const std::vector<std::string_view>& fields, std::size_t columns) {
    return columns > 1 && fields.size() == 1 && fields[0].empty() && fields[0].data() != nullptr;
}

bool allowsDecimalComma(const FileSniff& sniff) {
    return sniff.format == FileFormat::Csv && sniff.dialect.delimiter != ',';
}

Result<FileSchema> inferFileSchema(const std::string& path, FileSniff sniff, bool encodingFixed,
                                   const std::atomic<bool>& cancelled,
                                   const std::function<void(std::int64_t, std::int64_t)>& progress,
                                   std::int64_t maxRecords, std::size_t keepRows) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto reader = openRecordReader(path, sniff);
        if (!reader) return Error{reader.message()};
        RecordReader& r = **reader;
        FileSchema schema;
        schema.sniff = sniff;
        schema.inference.resize(r.header().size());
        Record rec;
        bool stoppedEarly = false;
        for (std::int64_t n = 0;; ++n) {
            if ((n & 4095) == 0) {
                if (cancelled.load(std::memory_order_relaxed)) return Error{"cancelled"};
                if (progress) progress(r.bytesConsumed(), r.bytesTotal());
            }
            if (maxRecords >= 0 && schema.records >= maxRecords) { stoppedEarly = true; break; }
            auto got = r.next(rec);
            if (!got) return Error{got.message()};
            if (!*got) break;
            const std::size_t cols = r.header().size();
            if (schema.inference.size() < cols) schema.inference.resize(cols);  // JSON keys appear as we go
            if (!rec.error.empty() && schema.firstError.empty())
                schema.firstError = "line " + std::to_string(rec.line) + ": " + rec.error;
            if (!rec.error.empty() || isBlankRecord(rec.fields, cols) || rec.fields.size() != cols) continue;
            const bool decimalComma = allowsDecimalComma(sniff);
            for (std::size_t i = 0; i < cols; ++i) schema.inference[i].add(rec.fields[i], decimalComma);
            ++schema.records;
            if (schema.firstRows.size() < keepRows) {
                std::vector<std::string> row;
                for (auto f : rec.fields) row.emplace_back(f.data() ? std::string(f) : std::string());
                schema.firstRows.push_back(std::move(row));
            }
        }
        // Not UTF-8 after all: read it again as Windows-1252 (unless the user chose the encoding).
        if (r.sawInvalidUtf8() && !encodingFixed && sniff.encoding == TextEncoding::Utf8 && attempt == 0) {
            sniff.encoding = TextEncoding::Windows1252;
            continue;
        }
        if (r.sawInvalidUtf8() && !stoppedEarly) {
            // A byte-order mark promises UTF-8, so the Windows-1252 retry does not apply.
            if (sniff.encoding == TextEncoding::Utf8Bom)
                return Error{path + " starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8 "
                                    "(mixed encodings?); save it again as UTF-8"};
            return Error{path + " is not valid " + std::string(textEncodingName(sniff.encoding)) + " text"};
        }
        schema.header = r.header();
        schema.inference.resize(schema.header.size());
        schema.contentHash = r.contentHash();
        schema.complete = !stoppedEarly;
        return schema;
    }
    return Error{"cannot decide the text encoding of " + path};
}

}  // namespace deskbase

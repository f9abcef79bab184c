#include "core/io/record_reader.h"

#include "core/io/byte_source.h"
#include "core/io/csv_reader.h"
#include "core/io/json_reader.h"

namespace deskbase {

Result<std::unique_ptr<RecordReader>> openRecordReader(const std::string& path, const FileSniff& sniff,
                                                       const std::vector<std::string>& knownKeys) {
    auto source = ByteSource::open(path, sniff.encoding);
    if (!source) return Error{source.message()};
    if (sniff.format == FileFormat::Csv) {
        auto csv = std::make_unique<CsvReader>(std::move(*source), sniff.dialect);
        if (auto s = csv->init(); !s) return Error{s.message()};
        return std::unique_ptr<RecordReader>(std::move(csv));
    }
    return std::unique_ptr<RecordReader>(
        std::make_unique<JsonReader>(std::move(*source), sniff.format == FileFormat::Json, knownKeys));
}

}  // namespace deskbase

// libFuzzer target: the JSON / NDJSON reader and its flattening of nested objects into columns.
// Each input is sniffed and read as sniffed when it is JSON, then read again as a JSON array or
// NDJSON (by its first byte), so the reader also sees inputs the sniffer calls CSV. Any depth
// goes in: nesting deeper than the reader's limit is a one-line error, not a crash (issue 15).
#include "core/io/json_reader.h"

#include <cstdint>
#include <cstdio>

#include "core/io/byte_source.h"
#include "core/io/file_format.h"
#include "fuzz_file.h"
#include "read_records.h"

using namespace deskbase;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = fuzz::scratchPath(".json");
    if (!fuzz::writeScratch(path, data, size)) return 0;

    auto sniff = sniffFile(path);
    if (sniff.isOk() && sniff->format != FileFormat::Csv) {
        if (auto reader = openRecordReader(path, *sniff, {"id"}); reader.isOk()) fuzz::readAll(**reader);
    }

    const bool arrayForm = size > 0 && data[0] == '[';
    if (auto source = ByteSource::open(path, TextEncoding::Utf8); source.isOk()) {
        JsonReader json(std::move(*source), arrayForm, {});
        fuzz::readAll(json);
    }
    std::remove(path.c_str());
    return 0;
}

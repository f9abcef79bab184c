// libFuzzer target: the file sniffer (format, encoding, dialect, header) and the CSV reader.
// Each input is sniffed and read as sniffed, then read again as CSV with a dialect and encoding
// picked by its last byte, so the reader sees inputs the sniffer would call something else.
#include "core/io/csv_reader.h"

#include <cstdint>
#include <cstdio>

#include "core/io/byte_source.h"
#include "core/io/file_format.h"
#include "fuzz_file.h"
#include "read_records.h"

using namespace deskbase;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = fuzz::scratchPath(".csv");
    if (!fuzz::writeScratch(path, data, size)) return 0;

    auto sniff = sniffFile(path);
    if (sniff.isOk() && sniff->format == FileFormat::Csv) {
        if (auto reader = openRecordReader(path, *sniff); reader.isOk()) fuzz::readAll(**reader);
    }

    const std::uint8_t pick = size ? data[size - 1] : 0;
    static constexpr char delimiters[] = {',', ';', '\t', '|'};
    static constexpr TextEncoding encodings[] = {TextEncoding::Utf8, TextEncoding::Utf8Bom,
                                                 TextEncoding::Utf16LE, TextEncoding::Utf16BE,
                                                 TextEncoding::Windows1252};
    CsvDialect dialect;
    dialect.delimiter = delimiters[pick & 3];
    dialect.hasHeader = (pick & 4) != 0;
    dialect.quote = (pick & 8) ? '\'' : '"';
    // Preamble lines, comment lines and a sniffed width (issue 15), picked by the input's size.
    dialect.skipLines = std::int64_t(size % 3);
    dialect.comment = (size & 4) ? '#' : '\0';
    dialect.columns = size % 5;
    auto source = ByteSource::open(path, encodings[(pick >> 4) % 5]);
    if (source.isOk()) {
        CsvReader csv(std::move(*source), dialect);
        if (csv.init().isOk()) fuzz::readAll(csv);
    }
    std::remove(path.c_str());
    return 0;
}

#pragma once
// The CSV half of sniffing: delimiter, quote, comment lines, preamble lines before the header,
// header or not, and the notes the user should see about what was decided. Works on the first
// 64 KiB of the file as UTF-8 text (file_format.cpp reads it and decides the format).
#include <string>
#include <string_view>
#include <vector>

#include "core/io/file_format.h"

namespace deskbase {

struct CsvSniff {
    CsvDialect dialect;
    std::vector<std::string> notes;
};

// `text` is the head of the file from its first byte (after a byte-order mark); `whole` says it
// is the whole file (else its last line may be cut). A non-zero `delimiter` is the user's choice.
CsvSniff sniffCsv(std::string_view text, bool whole, bool tabHint, char delimiter = 0);

}  // namespace deskbase

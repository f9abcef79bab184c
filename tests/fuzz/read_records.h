// Reads every record a reader yields and touches every field, so a bad view shows under ASan.
#pragma once
#include <cstddef>
#include <memory>

#include "core/io/record_reader.h"

namespace deskbase::fuzz {

inline void readAll(RecordReader& reader) {
    std::size_t sum = 0;
    for (const std::string& name : reader.header()) sum += name.size();
    Record record;
    for (int i = 0; i < 100000; ++i) {
        auto more = reader.next(record);
        if (!more.isOk() || !*more) break;
        for (std::string_view f : record.fields)
            for (char c : f) sum += static_cast<unsigned char>(c);
        sum += record.raw.size() + record.error.size();
    }
    sum += reader.contentHash().size();
    (void)reader.bytesConsumed();
    (void)reader.sawInvalidUtf8();
    volatile std::size_t sink = sum;
    (void)sink;
}

}  // namespace deskbase::fuzz

#pragma once
// JSON input: a top-level array of objects, or NDJSON (one object per line). Objects are cut
// out of the stream one at a time (memory stays bounded) and flattened: nested objects become
// parent_child columns, arrays stay JSON text, missing keys are null. A value nested deeper than
// kMaxDepth levels stops the read with one line ("nested deeper than 1000 levels at line 3")
// before it is parsed, so neither nlohmann's parser nor the flattening goes that deep.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/io/byte_source.h"
#include "core/io/record_reader.h"

namespace deskbase {

class JsonReader final : public RecordReader {
public:
    static constexpr int kMaxDepth = 1000;  // objects and arrays, the record itself counting as 1

    JsonReader(std::unique_ptr<ByteSource> source, bool arrayForm, const std::vector<std::string>& knownKeys);

    Result<bool> next(Record& record) override;
    const std::vector<std::string>& header() const override { return header_; }
    std::int64_t bytesConsumed() const override { return source_->rawOffset(); }
    std::int64_t bytesTotal() const override { return source_->rawSize(); }
    std::string contentHash() const override { return source_->contentHash(); }
    bool sawInvalidUtf8() const override { return !source_->validUtf8(); }

private:
    Result<bool> refill();
    std::size_t columnFor(const std::string& key);
    void flatten(const nlohmann::ordered_json& object, const std::string& prefix);

    std::unique_ptr<ByteSource> source_;
    bool arrayForm_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    bool sawArrayStart_ = false;
    std::int64_t line_ = 1;
    std::vector<std::string> header_;
    std::map<std::string, std::size_t> index_;
    std::vector<std::string> values_;  // text of each column for the current record
    std::vector<bool> present_;
};

}  // namespace deskbase

// libFuzzer target: the dbt-style model template parser (ref, source, this, config, var,
// is_incremental, {% if %}) and rendering what it parsed, in both dialects.
#include "core/models/model_template.h"

#include <cstdint>
#include <string>

using namespace deskbase;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::size_t sum = 0;
    for (const Dialect* dialect : {&Dialect::sqlite(), &Dialect::postgres()}) {
        auto model = parseModel("fuzzed", "models/fuzzed.sql", text, *dialect);
        if (!model.isOk()) {
            sum += model.message().size();
            continue;
        }
        sum += model->refs().size() + model->sources().size() + model->uniqueKey().size();
        sum += std::string_view(materializationName(model->materialized())).size();
        for (bool incremental : {false, true}) {
            RenderContext context;
            context.isIncremental = incremental;
            context.ref = [dialect](const std::string& m) { return dialect->quoteIdentifier(m); };
            context.thisRelation = "\"fuzzed\"";
            context.vars = {{"since", "2024-01-01"}, {"limit", "10"}};
            auto sql = model->render(context, *dialect);
            sum += sql.isOk() ? sql->size() : sql.message().size();
        }
    }
    volatile std::size_t sink = sum;
    (void)sink;
    return 0;
}

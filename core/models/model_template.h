#pragma once
// One model file (models/<name>.sql) read as the dbt subset Deskbase supports, on the shared SQL
// tokenizer in Jinja mode (core/sql/template_blocks.h):
//   {{ ref('m') }}  {{ source('src', 'table') }}  {{ this }}  {{ var('name'[, default]) }}
//   {{ config(materialized='view'|'table'|'incremental'|'ephemeral', unique_key='id'|['a', 'b']) }}
//   {% if [not] is_incremental() %} ... [{% else %} ...] {% endif %}    {# comments #}
//   {{- / -}} / {%- / -%} whitespace control
// Anything else inside {{ }} or {% %} is an error naming the file and line; so is a second SQL
// statement (one SELECT per file). A trailing semicolon is allowed and dropped.
// parseModel() reads the file once; render() produces the SQL for one build.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/sql/dialect.h"
#include "core/util/result.h"

namespace deskbase {

enum class Materialization { View, Table, Incremental, Ephemeral };
const char* materializationName(Materialization m);  // "view", "table", ...

struct ModelRef {
    std::string model;
    int line = 1;
};

struct ModelSourceRef {
    std::string source;  // the source (group) name, as dbt writes it
    std::string table;   // the warehouse table it stands for
    int line = 1;
};

struct TemplateNode;  // the parsed body (model_template.cpp)

// What render() needs to know about one build.
struct RenderContext {
    bool isIncremental = false;
    // The SQL text a ref('m') becomes (a quoted relation, or an ephemeral model's CTE name).
    std::function<std::string(const std::string& model)> ref;
    std::string thisRelation;                 // what {{ this }} becomes
    std::map<std::string, std::string> vars;  // var('name') values
};

class ModelTemplate {
public:
    ModelTemplate();
    ~ModelTemplate();
    ModelTemplate(ModelTemplate&&) noexcept;
    ModelTemplate& operator=(ModelTemplate&&) noexcept;

    const std::string& name() const { return name_; }
    const std::string& file() const { return file_; }  // as given: "models/orders.sql"
    Materialization materialized() const { return materialized_; }
    const std::vector<std::string>& uniqueKey() const { return uniqueKey_; }
    const std::vector<ModelRef>& refs() const { return refs_; }  // in order, may repeat
    const std::vector<ModelSourceRef>& sources() const { return sources_; }

    // The SQL of one build; an error names the file and line (a var without a value).
    Result<std::string> render(const RenderContext& context, const Dialect& dialect) const;

private:
    friend Result<ModelTemplate> parseModel(const std::string& name, const std::string& file,
                                            const std::string& text, const Dialect& dialect);
    std::string name_, file_;
    Materialization materialized_ = Materialization::View;
    std::vector<std::string> uniqueKey_;
    std::vector<ModelRef> refs_;
    std::vector<ModelSourceRef> sources_;
    std::unique_ptr<std::vector<TemplateNode>> body_;
};

// Errors read "models/x.sql: line 3: ...".
Result<ModelTemplate> parseModel(const std::string& name, const std::string& file, const std::string& text,
                                 const Dialect& dialect);

}  // namespace deskbase

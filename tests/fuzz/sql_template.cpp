// libFuzzer target: the SQL tokenizer (both dialects, every template mode, resumed lexing) and
// the question template expander ({{name}}, [[ optional ]]) with every parameter type.
#include "core/sql/sql_template.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "core/question/question.h"
#include "core/sql/normalize_sql.h"
#include "core/sql/statement_kind.h"
#include "core/sql/tokenizer.h"

using namespace deskbase;

namespace {

std::size_t touchTokens(const std::vector<Token>& tokens, std::string_view sql, std::size_t sqlSize) {
    std::size_t sum = 0;
    for (const Token& t : tokens) {
        if (t.end() > sqlSize) __builtin_trap();  // a token past the text is a tokenizer bug
        sum += t.text(sql).size() + std::string_view(tokenKindName(t.kind)).size();
        if (t.is(TokenKind::Word)) sum += keywordOf(t, sql).size();
        if (t.is(TokenKind::QuotedIdentifier) || t.is(TokenKind::Word)) sum += identifierOf(t, sql).size();
        if (t.is(TokenKind::String) || t.is(TokenKind::DollarString)) sum += stringValueOf(t, sql).size();
    }
    return sum;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string sql(reinterpret_cast<const char*>(data), size);
    std::size_t sum = 0;
    for (const Dialect* dialect : {&Dialect::sqlite(), &Dialect::postgres()}) {
        for (TemplateMode mode : {TemplateMode::None, TemplateMode::Question, TemplateMode::Jinja}) {
            const auto tokens = tokenize(sql, *dialect, TokenizeOptions{mode});
            sum += touchTokens(tokens, sql, size);
            sum += lexError(tokens, *dialect).message().size();
            sum += significantTokens(tokens).size();
        }
        // Lexing in two halves with the state carried over must not lose or overrun anything.
        LexState state;
        const std::string_view whole(sql);
        const std::size_t half = size / 2;
        sum += touchTokens(tokenize(whole.substr(0, half), *dialect, state), whole.substr(0, half), half);
        sum += touchTokens(tokenize(whole.substr(half), *dialect, state), whole.substr(half), size - half);

        sum += normalizeSql(sql, *dialect).size();
        const StatementKind kind = classifyStatement(sql, *dialect);
        sum += kind.readOnly + kind.writesData + kind.writtenTables.size();

        auto names = templateParameterNames(sql, *dialect);
        if (!names.isOk()) continue;
        std::vector<Parameter> declared;
        ParameterValues values;
        static const char* const samples[] = {"42", "2024-01-31", "true", "it's"};
        for (std::size_t i = 0; i < names->size(); ++i) {
            Parameter p;
            p.name = (*names)[i];
            p.type = static_cast<Parameter::Type>(i % 4);
            p.multiValue = (i % 3) == 1;
            declared.push_back(p);
            if (i % 5 != 4) values[p.name] = {samples[(i + size) % 4], samples[i % 4]};
        }
        if (auto expanded = expandSqlTemplate(sql, declared, values, *dialect); expanded.isOk()) {
            sum += expanded->sql.size() + expanded->params.size();
            for (const auto& piece : expanded->pieces) sum += expanded->templateOffset(piece.sqlOffset);
            sum += errorInTemplate(*expanded, sql, "near \"x\": syntax error").size();
        }
    }
    volatile std::size_t sink = sum;
    (void)sink;
    return 0;
}

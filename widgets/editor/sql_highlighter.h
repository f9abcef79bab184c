#pragma once
// Syntax colours for SQL: keywords, functions, strings, numbers, comments, {{parameters}} and the
// other template blocks. The lexing is core's tokenizer (core/sql/tokenizer.h) in the editor's
// dialect; a comment, string, dollar-quote or template block that spans lines continues through
// the block state (an index into the lexer states seen so far).
#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <vector>

#include "core/sql/tokenizer.h"

namespace deskbase::widgets {

class SqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument* document);
    void updateColors();                      // after a theme change
    void setDialect(const Dialect& dialect);  // SQLite by default
    // Question ({{ }} and [[ ]] outside literals) by default; Jinja for a dbt-style model.
    void setTemplateMode(TemplateMode mode);
    // The workspace's models: in Jinja mode the name inside {{ ref('name') }} is marked "ref"
    // when it is one of them and "badref" (red wavy underline) when it is not.
    void setModelNames(const QSet<QString>& models);

    // The format role of a character, for tests: "keyword", "function", "string", "number",
    // "comment", "param", "ref", "badref" or "".
    static QString roleAt(QTextDocument* document, int position);

protected:
    void highlightBlock(const QString& text) override;

private:
    const QTextCharFormat* formatFor(const Token& token, const std::string& text, const Token* next) const;
    int stateId(const LexState& state);

    const Dialect* dialect_ = &Dialect::sqlite();
    TemplateMode templates_ = TemplateMode::Question;
    void markRefs(const Token& token, const std::string& text);

    QTextCharFormat keyword_, function_, string_, number_, comment_, param_, ref_, badRef_;
    QSet<QString> models_;
    bool modelsKnown_ = false;
    QSet<QString> keywords_, functions_;  // upper case, lower case
    std::vector<LexState> states_{LexState{}};
};

}  // namespace deskbase::widgets

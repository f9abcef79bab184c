#pragma once
// Syntax colours for SQL: keywords, functions, strings, numbers, comments and {{parameters}}.
// Block comments spanning lines are tracked with the block state.
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace deskbase::widgets {

class SqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument* document);
    void updateColors();  // after a theme change

    // The format role of a character, for tests: "keyword", "string", "number", "comment", "param" or "".
    static QString roleAt(QTextDocument* document, int position);

protected:
    void highlightBlock(const QString& text) override;

private:
    void mark(int start, int length, const QTextCharFormat& format, const char* role);

    QTextCharFormat keyword_, function_, string_, number_, comment_, param_;
    QRegularExpression keywordRe_, functionRe_, numberRe_, paramRe_;
};

}  // namespace deskbase::widgets

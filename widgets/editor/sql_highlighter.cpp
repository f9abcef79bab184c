#include "widgets/editor/sql_highlighter.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include "widgets/editor/sql_keywords.h"
#include "widgets/theme/theme.h"

namespace deskbase::widgets {

namespace {
constexpr int kRoleProperty = QTextFormat::UserProperty + 1;
enum BlockState { Normal = 0, InBlockComment = 1 };
}  // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {
    keywordRe_ = QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(sqlKeywords().join(QLatin1Char('|'))),
                                    QRegularExpression::CaseInsensitiveOption);
    functionRe_ =
        QRegularExpression(QStringLiteral("\\b(%1)(?=\\s*\\()").arg(sqlFunctions().join(QLatin1Char('|'))),
                           QRegularExpression::CaseInsensitiveOption);
    numberRe_ = QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b"));
    paramRe_ = QRegularExpression(QStringLiteral("\\{\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\}\\}|\\[\\[|\\]\\]"));
    updateColors();
}

void SqlHighlighter::updateColors() {
    const bool dark = isDarkTheme();
    keyword_.setForeground(dark ? QColor(0x7a, 0xb7, 0xff) : QColor(0x1f, 0x4e, 0xb4));
    keyword_.setFontWeight(QFont::DemiBold);
    keyword_.setProperty(kRoleProperty, QStringLiteral("keyword"));
    function_.setForeground(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x6f, 0x42, 0xc1));
    function_.setProperty(kRoleProperty, QStringLiteral("function"));
    string_.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x1a, 0x7f, 0x37));
    string_.setProperty(kRoleProperty, QStringLiteral("string"));
    number_.setForeground(dark ? QColor(0xf0, 0xa0, 0x5a) : QColor(0xb3, 0x5c, 0x00));
    number_.setProperty(kRoleProperty, QStringLiteral("number"));
    comment_.setForeground(dark ? QColor(0x8a, 0x90, 0x99) : QColor(0x6a, 0x73, 0x7d));
    comment_.setFontItalic(true);
    comment_.setProperty(kRoleProperty, QStringLiteral("comment"));
    param_.setForeground(dark ? QColor(0xff, 0x9e, 0xc4) : QColor(0xc0, 0x1f, 0x6a));
    param_.setBackground(dark ? QColor(0x3a, 0x26, 0x33) : QColor(0xfd, 0xec, 0xf3));
    param_.setProperty(kRoleProperty, QStringLiteral("param"));
    rehighlight();
}

void SqlHighlighter::mark(int start, int length, const QTextCharFormat& format, const char*) {
    setFormat(start, length, format);
}

void SqlHighlighter::highlightBlock(const QString& text) {
    // Words first; strings and comments are applied after and win over them.
    for (const auto* re : {&keywordRe_, &functionRe_, &numberRe_}) {
        const QTextCharFormat& f = re == &keywordRe_ ? keyword_ : re == &functionRe_ ? function_ : number_;
        for (auto it = re->globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            mark(int(m.capturedStart()), int(m.capturedLength()), f, nullptr);
        }
    }
    // A single left-to-right scan for strings, quoted identifiers and comments.
    setCurrentBlockState(Normal);
    int i = 0;
    const int n = int(text.size());
    if (previousBlockState() == InBlockComment) {
        const int end = int(text.indexOf(QStringLiteral("*/")));
        if (end < 0) {
            mark(0, n, comment_, "comment");
            setCurrentBlockState(InBlockComment);
            return;
        }
        mark(0, end + 2, comment_, "comment");
        i = end + 2;
    }
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('\'')) {
            int j = i + 1;
            while (j < n &&
                   !(text[j] == QLatin1Char('\'') && !(j + 1 < n && text[j + 1] == QLatin1Char('\'')))) {
                j += text[j] == QLatin1Char('\'') ? 2 : 1;
            }
            mark(i, std::min(n, j + 1) - i, string_, "string");
            i = j + 1;
        } else if (c == QLatin1Char('"')) {
            const int j = int(text.indexOf(QLatin1Char('"'), i + 1));
            const int end = j < 0 ? n : j + 1;
            setFormat(i, end - i, QTextCharFormat());  // an identifier, not a keyword
            i = end;
        } else if (text.mid(i, 2) == QStringLiteral("--")) {
            mark(i, n - i, comment_, "comment");
            break;
        } else if (text.mid(i, 2) == QStringLiteral("/*")) {
            const int end = int(text.indexOf(QStringLiteral("*/"), i + 2));
            if (end < 0) {
                mark(i, n - i, comment_, "comment");
                setCurrentBlockState(InBlockComment);
                break;
            }
            mark(i, end + 2 - i, comment_, "comment");
            i = end + 2;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[') || c == QLatin1Char(']')) {
            const auto m = paramRe_.match(text, i, QRegularExpression::NormalMatch,
                                          QRegularExpression::AnchorAtOffsetMatchOption);
            if (m.hasMatch()) {
                mark(i, int(m.capturedLength()), param_, "param");
                i += int(m.capturedLength());
            } else {
                ++i;
            }
        } else {
            ++i;
        }
    }
}

QString SqlHighlighter::roleAt(QTextDocument* document, int position) {
    const QTextBlock block = document->findBlock(position);
    const int offset = position - block.position();
    for (const auto& range : block.layout()->formats())
        if (offset >= range.start && offset < range.start + range.length)
            return range.format.property(kRoleProperty).toString();
    return {};
}

}  // namespace deskbase::widgets

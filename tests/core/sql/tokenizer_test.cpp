// The one SQL tokenizer on tricky SQL from both dialects: literals, comments (nested only in
// PostgreSQL), dollar-quotes, placeholders, operators, template blocks in question and Jinja mode,
// unterminated constructs, line numbers, and lexing line by line (the highlighter) reading the
// same tokens as lexing the whole text.
#include "core/sql/tokenizer.h"

#include <QtTest>

using namespace deskbase;

namespace {

QStringList list(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* i : items) out << QString::fromUtf8(i);
    return out;
}

const Dialect& dialectNamed(const QString& name) {
    return name == QLatin1String("pg") ? Dialect::postgres() : Dialect::sqlite();
}

TemplateMode modeNamed(const QString& name) {
    if (name == QLatin1String("question")) return TemplateMode::Question;
    if (name == QLatin1String("jinja")) return TemplateMode::Jinja;
    return TemplateMode::None;
}

QString code(TokenKind k) {
    switch (k) {
        case TokenKind::Whitespace:
            return QStringLiteral("ws");
        case TokenKind::LineComment:
            return QStringLiteral("lc");
        case TokenKind::BlockComment:
            return QStringLiteral("bc");
        case TokenKind::String:
            return QStringLiteral("str");
        case TokenKind::DollarString:
            return QStringLiteral("dol");
        case TokenKind::QuotedIdentifier:
            return QStringLiteral("qid");
        case TokenKind::Number:
            return QStringLiteral("num");
        case TokenKind::Word:
            return QStringLiteral("word");
        case TokenKind::Placeholder:
            return QStringLiteral("ph");
        case TokenKind::Operator:
            return QStringLiteral("op");
        case TokenKind::Punctuation:
            return QStringLiteral("pun");
        case TokenKind::Expression:
            return QStringLiteral("expr");
        case TokenKind::Statement:
            return QStringLiteral("stmt");
        case TokenKind::TemplateComment:
            return QStringLiteral("tcom");
        case TokenKind::OptionalOpen:
            return QStringLiteral("opt[");
        case TokenKind::OptionalClose:
            return QStringLiteral("opt]");
    }
    return QStringLiteral("?");
}

// "kind:text" for every token but whitespace; an unterminated token ends in "…", an interrupted
// literal or comment piece in "+".
QStringList rendered(const std::string& sql, const std::vector<Token>& tokens) {
    QStringList out;
    for (const Token& t : tokens) {
        if (t.kind == TokenKind::Whitespace) continue;
        QString s = code(t.kind) + QLatin1Char(':') + QString::fromStdString(std::string(t.text(sql)));
        if (!t.terminated) s += QStringLiteral("…");
        if (t.interrupted) s += QLatin1Char('+');
        out << s;
    }
    return out;
}

// The kind of token each byte belongs to.
std::vector<TokenKind> kindPerByte(std::size_t size, const std::vector<Token>& tokens, std::size_t base = 0,
                                   std::vector<TokenKind>* into = nullptr) {
    std::vector<TokenKind> local(size, TokenKind::Whitespace);
    std::vector<TokenKind>& out = into ? *into : local;
    for (const Token& t : tokens)
        for (std::size_t i = 0; i < t.length; ++i) out[base + t.offset + i] = t.kind;
    return out;
}

}  // namespace

class TokenizerTest : public QObject {
    Q_OBJECT
private slots:
    void tokenizes_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("tokens");
        const QString s = QStringLiteral("sqlite"), p = QStringLiteral("pg");
        const QString none = QStringLiteral("none"), q = QStringLiteral("question"),
                      j = QStringLiteral("jinja");
        QTest::newRow("select list") << s << none << "SELECT a, 1.5e3 FROM t;"
                                     << list({"word:SELECT", "word:a", "pun:,", "num:1.5e3", "word:FROM",
                                              "word:t", "pun:;"});
        QTest::newRow("doubled quote")
            << s << none << "'it''s' || 'x'" << list({"str:'it''s'", "op:||", "str:'x'"});
        QTest::newRow("-- inside a string")
            << s << none << "'-- no' -- yes" << list({"str:'-- no'", "lc:-- yes"});
        QTest::newRow("/* inside a string")
            << p << none << "'/*' /* c */" << list({"str:'/*'", "bc:/* c */"});
        QTest::newRow("sqlite comments do not nest")
            << s << none << "/* a /* b */ c */" << list({"bc:/* a /* b */", "word:c", "op:*", "op:/"});
        QTest::newRow("postgres comments nest")
            << p << none << "/* a /* b */ c */ x" << list({"bc:/* a /* b */ c */", "word:x"});
        QTest::newRow("E string") << p << none << "E'it\\'s' x" << list({"str:E'it\\'s'", "word:x"});
        QTest::newRow("e string lower case") << p << none << "e'\\\\' y" << list({"str:e'\\\\'", "word:y"});
        QTest::newRow("no E strings in sqlite")
            << s << none << "E'a\\' b" << list({"word:E", "str:'a\\'", "word:b"});
        QTest::newRow("backslash is plain in a standard string")
            << p << none << "'a\\' b" << list({"str:'a\\'", "word:b"});
        QTest::newRow("dollar quotes") << p << none << "$$ a ' b $$ || $tag$ x $$ y $tag$"
                                       << list({"dol:$$ a ' b $$", "op:||", "dol:$tag$ x $$ y $tag$"});
        QTest::newRow("dollar quote with -- inside")
            << p << none << "$f$ -- x $f$ z" << list({"dol:$f$ -- x $f$", "word:z"});
        QTest::newRow("dollar in a word") << p << none << "foo$bar" << list({"word:foo$bar"});
        QTest::newRow("postgres placeholders and cast")
            << p << none << "$1 + $2::int" << list({"ph:$1", "op:+", "ph:$2", "op:::", "word:int"});
        QTest::newRow("sqlite placeholders")
            << s << none << "?1 ? :name @v $x" << list({"ph:?1", "ph:?", "ph::name", "ph:@v", "ph:$x"});
        QTest::newRow("postgres ? and @> are operators")
            << p << none << "d ? 'k' AND a @> b"
            << list({"word:d", "op:?", "str:'k'", "word:AND", "word:a", "op:@>", "word:b"});
        QTest::newRow("json arrow") << p << none << "a::text->>'k'"
                                    << list({"word:a", "op:::", "word:text", "op:->>", "str:'k'"});
        QTest::newRow("sqlite quoted identifiers") << s << none << "[my col] `x``y` \"a\"\"b\""
                                                   << list({"qid:[my col]", "qid:`x``y`", "qid:\"a\"\"b\""});
        QTest::newRow("postgres brackets are subscripts")
            << p << none << "arr[1]" << list({"word:arr", "pun:[", "num:1", "pun:]"});
        QTest::newRow("numbers") << p << none << "0x1F .5 1. 3e-2 7e"
                                 << list({"num:0x1F", "num:.5", "num:1.", "num:3e-2", "num:7", "word:e"});
        QTest::newRow("blob literals") << s << none << "x'0A' X'ff'" << list({"str:x'0A'", "str:X'ff'"});
        QTest::newRow("non-ascii identifier") << s << none << "naïve_col" << list({"word:naïve_col"});
        QTest::newRow("operators") << s << none << "a<>b<=c!=d==e"
                                   << list({"word:a", "op:<>", "word:b", "op:<=", "word:c", "op:!=", "word:d",
                                            "op:==", "word:e"});
        QTest::newRow("no templates in final sql")
            << p << none << "ARRAY[[1]] {{x}}"
            << list({"word:ARRAY", "pun:[", "pun:[", "num:1", "pun:]", "pun:]", "pun:{", "pun:{", "word:x",
                     "pun:}", "pun:}"});
        QTest::newRow("question blocks")
            << s << q << "{{ x }} '{{y}}' [[AND {{z}}]]"
            << list({"expr:{{ x }}", "str:'{{y}}'", "opt[:[[", "word:AND", "expr:{{z}}", "opt]:]]"});
        QTest::newRow("{{ inside a comment is a comment")
            << s << q << "-- {{x}}\n/* [[ */" << list({"lc:-- {{x}}", "bc:/* [[ */"});
        QTest::newRow("]] closes only an open [[")
            << p << q << "a[b[1]]" << list({"word:a", "pun:[", "word:b", "pun:[", "num:1", "pun:]", "pun:]"});
        QTest::newRow("nested optional clauses")
            << s << q << "[[a [[b]] c]]"
            << list({"opt[:[[", "word:a", "opt[:[[", "word:b", "opt]:]]", "word:c", "opt]:]]"});
        QTest::newRow("statement and template comment")
            << s << q << "{% if is_incremental() %}{# c #}"
            << list({"stmt:{% if is_incremental() %}", "tcom:{# c #}"});
        QTest::newRow("quoted closer inside a block")
            << s << q << "{{ var('}}') }} x" << list({"expr:{{ var('}}') }}", "word:x"});
        QTest::newRow("jinja block inside a string")
            << s << j << "d > '{{ var(\"since\") }}' AND"
            << list({"word:d", "op:>", "str:'+", "expr:{{ var(\"since\") }}", "str:'", "word:AND"});
        QTest::newRow("jinja block inside a comment")
            << p << j << "-- uses {{ ref('a') }} here\nx"
            << list({"lc:-- uses +", "expr:{{ ref('a') }}", "lc: here", "word:x"});
        QTest::newRow("jinja block inside a dollar quote")
            << p << j << "$$a{{b}}c$$" << list({"dol:$$a+", "expr:{{b}}", "dol:c$$"});
        QTest::newRow("jinja block in a word")
            << s << j << "stg_{{ v }}_x" << list({"word:stg_", "expr:{{ v }}", "word:_x"});
        QTest::newRow("no optional clauses in jinja") << s << j << "[[x]]" << list({"qid:[[x]", "pun:]"});
        QTest::newRow("unterminated string")
            << s << none << "SELECT 'abc" << list({"word:SELECT", "str:'abc…"});
        QTest::newRow("string left open after a jinja block")
            << s << j << "'a {{ x }}" << list({"str:'a …+", "expr:{{ x }}"});
        QTest::newRow("unterminated block") << s << q << "a {{ b" << list({"word:a", "expr:{{ b…"});
    }
    void tokenizes() {
        QFETCH(QString, dialect);
        QFETCH(QString, mode);
        QFETCH(QString, sql);
        QFETCH(QStringList, tokens);
        const std::string text = sql.toStdString();
        const auto got = tokenize(text, dialectNamed(dialect), TokenizeOptions{modeNamed(mode)});
        QCOMPARE(rendered(text, got), tokens);
        // Every byte in exactly one token, in order.
        std::string joined;
        std::size_t expectedOffset = 0;
        for (const Token& t : got) {
            QCOMPARE(t.offset, expectedOffset);
            expectedOffset = t.end();
            joined += t.text(text);
        }
        QCOMPARE(QString::fromStdString(joined), sql);
    }

    void reportsUnterminated_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("error");
        const QString s = QStringLiteral("sqlite"), p = QStringLiteral("pg");
        QTest::newRow("string") << s << "SELECT\n'abc"
                                << "line 2: unterminated string literal";
        QTest::newRow("quoted identifier") << s << "SELECT \"a\nb"
                                           << "line 1: unterminated quoted identifier";
        QTest::newRow("sqlite comment may run to the end") << s << "SELECT 1 /* open"
                                                           << "";
        QTest::newRow("postgres comment may not") << p << "SELECT 1 /* open"
                                                  << "line 1: unterminated /* comment";
        QTest::newRow("postgres nested comment left open") << p << "SELECT 1 /* a /* b */"
                                                           << "line 1: unterminated /* comment";
        QTest::newRow("sqlite closes it at the first */") << s << "SELECT 1 /* a /* b */"
                                                          << "";
        QTest::newRow("dollar quote") << p << "SELECT\n\n$$x"
                                      << "line 3: unterminated dollar-quoted string";
        QTest::newRow("E string escaped quote") << p << "SELECT E'a\\'"
                                                << "line 1: unterminated string literal";
        QTest::newRow("expression") << s << "SELECT 1,\n{{ x"
                                    << "line 2: unclosed {{";
        QTest::newRow("statement") << s << "SELECT 1,\n\n {% if"
                                   << "line 3: unclosed {%";
        QTest::newRow("{{ in a string is fine") << s << "SELECT '{{' , 2"
                                                << "";
        QTest::newRow("all closed") << p << "SELECT $a$x$a$, E'\\'', /* /* */ */ 1"
                                    << "";
    }
    void reportsUnterminated() {
        QFETCH(QString, dialect);
        QFETCH(QString, sql);
        QFETCH(QString, error);
        const std::string text = sql.toStdString();
        const Dialect& d = dialectNamed(dialect);
        const Status s = lexError(tokenize(text, d, TokenizeOptions{TemplateMode::Question}), d);
        QCOMPARE(QString::fromStdString(s.message()), error);
        QCOMPARE(s.isOk(), error.isEmpty());
    }

    void numbersLines() {
        const std::string sql = "SELECT 1\n-- c\n/* a\nb */ x\n'q\nr' y";
        QList<int> lines;
        for (const Token& t : tokenize(sql, Dialect::sqlite()))
            if (t.kind != TokenKind::Whitespace) lines << t.line;
        // SELECT 1 | -- c | /* a b */ | x | 'q r' | y
        QCOMPARE(lines, (QList<int>{1, 1, 2, 3, 4, 5, 6}));
    }

    void continuesAcrossPieces_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("sql");
        const QString s = QStringLiteral("sqlite"), p = QStringLiteral("pg");
        const QString q = QStringLiteral("question"), j = QStringLiteral("jinja");
        QTest::newRow("block comment") << s << q << "SELECT /* one\ntwo 'x\nthree */ 'a\nb' c";
        QTest::newRow("nested comment") << p << q << "/* a /* b\n*/ still\n*/ out";
        QTest::newRow("dollar quote") << p << q << "SELECT $f$\nDELETE FROM t; -- not\n$f$ AS body";
        QTest::newRow("E string") << p << q << "SELECT E'a\\'\nb' x";
        QTest::newRow("optional clause") << s << q << "WHERE 1=1 [[\nAND a = {{a}}\n]] ]]";
        QTest::newRow("block over lines") << s << q << "{{\nx\n}} y";
        QTest::newRow("jinja block inside string over lines") << s << j << "'a {{\nb }} c\n' d";
    }
    void continuesAcrossPieces() {
        QFETCH(QString, dialect);
        QFETCH(QString, mode);
        QFETCH(QString, sql);
        const std::string text = sql.toStdString();
        const Dialect& d = dialectNamed(dialect);
        const TokenizeOptions options{modeNamed(mode)};
        const auto whole = kindPerByte(text.size(), tokenize(text, d, options));
        // Line by line, as the highlighter sees the text: the state carries what is open.
        std::vector<TokenKind> pieces(text.size(), TokenKind::Whitespace);
        LexState state;
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t nl = text.find('\n', start);
            if (nl == std::string::npos) nl = text.size();
            kindPerByte(0, tokenize(std::string_view(text).substr(start, nl - start), d, state, options),
                        start, &pieces);
            start = nl + 1;
        }
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') continue;  // not part of any line
            QVERIFY2(whole[i] == pieces[i], qPrintable(QStringLiteral("byte %1 ('%2'): %3 vs %4")
                                                           .arg(i)
                                                           .arg(QChar::fromLatin1(text[i]))
                                                           .arg(code(whole[i]), code(pieces[i]))));
        }
        QCOMPARE(state.open, TokenKind::Whitespace);  // every test text ends closed
    }

    void readsNamesAndValues_data() {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("value");
        const QString s = QStringLiteral("sqlite"), p = QStringLiteral("pg");
        QTest::newRow("doubled quote") << s << "'it''s'"
                                       << "it's";
        QTest::newRow("E string escapes") << p << "E'a\\'b\\nc'"
                                          << "a'b\nc";
        QTest::newRow("dollar body") << p << "$t$ x'y $t$"
                                     << " x'y ";
        QTest::newRow("quoted identifier") << s << "\"My \"\"x\"\"\""
                                           << "My \"x\"";
        QTest::newRow("bracket identifier") << s << "[a b]"
                                            << "a b";
        QTest::newRow("backtick identifier") << s << "`a``b`"
                                             << "a`b";
        QTest::newRow("bare word") << s << "Orders"
                                   << "Orders";
    }
    void readsNamesAndValues() {
        QFETCH(QString, dialect);
        QFETCH(QString, sql);
        QFETCH(QString, value);
        const std::string text = sql.toStdString();
        const auto tokens = tokenize(text, dialectNamed(dialect));
        QCOMPARE(int(tokens.size()), 1);
        const Token& t = tokens[0];
        const std::string got = t.kind == TokenKind::String || t.kind == TokenKind::DollarString
                                    ? stringValueOf(t, text)
                                    : identifierOf(t, text);
        QCOMPARE(QString::fromStdString(got), value);
    }

    void upperCasesKeywords() {
        const std::string sql = "select \"select\"";
        const auto t = significantTokens(tokenize(sql, Dialect::sqlite()));
        QCOMPARE(QString::fromStdString(keywordOf(t[0], sql)), QStringLiteral("SELECT"));
        QCOMPARE(QString::fromStdString(keywordOf(t[1], sql)), QString());  // a quoted name is no keyword
    }
};

QTEST_GUILESS_MAIN(TokenizerTest)
#include "tokenizer_test.moc"

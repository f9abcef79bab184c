#include "widgets/editor/error_location.h"

#include <QRegularExpression>

namespace deskbase::widgets {

namespace {
int offsetOfLine(const QString& sql, int oneBasedLine) {
    int offset = 0;
    for (int line = 1; line < oneBasedLine; ++line) {
        const int nl = int(sql.indexOf(QLatin1Char('\n'), offset));
        if (nl < 0) return -1;
        offset = nl + 1;
    }
    return offset;
}

// The token as a whole word, case-insensitively; -1 when absent.
int findToken(const QString& sql, const QString& token) {
    if (token.isEmpty()) return -1;
    const QRegularExpression re(
        QStringLiteral("(?<![A-Za-z0-9_])%1(?![A-Za-z0-9_])").arg(QRegularExpression::escape(token)),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(sql);
    return m.hasMatch() ? int(m.capturedStart()) : int(sql.indexOf(token, 0, Qt::CaseInsensitive));
}
}  // namespace

int errorOffset(const QString& sql, const QString& message) {
    static const QRegularExpression position(QStringLiteral("(?:at character|position)\\s+(\\d+)"));
    if (const auto m = position.match(message); m.hasMatch()) {
        // The warehouse's own position (core/sql/error_position.h): characters from 1, as
        // PostgreSQL counts them; a character outside the BMP takes two QChars.
        const int characters = m.captured(1).toInt() - 1;
        int at = 0;
        for (int seen = 0; seen < characters && at < sql.size(); ++seen)
            at += sql[at].isHighSurrogate() && at + 1 < sql.size() ? 2 : 1;
        if (characters >= 0 && at <= sql.size()) return at;
    }
    static const QRegularExpression pgLine(QStringLiteral("\\bLINE (\\d+):"));
    if (const auto m = pgLine.match(message); m.hasMatch()) return offsetOfLine(sql, m.captured(1).toInt());
    static const QRegularExpression near(QStringLiteral("near \"([^\"]*)\""));
    if (const auto m = near.match(message); m.hasMatch()) return findToken(sql, m.captured(1));
    static const QRegularExpression noSuch(QStringLiteral("no such (?:column|table|function): ([^\\s]+)"));
    if (const auto m = noSuch.match(message); m.hasMatch()) {
        QString name = m.captured(1);
        const int dot = int(name.lastIndexOf(QLatin1Char('.')));
        const int at = findToken(sql, name);
        return at >= 0 || dot < 0 ? at : findToken(sql, name.mid(dot + 1));
    }
    static const QRegularExpression pgNotExist(
        QStringLiteral("(?:column|relation) \"([^\"]+)\" does not exist"));
    if (const auto m = pgNotExist.match(message); m.hasMatch()) return findToken(sql, m.captured(1));
    return -1;
}

int errorLine(const QString& sql, const QString& message) {
    const int offset = errorOffset(sql, message);
    if (offset < 0) return -1;
    return int(sql.left(offset).count(QLatin1Char('\n')));
}

}  // namespace deskbase::widgets

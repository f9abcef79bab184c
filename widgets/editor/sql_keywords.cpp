#include "widgets/editor/sql_keywords.h"

namespace deskbase::widgets {

const QStringList& sqlKeywords() {
    static const QStringList words =
        QStringLiteral(
            "ADD ALL ALTER AND AS ASC BETWEEN BY CASE CAST COLLATE CREATE CROSS CURRENT_DATE "
            "CURRENT_TIMESTAMP "
            "DEFAULT DELETE DESC DISTINCT DROP ELSE END ESCAPE EXCEPT EXISTS EXPLAIN FALSE FILTER FIRST FROM "
            "FULL "
            "GLOB GROUP HAVING ILIKE IN INDEX INNER INSERT INTERSECT INTERVAL INTO IS JOIN LAST LEFT LIKE "
            "LIMIT "
            "NATURAL NOT NULL NULLS OFFSET ON OR ORDER OUTER OVER PARTITION PRAGMA RECURSIVE REPLACE "
            "RETURNING "
            "RIGHT ROWS SELECT SET TABLE THEN TRUE UNION UPDATE USING VALUES VIEW WHEN WHERE WINDOW WITH")
            .split(QLatin1Char(' '));
    return words;
}

const QStringList& sqlFunctions() {
    static const QStringList words =
        QStringLiteral(
            "abs avg coalesce count date date_trunc datetime extract ifnull julianday length lower max min "
            "nullif round strftime substr sum total trim upper")
            .split(QLatin1Char(' '));
    return words;
}

}  // namespace deskbase::widgets

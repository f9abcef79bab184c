#pragma once
// Chart data written the way a test reads it: columns "date:month,text:channel,real:revenue"
// and rows "2024-01-01,web,10;2024-01-01,store,5" (cells typed by their column; "null" is
// null). Header-only: core and widget suites both use it.
#include <QString>
#include <QStringList>

#include "core/chart/chart_data.h"

namespace deskbase::test {

inline chart::ChartData chartRows(const QString& columns, const QString& rows) {
    chart::ChartData d;
    for (const auto& part : columns.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto typeAndName = part.split(QLatin1Char(':'));
        const std::string name = typeAndName.value(1).toStdString();
        d.columns.push_back(
            {name, parseColumnType(typeAndName[0].toStdString()).value_or(ColumnType::Text), name});
    }
    for (const auto& line : rows.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        Row row;
        const auto cells = line.split(QLatin1Char(','));
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            const QString cell = cells.value(qsizetype(c)).trimmed();
            const ColumnType t = d.columns[c].type;
            Value v;
            if (cell == QStringLiteral("null"))
                v = std::monostate{};
            else if (t == ColumnType::Integer)
                v = std::int64_t(cell.toLongLong());
            else if (t == ColumnType::Real)
                v = cell.toDouble();
            else
                v = cell.toStdString();
            row.push_back(std::move(v));
        }
        d.rows.push_back(std::move(row));
    }
    return d;
}

}  // namespace deskbase::test

#pragma once
// Reads an .xlsx file back for tests: unzips it with minizip and parses the sheet, the styles and
// the view with QXmlStreamReader, independently of libxlsxwriter. Only what tests check: cells
// (type, text, number format, bold), the frozen pane and the column widths.
#include <QMap>
#include <QString>
#include <optional>

namespace deskbase::test {

struct XlsxCell {
    QString type;          // "n" number, "b" boolean, "s"/"inlineStr"/"str" text
    QString text;          // a number's digits, "1"/"0", a string as Excel reads it (_xHHHH_ decoded)
    QString numberFormat;  // the format code of a custom format ("yyyy-mm-dd"), else empty
    bool bold = false;
};

struct XlsxSheet {
    QMap<QString, XlsxCell> cells;  // by reference: "A1", "B2", ...
    int frozenRows = 0;             // ySplit of a frozen pane
    QMap<int, double> widths;       // 1-based column -> width
    int rowCount = 0;               // rows that hold a cell
    std::optional<XlsxCell> cell(const char* ref) const {
        auto it = cells.find(QLatin1String(ref));
        return it == cells.end() ? std::nullopt : std::optional<XlsxCell>(*it);
    }
};

// The first sheet; an error names what could not be read (not a zip, a part missing, bad XML).
std::optional<XlsxSheet> readXlsx(const QString& path, QString* error = nullptr);

// Excel's serial for a date: days since 1899-12-30 (right for dates from 1900-03-01 on).
double excelSerial(int year, int month, int day, int hour = 0, int minute = 0, double second = 0);

}  // namespace deskbase::test

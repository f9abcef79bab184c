#include "tests/support/xlsx_reader.h"

#include <minizip/unzip.h>

#include <QList>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <chrono>

namespace deskbase::test {

namespace {

std::optional<QByteArray> readPart(unzFile zip, const char* name) {
    if (unzLocateFile(zip, name, 0) != UNZ_OK || unzOpenCurrentFile(zip) != UNZ_OK) return std::nullopt;
    QByteArray out;
    char buffer[65536];
    int n;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) out.append(buffer, n);
    const bool ok = n == 0 && unzCloseCurrentFile(zip) == UNZ_OK;  // CRC checked at close
    return ok ? std::optional<QByteArray>(out) : std::nullopt;
}

struct Styles {
    QMap<int, QString> formats;  // numFmtId -> code (custom formats)
    QList<bool> fontBold;
    QList<QPair<int, int>> xfs;  // cellXfs: (numFmtId, fontId)
};

// OOXML's escape in strings (ECMA-376 22.4.2.4): _xHHHH_ is the character U+HHHH, as Excel reads it.
QString decodeEscapes(const QString& s) {
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString out;
    qsizetype at = 0;
    for (auto it = escape.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += s.mid(at, m.capturedStart() - at);
        out += QChar(char16_t(m.captured(1).toUInt(nullptr, 16)));
        at = m.capturedEnd();
    }
    return out + s.mid(at);
}

Styles parseStyles(const QByteArray& xml) {
    Styles st;
    QXmlStreamReader r(xml);
    bool inFonts = false, inCellXfs = false;
    while (!r.atEnd()) {
        r.readNext();
        const auto name = r.name();
        if (r.isStartElement()) {
            if (name == QLatin1String("numFmt"))
                st.formats[r.attributes().value(QLatin1String("numFmtId")).toInt()] =
                    r.attributes().value(QLatin1String("formatCode")).toString();
            else if (name == QLatin1String("fonts"))
                inFonts = true;
            else if (name == QLatin1String("cellXfs"))
                inCellXfs = true;
            else if (inFonts && name == QLatin1String("font"))
                st.fontBold.append(false);
            else if (inFonts && name == QLatin1String("b") && !st.fontBold.isEmpty())
                st.fontBold.last() = true;
            else if (inCellXfs && name == QLatin1String("xf"))
                st.xfs.append({r.attributes().value(QLatin1String("numFmtId")).toInt(),
                               r.attributes().value(QLatin1String("fontId")).toInt()});
        } else if (r.isEndElement()) {
            if (name == QLatin1String("fonts")) inFonts = false;
            if (name == QLatin1String("cellXfs")) inCellXfs = false;
        }
    }
    return st;
}

}  // namespace

std::optional<XlsxSheet> readXlsx(const QString& path, QString* error) {
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return std::optional<XlsxSheet>();
    };
    unzFile zip = unzOpen64(path.toLocal8Bit().constData());
    if (!zip) return fail(QStringLiteral("not a zip file: ") + path);
    auto sheetXml = readPart(zip, "xl/worksheets/sheet1.xml");
    auto stylesXml = readPart(zip, "xl/styles.xml");
    auto shared = readPart(zip, "xl/sharedStrings.xml");
    unzClose(zip);
    if (!sheetXml) return fail(QStringLiteral("no readable xl/worksheets/sheet1.xml"));
    if (!stylesXml) return fail(QStringLiteral("no readable xl/styles.xml"));
    const Styles styles = parseStyles(*stylesXml);

    QList<QString> sharedStrings;
    if (shared) {
        QXmlStreamReader r(*shared);
        while (!r.atEnd())
            if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("t"))
                sharedStrings.append(r.readElementText());
        if (r.hasError()) return fail(QStringLiteral("sharedStrings.xml: ") + r.errorString());
    }

    XlsxSheet sheet;
    QXmlStreamReader r(*sheetXml);
    QString ref;
    XlsxCell cell;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const auto name = r.name();
            const auto a = r.attributes();
            if (name == QLatin1String("pane") && a.value(QLatin1String("state")) == QLatin1String("frozen"))
                sheet.frozenRows = a.value(QLatin1String("ySplit")).toInt();
            else if (name == QLatin1String("col"))
                for (int c = a.value(QLatin1String("min")).toInt();
                     c <= a.value(QLatin1String("max")).toInt(); ++c)
                    sheet.widths[c] = a.value(QLatin1String("width")).toDouble();
            else if (name == QLatin1String("row"))
                ++sheet.rowCount;
            else if (name == QLatin1String("c")) {
                ref = a.value(QLatin1String("r")).toString();
                cell = XlsxCell{};
                cell.type = a.hasAttribute(QLatin1String("t")) ? a.value(QLatin1String("t")).toString()
                                                               : QStringLiteral("n");
                const int xf = a.value(QLatin1String("s")).toInt();
                if (xf >= 0 && xf < styles.xfs.size()) {
                    cell.numberFormat = styles.formats.value(styles.xfs[xf].first);
                    const int font = styles.xfs[xf].second;
                    cell.bold = font >= 0 && font < styles.fontBold.size() && styles.fontBold[font];
                }
            } else if (name == QLatin1String("v") || name == QLatin1String("t")) {
                cell.text += r.readElementText();
                if (cell.type == QLatin1String("s")) cell.text = sharedStrings.value(cell.text.toInt());
                if (cell.type != QLatin1String("n") && cell.type != QLatin1String("b"))
                    cell.text = decodeEscapes(cell.text);
            }
        } else if (r.isEndElement() && r.name() == QLatin1String("c")) {
            sheet.cells.insert(ref, cell);
        }
    }
    if (r.hasError()) return fail(QStringLiteral("sheet1.xml: ") + r.errorString());
    return sheet;
}

double excelSerial(int year, int month, int day, int hour, int minute, double second) {
    using namespace std::chrono;
    const auto days = sys_days(std::chrono::year(year) / month / day) - sys_days(1899y / December / 30);
    return double(days.count()) + (hour * 3600 + minute * 60 + second) / 86400.0;
}

}  // namespace deskbase::test

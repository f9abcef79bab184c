// Page slices of a tall dashboard: rows of cards are never cut when they fit on a page, a card
// taller than a page is cut at the page's end, the slices cover the height once, in order.
#include "core/dashboard/page_breaks.h"

#include <QtTest>

using namespace deskbase::dashboard;

Q_DECLARE_METATYPE(std::vector<Span>)

namespace {
QString text(const std::vector<Span>& spans) {
    QStringList out;
    for (const Span& s : spans) out << QStringLiteral("%1-%2").arg(s.top).arg(s.bottom);
    return out.join(QLatin1Char(' '));
}
}  // namespace

class PageBreaksTest : public QObject {
    Q_OBJECT
private slots:
    void slices_data() {
        QTest::addColumn<std::vector<Span>>("cards");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits on one page") << std::vector<Span>{{10, 200}, {210, 400}} << 420 << 1000 << "0-420";
        QTest::newRow("no cards: cut at the page") << std::vector<Span>{} << 250 << 100 << "0-100 100-200 200-250";
        // Rows at 0-300, 310-600, 610-900: a 500-high page ends inside the second row, so the
        // first page stops above it (the lowest edge that cuts nothing: the second row's top).
        QTest::newRow("rows kept whole")
            << std::vector<Span>{{0, 300}, {310, 600}, {610, 900}} << 920 << 500 << "0-310 310-610 610-920";
        // Two cards side by side with different heights: the cut waits for the taller one.
        QTest::newRow("side by side")
            << std::vector<Span>{{0, 200}, {0, 350}, {360, 500}} << 500 << 300 << "0-300 300-500";
        QTest::newRow("side by side, fitting")
            << std::vector<Span>{{0, 200}, {0, 350}, {360, 500}} << 500 << 400 << "0-360 360-500";
        QTest::newRow("a card taller than a page")
            << std::vector<Span>{{0, 100}, {100, 1000}} << 1000 << 400 << "0-100 100-500 500-900 900-1000";
        QTest::newRow("edge exactly at the limit")
            << std::vector<Span>{{0, 400}, {400, 800}} << 800 << 400 << "0-400 400-800";
        QTest::newRow("gap between rows is a cut") << std::vector<Span>{{0, 380}, {420, 790}} << 800 << 400
                                                   << "0-400 400-800";
        QTest::newRow("empty height") << std::vector<Span>{} << 0 << 100 << "";
        QTest::newRow("no page height") << std::vector<Span>{{0, 10}} << 50 << 0 << "0-50";
    }
    void slices() {
        QFETCH(std::vector<Span>, cards);
        QFETCH(int, height);
        QFETCH(int, page);
        QFETCH(QString, expected);
        const std::vector<Span> got = pageSlices(cards, height, page);
        QCOMPARE(text(got), expected);
        // Whatever the input: in order, no gaps, no overlaps, none taller than a page.
        int at = 0;
        for (const Span& s : got) {
            QCOMPARE(s.top, at);
            QVERIFY(s.bottom > s.top);
            if (page > 0) QVERIFY(s.bottom - s.top <= page);
            at = s.bottom;
        }
        QCOMPARE(at, std::max(0, height));
    }
};

QTEST_MAIN(PageBreaksTest)
#include "page_breaks_test.moc"

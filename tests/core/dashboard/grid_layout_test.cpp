// Card placement on the dashboard grid: the first free place in reading order, and moves or
// resizes that push the cards in the way down so no two cards ever overlap. Layouts are written
// as "id:x,y,w,h" lists; every expected layout below was worked out by hand on squared paper.
#include "core/dashboard/grid_layout.h"

#include <QtTest>
#include <algorithm>
#include <random>

using namespace deskbase::dashboard;

namespace {
// "a:0,0,6,4 b:6,0,6,4" -> cards a and b.
std::vector<Card> layout(const QString& spec) {
    std::vector<Card> out;
    for (const QString& item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList idAndRect = item.split(QLatin1Char(':'));
        const QStringList n = idAndRect.value(1).split(QLatin1Char(','));
        Card c;
        c.id = idAndRect.value(0).toStdString();
        c.question = c.id + ".json";
        c.rect = {n.value(0).toInt(), n.value(1).toInt(), n.value(2).toInt(), n.value(3).toInt()};
        out.push_back(c);
    }
    return out;
}

GridRect rect(const QString& spec) {
    return layout(QStringLiteral("r:") + spec).front().rect;
}

QString describe(const std::vector<Card>& cards) {
    QStringList parts;
    for (const auto& c : cards)
        parts << QStringLiteral("%1:%2,%3,%4,%5")
                     .arg(QString::fromStdString(c.id))
                     .arg(c.rect.x)
                     .arg(c.rect.y)
                     .arg(c.rect.w)
                     .arg(c.rect.h);
    return parts.join(QLatin1Char(' '));
}

std::vector<Card> applied(std::vector<Card> cards, const std::vector<CardMove>& moves) {
    for (const auto& m : moves)
        for (auto& c : cards)
            if (c.id == m.cardId) c.rect = m.to;
    return cards;
}

// Every move starts where its card was.
bool movesStartWhereTheCardsWere(const std::vector<Card>& cards, const std::vector<CardMove>& moves) {
    for (const auto& m : moves) {
        auto it = std::find_if(cards.begin(), cards.end(), [&](const Card& c) { return c.id == m.cardId; });
        if (it == cards.end() || !(it->rect == m.from)) return false;
    }
    return true;
}
}  // namespace

namespace deskbase::dashboard {
char* toString(const GridRect& r) {
    return QTest::toString(QStringLiteral("%1,%2,%3,%4").arg(r.x).arg(r.y).arg(r.w).arg(r.h));
}
}  // namespace deskbase::dashboard

class GridLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void overlapIsSharingACell_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("expected");
        QTest::newRow("same") << "0,0,2,2"
                              << "0,0,2,2" << true;
        QTest::newRow("side by side") << "0,0,2,2"
                                      << "2,0,2,2" << false;
        QTest::newRow("one above the other") << "0,0,2,2"
                                             << "0,2,2,2" << false;
        QTest::newRow("one cell corner") << "0,0,2,2"
                                         << "1,1,2,2" << true;
        QTest::newRow("inside") << "0,0,6,6"
                                << "2,2,1,1" << true;
        QTest::newRow("diagonal touch") << "0,0,2,2"
                                        << "2,2,2,2" << false;
    }
    void overlapIsSharingACell() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, expected);
        QCOMPARE(overlaps(rect(a), rect(b)), expected);
        QCOMPARE(overlaps(rect(b), rect(a)), expected);
    }

    void firstFreePlaceInReadingOrder_data() {
        QTest::addColumn<QString>("cards");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty grid") << "" << 24 << 12 << 8 << "0,0,12,8";
        QTest::newRow("right of the first card") << "a:0,0,12,8" << 24 << 12 << 8 << "12,0,12,8";
        QTest::newRow("four kpis in a row") << "a:0,0,6,4 b:6,0,6,4 c:12,0,6,4" << 24 << 6 << 4 << "18,0,6,4";
        QTest::newRow("row full: below the shorter card")
            << "a:0,0,12,4 b:12,0,12,8" << 24 << 12 << 4 << "0,4,12,4";
        QTest::newRow("a hole in the middle is used")
            << "a:0,0,8,4 c:16,0,8,4 d:0,4,24,4" << 24 << 8 << 4 << "8,0,8,4";
        QTest::newRow("hole too small: next row") << "a:0,0,8,4 c:12,0,12,4" << 24 << 6 << 4 << "0,4,6,4";
        QTest::newRow("beside one card, above another")
            << "a:0,0,12,2 b:0,3,24,4" << 24 << 12 << 2 << "12,0,12,2";
        QTest::newRow("too tall for the gap above a card")
            << "a:0,0,12,2 b:0,3,24,4" << 24 << 24 << 2 << "0,7,24,2";
        QTest::newRow("wider than the grid is clamped") << "a:0,0,4,4" << 12 << 30 << 2 << "0,4,12,2";
        QTest::newRow("never on top of a card") << "a:0,0,24,40" << 24 << 1 << 1 << "0,40,1,1";
    }
    void firstFreePlaceInReadingOrder() {
        QFETCH(QString, cards);
        QFETCH(int, columns);
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(QString, expected);
        const auto existing = layout(cards);
        const GridRect got = firstFreePlace(existing, columns, w, h);
        QCOMPARE(got, rect(expected));
        for (const auto& c : existing) QVERIFY(!overlaps(c.rect, got));
    }

    void placingPushesCardsDown_data() {
        QTest::addColumn<QString>("cards");
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("into free space: nothing else moves") << "a:0,0,6,4 b:6,0,6,4"
                                                             << "a"
                                                             << "12,0,6,4"
                                                             << "a:12,0,6,4 b:6,0,6,4";
        QTest::newRow("onto a card: it goes below the dropped one") << "a:0,0,6,4 b:6,0,6,4"
                                                                    << "a"
                                                                    << "6,0,6,4"
                                                                    << "a:6,0,6,4 b:6,4,6,4";
        QTest::newRow("the pushed card pushes the one under it") << "a:0,0,6,4 b:6,0,6,4 c:6,4,6,3"
                                                                 << "a"
                                                                 << "6,1,6,4"
                                                                 << "a:6,1,6,4 b:6,5,6,4 c:6,9,6,3";
        QTest::newRow("a card under the pushed one but elsewhere stays") << "a:0,0,6,4 b:6,0,6,4 c:0,4,6,3"
                                                                         << "a"
                                                                         << "6,0,6,4"
                                                                         << "a:6,0,6,4 b:6,4,6,4 c:0,4,6,3";
        QTest::newRow("growing wider pushes the neighbour down") << "a:0,0,12,8 b:12,0,12,8"
                                                                 << "a"
                                                                 << "0,0,16,8"
                                                                 << "a:0,0,16,8 b:12,8,12,8";
        QTest::newRow("growing taller pushes the card below") << "a:0,0,12,4 b:0,4,12,4 c:12,0,12,8"
                                                              << "a"
                                                              << "0,0,12,6"
                                                              << "a:0,0,12,6 b:0,6,12,4 c:12,0,12,8";
        QTest::newRow("dropped half over two cards: both go below") << "a:0,0,8,4 b:8,0,8,4 c:16,0,8,4"
                                                                    << "c"
                                                                    << "4,1,8,4"
                                                                    << "a:0,5,8,4 b:8,5,8,4 c:4,1,8,4";
        QTest::newRow("clamped inside the grid") << "a:0,0,6,4"
                                                 << "a"
                                                 << "22,-3,6,4"
                                                 << "a:18,0,6,4";
        QTest::newRow("unknown card: nothing") << "a:0,0,6,4"
                                               << "zz"
                                               << "0,0,1,1"
                                               << "a:0,0,6,4";
    }
    void placingPushesCardsDown() {
        QFETCH(QString, cards);
        QFETCH(QString, card);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const auto before = layout(cards);
        const auto moves = placeCard(before, 24, card.toStdString(), rect(target));
        if (!moves.empty()) QCOMPARE(QString::fromStdString(moves.front().cardId), card);
        QVERIFY(movesStartWhereTheCardsWere(before, moves));
        const auto after = applied(before, moves);
        QCOMPARE(describe(after), expected);
        QVERIFY(!anyOverlap(after));
    }

    // Random layouts and random drops: never an overlap, the card lands where it was dropped,
    // and the others only ever move straight down.
    void randomDropsNeverOverlap() {
        std::mt19937 rng(20240611);
        auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        for (int round = 0; round < 400; ++round) {
            std::vector<Card> cards;
            const int n = pick(1, 12);
            for (int i = 0; i < n; ++i) {
                Card c;
                c.id = "c" + std::to_string(i);
                const GridRect size{0, 0, pick(1, 24), pick(1, 9)};
                c.rect = firstFreePlace(cards, 24, size.w, size.h);
                cards.push_back(c);
            }
            QVERIFY(!anyOverlap(cards));
            const std::string id = "c" + std::to_string(pick(0, n - 1));
            const GridRect target = clampToGrid({pick(0, 23), pick(0, 30), pick(1, 24), pick(1, 9)}, 24);
            const auto after = applied(cards, placeCard(cards, 24, id, target));
            QVERIFY2(!anyOverlap(after), qPrintable(describe(after)));
            for (std::size_t i = 0; i < after.size(); ++i) {
                if (after[i].id == id) {
                    QCOMPARE(after[i].rect, target);
                    continue;
                }
                QCOMPARE(after[i].rect.x, cards[i].rect.x);
                QCOMPARE(after[i].rect.w, cards[i].rect.w);
                QCOMPARE(after[i].rect.h, cards[i].rect.h);
                QVERIFY(after[i].rect.y >= cards[i].rect.y);
            }
        }
    }
};

QTEST_GUILESS_MAIN(GridLayoutTest)
#include "grid_layout_test.moc"

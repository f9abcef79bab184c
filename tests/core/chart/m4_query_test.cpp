// M4 in the warehouse draws what every row draws: the same line chart from all rows and from the
// M4 rows, rendered into images and compared pixel by pixel, on SQLite and on a throwaway
// PostgreSQL server — spikes, gaps, NULLs, equal x values, several series, two measures, a
// date x, zoomed ranges. Also: what is not a plain SELECT is not rewritten; at most 4 rows per
// pixel column and series come back.
#include "core/chart/m4_query.h"
#include "core/chart/m4_stream.h"

#include <QImage>
#include <QPainter>
#include <QtTest>
#include <cmath>
#include <map>
#include <random>

#include "core/chart/column_roles.h"
#include "core/chart/line_shape.h"
#include "core/warehouse/warehouse.h"
#include "tests/support/pg_server.h"

using namespace deskbase;
using namespace deskbase::chart;

namespace {

constexpr int kRows = 30000;

// The table both warehouses hold: x with gaps and NULLs, xe with runs of equal values, d a
// datetime every 37 s with gaps, cat a series (some NULL), v a random walk with spikes and
// NULLs, w a second measure.
std::string fillSql(const Dialect& d, int from, int to) {
    std::mt19937_64 rng{42};
    std::normal_distribution<double> step(0, 1);
    std::uniform_int_distribution<int> frac(0, 999);
    std::string sql = "INSERT INTO pts VALUES ";
    double v = 0, w = 0;
    const char* cats[] = {"'a'", "'b'", "'c'", "NULL"};
    for (int i = 0; i < to; ++i) {
        v += step(rng) + (rng() % 997 == 0 ? 60 * step(rng) : 0);
        w += 0.5 * step(rng);
        const int f = frac(rng);
        if (i < from) continue;
        const double x = double(i) + double(f) / 1000.0 + double(i / 4000) * 2500.0;  // gaps
        const long long secs = 1700000000LL + i * 37LL + (i / 5000) * 86400LL * 3;
        const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
        const std::string date = dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toStdString();
        if (i > from) sql += ",";
        sql += "(" + std::to_string(i) + "," + (i % 53 == 0 ? std::string("NULL") : sqlDouble(x, d)) + "," +
               std::to_string(i / 9) + ",'" + date + "'," + cats[i % 4] + "," +
               (i % 37 == 0 ? std::string("NULL") : sqlDouble(v, d)) + "," + sqlDouble(w, d) + ")";
    }
    return sql;
}

Status fill(Warehouse& wh) {
    const bool pg = wh.kind() == Warehouse::Kind::PostgreSQL;
    if (auto s = wh.execute(pg ? "CREATE TABLE pts (i bigint, x double precision, xe bigint, d timestamp, "
                                 "cat text, v double precision, w double precision)"
                               : "CREATE TABLE pts (i INTEGER, x REAL, xe INTEGER, d TEXT, cat TEXT, v REAL, "
                                 "w REAL)");
        !s.isOk())
        return s;
    if (auto s = wh.begin(); !s.isOk()) return s;
    for (int from = 0; from < kRows; from += 1000)
        if (auto s = wh.execute(fillSql(wh.dialect(), from, std::min(from + 1000, kRows))); !s.isOk()) return s;
    return wh.commit();
}

Result<QueryResult> fetchAll(Warehouse& wh, const std::string& sql) {
    auto cursor = wh.query(sql);
    if (!cursor) return Error{cursor.message() + "\n" + sql};
    QueryResult out;
    out.columns = (*cursor)->columns();
    for (;;) {
        auto n = (*cursor)->fetch(out.rows, 10000);
        if (!n) return Error{n.message() + "\n" + sql};
        if (*n == 0) break;
    }
    return out;
}

// QVERIFY2 reads its message even when the check passes.
template <class R>
const char* why(const R& r) {
    static std::string text;
    text = r.isOk() ? std::string() : r.message();
    return text.c_str();
}

struct Case {
    std::string x;
    M4X xKind;
    std::vector<std::string> y;
    std::string series;
    int width;
    double zoomFrom, zoomTo;  // fractions of the x range shown
};

// One series drawn like the chart's raster model (series_reduction_test): each point at its
// pixel column's centre, column floor((x - lo) * W / (hi - lo)) (the last closed on the right),
// 1-pixel aliased segments between consecutive points, clipped to the image.
QImage draw(const XYData& xy, double lo, double hi, double yLo, double yHi, int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(Qt::black, 0));
    const double scale = double(width) / (hi - lo);
    std::vector<QPointF> points;
    for (std::size_t i = 0; i < xy.x.size(); ++i) {
        double column = std::floor((xy.x[i] - lo) * scale);
        if (xy.x[i] <= hi) column = std::min(column, double(width - 1));
        points.emplace_back(column + 0.5, (yHi - xy.y[i]) / (yHi - yLo) * (height - 1));
    }
    std::vector<QLineF> segments;
    for (std::size_t i = 1; i < points.size(); ++i) segments.emplace_back(points[i - 1], points[i]);
    if (points.size() == 1) segments.emplace_back(points[0], points[0]);
    p.drawLines(segments.data(), int(segments.size()));
    return image;
}

LineShape shape(const QueryResult& r, const Case& c) {
    const ChartData data = chartDataFrom(r);
    dashboard::VisualizationSettings s;
    s.type = dashboard::ChartType::Line;
    s.x = c.x;
    s.y = c.y;
    s.series = c.series;
    return shapeLines(data, resolveRoles(data, s, s.type), s, s.type, "2030-01-01");
}

}  // namespace

class M4QueryTest : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PgServer> pg_;
    std::unique_ptr<Warehouse> sqlite_, postgres_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        auto sqlite = Warehouse::open(dir_.filePath(QStringLiteral("m4.sqlite")).toStdString());
        QVERIFY2(sqlite.isOk(), why(sqlite));
        sqlite_ = std::move(*sqlite);
        auto s = fill(*sqlite_);
        QVERIFY2(s.isOk(), why(s));
        auto pg = test::PgServer::start();
        QVERIFY2(pg.isOk(), why(pg));
        pg_ = std::move(*pg);
        auto postgres = Warehouse::open(pg_->uri());
        QVERIFY2(postgres.isOk(), why(postgres));
        postgres_ = std::move(*postgres);
        s = fill(*postgres_);
        QVERIFY2(s.isOk(), why(s));
    }

    void onlyAPlainSelectIsRewritten_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("rewritable");
        QTest::newRow("select") << QStringLiteral("SELECT x, v FROM pts WHERE v > 0") << true;
        QTest::newRow("select, trailing semicolon and comment") << QStringLiteral("select x, v from pts; -- done") << true;
        QTest::newRow("semicolon inside a string") << QStringLiteral("SELECT ';' AS a, x, v FROM pts") << true;
        QTest::newRow("with") << QStringLiteral("WITH t AS (SELECT 1) SELECT * FROM t") << false;
        QTest::newRow("values") << QStringLiteral("VALUES (1, 2)") << false;
        QTest::newRow("two statements") << QStringLiteral("SELECT 1; SELECT 2") << false;
        QTest::newRow("insert") << QStringLiteral("INSERT INTO pts (i) VALUES (1)") << false;
        QTest::newRow("numbered parameter") << QStringLiteral("SELECT x, v FROM pts WHERE v > ?1") << true;
        QTest::newRow("bare parameter") << QStringLiteral("SELECT x, v FROM pts WHERE v > ?") << false;
        QTest::newRow("empty") << QStringLiteral("  -- nothing") << false;
    }
    void onlyAPlainSelectIsRewritten() {
        QFETCH(QString, sql);
        QFETCH(bool, rewritable);
        const Status s = m4Rewritable(sql.toStdString(), Dialect::sqlite());
        QCOMPARE(s.isOk(), rewritable);
        if (!rewritable) QVERIFY(QString::fromStdString(s.message()).startsWith(QLatin1String("not rewritable")));
        M4Request r{sql.toStdString(), "x", M4X::Number, {"v"}, "", 100};
        QCOMPARE(m4Sql(r, 0, 1, Dialect::sqlite()).isOk(), rewritable);
        QCOMPARE(m4RangeSql(r, Dialect::sqlite()).isOk(), rewritable);
    }

    void doublesRoundTripAsSql() {
        for (double v : {0.1, 1.0 / 3, 1e-300, 123456789.123456789, -2.5e17, 1700000000123.0}) {
            const std::string text = sqlDouble(v, Dialect::sqlite());
            QCOMPARE(std::strtod(text.c_str() + 1, nullptr), v);  // "(...)"
        }
        QCOMPARE(sqlDouble(0.1, Dialect::sqlite()), std::string("(0.1)"));
        QCOMPARE(sqlDouble(0.1, Dialect::postgres()), std::string("CAST('0.1' AS double precision)"));
    }

    void m4DrawsTheSamePixelsAsEveryRow_data() {
        QTest::addColumn<bool>("postgres");
        QTest::addColumn<std::string>("x");
        QTest::addColumn<bool>("date");
        QTest::addColumn<std::vector<std::string>>("y");
        QTest::addColumn<std::string>("series");
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("zoomFrom");
        QTest::addColumn<double>("zoomTo");
        for (bool pg : {false, true}) {
            const char* w = pg ? "PostgreSQL" : "SQLite";
            using V = std::vector<std::string>;
            QTest::addRow("%s: spikes, gaps, NULL x and y, 300 px", w) << pg << std::string("x") << false << V{"v"} << std::string() << 300 << 0.0 << 1.0;
            QTest::addRow("%s: 1000 px", w) << pg << std::string("x") << false << V{"v"} << std::string() << 1000 << 0.0 << 1.0;
            QTest::addRow("%s: equal x values", w) << pg << std::string("xe") << false << V{"v"} << std::string() << 250 << 0.0 << 1.0;
            QTest::addRow("%s: several series (one NULL)", w) << pg << std::string("x") << false << V{"v"} << std::string("cat") << 320 << 0.0 << 1.0;
            QTest::addRow("%s: two measures", w) << pg << std::string("x") << false << V{"v", "w"} << std::string() << 280 << 0.0 << 1.0;
            QTest::addRow("%s: date x", w) << pg << std::string("d") << true << V{"v"} << std::string() << 400 << 0.0 << 1.0;
            QTest::addRow("%s: zoomed", w) << pg << std::string("x") << false << V{"v"} << std::string() << 300 << 0.31 << 0.47;
            QTest::addRow("%s: zoomed into a gap's edge, equal x", w) << pg << std::string("xe") << false << V{"v"} << std::string("cat") << 200 << 0.12 << 0.1301;
            QTest::addRow("%s: zoomed date x", w) << pg << std::string("d") << true << V{"v", "w"} << std::string() << 350 << 0.5 << 0.9;
        }
    }
    void m4DrawsTheSamePixelsAsEveryRow() {
        QFETCH(bool, postgres);
        QFETCH(std::string, x);
        QFETCH(bool, date);
        QFETCH(std::vector<std::string>, y);
        QFETCH(std::string, series);
        QFETCH(int, width);
        QFETCH(double, zoomFrom);
        QFETCH(double, zoomTo);
        Warehouse& wh = postgres ? *postgres_ : *sqlite_;
        const Dialect& d = wh.dialect();
        const Case c{x, date ? M4X::Date : M4X::Number, y, series, width, zoomFrom, zoomTo};
        const std::string question = "SELECT i, x, xe, d, cat, v, w FROM pts";
        const M4Request request{question, x, c.xKind, y, series, width};

        // Every row, in x then y order (the order M4 keeps for ties).
        std::string columns = x + (series.empty() ? "" : ", " + series);
        for (const auto& m : y) columns += ", " + m;
        auto full = fetchAll(wh, "SELECT " + columns + " FROM (" + question + ") AS q ORDER BY " + x + ", " + y.front());
        QVERIFY2(full.isOk(), why(full));
        const LineShape all = shape(*full, c);
        QVERIFY(!all.series.empty());

        auto rangeSql = m4RangeSql(request, d);
        QVERIFY2(rangeSql.isOk(), why(rangeSql));
        auto range = fetchAll(wh, *rangeSql);
        QVERIFY2(range.isOk(), why(range));
        QCOMPARE(range->rows.size(), std::size_t(1));
        QCOMPARE(cellNumber(range->rows[0][0]).value_or(-1), double(kRows));
        const double xMin = cellNumber(range->rows[0][1]).value_or(NAN);
        const double xMax = cellNumber(range->rows[0][2]).value_or(NAN);
        QCOMPARE(xMin, all.xMin);  // the range query sees what the chart sees
        QCOMPARE(xMax, all.xMax);
        const double lo = xMin + (xMax - xMin) * zoomFrom, hi = xMin + (xMax - xMin) * zoomTo;

        auto m4 = m4Sql(request, lo, hi, d);
        QVERIFY2(m4.isOk(), why(m4));
        auto reducedRows = fetchAll(wh, *m4);
        QVERIFY2(reducedRows.isOk(), why(reducedRows));
        const LineShape reduced = shape(*reducedRows, c);
        // The same picks streamed on the client (M4Stream) over the rows in the table's order.
        auto unordered = fetchAll(wh, "SELECT " + columns + " FROM (" + question + ") AS q");
        QVERIFY2(unordered.isOk(), why(unordered));
        M4Columns streamColumns;
        streamColumns.x = 0;
        streamColumns.date = date;
        streamColumns.series = series.empty() ? -1 : 1;
        for (std::size_t i = 0; i < y.size(); ++i) streamColumns.y.push_back(int(i) + (series.empty() ? 1 : 2));
        M4Stream stream(streamColumns, lo, hi, width);
        for (const Row& row : unordered->rows) stream.add(row);
        QueryResult streamedRows{unordered->columns, stream.rows()};
        const LineShape streamed = shape(streamedRows, c);
        QCOMPARE(streamed.series.size(), all.series.size());
        QCOMPARE(reduced.xKind, all.xKind);
        QCOMPARE(reduced.series.size(), all.series.size());
        QVERIFY(reducedRows->rows.size() < full->rows.size() / 4);

        for (std::size_t k = 0; k < all.series.size(); ++k) {
            const LineSeries& a = all.series[k];
            const auto same = std::find_if(reduced.series.begin(), reduced.series.end(),
                                           [&](const LineSeries& l) { return l.name == a.name; });
            QVERIFY2(same != reduced.series.end(), a.name.c_str());
            const LineSeries& m = *same;
            QVERIFY2(m.xy->x.size() <= std::size_t(width) * 4 + 2, qPrintable(QString::number(m.xy->x.size())));
            const QImage fullImage = draw(*a.xy, lo, hi, all.yMin, all.yMax, width, 240);
            const QImage m4Image = draw(*m.xy, lo, hi, all.yMin, all.yMax, width, 240);
            const auto streamedSeries = std::find_if(streamed.series.begin(), streamed.series.end(),
                                                     [&](const LineSeries& l) { return l.name == a.name; });
            QVERIFY2(streamedSeries != streamed.series.end(), a.name.c_str());
            QCOMPARE(streamedSeries->xy->x.size(), m.xy->x.size());  // the same picks as the query
            const QImage streamImage = draw(*streamedSeries->xy, lo, hi, all.yMin, all.yMax, width, 240);
            QVERIFY2(streamImage == fullImage, "the streamed M4 rows draw other pixels");
            int differing = 0, inked = 0;
            for (int py = 0; py < fullImage.height(); ++py)
                for (int px = 0; px < fullImage.width(); ++px) {
                    differing += fullImage.pixel(px, py) != m4Image.pixel(px, py);
                    inked += fullImage.pixel(px, py) != qRgb(255, 255, 255);
                }
            QVERIFY2(inked > width, qPrintable(QString::number(inked)));  // something was drawn
            QVERIFY2(differing == 0, qPrintable(QStringLiteral("series %1: %2 of %3 inked pixels differ (%4 of %5 points)")
                                                    .arg(QString::fromStdString(a.name)).arg(differing).arg(inked)
                                                    .arg(m.xy->x.size()).arg(a.xy->x.size())));
        }
    }

    void cleanupTestCase() {
        postgres_.reset();
        pg_.reset();
    }
};

QTEST_GUILESS_MAIN(M4QueryTest)
#include "m4_query_test.moc"

#pragma once
// Reading back what a drawn chart shows a user: its series (helper series left out), legend
// entries, axis labels, the frame as an image and where a value lands on screen.
#include <QAbstractSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QtTest>
#include <cmath>

#include "core/chart/chart_data.h"
#include "tests/support/chart_rows.h"
#include "widgets/charts/chart_parts.h"
#include "widgets/charts/chart_view.h"

namespace deskbase::test {

// The series a user sees as data, in the order drawn: goal lines and trend lines excluded
// (named `goalName` / "Trend"), and the helpers named kHiddenName (partial pieces, anchors).
template <class T>
QList<T*> dataSeries(const QChart* chart, const QString& goalName = QStringLiteral("Goal")) {
    QList<T*> out;
    for (QAbstractSeries* s : chart->series())
        if (auto* t = qobject_cast<T*>(s))
            if (s->name() != widgets::kHiddenName && s->name() != widgets::kTrendName &&
                s->name() != goalName)
                out << t;
    return out;
}

template <class T>
T* seriesNamed(const QChart* chart, const QString& name) {
    for (QAbstractSeries* s : chart->series())
        if (s->name() == name)
            if (auto* t = qobject_cast<T*>(s)) return t;
    return nullptr;
}

inline QStringList legendEntries(const QChart* chart) {
    QStringList out;
    if (!chart->legend()->isVisible()) return out;
    for (QLegendMarker* m : chart->legend()->markers())
        if (m->isVisible()) out << m->label();
    return out;
}

inline QStringList axisLabels(QAbstractAxis* axis) {
    if (auto* c = qobject_cast<QBarCategoryAxis*>(axis)) return c->categories();
    if (auto* c = qobject_cast<QCategoryAxis*>(axis)) return c->categoriesLabels();
    return {};
}

inline QAbstractAxis* axisAt(const QChart* chart, Qt::Alignment side) {
    for (QAbstractAxis* a : chart->axes())
        if (a->alignment() == side && a->isVisible()) return a;
    return nullptr;
}

// Where a value of `series` is drawn, in `view`'s (and its frame's) pixels.
inline QPoint onScreen(const QChartView* view, QPointF value, QAbstractSeries* series) {
    QChart* chart = view->chart();
    return view->mapFromScene(chart->mapToScene(chart->mapToPosition(value, series)));
}

// The middle of a pie slice, halfway through its ring (Qt's angles: 0 at twelve o'clock,
// clockwise), in `view`'s pixels.
inline QPoint sliceMiddle(const QChartView* view, const QPieSeries* pie, const QPieSlice* slice) {
    const QChart* chart = view->chart();
    const QRectF plot = chart->plotArea();
    const double outer = pie->pieSize() * std::min(plot.width(), plot.height()) / 2;
    const double r = (outer + outer * pie->holeSize() / pie->pieSize()) / 2;
    const double angle = (slice->startAngle() + slice->angleSpan() / 2) * M_PI / 180;
    return view->mapFromScene(
        chart->mapToScene(plot.center() + QPointF(r * std::sin(angle), -r * std::cos(angle))));
}

// A chart view laid out and painted at `size`, as a card or the query page shows it.
struct ShownChart {
    widgets::ChartView view;
    ShownChart(const chart::ChartData& data, const char* json, QSize size = {640, 420}) {
        auto s = dashboard::parseVisualization(json);
        if (!s.isOk()) qFatal("bad settings %s", json);
        view.resize(size);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view)) qFatal("chart view not exposed");
        view.setData(std::make_shared<const chart::ChartData>(data), *s);
        QCoreApplication::processEvents();
    }
    QChart* chart() const { return view.chartView()->chart(); }
    QImage frame() const { return view.chartView()->grab().toImage(); }
    // Where a value of `series` is drawn, in the chart view's (and its frame's) pixels.
    QPoint at(QPointF value, QAbstractSeries* series) const {
        return onScreen(view.chartView(), value, series);
    }
};

// Same colour within a few steps per channel (antialiased edges stay out of the way).
inline bool sameColor(QColor a, QColor b, int tolerance = 3) {
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// `ink` drawn `alpha` opaque over `background`, as the frame shows it.
inline QColor over(QColor ink, double alpha, QColor background) {
    auto mix = [&](int a, int b) { return int(a * alpha + b * (1 - alpha)); };
    return QColor(mix(ink.red(), background.red()), mix(ink.green(), background.green()),
                  mix(ink.blue(), background.blue()));
}

// Whether any pixel within `radius` of `p` has colour `c` (lines are thin and antialiased).
inline bool colorNear(const QImage& image, QPoint p, QColor c, int radius = 3, int tolerance = 40) {
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint q = p + QPoint(dx, dy);
            if (image.rect().contains(q) && sameColor(image.pixelColor(q), c, tolerance)) return true;
        }
    return false;
}

}  // namespace deskbase::test

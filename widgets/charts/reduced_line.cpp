#include "widgets/charts/reduced_line.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QList>
#include <QPointF>
#include <QValueAxis>
#include <QXYSeries>

namespace deskbase::widgets {

ReducedLine::ReducedLine(std::shared_ptr<const chart::XYData> data, QXYSeries* series, QObject* parent)
    : QObject(parent), data_(std::move(data)), series_(series) {}

void ReducedLine::followAxis(QAbstractAxis* axis) {
    if (auto* v = qobject_cast<QValueAxis*>(axis)) {
        connect(v, &QValueAxis::rangeChanged, this, [this](qreal lo, qreal hi) { showRange(lo, hi); });
    } else if (auto* d = qobject_cast<QDateTimeAxis*>(axis)) {
        connect(d, &QDateTimeAxis::rangeChanged, this, [this](const QDateTime& lo, const QDateTime& hi) {
            showRange(double(lo.toMSecsSinceEpoch()), double(hi.toMSecsSinceEpoch()));
        });
    }
}

void ReducedLine::setPixelColumns(int columns) {
    columns = std::max(columns, 16);
    // The first layout moves the plot width a few pixels from the guess the chart was built with.
    // Buckets up to 10% wider than a pixel (or narrower, down to half) look the same, and
    // re-reducing millions of points for that would double the first frame. Re-reduce when the
    // plot grew or shrank for real.
    if (shown_ > 0 && columns <= columns_ * 11 / 10 && columns >= columns_ / 2) return;
    columns_ = columns;
    if (shown_ > 0) reduce();
}

void ReducedLine::showAll() {
    if (data_->x.empty()) return;
    showRange(data_->x.front(), data_->x.back());
}

void ReducedLine::showRange(double xMin, double xMax) {
    // The axis reports its range again when the chart lays out: nothing changed, nothing to do.
    if (shown_ > 0 && xMin == lastMin_ && xMax == lastMax_) return;
    lastMin_ = xMin;
    lastMax_ = xMax;
    reduce();
}

void ReducedLine::reduce() {
    const auto& d = *data_;
    const std::size_t n = std::min(d.x.size(), d.y.size());
    const auto idx = chart::reduceMinMax(d.x.data(), d.y.data(), n, lastMin_, lastMax_, columns_);
    QList<QPointF> points;
    points.reserve(qsizetype(idx.size()));
    for (std::size_t i : idx) points.append(QPointF(d.x[i], d.y[i]));
    shown_ = idx.size();
    ++reductions_;
    series_->replace(points);
}

}  // namespace deskbase::widgets

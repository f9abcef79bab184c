#pragma once
// Keeps a large x/y series outside Qt Charts and hands the QXYSeries only a min/max-per-pixel
// reduction of the visible x range, recomputed when the x axis range changes (zoom, pan).
#include <QObject>
#include <memory>
#include <vector>

#include "core/chart/series_reduction.h"

QT_BEGIN_NAMESPACE
class QXYSeries;
class QAbstractAxis;
QT_END_NAMESPACE

namespace deskbase::widgets {

class ReducedLine : public QObject {
    Q_OBJECT
public:
    // `series` is not owned (the chart owns it); this object is usually its child.
    ReducedLine(std::shared_ptr<const chart::XYData> data, QXYSeries* series, QObject* parent = nullptr);

    // Re-reduces whenever `axis` (a QValueAxis or QDateTimeAxis over x) changes range.
    void followAxis(QAbstractAxis* axis);
    void setPixelColumns(int columns);  // the plot width; reduction keeps ~4 points per column
    void showRange(double xMin, double xMax);
    void showAll();

    std::size_t sourcePoints() const { return data_->x.size(); }
    std::size_t shownPoints() const { return shown_; }
    // Passes over the data so far: a frame reduces once (layout and axis echoes do not count).
    std::size_t reductions() const { return reductions_; }
    const chart::XYData& data() const { return *data_; }

private:
    void reduce();  // lastMin_..lastMax_ in columns_ buckets, handed to the series

    std::shared_ptr<const chart::XYData> data_;
    QXYSeries* series_;
    int columns_ = 1200;
    double lastMin_ = 0, lastMax_ = 0;
    std::size_t shown_ = 0;
    std::size_t reductions_ = 0;
};

}  // namespace deskbase::widgets

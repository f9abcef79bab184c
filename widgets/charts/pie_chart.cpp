// Pie and donut charts from a PieShape: slices with their share, a legend of the bare names,
// and a note for categories a pie cannot show (zero or negative).
#include <QChart>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>

#include "widgets/charts/chart_families.h"
#include "widgets/charts/chart_parts.h"

namespace deskbase::widgets {

void drawPie(const DrawContext& c, const chart::PieShape& shape) {
    const auto& s = c.settings;
    auto* pie = new QPieSeries(c.chart);
    if (s.donut) pie->setHoleSize(0.5);
    pie->setPieSize(0.78);
    const QString xName = c.xColumn();
    for (std::size_t i = 0; i < shape.slices.size(); ++i) {
        const chart::PieSlice& data = shape.slices[i];
        const QString label = qs(data.label);
        auto* slice = pie->append(label, data.value);
        slice->setColor(seriesColor(i, s.colors));
        slice->setBorderColor(c.colors.background);
        slice->setBorderWidth(1);
        slice->setLabelColor(c.colors.text);
        slice->setLabel(QStringLiteral("%1 %2%").arg(label).arg(data.share * 100, 0, 'f', 0));
        // Labels only where they fit; tooltips carry the rest.
        slice->setLabelVisible(data.share >= 0.04 && (s.dataLabels || !s.legend));
        slice->setLabelPosition(QPieSlice::LabelOutside);
        const QString share = QStringLiteral("%1%").arg(data.share * 100, 0, 'f', 1);  // a derived ratio
        QObject::connect(
            slice, &QPieSlice::hovered, c.chart,
            [hooks = c.hooks, slice, label, share, value = exactText(data.value, s.format)](bool on) {
                slice->setExploded(on);
                if (hooks.tooltip)
                    hooks.tooltip(on ? QStringLiteral("%1\n%2 (%3)").arg(label, value, share) : QString());
            });
        QObject::connect(slice, &QPieSlice::clicked, c.chart,
                         [hooks = c.hooks, xName, raw = qs(valueToText(data.category))] {
                             if (hooks.clicked) hooks.clicked(xName, raw);
                         });
    }
    c.chart->addSeries(pie);
    QLegend* legend = c.chart->legend();
    legend->setVisible(s.legend);
    legend->setAlignment(Qt::AlignRight);
    legend->setLabelColor(c.colors.text);
    QFont f = legend->font();
    f.setPointSizeF(8.5);
    legend->setFont(f);
    // The legend shows the slice labels (name and share).
    const auto markers = legend->markers(pie);
    int widest = 0;
    const QFontMetrics metrics(f);
    for (int i = 0; i < markers.size(); ++i) {
        markers[i]->setLabel(pie->slices()[i]->label());
        widest = std::max(widest, metrics.horizontalAdvance(pie->slices()[i]->label()));
    }
    // Qt Charts sizes a side legend tightly and elides ("Outdoors 1..."); ask for the labels'
    // width (marker and margins included), up to a limit that leaves the pie its room.
    legend->setMinimumWidth(std::min(widest + 40, 180));
    if (shape.omitted > 0)
        addChartNote(c.chart,
                     shape.omitted == 1
                         ? QStringLiteral("1 category at or below zero is not shown")
                         : QStringLiteral("%1 categories at or below zero are not shown").arg(shape.omitted),
                     c.colors);
}

}  // namespace deskbase::widgets

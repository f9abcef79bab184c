#include "widgets/charts/chart_palette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

#include "widgets/theme/theme.h"

namespace deskbase::widgets {

ChartColors chartColors(bool dark) {
    ChartColors c;
    c.dark = dark;
    if (dark) {
        c.background = QColor(0x17, 0x19, 0x1d);
        c.text = QColor(0xe6, 0xe8, 0xeb);
        c.mutedText = QColor(0xa0, 0xa6, 0xaf);
        c.grid = QColor(0x33, 0x37, 0x3e);
        c.axisLine = QColor(0x55, 0x5b, 0x64);
        c.positive = QColor(0x6c, 0xc7, 0x5e);
        c.negative = QColor(0xf0, 0x70, 0x6a);
        c.goal = QColor(0xf2, 0xb3, 0x4c);
        c.trend = QColor(0xd0, 0xd4, 0xda);
    } else {
        c.background = QColor(0xff, 0xff, 0xff);
        c.text = QColor(0x2e, 0x35, 0x3b);
        c.mutedText = QColor(0x69, 0x70, 0x7a);
        c.grid = QColor(0xe6, 0xe9, 0xed);
        c.axisLine = QColor(0xb8, 0xbe, 0xc6);
        c.positive = QColor(0x2e, 0x9d, 0x3a);
        c.negative = QColor(0xd6, 0x3c, 0x35);
        c.goal = QColor(0xd4, 0x8a, 0x10);
        c.trend = QColor(0x4c, 0x55, 0x60);
    }
    return c;
}

ChartColors currentChartColors() {
    return chartColors(isDarkTheme());
}

QColor seriesColor(std::size_t i, const std::vector<std::string>& userColors) {
    if (i < userColors.size()) {
        QColor c(QString::fromStdString(userColors[i]));
        if (c.isValid()) return c;
    }
    // Readable on white and on near-black backgrounds.
    static const QColor palette[] = {QColor(0x50, 0x9e, 0xe3), QColor(0x88, 0xbf, 0x4d),
                                     QColor(0xa9, 0x89, 0xc5), QColor(0xef, 0x8c, 0x8c),
                                     QColor(0xf9, 0xc7, 0x4f), QColor(0x4c, 0xbf, 0xb4),
                                     QColor(0xf2, 0xa8, 0x6f), QColor(0x71, 0x72, 0xad),
                                     QColor(0xd9, 0x7b, 0xb5), QColor(0x98, 0xae, 0x5a)};
    const std::size_t n = sizeof(palette) / sizeof(palette[0]);
    return palette[i % n];
}

void styleChart(QChart* chart, const ChartColors& c) {
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(c.text);
    chart->legend()->setLabelColor(c.text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    chart->setMargins(QMargins(4, 4, 16, 4));  // room for the last x label
    for (QAbstractAxis* axis : chart->axes()) styleAxis(axis, c);
}

void styleAxis(QAbstractAxis* axis, const ChartColors& c) {
    axis->setLabelsColor(c.mutedText);
    axis->setTitleBrush(c.mutedText);
    axis->setGridLineColor(c.grid);
    axis->setMinorGridLineColor(c.grid);
    axis->setLinePenColor(c.axisLine);
    QFont f = axis->labelsFont();
    f.setPointSizeF(8.5);
    axis->setLabelsFont(f);
    QFont tf = axis->titleFont();
    tf.setPointSizeF(8.5);
    tf.setBold(false);
    axis->setTitleFont(tf);
}

}  // namespace deskbase::widgets

#pragma once
// A dashboard as a printable PDF (`deskbase render --out x.pdf`, PDF reports): A4 landscape
// pages with 10 mm margins; on each page a header in text (the dashboard's title, on the first
// page also its description, the filters it was drawn with and when) and "page N of M" at the
// foot, all selectable; between them a slice of the card canvas, cut between rows of cards
// (core/dashboard/page_breaks.h), scaled to the page's width. The cards are drawn from a 2x
// raster: Qt Charts elides legend text with screen font metrics and drops legend entries when
// painted straight to a PDF.
#include <QString>

#include "core/util/result.h"

class QImage;
class QIODevice;
class QRect;
class QWidget;

namespace deskbase::widgets {

class DashboardView;

struct PdfLayout {
    int pages = 0;
    double pixelsPerPoint = 0;  // canvas pixels drawn in one PDF point
};

// Writes the whole canvas of a laid-out view (every card loaded) to `out`.
Result<PdfLayout> writeDashboardPdf(DashboardView& view, QIODevice& out, const QString& generatedAt);

// A part of a widget drawn at `scale` device pixels per pixel, as the PDF pages hold it.
QImage renderSlice(QWidget& widget, const QRect& part, double scale);

}  // namespace deskbase::widgets

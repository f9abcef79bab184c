#include "widgets/dashboard/dashboard_pdf.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <cmath>

#include "core/dashboard/filter_summary.h"
#include "core/dashboard/page_breaks.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/dashboard_view.h"

namespace deskbase::widgets {

namespace {

constexpr double kMarginMm = 10;
constexpr double kGapPt = 8;  // between the header and the cards, the cards and the footer

QFont sized(QFont f, double points, bool bold = false) {
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

}  // namespace

QImage renderSlice(QWidget& widget, const QRect& part, double scale) {
    QImage image(QSize(int(std::ceil(part.width() * scale)), int(std::ceil(part.height() * scale))),
                 QImage::Format_RGB32);
    image.setDevicePixelRatio(scale);
    image.fill(widget.palette().color(QPalette::Window));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    widget.render(&p, QPoint(0, 0), QRegion(part));  // the part's top-left lands at (0, 0)
    return image;
}

Result<PdfLayout> writeDashboardPdf(DashboardView& view, QIODevice& out, const QString& generatedAt) {
    DashboardCanvas* canvas = view.canvas();
    const dashboard::Dashboard& d = view.dashboard();
    const QString title = d.name.empty() ? QObject::tr("Dashboard") : QString::fromStdString(d.name);
    const QString description = QString::fromStdString(d.description);
    const QString filters = QString::fromStdString(dashboard::filterSummary(d, view.filterValues()));

    QPdfWriter pdf(&out);
    pdf.setResolution(72);  // painter units are points
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                  QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
    pdf.setTitle(title);
    pdf.setCreator(QStringLiteral("Deskbase"));
    const QRectF page = QRectF(QPointF(0, 0), pdf.pageLayout().paintRect(QPageLayout::Point).size());

    const QFont base = view.font();
    const QFont titleFont = sized(base, 16, true), smallFont = sized(base, 8);
    const QFontMetricsF titleMetrics(titleFont, &pdf), smallMetrics(smallFont, &pdf);
    // The first page's header: title, description, filters and time (wrapped to the width).
    QString firstLines = description;
    const QString drawn = filters.isEmpty() ? QObject::tr("Drawn %1").arg(generatedAt)
                                            : QObject::tr("Filters: %1 · drawn %2").arg(filters, generatedAt);
    firstLines += (firstLines.isEmpty() ? QString() : QStringLiteral("\n")) + drawn;
    const QRectF firstText =
        smallMetrics.boundingRect(QRectF(0, 0, page.width(), 1e6), Qt::TextWordWrap, firstLines);
    const double firstHeader = titleMetrics.height() + 2 + firstText.height() + kGapPt;
    const double laterHeader = smallMetrics.height() + kGapPt;
    const double footer = smallMetrics.height() + kGapPt;

    // The canvas scaled to the page's width; each page holds as many rows of cards as fit.
    const int width = canvas->width();
    const int height = canvas->contentHeight();
    if (width <= 0 || height <= 0) return Error{"the dashboard has nothing to draw"};
    const double pxPerPt = width / page.width();
    std::vector<dashboard::Span> cards;
    for (const auto& [id, card] : canvas->cards())
        if (card->isVisible()) cards.push_back({card->geometry().top(), card->geometry().bottom() + 1});
    // The first page is shorter (its header is taller): cut it alone, then the rest.
    const int firstRoom = int((page.height() - firstHeader - footer) * pxPerPt);
    const int laterRoom = int((page.height() - laterHeader - footer) * pxPerPt);
    std::vector<dashboard::Span> slices;
    auto first = dashboard::pageSlices(cards, height, firstRoom);
    if (!first.empty()) {
        slices.push_back(first.front());
        std::vector<dashboard::Span> rest;
        for (const auto& c : cards)
            if (c.bottom > first.front().bottom)
                rest.push_back({std::max(0, c.top - first.front().bottom), c.bottom - first.front().bottom});
        for (auto s : dashboard::pageSlices(rest, height - first.front().bottom, laterRoom))
            slices.push_back({s.top + first.front().bottom, s.bottom + first.front().bottom});
    }

    QPainter p;
    if (!p.begin(&pdf)) return Error{"cannot start the PDF"};
    const int pages = int(slices.size());
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !pdf.newPage()) return Error{"cannot add a page to the PDF"};
        double y = 0;
        p.setPen(Qt::black);
        if (i == 0) {
            p.setFont(titleFont);
            p.drawText(QRectF(0, 0, page.width(), titleMetrics.height()), Qt::AlignLeft | Qt::AlignTop, title);
            p.setFont(smallFont);
            p.setPen(QColor(80, 80, 80));
            p.drawText(QRectF(0, titleMetrics.height() + 2, page.width(), firstText.height()),
                       Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, firstLines);
            y = firstHeader;
        } else {
            p.setFont(smallFont);
            p.setPen(QColor(80, 80, 80));
            p.drawText(QRectF(0, 0, page.width(), smallMetrics.height()), Qt::AlignLeft | Qt::AlignTop, title);
            y = laterHeader;
        }
        const QRect part(0, slices[i].top, width, slices[i].bottom - slices[i].top);
        const QImage image = renderSlice(*canvas, part, 2.0);
        p.drawImage(QRectF(0, y, page.width(), part.height() / pxPerPt), image);
        p.setFont(smallFont);
        p.setPen(QColor(80, 80, 80));
        p.drawText(QRectF(0, page.height() - smallMetrics.height(), page.width(), smallMetrics.height()),
                   Qt::AlignRight | Qt::AlignBottom, QObject::tr("page %1 of %2").arg(i + 1).arg(pages));
    }
    if (!p.end()) return Error{"cannot finish the PDF"};
    return PdfLayout{pages, pxPerPt};
}

}  // namespace deskbase::widgets

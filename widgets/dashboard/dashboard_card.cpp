#include "widgets/dashboard/dashboard_card.h"

#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "widgets/charts/chart_palette.h"
#include "widgets/charts/chart_view.h"

namespace deskbase::widgets {

namespace {
// Paints the edit affordances (dashed outline, resize corner) and swallows nothing itself:
// the canvas filters its mouse events.
class EditOverlay : public QWidget {
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const QColor accent = palette().color(QPalette::Highlight);
        p.setPen(QPen(accent, 1.5, Qt::DashLine));
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        const QRect r = rect();
        const int g = DashboardCard::kGrip;
        QPolygon corner;
        corner << QPoint(r.right(), r.bottom() - g) << QPoint(r.right(), r.bottom())
               << QPoint(r.right() - g, r.bottom());
        p.drawPolygon(corner);
        // The remove button, top right.
        const QRect close = DashboardCard::removeButtonRect(r);
        p.setBrush(palette().color(QPalette::Window));
        p.setPen(QPen(accent, 1.2));
        p.drawEllipse(close.adjusted(1, 1, -1, -1));
        const QRect x = close.adjusted(5, 5, -5, -5);
        p.drawLine(x.topLeft(), x.bottomRight());
        p.drawLine(x.topRight(), x.bottomLeft());
    }
};
}  // namespace

DashboardCard::DashboardCard(const dashboard::Card& card, QWidget* parent) : QFrame(parent), id_(card.id) {
    setObjectName(QStringLiteral("dashboardCard"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    const ChartColors c = currentChartColors();
    QPalette pal = palette();
    pal.setColor(QPalette::Window, c.background);
    setPalette(pal);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->setSpacing(2);
    titleLabel_ = new QLabel(this);
    QFont tf = titleLabel_->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.05);
    titleLabel_->setFont(tf);
    titleLabel_->setTextFormat(Qt::PlainText);
    layout->addWidget(titleLabel_);
    body_ = new QStackedWidget(this);
    statusLabel_ = new QLabel(this);
    statusLabel_->setAlignment(Qt::AlignCenter);
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextFormat(Qt::PlainText);
    markdown_ = new QLabel(this);
    markdown_->setTextFormat(Qt::MarkdownText);
    markdown_->setWordWrap(true);
    markdown_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    markdown_->setOpenExternalLinks(true);
    chart_ = new ChartView(this);
    body_->addWidget(statusLabel_);
    body_->addWidget(markdown_);
    body_->addWidget(chart_);
    layout->addWidget(body_, 1);
    overlay_ = new EditOverlay(this);
    overlay_->hide();
    connect(chart_, &ChartView::categoryClicked, this, &DashboardCard::categoryClicked);
    if (card.isText()) {
        titleLabel_->setVisible(!card.title.empty());
        setTitle(QString::fromStdString(card.title));
        setMarkdown(QString::fromStdString(card.text));
    } else {
        setTitle(QString::fromStdString(card.title));
    }
}

void DashboardCard::setTitle(const QString& title) {
    titleLabel_->setText(title);
}
QString DashboardCard::title() const {
    return titleLabel_->text();
}

void DashboardCard::setMarkdown(const QString& markdown) {
    markdown_->setText(markdown);
    body_->setCurrentWidget(markdown_);
    state_ = State::Ready;
}

void DashboardCard::setLoading() {
    state_ = State::Loading;
    if (body_->currentWidget() != chart_) {
        QPalette pal = statusLabel_->palette();
        pal.setColor(QPalette::WindowText, currentChartColors().mutedText);
        statusLabel_->setPalette(pal);
        statusLabel_->setText(tr("Loading…"));
        body_->setCurrentWidget(statusLabel_);
    }
    // A card already showing a chart keeps it while refreshing, dimmed title as the hint.
    titleLabel_->setEnabled(false);
}

void DashboardCard::setResult(std::shared_ptr<const chart::ChartData> data,
                              const dashboard::VisualizationSettings& s) {
    state_ = State::Ready;
    titleLabel_->setEnabled(true);
    if (!data || data->rows.empty()) {
        QPalette pal = statusLabel_->palette();
        pal.setColor(QPalette::WindowText, currentChartColors().mutedText);
        statusLabel_->setPalette(pal);
        statusLabel_->setText(tr("No results"));
        body_->setCurrentWidget(statusLabel_);
        return;
    }
    chart_->setData(std::move(data), s);
    body_->setCurrentWidget(chart_);
}

void DashboardCard::setError(const QString& message) {
    state_ = State::Failed;
    titleLabel_->setEnabled(true);
    QPalette pal = statusLabel_->palette();
    pal.setColor(QPalette::WindowText, currentChartColors().negative);
    statusLabel_->setPalette(pal);
    statusLabel_->setText(tr("This card could not run:\n%1").arg(message));
    body_->setCurrentWidget(statusLabel_);
}

QString DashboardCard::errorText() const {
    return state_ == State::Failed ? statusLabel_->text() : QString();
}

void DashboardCard::setEditMode(bool on) {
    overlay_->setVisible(on);
    if (on) {
        overlay_->setGeometry(rect());
        overlay_->raise();
    }
}

void DashboardCard::resizeEvent(QResizeEvent* e) {
    QFrame::resizeEvent(e);
    overlay_->setGeometry(rect());
}

}  // namespace deskbase::widgets

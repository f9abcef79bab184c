#include "app/gui/lineage_page.h"

#include <QLabel>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/gui/pipeline_controller.h"
#include "widgets/models/lineage_view.h"
#include "widgets/theme/icons.h"
#include "widgets/theme/theme.h"

namespace deskbase::gui {

LineagePage::LineagePage(PipelineController* pipeline, QWidget* parent)
    : QWidget(parent),
      pipeline_(pipeline),
      view_(new widgets::LineageView(this)),
      scroll_(new QScrollArea(this)),
      message_(new QLabel(this)),
      legend_(new QLabel(this)) {
    setObjectName(QStringLiteral("lineagePage"));
    setWindowTitle(tr("Lineage"));
    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(tr("Refresh"), this, &LineagePage::refresh);
    toolbar->addAction(widgets::runIcon(), tr("Build all models"), this, &LineagePage::buildAllRequested);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    legend_->setTextFormat(Qt::RichText);
    scroll_->setWidget(view_);
    scroll_->setWidgetResizable(false);
    scroll_->setBackgroundRole(QPalette::Base);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(toolbar);
    layout->addWidget(legend_);
    layout->addWidget(message_);
    layout->addWidget(scroll_, 1);

    connect(view_, &widgets::LineageView::nodeActivated, this,
            [this](const QString& kind, const QString& name, const QString& file) {
                if (kind == QStringLiteral("model"))
                    emit modelRequested(name);
                else if (kind == QStringLiteral("question"))
                    emit questionRequested(file);
                else if (kind == QStringLiteral("dashboard"))
                    emit dashboardRequested(file);
                else
                    emit tableRequested(name);
            });
    connect(pipeline_, &PipelineController::lineageLoaded, this, [this] {
        view_->setLineage(pipeline_->lineage());
        int models = 0, failed = 0;
        for (const auto& n : pipeline_->lineage().nodes)
            if (n.kind == "model") {
                ++models;
                failed += n.status == "error";
            }
        message_->setText(models == 0 ? tr("No models yet: models/*.sql in the workspace are drawn here.")
                          : failed    ? tr("%n model(s) failed in their last build.", nullptr, failed)
                                      : tr("Click a node to open it."));
    });
    connect(pipeline_, &PipelineController::lineageFailed, this,
            [this](const QString& error) { message_->setText(error); });
    updateLegend();
}

QString LineagePage::messageText() const {
    return message_->text();
}

void LineagePage::refresh() {
    pipeline_->loadLineage();
}

void LineagePage::updateColors() {
    updateLegend();
    view_->update();
}

void LineagePage::updateLegend() {
    const bool dark = widgets::isDarkTheme();
    auto swatch = [&](const char* kind, const char* status, const QString& label) {
        LineageNode n;
        n.kind = kind;
        n.status = status;
        return QStringLiteral("<span style='color:%1'>■</span> %2")
            .arg(widgets::LineageView::nodeColor(n, dark).name(), label.toHtmlEscaped());
    };
    legend_->setText(QStringList{
        swatch("source", "", tr("table")), swatch("model", "success", tr("model built")),
        swatch("model", "error", tr("model failed")), swatch("model", "skipped", tr("model skipped")),
        swatch("model", "", tr("model not built")), swatch("question", "", tr("question")),
        swatch("dashboard", "", tr("dashboard"))}
                         .join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));
}

}  // namespace deskbase::gui

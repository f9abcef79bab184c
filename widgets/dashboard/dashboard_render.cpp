#include "widgets/dashboard/dashboard_render.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>

#include "core/dashboard/card_query.h"
#include "core/dashboard/demo_workspace.h"
#include "core/runtime/runtime.h"
#include "core/workspace/workspace.h"
#include "widgets/dashboard/dashboard_canvas.h"
#include "widgets/dashboard/dashboard_card.h"
#include "widgets/dashboard/dashboard_pdf.h"
#include "widgets/dashboard/dashboard_view.h"

namespace deskbase::widgets {

Result<RenderReport> renderDashboard(const RenderOptions& o) {
    const QString out = QString::fromStdString(o.outPath);
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("pdf"))
        return Error{"--out must end in .png or .pdf"};
    auto model = dashboard::loadDashboard(o.dashboardPath);
    if (!model) return Error{model.message()};
    auto ws = Workspace::open(dashboard::workspaceDirOf(o.dashboardPath));
    if (!ws) return Error{ws.message()};
    // Demo dashboards bring their data: generate and import it the first time.
    if (model->sampleData == "demo_store") {
        const std::string target = o.target.empty() ? ws->defaultTarget() : o.target;
        if (auto s = dashboard::ensureDemoData(target); !s) return Error{s.message()};
    }
    dashboard::FilterValues values = dashboard::defaultFilterValues(*model);
    for (const auto& arg : o.filterArguments)
        if (auto s = dashboard::applyFilterArgument(*model, values, arg); !s) return Error{s.message()};

    Runtime runtime(Runtime::optionsFor(*ws));  // the workspace's cache, as in the GUI
    DashboardView view(runtime);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setChromeVisible(o.editMode);
    view.setTargetOverride(o.target);
    if (auto s = view.open(o.dashboardPath, &*ws); !s) return Error{s.message()};
    view.setFilterValues(values);
    if (o.editMode) view.setEditMode(true);
    const int height = view.fullHeightForWidth(o.width);
    view.resize(o.width, height);
    view.show();
    const bool done = view.waitUntilLoaded(o.timeoutMs);
    // Layout and chart geometry settle over a couple of event loop turns.
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();

    RenderReport report;
    report.width = o.width;
    report.height = height;
    for (const auto& c : view.dashboard().cards) {
        ++report.cards;
        DashboardCard* w = view.card(c.id);
        if (!w) continue;
        if (w->state() == DashboardCard::State::Failed) {
            ++report.failedCards;
            // One line per failure: the card's text breaks "This card could not run:" from the reason.
            report.errors.push_back(c.id + ": " + w->errorText().simplified().toStdString());
        } else if (w->state() == DashboardCard::State::Loading) {
            ++report.failedCards;
            report.errors.push_back(c.id + ": timed out");
        }
    }
    if (!done && report.errors.empty()) report.errors.push_back("timed out waiting for the cards");

    if (suffix == QStringLiteral("png")) {
        QImage image(QSize(int(o.width * o.scale), int(height * o.scale)),
                     QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(o.scale);
        image.fill(view.palette().color(QPalette::Window));
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            view.render(&p);
        }
        QSaveFile file(out);  // appears whole or not at all
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
            return Error{"Cannot write " + o.outPath + ": " + file.errorString().toStdString()};
    } else {
        QSaveFile file(out);  // appears whole or not at all
        if (!file.open(QIODevice::WriteOnly))
            return Error{"Cannot write " + o.outPath + ": " + file.errorString().toStdString()};
        const QString at = QLocale().toString(QDateTime::currentDateTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
        auto pdf = writeDashboardPdf(view, file, at);
        if (!pdf) return Error{"Cannot write " + o.outPath + ": " + pdf.message()};
        if (!file.commit()) return Error{"Cannot write " + o.outPath + ": " + file.errorString().toStdString()};
        report.pages = pdf->pages;
    }
    return report;
}

Status renderReportDashboard(const std::string& dashboardPath, const std::string& outPath,
                             const std::vector<std::string>& filterArguments) {
    RenderOptions o;
    o.dashboardPath = dashboardPath;
    o.outPath = outPath;
    o.filterArguments = filterArguments;
    auto r = renderDashboard(o);
    if (!r) return Status::fail(r.message());
    if (r->failedCards > 0) {
        QFile::remove(QString::fromStdString(outPath));  // a report with a broken card is not delivered
        return Status::fail(std::to_string(r->failedCards) + " of " + std::to_string(r->cards) +
                            " cards failed: " + (r->errors.empty() ? std::string() : r->errors.front()));
    }
    return Status::ok();
}

}  // namespace deskbase::widgets

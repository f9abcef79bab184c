#include "app/gui/query_tabs.h"

#include <QApplication>
#include <QFileInfo>
#include <QTabWidget>

#include "app/gui/page_tabs.h"
#include "app/gui/query_page.h"
#include "widgets/editor/sql_editor.h"

namespace deskbase::gui {

namespace {
QString canonical(const QString& path) {
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QFileInfo(path).absoluteFilePath() : c;
}
}  // namespace

QueryTabs::QueryTabs(WorkspaceController* workspace, PageTabs* tabs)
    : QObject(tabs), workspace_(workspace), tabs_(tabs) {
    connect(tabs_->tabWidget(), &QTabWidget::currentChanged, this, [this] {
        if (auto* page = qobject_cast<QueryPage*>(tabs_->current())) last_ = page;
    });
}

QueryPage* QueryTabs::current() {
    if (auto* page = qobject_cast<QueryPage*>(tabs_->current())) return page;
    if (last_) return last_;
    const QList<QueryPage*> pages = all();
    if (!pages.isEmpty()) return pages.first();
    QueryPage* page = create();
    tabs_->add(page, page->windowTitle());
    return page;
}

QList<QueryPage*> QueryTabs::all() const {
    QList<QueryPage*> out;
    for (QWidget* w : tabs_->pages())
        if (auto* page = qobject_cast<QueryPage*>(w)) out << page;
    return out;
}

QueryPage* QueryTabs::create() {
    auto* page = new QueryPage(workspace_);
    page->setDefaultTitle(tr("Query %1").arg(++created_));
    page->applySchema(schema_);
    if (fontSize_ > 0) {
        QFont f = page->editor()->font();
        f.setPointSize(fontSize_);
        page->editor()->setFont(f);
    }
    connect(page, &QueryPage::statusMessage, this,
            [this, page](const QString& text) { emit statusMessage(page, text); });
    connect(page, &QueryPage::demoRequested, this, &QueryTabs::demoRequested);
    connect(page, &QueryPage::importRequested, this, &QueryTabs::importRequested);
    connect(page, &QueryPage::addToDashboardRequested, this, &QueryTabs::addToDashboardRequested);
    return page;
}

QueryPage* QueryTabs::newTab() {
    QueryPage* page = create();
    tabs_->add(page, page->windowTitle());
    last_ = page;
    page->editor()->setFocus();
    return page;
}

QueryPage* QueryTabs::blankOrNew() {
    QueryPage* page = qobject_cast<QueryPage*>(tabs_->current());
    if (page && page->isBlank() && !page->isWindowModified()) return page;
    return newTab();
}

QueryPage* QueryTabs::findQuestion(const QString& path) const {
    const QString key = canonical(path);
    for (QueryPage* page : all())
        if (!page->questionPath().isEmpty() && canonical(page->questionPath()) == key) return page;
    return nullptr;
}

QueryPage* QueryTabs::findTable(const QString& table) const {
    for (QueryPage* page : all())
        if (page->tableName() == table) return page;
    return nullptr;
}

QueryPage* QueryTabs::openQuestion(const QString& path) {
    if (QueryPage* open = findQuestion(path)) {
        tabs_->show(open);
        return open;
    }
    QueryPage* page = blankOrNew();
    if (!page->openQuestion(path)) return nullptr;
    return page;
}

QueryPage* QueryTabs::openTable(const QString& table) {
    if (QueryPage* open = findTable(table)) {
        tabs_->show(open);
        return open;
    }
    QueryPage* page = blankOrNew();
    page->openTable(table);
    return page;
}

bool QueryTabs::openQuestionHere(const QString& path) {
    QueryPage* page = current();
    tabs_->show(page);
    return page->openQuestion(path);
}

void QueryTabs::applySchema(const widgets::SchemaSnapshot& snapshot) {
    schema_ = snapshot;
    for (QueryPage* page : all()) page->applySchema(snapshot);
}

void QueryTabs::setEditorFontSize(int points) {
    fontSize_ = points;
    for (QueryPage* page : all()) {
        QFont f = page->editor()->font();
        f.setPointSize(points > 0 ? points : QApplication::font().pointSize());
        page->editor()->setFont(f);
    }
}

void QueryTabs::updateColors() {
    for (QueryPage* page : all()) page->updateColors();
}

}  // namespace deskbase::gui

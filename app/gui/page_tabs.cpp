#include "app/gui/page_tabs.h"

#include <QEvent>
#include <QTabBar>
#include <QTabWidget>

#include "widgets/common/unsaved_work.h"

namespace deskbase::gui {

PageTabs::PageTabs(QTabWidget* tabs, QWidget* dialogParent)
    : QObject(tabs), tabs_(tabs), dialogParent_(dialogParent) {
    tabs_->setDocumentMode(true);
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    tabs_->tabBar()->setElideMode(Qt::ElideRight);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, [this](int i) { close(tabs_->widget(i)); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] { emit titleChanged(current()); });
}

int PageTabs::add(QWidget* page, const QString& title) {
    int index = tabs_->indexOf(page);
    if (index < 0) {
        if (page->windowTitle().isEmpty()) page->setWindowTitle(title);
        page->installEventFilter(this);
        index = tabs_->addTab(page, tabText(page->windowTitle(), page->isWindowModified()));
    }
    tabs_->setCurrentIndex(index);
    return index;
}

void PageTabs::show(QWidget* page) {
    if (const int i = tabs_->indexOf(page); i >= 0) tabs_->setCurrentIndex(i);
}

void PageTabs::setTitle(QWidget* page, const QString& title) {
    page->setWindowTitle(title);  // the WindowTitleChange event updates the tab
}

QList<QWidget*> PageTabs::pages() const {
    QList<QWidget*> out;
    for (int i = 0; i < tabs_->count(); ++i) out << tabs_->widget(i);
    return out;
}

QWidget* PageTabs::current() const {
    return tabs_->currentWidget();
}

bool PageTabs::anyModified() const {
    for (QWidget* page : pages())
        if (page->isWindowModified()) return true;
    return false;
}

QString PageTabs::tabText(const QString& title, bool modified) {
    return modified ? QLatin1Char('*') + title : title;
}

bool PageTabs::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ModifiedChange || event->type() == QEvent::WindowTitleChange) {
        if (auto* page = qobject_cast<QWidget*>(watched); page && tabs_->indexOf(page) >= 0) {
            refreshTab(page);
            if (event->type() == QEvent::ModifiedChange) emit modifiedChanged(anyModified());
        }
    }
    return QObject::eventFilter(watched, event);
}

void PageTabs::refreshTab(QWidget* page) {
    const int i = tabs_->indexOf(page);
    if (i < 0) return;
    tabs_->setTabText(i, tabText(page->windowTitle(), page->isWindowModified()));
    tabs_->setTabToolTip(i, page->windowTitle());
    emit titleChanged(page);
}

bool PageTabs::close(QWidget* page) {
    if (!page || tabs_->indexOf(page) < 0) return false;
    show(page);
    if (!widgets::askToSave(page, dialogParent_, tr("closing it"))) return false;
    remove(page);
    return true;
}

bool PageTabs::mayCloseAll(const QString& action) {
    return widgets::askToSaveAll(pages(), dialogParent_, action, [this](QWidget* p) { show(p); });
}

bool PageTabs::closeAll(const QString& action) {
    if (!mayCloseAll(action)) return false;
    for (QWidget* page : pages()) remove(page);
    return true;
}

void PageTabs::remove(QWidget* page) {
    page->removeEventFilter(this);
    tabs_->removeTab(tabs_->indexOf(page));
    page->deleteLater();
    emit modifiedChanged(anyModified());
    if (tabs_->count() == 0) emit empty();
}

void PageTabs::next() {
    if (tabs_->count() > 1) tabs_->setCurrentIndex((tabs_->currentIndex() + 1) % tabs_->count());
}

void PageTabs::previous() {
    if (tabs_->count() > 1)
        tabs_->setCurrentIndex((tabs_->currentIndex() + tabs_->count() - 1) % tabs_->count());
}

}  // namespace deskbase::gui

#pragma once
// The window's tab area, for every kind of page (query tabs, dashboards): each tab shows its
// page's title (QWidget::windowTitle) with a "*" while the page is modified
// (QWidget::windowModified), a modified page is asked about before it closes
// (widgets::askToSave), and Ctrl+Tab / Ctrl+Shift+Tab move between tabs. Pages are deleted when
// their tab closes.
#include <QList>
#include <QObject>
#include <QString>

class QTabWidget;
class QWidget;

namespace deskbase::gui {

class PageTabs : public QObject {
    Q_OBJECT
public:
    PageTabs(QTabWidget* tabs, QWidget* dialogParent);

    QTabWidget* tabWidget() const { return tabs_; }
    // Adds `page` (or finds it when already there), makes it current and returns its index.
    // `title` is used when the page has no windowTitle of its own.
    int add(QWidget* page, const QString& title);
    void show(QWidget* page);
    void setTitle(QWidget* page, const QString& title);  // the page's windowTitle; the tab follows
    QList<QWidget*> pages() const;
    QWidget* current() const;
    bool anyModified() const;
    static QString tabText(const QString& title, bool modified);  // "*Title" while modified

    // Asks Save / Discard / Cancel when the page is modified, then closes it. False when the
    // user cancelled (the page stays as it was).
    bool close(QWidget* page);
    // Asks about every modified page (each shown in turn) without closing any: the window's close.
    bool mayCloseAll(const QString& action);
    // Asks about every modified page, then closes them all (switching workspace).
    bool closeAll(const QString& action);
    void next();
    void previous();

signals:
    void modifiedChanged(bool anyModified);  // a page's mark changed
    void titleChanged(QWidget* page);        // a page's title or mark changed
    void empty();                            // the last page closed

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshTab(QWidget* page);
    void remove(QWidget* page);

    QTabWidget* tabs_;
    QWidget* dialogParent_;
};

}  // namespace deskbase::gui

#pragma once
// What a query tab shows instead of an empty grid while the workspace has nothing in it yet (no
// tables, questions or dashboards) and nothing has run: how to start — open the demo workspace,
// import files, or drop them on the window.
#include <QWidget>

class QPushButton;

namespace deskbase::gui {

class WelcomePanel : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget* parent = nullptr);
    QPushButton* demoButton() const { return demo_; }
    QPushButton* importButton() const { return import_; }

signals:
    void demoRequested();
    void importRequested();

private:
    QPushButton* demo_;
    QPushButton* import_;
};

}  // namespace deskbase::gui

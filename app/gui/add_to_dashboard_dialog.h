#pragma once
// "Add to dashboard": pick one of the workspace's dashboards, or "New dashboard" with a name.
// The first row is the dashboard added to last (or the first one); Enter accepts.
#include <QDialog>
#include <QString>
#include <vector>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace deskbase::gui {

class AddToDashboardDialog : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        QString path;  // an existing dashboard's file, or empty
        QString name;  // a new dashboard's name when path is empty
    };
    // `dashboards`: (file path, title) pairs; `questionName` is what is being added.
    AddToDashboardDialog(const std::vector<std::pair<QString, QString>>& dashboards,
                         const QString& questionName, const QString& preferredPath,
                         QWidget* parent = nullptr);

    Choice choice() const;
    QListWidget* list() const { return list_; }
    QLineEdit* newName() const { return name_; }
    QPushButton* addButton() const { return add_; }
    void chooseNew(const QString& name);  // selects "New dashboard" with that name
    void choosePath(const QString& path);

private:
    void updateState();

    QListWidget* list_;
    QLineEdit* name_;
    QPushButton* add_;
};

}  // namespace deskbase::gui

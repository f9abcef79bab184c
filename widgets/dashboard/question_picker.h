#pragma once
// "Add question": the workspace's saved questions in a searchable list (name, description and
// file are searched); several can be picked at once. Enter or a double-click adds.
#include <QDialog>
#include <string>
#include <vector>

#include "core/workspace/workspace.h"

QT_BEGIN_NAMESPACE
class QLineEdit;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace deskbase::widgets {

class QuestionPicker : public QDialog {
    Q_OBJECT
public:
    QuestionPicker(const Workspace& workspace, QWidget* parent = nullptr);

    // Question files ("revenue.json") of the selected rows, in list order.
    std::vector<std::string> selectedFiles() const;
    QLineEdit* search() const { return search_; }
    QListWidget* list() const { return list_; }
    QPushButton* addButton() const { return add_; }

private:
    void applySearch();

    QLineEdit* search_;
    QListWidget* list_;
    QPushButton* add_;
};

}  // namespace deskbase::widgets

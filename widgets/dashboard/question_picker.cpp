#include "widgets/dashboard/question_picker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <filesystem>

namespace deskbase::widgets {

namespace {
constexpr int kFileRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;
}  // namespace

QuestionPicker::QuestionPicker(const Workspace& workspace, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Add question cards"));
    setObjectName(QStringLiteral("questionPicker"));
    resize(520, 480);
    auto* layout = new QVBoxLayout(this);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search questions"));
    search_->setClearButtonEnabled(true);
    layout->addWidget(search_);
    list_ = new QListWidget(this);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    for (const auto& q : workspace.questions()) {
        const QString file = QString::fromStdString(std::filesystem::path(q.file).filename().string());
        const QString name =
            QString::fromStdString(q.question.name.empty() ? file.toStdString() : q.question.name);
        const QString description = QString::fromStdString(q.question.description);
        auto* item = new QListWidgetItem(
            description.isEmpty() ? name : name + QStringLiteral("\n") + description, list_);
        item->setData(kFileRole, file);
        item->setData(kSearchRole, QStringList{name, description, file}.join(QLatin1Char(' ')));
        item->setToolTip(file);
    }
    layout->addWidget(list_, 1);
    auto* hint =
        new QLabel(tr("Ctrl+click or Shift+click picks several. Each lands in the first free place."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    add_ = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    add_->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(search_, &QLineEdit::textChanged, this, &QuestionPicker::applySearch);
    connect(list_, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(list_, &QListWidget::itemSelectionChanged, this,
            [this] { add_->setEnabled(!list_->selectedItems().isEmpty()); });
    // Down from the search field walks the list; Enter adds what is selected.
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (list_->selectedItems().isEmpty())
            for (int i = 0; i < list_->count(); ++i)
                if (!list_->item(i)->isHidden()) {
                    list_->item(i)->setSelected(true);
                    break;
                }
        if (!list_->selectedItems().isEmpty()) accept();
    });
    add_->setEnabled(false);
    search_->setFocus();
}

void QuestionPicker::applySearch() {
    const QStringList words = search_->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < list_->count(); ++i) {
        QListWidgetItem* item = list_->item(i);
        const QString haystack = item->data(kSearchRole).toString();
        bool match = true;
        for (const QString& w : words) match = match && haystack.contains(w, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (!match) item->setSelected(false);
    }
}

std::vector<std::string> QuestionPicker::selectedFiles() const {
    std::vector<std::string> out;
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->isSelected() && !list_->item(i)->isHidden())
            out.push_back(list_->item(i)->data(kFileRole).toString().toStdString());
    return out;
}

}  // namespace deskbase::widgets

#include "app/gui/add_to_dashboard_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace deskbase::gui {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;  // empty on the "New dashboard" row
}

AddToDashboardDialog::AddToDashboardDialog(const std::vector<std::pair<QString, QString>>& dashboards,
                                           const QString& questionName, const QString& preferredPath,
                                           QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Add to dashboard"));
    setObjectName(QStringLiteral("addToDashboard"));
    resize(420, 380);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Add “%1” to:").arg(questionName), this));
    list_ = new QListWidget(this);
    auto* fresh = new QListWidgetItem(tr("New dashboard…"), list_);
    fresh->setData(kPathRole, QString());
    QFont f = fresh->font();
    f.setItalic(true);
    fresh->setFont(f);
    for (const auto& [path, title] : dashboards) {
        auto* item = new QListWidgetItem(title, list_);
        item->setData(kPathRole, path);
        item->setToolTip(path);
    }
    layout->addWidget(list_, 1);
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("Name of the new dashboard"));
    layout->addWidget(name_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    add_ = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    add_->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(list_, &QListWidget::currentRowChanged, this, &AddToDashboardDialog::updateState);
    connect(list_, &QListWidget::itemDoubleClicked, this, [this] {
        if (add_->isEnabled()) accept();
    });
    connect(name_, &QLineEdit::textChanged, this, &AddToDashboardDialog::updateState);
    connect(name_, &QLineEdit::textEdited, this, [this] { list_->setCurrentRow(0); });
    if (dashboards.empty())
        list_->setCurrentRow(0);
    else
        choosePath(preferredPath.isEmpty() ? dashboards.front().first : preferredPath);
    if (list_->currentRow() < 0) list_->setCurrentRow(1);
    updateState();
    (list_->currentRow() == 0 ? static_cast<QWidget*>(name_) : list_)->setFocus();
}

void AddToDashboardDialog::chooseNew(const QString& name) {
    list_->setCurrentRow(0);
    name_->setText(name);
}

void AddToDashboardDialog::choosePath(const QString& path) {
    for (int i = 1; i < list_->count(); ++i)
        if (list_->item(i)->data(kPathRole).toString() == path) list_->setCurrentRow(i);
}

void AddToDashboardDialog::updateState() {
    const bool isNew = list_->currentRow() == 0;
    name_->setEnabled(true);
    add_->setEnabled(list_->currentRow() > 0 || (isNew && !name_->text().trimmed().isEmpty()));
    add_->setText(isNew ? tr("Create and add") : tr("Add"));
}

AddToDashboardDialog::Choice AddToDashboardDialog::choice() const {
    const QListWidgetItem* item = list_->currentItem();
    if (item && !item->data(kPathRole).toString().isEmpty()) return {item->data(kPathRole).toString(), {}};
    return {{}, name_->text().trimmed()};
}

}  // namespace deskbase::gui

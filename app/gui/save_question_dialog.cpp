#include "app/gui/save_question_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace deskbase::gui {

namespace {
// "min_price = 100, region = north" for the values that differ from the declared defaults.
QString changedValues(const std::vector<Parameter>& parameters, const ParameterValues& values) {
    QStringList parts;
    for (const Parameter& p : parameters) {
        auto it = values.find(p.name);
        if (it == values.end() || it->second.empty() || it->second == defaultValueTexts(p)) continue;
        QStringList texts;
        for (const auto& t : it->second) texts << QString::fromStdString(t);
        parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(p.name),
                                               texts.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}
}  // namespace

SaveQuestionDialog::SaveQuestionDialog(const QString& name, const std::vector<Parameter>& parameters,
                                       const ParameterValues& values, QWidget* parent)
    : QDialog(parent), name_(new QLineEdit(name, this)), defaults_(new QCheckBox(this)) {
    setObjectName(QStringLiteral("saveQuestionDialog"));
    setWindowTitle(tr("Save as question"));
    name_->setObjectName(QStringLiteral("questionName"));
    name_->setPlaceholderText(tr("e.g. Revenue by month"));
    name_->setMinimumWidth(320);
    name_->selectAll();
    const QString changed = changedValues(parameters, values);
    defaults_->setObjectName(QStringLiteral("valuesAsDefaults"));
    defaults_->setText(tr("Make the values typed now the defaults (%1)").arg(changed));
    defaults_->setChecked(false);
    defaults_->setVisible(!changed.isEmpty());

    auto* form = new QFormLayout;
    form->addRow(tr("Question name:"), name_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton* save = buttons->button(QDialogButtonBox::Save);
    save->setEnabled(!name.trimmed().isEmpty());
    connect(name_, &QLineEdit::textChanged, save,
            [save](const QString& t) { save->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(defaults_);
    layout->addWidget(buttons);
}

QString SaveQuestionDialog::name() const {
    return name_->text().trimmed();
}

bool SaveQuestionDialog::valuesAsDefaults() const {
    return !defaults_->isHidden() && defaults_->isChecked();
}

}  // namespace deskbase::gui

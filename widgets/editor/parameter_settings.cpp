#include "widgets/editor/parameter_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/question/parameter_defaults.h"

namespace deskbase::widgets {

namespace {
constexpr Parameter::Type kTypes[] = {Parameter::Type::Text, Parameter::Type::Number, Parameter::Type::Date,
                                      Parameter::Type::Boolean};

QString joinedTexts(const Parameter& p) {
    QStringList parts;
    for (const auto& t : defaultValueTexts(p)) parts << QString::fromStdString(t);
    return parts.join(QStringLiteral(", "));
}
}  // namespace

QString ParameterSettingsDialog::typeLabel(Parameter::Type type) {
    switch (type) {
        case Parameter::Type::Text:
            return tr("Text");
        case Parameter::Type::Number:
            return tr("Number");
        case Parameter::Type::Date:
            return tr("Date");
        case Parameter::Type::Boolean:
            return tr("Boolean");
    }
    return tr("Text");
}

ParameterSettingsDialog::ParameterSettingsDialog(const Parameter& parameter, QWidget* parent)
    : QDialog(parent),
      name_(parameter.name),
      type_(new QComboBox(this)),
      label_(new QLineEdit(this)),
      multi_(new QCheckBox(tr("Several values (comma-separated, for IN (…))"), this)),
      required_(new QCheckBox(tr("Required: the question does not run without a value"), this)),
      default_(new QLineEdit(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("parameterSettingsDialog"));
    setWindowTitle(tr("Parameter {{%1}}").arg(QString::fromStdString(parameter.name)));
    for (Parameter::Type t : kTypes) type_->addItem(typeLabel(t), int(t));
    type_->setCurrentIndex(type_->findData(int(parameter.type)));
    label_->setText(QString::fromStdString(parameter.label));
    label_->setPlaceholderText(QString::fromStdString(parameter.name));
    multi_->setChecked(parameter.multiValue);
    required_->setChecked(parameter.required);
    default_->setText(joinedTexts(parameter));
    default_->setPlaceholderText(tr("none"));
    problem_->setObjectName(QStringLiteral("parameterProblem"));
    problem_->setStyleSheet(QStringLiteral("QLabel { color: #d64545; }"));
    problem_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Type:"), type_);
    form->addRow(QString(), multi_);
    form->addRow(tr("Label:"), label_);
    form->addRow(QString(), required_);
    form->addRow(tr("Default:"), default_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(type_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ParameterSettingsDialog::validate);
    connect(multi_, &QCheckBox::toggled, this, &ParameterSettingsDialog::validate);
    connect(default_, &QLineEdit::textChanged, this, &ParameterSettingsDialog::validate);
    validate();
}

Parameter ParameterSettingsDialog::parameter() const {
    Parameter p;
    p.name = name_;
    p.type = Parameter::Type(type_->currentData().toInt());
    p.label = label_->text().trimmed().toStdString();
    p.multiValue = multi_->isChecked() && p.type != Parameter::Type::Boolean;
    p.required = required_->isChecked();
    auto d = defaultFromTexts(p, parameterTexts(p, default_->text().toStdString()));
    p.defaultValue = d ? *d : nlohmann::json();
    return p;
}

QString ParameterSettingsDialog::problemText() const {
    return problem_->text();
}

void ParameterSettingsDialog::validate() {
    const bool boolean = Parameter::Type(type_->currentData().toInt()) == Parameter::Type::Boolean;
    multi_->setEnabled(!boolean);
    Parameter p;
    p.name = name_;
    p.type = Parameter::Type(type_->currentData().toInt());
    p.multiValue = multi_->isChecked() && !boolean;
    const auto d = defaultFromTexts(p, parameterTexts(p, default_->text().toStdString()));
    problem_->setText(d ? QString() : tr("Default: %1").arg(QString::fromStdString(d.message())));
    problem_->setVisible(!d);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(d.isOk());
}

}  // namespace deskbase::widgets

#include "widgets/editor/parameter_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include "core/question/parameter_defaults.h"
#include "core/sql/sql_template.h"
#include "widgets/editor/parameter_settings.h"

namespace deskbase::widgets {

namespace {
QString placeholderFor(const Parameter& p) {
    if (p.multiValue) return QObject::tr("a, b, c");
    switch (p.type) {
        case Parameter::Type::Number:
            return QObject::tr("number");
        case Parameter::Type::Date:
            return QObject::tr("YYYY-MM-DD");
        default:
            return QString::fromStdString(p.name);
    }
}

QString joinedDefault(const Parameter& p) {
    QStringList parts;
    for (const auto& t : defaultValueTexts(p)) parts << QString::fromStdString(t);
    return parts.join(QStringLiteral(", "));
}
}  // namespace

ParameterBar::ParameterBar(QWidget* parent) : QWidget(parent), layout_(new QHBoxLayout(this)) {
    setObjectName(QStringLiteral("parameterBar"));
    layout_->setContentsMargins(4, 2, 4, 2);
    layout_->addStretch(1);
    setVisible(false);
}

bool ParameterBar::setSqlTemplate(const QString& sql) {
    auto parsed = templateParameterNames(sql.toStdString(), Dialect::sqlite());
    if (!parsed) return false;
    QStringList names;
    for (const auto& n : *parsed) names << QString::fromStdString(n);
    if (names != names_) {
        names_ = names;
        rebuild();
    }
    return true;
}

void ParameterBar::setDeclared(const std::vector<Parameter>& declared) {
    rememberValues();
    declared_ = declared;
    for (const auto& p : declared_)
        if (!p.defaultValue.is_null()) remembered_[QString::fromStdString(p.name)] = joinedDefault(p);
    inputs_.clear();  // the values come from the declarations, not the inputs being replaced
    rebuild();
}

void ParameterBar::setParameter(const Parameter& parameter) {
    rememberValues();
    auto it = std::find_if(declared_.begin(), declared_.end(),
                           [&](const Parameter& d) { return d.name == parameter.name; });
    if (it != declared_.end())
        *it = parameter;
    else
        declared_.push_back(parameter);
    rebuild();
    emit declarationsChanged();
}

bool ParameterBar::editSettings(const QString& name) {
    ParameterSettingsDialog dialog(parameterFor(name), this);
    if (dialog.exec() != QDialog::Accepted) return false;
    const Parameter edited = dialog.parameter();
    if (edited == parameterFor(name)) return false;
    setParameter(edited);
    return true;
}

Parameter ParameterBar::parameterFor(const QString& name) const {
    for (const auto& d : declared_)
        if (QString::fromStdString(d.name) == name) return d;
    Parameter p;
    p.name = name.toStdString();
    return p;
}

QLineEdit* ParameterBar::field(const QString& name) const {
    auto it = inputs_.find(name);
    return it == inputs_.end() ? nullptr : qobject_cast<QLineEdit*>(it->second);
}

QComboBox* ParameterBar::choice(const QString& name) const {
    auto it = inputs_.find(name);
    return it == inputs_.end() ? nullptr : qobject_cast<QComboBox*>(it->second);
}

QToolButton* ParameterBar::settingsButton(const QString& name) const {
    auto it = buttons_.find(name);
    return it == buttons_.end() ? nullptr : it->second;
}

QString ParameterBar::value(const QString& name) const {
    if (QLineEdit* edit = field(name)) return edit->text();
    if (QComboBox* combo = choice(name)) return combo->currentData().toString();
    return {};
}

void ParameterBar::setValue(const QString& name, const QString& text) {
    if (QLineEdit* edit = field(name)) edit->setText(text);
    if (QComboBox* combo = choice(name)) {
        const auto v = typedParameterValue(parameterFor(name), text.toStdString());
        const QString key = !v                   ? QString()
                            : std::get<bool>(*v) ? QStringLiteral("true")
                                                 : QStringLiteral("false");
        combo->setCurrentIndex(std::max(0, combo->findData(key)));
    }
}

void ParameterBar::rememberValues() {
    for (const auto& [name, input] : inputs_) remembered_[name] = value(name);
}

void ParameterBar::rebuild() {
    rememberValues();
    inputs_.clear();
    buttons_.clear();
    while (QLayoutItem* item = layout_->takeAt(0)) {
        if (QWidget* w = item->widget()) w->deleteLater();
        delete item;
    }
    for (const QString& name : names_) {
        const Parameter p = parameterFor(name);
        QString label = QString::fromStdString(p.displayLabel());
        if (p.required) label += QLatin1Char('*');
        auto* caption = new QLabel(label + QLatin1Char(':'), this);
        caption->setToolTip(tr("{{%1}}: %2%3")
                                .arg(name, ParameterSettingsDialog::typeLabel(p.type).toLower(),
                                     p.multiValue ? tr(", several values") : QString()));
        layout_->addWidget(caption);
        QWidget* input = nullptr;
        if (p.type == Parameter::Type::Boolean) {
            auto* combo = new QComboBox(this);
            combo->addItem(tr("(not set)"), QString());
            combo->addItem(tr("true"), QStringLiteral("true"));
            combo->addItem(tr("false"), QStringLiteral("false"));
            input = combo;
        } else {
            auto* edit = new QLineEdit(this);
            edit->setPlaceholderText(placeholderFor(p));
            edit->setMinimumWidth(120);
            connect(edit, &QLineEdit::returnPressed, this, &ParameterBar::runRequested);
            connect(edit, &QLineEdit::textChanged, this, [this, name] { checkValue(name); });
            input = edit;
        }
        input->setObjectName(QStringLiteral("param_") + name);
        layout_->addWidget(input);
        inputs_[name] = input;
        setValue(name, remembered_[name]);
        checkValue(name);
        auto* settings = new QToolButton(this);
        settings->setObjectName(QStringLiteral("paramSettings_") + name);
        settings->setText(QStringLiteral("⚙"));
        settings->setAutoRaise(true);
        settings->setToolTip(tr("Type, label, required, default of {{%1}}").arg(name));
        connect(settings, &QToolButton::clicked, this, [this, name] { editSettings(name); });
        layout_->addWidget(settings);
        buttons_[name] = settings;
        layout_->addSpacing(8);
    }
    layout_->addStretch(1);
    setVisible(!names_.isEmpty());
}

void ParameterBar::checkValue(const QString& name) {
    QLineEdit* edit = field(name);
    if (!edit) return;
    const Parameter p = parameterFor(name);
    QString problem;
    for (const auto& t : parameterTexts(p, edit->text().toStdString()))
        if (auto v = typedParameterValue(p, t); !v) problem = QString::fromStdString(v.message());
    edit->setStyleSheet(problem.isEmpty() ? QString()
                                          : QStringLiteral("QLineEdit { border: 1px solid #d64545; }"));
    edit->setToolTip(problem);
}

ParameterValues ParameterBar::values() const {
    ParameterValues out;
    for (const QString& name : names_) {
        auto texts = parameterTexts(parameterFor(name), value(name).toStdString());
        if (!texts.empty()) out[name.toStdString()] = std::move(texts);
    }
    return out;
}

std::vector<Parameter> ParameterBar::parametersInUse() const {
    std::vector<Parameter> out;
    for (const QString& name : names_) out.push_back(parameterFor(name));
    return out;
}

}  // namespace deskbase::widgets

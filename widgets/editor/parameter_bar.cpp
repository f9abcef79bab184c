#include "widgets/editor/parameter_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include "core/sql/sql_template.h"

namespace deskbase::widgets {

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
    declared_ = declared;
    for (const auto& p : declared_) {
        if (p.defaultValue.is_null()) continue;
        QString text;
        if (p.defaultValue.is_array()) {
            QStringList parts;
            for (const auto& v : p.defaultValue)
                parts << QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
            text = parts.join(QStringLiteral(", "));
        } else {
            text = QString::fromStdString(p.defaultValue.is_string() ? p.defaultValue.get<std::string>()
                                                                     : p.defaultValue.dump());
        }
        remembered_[QString::fromStdString(p.name)] = text;
    }
    rebuild();
}

QLineEdit* ParameterBar::field(const QString& name) const {
    auto it = fields_.find(name);
    return it == fields_.end() ? nullptr : it->second;
}

void ParameterBar::rebuild() {
    for (const auto& [name, edit] : fields_) remembered_[name] = edit->text();
    fields_.clear();
    while (QLayoutItem* item = layout_->takeAt(0)) {
        if (QWidget* w = item->widget()) w->deleteLater();
        delete item;
    }
    for (const QString& name : names_) {
        QString label = name;
        for (const auto& p : declared_)
            if (QString::fromStdString(p.name) == name) label = QString::fromStdString(p.displayLabel());
        layout_->addWidget(new QLabel(label + QLatin1Char(':'), this));
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("param_") + name);
        edit->setPlaceholderText(name);
        edit->setText(remembered_[name]);
        edit->setMinimumWidth(120);
        connect(edit, &QLineEdit::returnPressed, this, &ParameterBar::runRequested);
        layout_->addWidget(edit);
        fields_[name] = edit;
    }
    layout_->addStretch(1);
    setVisible(!names_.isEmpty());
}

ParameterValues ParameterBar::values() const {
    ParameterValues out;
    for (const auto& [name, edit] : fields_) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) continue;
        bool multi = false;
        for (const auto& p : declared_)
            if (QString::fromStdString(p.name) == name) multi = p.multiValue;
        auto& list = out[name.toStdString()];
        if (multi) {
            for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                list.push_back(part.trimmed().toStdString());
        } else {
            list.push_back(text.toStdString());
        }
    }
    return out;
}

std::vector<Parameter> ParameterBar::parametersInUse() const {
    std::vector<Parameter> out;
    for (const QString& name : names_) {
        Parameter p;
        p.name = name.toStdString();
        for (const auto& d : declared_)
            if (d.name == p.name) p = d;
        out.push_back(p);
    }
    return out;
}

}  // namespace deskbase::widgets

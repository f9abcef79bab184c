#include "widgets/dashboard/filter_value_editor.h"

#include <QAction>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <algorithm>

namespace deskbase::widgets {

namespace {
QString joinValues(const std::vector<std::string>& v) {
    QStringList parts;
    for (const auto& s : v) parts << QString::fromStdString(s);
    return parts.join(QStringLiteral(", "));
}
}  // namespace

FilterValueEditor::FilterValueEditor(const dashboard::Filter& f, QWidget* parent)
    : QWidget(parent), filter_(f) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    switch (f.type) {
        case dashboard::FilterType::Text:
        case dashboard::FilterType::Number: {
            auto* edit = new QLineEdit(this);
            edit->setClearButtonEnabled(true);
            edit->setPlaceholderText(tr("any"));
            edit->setMaximumWidth(160);
            if (f.type == dashboard::FilterType::Number) {
                auto* number = new QDoubleValidator(edit);
                number->setLocale(QLocale::c());  // the value is bound as written: 1234.5
                edit->setValidator(number);
            }
            read_ = [edit] {
                const std::string v = edit->text().trimmed().toStdString();
                return v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v};
            };
            connect(edit, &QLineEdit::editingFinished, this, [this] { emit valueEdited(read_()); });
            row->addWidget(edit);
            first_ = edit;
            edit->setObjectName(QStringLiteral("filterValue"));
            show_ = [edit](const std::vector<std::string>& v) {
                edit->setText(v.empty() ? QString() : QString::fromStdString(v[0]));
            };
            break;
        }
        case dashboard::FilterType::DateRange: {
            auto* from = new QLineEdit(this);
            auto* to = new QLineEdit(this);
            const auto* dateValidator = new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral(R"(\d{0,4}(-\d{0,2}(-\d{0,2})?)?)")), this);
            for (auto* edit : {from, to}) {
                edit->setValidator(dateValidator);
                edit->setMaximumWidth(110);
                edit->setClearButtonEnabled(true);
            }
            from->setPlaceholderText(tr("from YYYY-MM-DD"));
            to->setPlaceholderText(tr("to YYYY-MM-DD"));
            read_ = [from, to] {
                const std::string a = from->text().trimmed().toStdString(),
                                  b = to->text().trimmed().toStdString();
                return a.empty() && b.empty() ? std::vector<std::string>{} : std::vector<std::string>{a, b};
            };
            connect(from, &QLineEdit::editingFinished, this, [this] { emit valueEdited(read_()); });
            connect(to, &QLineEdit::editingFinished, this, [this] { emit valueEdited(read_()); });
            row->addWidget(from);
            row->addWidget(new QLabel(QStringLiteral("–"), this));
            row->addWidget(to);
            first_ = from;
            from->setObjectName(QStringLiteral("filterFrom"));
            to->setObjectName(QStringLiteral("filterTo"));
            show_ = [from, to](const std::vector<std::string>& v) {
                from->setText(v.size() > 0 ? QString::fromStdString(v[0]) : QString());
                to->setText(v.size() > 1 ? QString::fromStdString(v[1]) : QString());
            };
            break;
        }
        case dashboard::FilterType::List: {
            auto* button = new QToolButton(this);
            button->setPopupMode(QToolButton::InstantPopup);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            // Fusion draws the popup arrow over short text ("All"): keep room for it.
            button->setStyleSheet(QStringLiteral("QToolButton { padding: 2px 20px 2px 8px; }"));
            button->setMinimumWidth(64);
            auto* menu = new QMenu(button);
            auto* all = menu->addAction(tr("All"));
            menu->addSeparator();
            QList<QAction*> choices;
            for (const auto& o : f.options) {
                auto* a = menu->addAction(QString::fromStdString(o));
                a->setCheckable(true);
                choices << a;
            }
            button->setMenu(menu);
            read_ = [choices] {
                std::vector<std::string> v;
                for (auto* a : choices)
                    if (a->isChecked()) v.push_back(a->text().toStdString());
                return v;
            };
            auto showText = [button](const std::vector<std::string>& v) {
                button->setText(v.empty() ? tr("All") : joinValues(v));
            };
            for (auto* a : choices)
                connect(a, &QAction::triggered, this, [this, showText] {
                    showText(read_());
                    emit valueEdited(read_());
                });
            connect(all, &QAction::triggered, this, [this, choices, showText] {
                for (auto* a : choices) a->setChecked(false);
                showText({});
                emit valueEdited({});
            });
            row->addWidget(button);
            first_ = button;
            button->setObjectName(QStringLiteral("filterChoices"));
            show_ = [choices, showText](const std::vector<std::string>& v) {
                for (auto* a : choices)
                    a->setChecked(std::find(v.begin(), v.end(), a->text().toStdString()) != v.end());
                showText(v);
            };
            break;
        }
    }
    setFocusProxy(first_);
    show_({});
}

void FilterValueEditor::setValue(const std::vector<std::string>& value) {
    const QSignalBlocker block(this);
    show_(value);
}

std::vector<std::string> FilterValueEditor::value() const {
    return read_();
}

}  // namespace deskbase::widgets

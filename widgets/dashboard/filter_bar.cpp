#include "widgets/dashboard/filter_bar.h"

#include <QAction>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace deskbase::widgets {

namespace {
QString joinValues(const std::vector<std::string>& v) {
    QStringList parts;
    for (const auto& s : v) parts << QString::fromStdString(s);
    return parts.join(QStringLiteral(", "));
}
}  // namespace

FilterBar::FilterBar(QWidget* parent) : QWidget(parent) {
    layout_ = new QHBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(8);
}

QWidget* FilterBar::editor(const std::string& filterId) const {
    for (const auto& e : editors_)
        if (e.filter.id == filterId) return e.widget;
    return nullptr;
}

void FilterBar::setFilters(const std::vector<dashboard::Filter>& filters,
                           const dashboard::FilterValues& values) {
    while (QLayoutItem* item = layout_->takeAt(0)) {
        if (item->widget()) item->widget()->deleteLater();
        delete item;
    }
    editors_.clear();
    for (const auto& f : filters) {
        Editor e;
        e.filter = f;
        auto* box = new QWidget(this);
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        auto* label = new QLabel(QString::fromStdString(f.label.empty() ? f.id : f.label), box);
        row->addWidget(label);
        const std::string id = f.id;
        switch (f.type) {
            case dashboard::FilterType::Text:
            case dashboard::FilterType::Number: {
                auto* edit = new QLineEdit(box);
                edit->setClearButtonEnabled(true);
                edit->setPlaceholderText(tr("any"));
                edit->setMaximumWidth(160);
                if (f.type == dashboard::FilterType::Number) edit->setValidator(new QDoubleValidator(edit));
                connect(edit, &QLineEdit::editingFinished, this, [this, id, edit] {
                    const std::string v = edit->text().trimmed().toStdString();
                    emit filterChanged(id,
                                       v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v});
                });
                row->addWidget(edit);
                e.widget = edit;
                e.show = [edit](const std::vector<std::string>& v) {
                    edit->setText(v.empty() ? QString() : QString::fromStdString(v[0]));
                };
                break;
            }
            case dashboard::FilterType::DateRange: {
                auto* from = new QLineEdit(box);
                auto* to = new QLineEdit(box);
                const auto* dateValidator = new QRegularExpressionValidator(
                    QRegularExpression(QStringLiteral(R"(\d{0,4}(-\d{0,2}(-\d{0,2})?)?)")), box);
                for (auto* edit : {from, to}) {
                    edit->setValidator(dateValidator);
                    edit->setMaximumWidth(110);
                    edit->setClearButtonEnabled(true);
                }
                from->setPlaceholderText(tr("from YYYY-MM-DD"));
                to->setPlaceholderText(tr("to YYYY-MM-DD"));
                auto commit = [this, id, from, to] {
                    const std::string a = from->text().trimmed().toStdString(),
                                      b = to->text().trimmed().toStdString();
                    emit filterChanged(id, a.empty() && b.empty() ? std::vector<std::string>{}
                                                                  : std::vector<std::string>{a, b});
                };
                connect(from, &QLineEdit::editingFinished, this, commit);
                connect(to, &QLineEdit::editingFinished, this, commit);
                row->addWidget(from);
                row->addWidget(new QLabel(QStringLiteral("–"), box));
                row->addWidget(to);
                e.widget = from;
                e.show = [from, to](const std::vector<std::string>& v) {
                    from->setText(v.size() > 0 ? QString::fromStdString(v[0]) : QString());
                    to->setText(v.size() > 1 ? QString::fromStdString(v[1]) : QString());
                };
                break;
            }
            case dashboard::FilterType::List: {
                auto* button = new QToolButton(box);
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
                auto current = [choices] {
                    std::vector<std::string> v;
                    for (auto* a : choices)
                        if (a->isChecked()) v.push_back(a->text().toStdString());
                    return v;
                };
                auto showText = [button](const std::vector<std::string>& v) {
                    button->setText(v.empty() ? tr("All") : joinValues(v));
                };
                for (auto* a : choices)
                    connect(a, &QAction::triggered, this, [this, id, current, showText] {
                        showText(current());
                        emit filterChanged(id, current());
                    });
                connect(all, &QAction::triggered, this, [this, id, choices, showText] {
                    for (auto* a : choices) a->setChecked(false);
                    showText({});
                    emit filterChanged(id, {});
                });
                row->addWidget(button);
                e.widget = button;
                e.show = [choices, showText](const std::vector<std::string>& v) {
                    for (auto* a : choices)
                        a->setChecked(std::find(v.begin(), v.end(), a->text().toStdString()) != v.end());
                    showText(v);
                };
                break;
            }
        }
        layout_->addWidget(box);
        editors_.push_back(std::move(e));
    }
    layout_->addStretch(1);
    setValues(values);
}

void FilterBar::setValues(const dashboard::FilterValues& values) {
    for (auto& e : editors_) {
        auto it = values.find(e.filter.id);
        const QSignalBlocker block(e.widget);
        e.show(it == values.end() ? std::vector<std::string>{} : it->second);
    }
}

}  // namespace deskbase::widgets

#include "widgets/dashboard/filter_wiring.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/dashboard/filter_editing.h"
#include "widgets/common/wheel_guard.h"

namespace deskbase::widgets {

namespace {
QString typeName(Parameter::Type t) {
    return QString::fromStdString(parameterTypeName(t));
}

// "— not wired —" then each parameter as "Label (name, type)"; the data is the name.
QComboBox* parameterCombo(const std::vector<dashboard::WireableParameter>& params, const std::string& current,
                          const QString& none, QWidget* parent) {
    auto* box = new QComboBox(parent);
    // A wheel over the box scrolls the panel; it changed (and silently wired) the box before.
    box->setFocusPolicy(Qt::StrongFocus);
    box->installEventFilter(new WheelGuard(box));
    box->addItem(none, QString());
    for (const auto& p : params) {
        const QString name = QString::fromStdString(p.name);
        const QString label = QString::fromStdString(p.label);
        box->addItem(label == name ? QStringLiteral("%1 (%2)").arg(name, typeName(p.type))
                                   : QStringLiteral("%1 (%2, %3)").arg(label, name, typeName(p.type)),
                     name);
    }
    const int i = box->findData(QString::fromStdString(current));
    if (i >= 0) {
        box->setCurrentIndex(i);
    } else if (!current.empty()) {
        // A parameter the question no longer has stays visible, so the user sees what to fix.
        box->addItem(QObject::tr("%1 (missing)").arg(QString::fromStdString(current)),
                     QString::fromStdString(current));
        box->setCurrentIndex(box->count() - 1);
    }
    return box;
}
}  // namespace

FilterWiring::FilterWiring(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    grid_ = new QGridLayout;
    grid_->setColumnStretch(1, 1);
    layout->addLayout(grid_);
    wireMatching_ = new QPushButton(tr("Wire matching cards"), this);
    wireMatching_->setObjectName(QStringLiteral("wireMatching"));
    wireMatching_->setToolTip(
        tr("Wire every card not wired yet whose question has a parameter named like "
           "this filter (start/end for date ranges)"));
    connect(wireMatching_, &QPushButton::clicked, this, &FilterWiring::wireMatchingRequested);
    layout->addWidget(wireMatching_, 0, Qt::AlignLeft);
}

void FilterWiring::clear() {
    while (QLayoutItem* item = grid_->takeAt(0)) {
        if (item->widget()) item->widget()->deleteLater();
        delete item;
    }
    rows_.clear();
}

void FilterWiring::show(const Workspace& ws, const dashboard::Dashboard& d, const dashboard::Filter& filter,
                        const std::map<std::string, QString>& titles) {
    clear();
    filter_ = filter;
    const bool range = filter.type == dashboard::FilterType::DateRange;
    int r = 0;
    for (const auto& c : d.cards) {
        if (c.isText()) continue;
        auto title = titles.find(c.id);
        auto* name = new QLabel(
            title != titles.end() && !title->second.isEmpty() ? title->second : QString::fromStdString(c.id),
            this);
        name->setToolTip(QString::fromStdString(c.question));
        grid_->addWidget(name, r, 0, 1, 2);
        ++r;
        const auto params = dashboard::wireableParameters(ws, c);
        const dashboard::FilterTarget* t = dashboard::targetOn(filter, c.id);
        Row row{c.id};
        row.start = parameterCombo(params, t ? t->parameter : std::string(),
                                   range ? tr("— start not wired —") : tr("— not wired —"), this);
        row.start->setObjectName(QStringLiteral("wire_%1").arg(QString::fromStdString(c.id)));

        grid_->addWidget(new QLabel(range ? tr("from") : tr("→"), this), r, 0);
        grid_->addWidget(row.start, r, 1);
        connect(row.start, &QComboBox::activated, this, &FilterWiring::commit);
        ++r;
        if (range) {
            row.end =
                parameterCombo(params, t ? t->parameterEnd : std::string(), tr("— end not wired —"), this);
            row.end->setObjectName(QStringLiteral("wire_%1_end").arg(QString::fromStdString(c.id)));
            grid_->addWidget(new QLabel(tr("to"), this), r, 0);
            grid_->addWidget(row.end, r, 1);
            connect(row.end, &QComboBox::activated, this, &FilterWiring::commit);
            ++r;
        }
        if (params.empty()) {  // the box says why there is nothing to pick, not just "not wired"
            row.start->setItemText(0, tr("— no parameters in its question —"));
            row.start->setEnabled(false);
            if (row.end) row.end->setEnabled(false);
            row.start->setToolTip(tr("This card's question has no parameters to filter on."));
        }
        rows_.push_back(row);
    }
    if (rows_.empty()) grid_->addWidget(new QLabel(tr("Add a question card first."), this), 0, 0, 1, 2);
}

QComboBox* FilterWiring::parameterBox(const std::string& cardId, bool end) const {
    for (const auto& row : rows_)
        if (row.cardId == cardId) return end ? row.end : row.start;
    return nullptr;
}

void FilterWiring::commit() {
    dashboard::Filter f = filter_;
    for (const auto& row : rows_) {
        const std::string start = row.start->currentData().toString().toStdString();
        const std::string end = row.end ? row.end->currentData().toString().toStdString() : std::string();
        dashboard::setTarget(f, row.cardId, start, end);
    }
    if (f == filter_) return;
    filter_ = f;
    emit wiringEdited(f);
}

}  // namespace deskbase::widgets

#include "widgets/dashboard/filter_bar.h"

#include <QHBoxLayout>
#include <QLabel>

#include "widgets/charts/chart_palette.h"
#include "widgets/dashboard/filter_value_editor.h"

namespace deskbase::widgets {

FilterBar::FilterBar(QWidget* parent) : QWidget(parent) {
    layout_ = new QHBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(8);
}

QWidget* FilterBar::editor(const std::string& filterId) const {
    for (const auto& e : entries_)
        if (e.id == filterId) return e.editor->focusWidget();
    return nullptr;
}

QWidget* FilterBar::unwiredNote(const std::string& filterId) const {
    for (const auto& e : entries_)
        if (e.id == filterId) return e.note;
    return nullptr;
}

void FilterBar::setFilters(const std::vector<dashboard::Filter>& filters,
                           const dashboard::FilterValues& values) {
    while (QLayoutItem* item = layout_->takeAt(0)) {
        if (item->widget()) {
            item->widget()->hide();
            item->widget()->deleteLater();
        }
        delete item;
    }
    entries_.clear();
    for (const auto& f : filters) {
        auto* box = new QWidget(this);
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        row->addWidget(new QLabel(QString::fromStdString(f.label.empty() ? f.id : f.label), box));
        Entry e{f.id, new FilterValueEditor(f, box), nullptr};
        row->addWidget(e.editor);
        if (f.targets.empty()) {
            auto* note = new QLabel(tr("not wired to any card"), box);
            note->setToolTip(
                tr("This filter changes nothing until it is wired to a card's parameter "
                   "(Edit → the filter → Cards it filters)."));
            QPalette pal = note->palette();
            pal.setColor(QPalette::WindowText, currentChartColors().mutedText);
            note->setPalette(pal);
            QFont font = note->font();
            font.setItalic(true);
            note->setFont(font);
            row->addWidget(note);
            e.note = note;
        }
        connect(e.editor, &FilterValueEditor::valueEdited, this,
                [this, id = f.id](const std::vector<std::string>& v) { emit filterChanged(id, v); });
        layout_->addWidget(box);
        // Shown now, not by the layout's queued show: meanwhile the bar had no height, the
        // dashboard's viewport grew, and a view scrolled to the bottom lost its place.
        box->show();
        entries_.push_back(e);
    }
    layout_->addStretch(1);
    setValues(values);
}

void FilterBar::setValues(const dashboard::FilterValues& values) {
    for (auto& e : entries_) {
        auto it = values.find(e.id);
        e.editor->setValue(it == values.end() ? std::vector<std::string>{} : it->second);
    }
}

}  // namespace deskbase::widgets

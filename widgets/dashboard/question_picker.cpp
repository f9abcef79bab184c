#include "widgets/dashboard/question_picker.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <filesystem>

namespace deskbase::widgets {

namespace {
constexpr int kFileRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;
constexpr int kDescriptionRole = Qt::UserRole + 3;

// The question's name on the first line, its description under it, smaller and dimmed, so a
// description never reads as another question.
class QuestionItemDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const QWidget* w = opt.widget;
        QStyle* style = w ? w->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, w);
        const QRect r = opt.rect.adjusted(6, 3, -6, -3);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
        painter->save();
        QFont nameFont = opt.font;
        nameFont.setBold(true);
        painter->setFont(nameFont);
        painter->setPen(opt.palette.color(textRole));
        const QFontMetrics nameMetrics(nameFont);
        painter->drawText(QRect(r.left(), r.top(), r.width(), nameMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          nameMetrics.elidedText(name, Qt::ElideRight, r.width()));
        const QString description = index.data(kDescriptionRole).toString();
        if (!description.isEmpty()) {
            QFont small = opt.font;
            small.setPointSizeF(opt.font.pointSizeF() * 0.9);
            painter->setFont(small);
            QColor dim = opt.palette.color(textRole);
            dim.setAlphaF(0.65);
            painter->setPen(dim);
            const QFontMetrics smallMetrics(small);
            painter->drawText(QRect(r.left(), r.top() + nameMetrics.height() + 1, r.width(), smallMetrics.height()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              smallMetrics.elidedText(description, Qt::ElideRight, r.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QFont nameFont = option.font;
        nameFont.setBold(true);
        int h = QFontMetrics(nameFont).height() + 6;
        if (!index.data(kDescriptionRole).toString().isEmpty()) {
            QFont small = option.font;
            small.setPointSizeF(option.font.pointSizeF() * 0.9);
            h += QFontMetrics(small).height() + 1;
        }
        return {QStyledItemDelegate::sizeHint(option, index).width(), h};
    }
};

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
        auto* item = new QListWidgetItem(name, list_);
        item->setData(kDescriptionRole, description);
        item->setData(kFileRole, file);
        item->setData(kSearchRole, QStringList{name, description, file}.join(QLatin1Char(' ')));
        item->setToolTip(description.isEmpty() ? file : description + QStringLiteral("\n") + file);
    }
    list_->setItemDelegate(new QuestionItemDelegate(list_));
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

#include "app/gui/find_bar.h"

#include "app/gui/status_text.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

namespace deskbase::gui {

FindBar::FindBar(QPlainTextEdit* editor, QWidget* parent)
    : QWidget(parent),
      editor_(editor),
      input_(new QLineEdit(this)),
      matchCase_(new QCheckBox(tr("Match case"), this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("findBar"));
    input_->setObjectName(QStringLiteral("findInput"));
    input_->setPlaceholderText(tr("Find in the SQL"));
    input_->setClearButtonEnabled(true);
    input_->installEventFilter(this);
    auto* previous = new QToolButton(this);
    previous->setText(QStringLiteral("▲"));
    previous->setToolTip(tr("Previous match (Shift+F3, Shift+Enter)"));
    auto* next = new QToolButton(this);
    next->setText(QStringLiteral("▼"));
    next->setToolTip(tr("Next match (F3, Enter)"));
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(input_, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(matchCase_);
    layout->addWidget(status_);
    layout->addWidget(close);
    connect(input_, &QLineEdit::textChanged, this, [this] {
        // Find as you type, from where the current match starts.
        QTextCursor c = editor_->textCursor();
        c.setPosition(c.selectionStart());
        editor_->setTextCursor(c);
        find(false);
    });
    connect(input_, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(matchCase_, &QCheckBox::toggled, this, &FindBar::updateCount);
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        editor_->setFocus();
    });
    hide();
}

void FindBar::open() {
    const QString selected = editor_->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)) input_->setText(selected);
    show();
    input_->setFocus();
    input_->selectAll();
    updateCount();
}

bool FindBar::findNext() {
    return find(false);
}

bool FindBar::findPrevious() {
    return find(true);
}

QString FindBar::statusText() const {
    return status_->text();
}

bool FindBar::find(bool backward) {
    const QString text = input_->text();
    if (text.isEmpty()) {
        updateCount();
        return false;
    }
    QTextDocument::FindFlags flags;
    if (backward) flags |= QTextDocument::FindBackward;
    if (matchCase_->isChecked()) flags |= QTextDocument::FindCaseSensitively;
    QTextDocument* doc = editor_->document();
    QTextCursor found = doc->find(text, editor_->textCursor(), flags);
    if (found.isNull()) {  // wrap around
        QTextCursor from(doc);
        if (backward) from.movePosition(QTextCursor::End);
        found = doc->find(text, from, flags);
    }
    if (!found.isNull()) editor_->setTextCursor(found);
    updateCount();
    return !found.isNull();
}

void FindBar::updateCount() {
    const QString text = input_->text();
    if (text.isEmpty()) {
        status_->clear();
        input_->setStyleSheet(QString());
        return;
    }
    const Qt::CaseSensitivity cs = matchCase_->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const int count = int(editor_->toPlainText().count(text, cs));
    status_->setText(count == 0 ? tr("No matches") : countText(count, tr("match"), tr("matches")));
    input_->setStyleSheet(count == 0 ? QStringLiteral("QLineEdit { border: 1px solid #d64545; }")
                                     : QString());
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == input_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            hide();
            editor_->setFocus();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace deskbase::gui

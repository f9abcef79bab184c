#include "widgets/editor/sql_editor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMimeData>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QUrl>
#include <set>

#include "core/warehouse/warehouse.h"
#include "widgets/editor/error_location.h"
#include "widgets/editor/sql_highlighter.h"
#include "widgets/editor/sql_keywords.h"

namespace deskbase::widgets {

namespace {
bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

QStringList sortedUnique(QStringList words) {
    words.removeDuplicates();
    std::sort(words.begin(), words.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return words;
}
}  // namespace

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent),
      highlighter_(new SqlHighlighter(document())),
      completer_(new QCompleter(this)),
      words_(new QStringListModel(this)) {
    setObjectName(QStringLiteral("sqlEditor"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(10.0, mono.pointSizeF()));
    setFont(mono);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setPlaceholderText(
        tr("Write SQL here. Ctrl+Enter runs it (or the selection); {{name}} adds a parameter."));

    general_ = sortedUnique(sqlKeywords() + sqlFunctions());
    words_->setStringList(general_);
    completer_->setModel(words_);
    completer_->setWidget(this);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setFilterMode(Qt::MatchStartsWith);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    // The pools are ordered for the context (tables first after FROM), not alphabetically.
    completer_->setModelSorting(QCompleter::UnsortedModel);
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
            &SqlEditor::insertCompletion);
    connect(completer_, qOverload<const QString&>(&QCompleter::highlighted), this, [this] {
        if (!highlighting_) chosen_ = true;
    });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (errorLine_ >= 0) clearError();
    });
}

void SqlEditor::setSchema(const std::vector<TableInfo>& tables) {
    QStringList words;
    QStringList tableNames;
    columnsOf_.clear();
    for (const auto& t : tables) {
        const QString table = QString::fromStdString(t.name);
        words << table;
        tableNames << table;
        QStringList cols;
        for (const auto& c : t.columns) cols << QString::fromStdString(c.name);
        words << cols;
        columnsOf_[table.toLower()] = sortedUnique(cols);
    }
    schemaWords_ = words;
    tableNames_ = sortedUnique(tableNames);
    rebuildGeneral();
}

void SqlEditor::setModelNames(const QStringList& models) {
    models_ = sortedUnique(models);
    highlighter_->setModelNames(QSet<QString>(models_.begin(), models_.end()));
    rebuildGeneral();
}

void SqlEditor::rebuildGeneral() {
    general_ = sortedUnique(sqlKeywords() + sqlFunctions() + schemaWords_ + models_);
    tablesFirst_ = tableNames_;
    for (const QString& w : general_)
        if (!tablesFirst_.contains(w)) tablesFirst_ << w;
    words_->setStringList(general_);
    poolKey_.clear();
}

void SqlEditor::setDialect(const Dialect& dialect) {
    highlighter_->setDialect(dialect);
}

QString SqlEditor::wordBeforeCursor(QString* qualifier) const {
    const QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int end = cursor.positionInBlock();
    int start = end;
    while (start > 0 && isWordChar(line[start - 1])) --start;
    if (qualifier) {
        qualifier->clear();
        if (start > 0 && line[start - 1] == QLatin1Char('.')) {
            int q = start - 1;
            while (q > 0 && isWordChar(line[q - 1])) --q;
            *qualifier = line.mid(q, start - 1 - q);
        }
    }
    return line.mid(start, end - start);
}

bool SqlEditor::tableExpected() const {
    const int wordStart = textCursor().position() - int(wordBeforeCursor().size());
    const QString before = toPlainText().left(wordStart);
    int end = int(before.size());
    while (end > 0 && before[end - 1].isSpace()) --end;
    int start = end;
    while (start > 0 && isWordChar(before[start - 1])) --start;
    static const QStringList kTableKeywords = {QStringLiteral("FROM"), QStringLiteral("JOIN"),
                                               QStringLiteral("INTO"), QStringLiteral("UPDATE"),
                                               QStringLiteral("TABLE")};
    return kTableKeywords.contains(before.mid(start, end - start).toUpper());
}

bool SqlEditor::refExpected(const QString& prefix) const {
    if (models_.isEmpty()) return false;
    // Inside ref(' or ref(" only the models make sense.
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock() - int(prefix.size()));
    static const QRegularExpression refOpen(QStringLiteral("\\bref\\s*\\(\\s*['\"]$"));
    return refOpen.match(before).hasMatch();
}

QStringList SqlEditor::completionsAtCursor() {
    QString qualifier;
    const QString prefix = wordBeforeCursor(&qualifier);
    const QStringList* pool = &general_;
    QString poolKey;
    if (!qualifier.isEmpty()) {
        auto it = columnsOf_.find(qualifier.toLower());
        if (it != columnsOf_.end()) {
            pool = &it->second;
            poolKey = qualifier.toLower();
        }
    } else if (refExpected(prefix)) {
        pool = &models_;
        poolKey = QStringLiteral("ref(");  // not a name: names have no '('
    } else if (tableExpected()) {
        pool = &tablesFirst_;
        poolKey = QStringLiteral("@tables");  // not a name: table names have no '@'
    }
    // Swap the completer's word list only when the context changed: a reset closes the popup.
    if (poolKey != poolKey_ || words_->rowCount() != int(pool->size())) {
        poolKey_ = poolKey;
        words_->setStringList(*pool);
    }
    QStringList out;
    for (const QString& w : *pool)
        if (w.startsWith(prefix, Qt::CaseInsensitive) && w.compare(prefix, Qt::CaseInsensitive) != 0)
            out << w;
    return out;
}

void SqlEditor::showCompletions(bool force) {
    QString qualifier;
    const QString prefix = wordBeforeCursor(&qualifier);
    const QStringList offers = completionsAtCursor();
    if (offers.isEmpty() ||
        (!force && prefix.size() < 2 && qualifier.isEmpty() && poolKey_ != QStringLiteral("ref("))) {
        completer_->popup()->hide();
        return;
    }
    completer_->setCompletionPrefix(prefix);
    QRect r = cursorRect();
    r.setWidth(completer_->popup()->sizeHintForColumn(0) +
               completer_->popup()->verticalScrollBar()->sizeHint().width() + 8);
    const bool wasVisible = completer_->popup()->isVisible();
    completer_->complete(r);
    highlighting_ = true;
    completer_->popup()->setCurrentIndex(completer_->completionModel()->index(0, 0));
    highlighting_ = false;
    if (!wasVisible) chosen_ = force;  // a list that opened by itself has nothing chosen yet
}

void SqlEditor::insertCompletion(const QString& word) {
    QTextCursor cursor = textCursor();
    const int prefixLength = int(wordBeforeCursor().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, prefixLength);
    cursor.insertText(word);
    // Never glued to what follows: "FROM zip|WHERE" becomes "FROM zip_codes WHERE".
    const QString line = cursor.block().text();
    const int at = cursor.positionInBlock();
    if (at < line.size() && isWordChar(line[at])) cursor.insertText(QStringLiteral(" "));
    setTextCursor(cursor);
}

void SqlEditor::keyPressEvent(QKeyEvent* event) {
    const bool popupOpen = completer_->popup()->isVisible();
    if (popupOpen) {
        switch (event->key()) {
            case Qt::Key_Enter:
            case Qt::Key_Return:
                if (!chosen_ && !(event->modifiers() & Qt::ControlModifier)) {
                    // Nothing chosen: Enter ends the line as typed (the popup closes).
                    completer_->popup()->hide();
                    QPlainTextEdit::keyPressEvent(event);
                    return;
                }
                [[fallthrough]];
            case Qt::Key_Tab:
            case Qt::Key_Escape:
            case Qt::Key_Backtab:
                if (!(event->modifiers() & Qt::ControlModifier)) {
                    event->ignore();  // the completer's popup handles these
                    return;
                }
                break;
            default:
                break;
        }
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & Qt::ControlModifier)) {
        completer_->popup()->hide();
        emit runRequested();
        return;
    }
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        showCompletions(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && (isWordChar(typed.back()) || typed.back() == QLatin1Char('.') ||
                             typed.back() == QLatin1Char('\'') || typed.back() == QLatin1Char('"')))
        showCompletions(false);
    else if (popupOpen)
        completer_->popup()->hide();
}

bool SqlEditor::canInsertFromMimeData(const QMimeData* source) const {
    if (source->hasUrls())
        for (const QUrl& url : source->urls())
            if (url.isLocalFile()) return false;
    return QPlainTextEdit::canInsertFromMimeData(source);
}

QString SqlEditor::sqlToRun() const {
    const QTextCursor c = textCursor();
    if (c.hasSelection()) return c.selection().toPlainText();
    return toPlainText();
}

int SqlEditor::sqlToRunOffset() const {
    const QTextCursor c = textCursor();
    return c.hasSelection() ? c.selectionStart() : 0;
}

int SqlEditor::showError(const QString& ranSql, int ranOffset, const QString& message) {
    const int offset = errorOffset(ranSql, message);
    if (offset < 0) {
        clearError();
        return -1;
    }
    errorLine_ = document()->findBlock(ranOffset + offset).blockNumber();
    applyErrorSelection();
    return errorLine_;
}

void SqlEditor::clearError() {
    errorLine_ = -1;
    applyErrorSelection();
}

void SqlEditor::applyErrorSelection() {
    QList<QTextEdit::ExtraSelection> selections;
    if (errorLine_ >= 0) {
        QTextEdit::ExtraSelection sel;
        sel.format.setBackground(QColor(0xe5, 0x48, 0x4d, 60));
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(QColor(0xe5, 0x48, 0x4d));
        sel.format.setProperty(QTextFormat::FullWidthSelection, true);
        sel.cursor = QTextCursor(document()->findBlockByNumber(errorLine_));
        sel.cursor.clearSelection();
        selections << sel;
    }
    setExtraSelections(selections);
}

}  // namespace deskbase::widgets

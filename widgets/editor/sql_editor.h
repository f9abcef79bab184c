#pragma once
// The SQL editor: highlighting, completion of keywords and of the live schema's table and
// column names ("table." offers that table's columns), Ctrl+Enter to run all or the selection,
// and the line of an error marked.
#include <QPlainTextEdit>
#include <QStringList>
#include <map>
#include <vector>

class QCompleter;
class QStringListModel;

namespace deskbase {
struct TableInfo;
class Dialect;
}  // namespace deskbase

namespace deskbase::widgets {

class SqlHighlighter;

class SqlEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SqlEditor(QWidget* parent = nullptr);

    void setSchema(const std::vector<TableInfo>& tables);
    // The workspace's model names: offered by completion (alone inside ref(' ... ')) and known
    // to the highlighter, which marks a ref() to any other name.
    void setModelNames(const QStringList& models);
    // The warehouse's dialect, for highlighting (dollar-quotes, nested comments); SQLite by default.
    void setDialect(const Dialect& dialect);
    QCompleter* completer() const { return completer_; }
    SqlHighlighter* highlighter() const { return highlighter_; }
    // The words completion would offer for the text before the cursor (for tests and the popup).
    QStringList completionsAtCursor();

    // The selection when there is one, else the whole text; and where it starts in the document.
    QString sqlToRun() const;
    int sqlToRunOffset() const;

    // Marks the line the error points at (relative to what ran); returns that line or -1.
    int showError(const QString& ranSql, int ranOffset, const QString& message);
    void clearError();
    int errorLine() const { return errorLine_; }

signals:
    void runRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    // Files dropped on the editor are not pasted as text: the drop goes on to the window (import).
    bool canInsertFromMimeData(const QMimeData* source) const override;

private:
    QString wordBeforeCursor(QString* qualifier = nullptr) const;
    // True when the word being typed names a table: it follows FROM, JOIN, INTO, UPDATE or TABLE.
    bool tableExpected() const;
    void showCompletions(bool force);
    void insertCompletion(const QString& word);
    void applyErrorSelection();

    SqlHighlighter* highlighter_;
    QCompleter* completer_;
    QStringListModel* words_;
    void rebuildGeneral();
    bool refExpected(const QString& prefix) const;  // the cursor is inside ref(' or ref("

    QStringList schemaWords_;                   // tables and all columns
    QStringList tableNames_;                    // sorted
    QStringList models_;                        // sorted
    QStringList general_;                       // keywords, functions, tables, all columns, models
    QStringList tablesFirst_;                   // the tables, then the rest of general_
    std::map<QString, QStringList> columnsOf_;  // lower-case table name -> its columns
    QString poolKey_;  // what the completer offers: a table's columns, "@tables", "ref(" (models) or "" (all)
    // Enter takes a completion only when one was chosen (arrow keys, mouse) or the list was asked
    // for (Ctrl+Space); otherwise it ends the line, so typing on never glues to a completion.
    bool chosen_ = false;
    bool highlighting_ = false;  // showCompletions() highlighting the first entry itself
    int errorLine_ = -1;
};

}  // namespace deskbase::widgets

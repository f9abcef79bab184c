#pragma once
// The import preview: what sniffing and inference found in a file (format, delimiter, encoding,
// header, first rows, each column's name and type), all editable, plus the table name and the
// mode. Changing the delimiter, encoding or header re-reads the preview in the background (a job
// on the workspace runtime).
#include <QDialog>

#include "core/ingest/import_job.h"
#include "core/runtime/job_queue.h"
#include "core/runtime/mailbox.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace deskbase::widgets {

class ImportPreviewDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kIndexColumn = 3;  // the columns table's "Index" boxes

    // Re-reads run on `jobs` (the workspace runtime's; it must outlive the dialog).
    ImportPreviewDialog(JobQueue& jobs, ImportOptions options, ImportPreview preview,
                        QWidget* parent = nullptr);

    // The options the import should run with: the file, the user's choices and overrides.
    ImportOptions options() const;
    const ImportPreview& preview() const { return preview_; }

    QLineEdit* tableNameEdit() const { return tableName_; }
    QComboBox* modeCombo() const { return mode_; }
    QTableWidget* columnsTable() const { return columns_; }
    QTableWidget* rowsTable() const { return rows_; }
    // Tables already in the warehouse: a name that clashes gets a hint and "Create" is refused.
    void setExistingTables(const QStringList& tables);
    QString hintText() const;
    // What the sniffer decided that the user should know (skipped lines, comments, header names,
    // an empty file), one line each; empty when nothing.
    QString sniffNotesText() const;
    // Sets a column's name or type as the user would (for tests and scripted use).
    void setColumnName(int column, const QString& name);
    void setColumnType(int column, ColumnType type);

signals:
    void previewReloaded();

private:
    void showPreview();
    void reloadPreview();
    void refreshRowHeaders();
    void updateTableHint();
    ImportOptions sniffOverrides() const;

    JobQueue& jobs_;
    Mailbox mailbox_;
    ImportOptions base_;
    ImportPreview preview_;
    bool loading_ = false;
    QLabel* summary_;
    QLabel* sniffNotes_;
    QComboBox* delimiter_;
    QComboBox* encoding_;
    QCheckBox* header_;
    QLineEdit* tableName_;
    QComboBox* mode_;
    QTableWidget* columns_;
    QTableWidget* rows_;
    QLabel* status_;
    QLabel* hint_;
    QPushButton* importButton_ = nullptr;
    QStringList existing_;
    QObject* wheelGuard_;
};

// "CSV", "TSV" (a CSV sniffed with tabs), "JSON", "NDJSON".
QString formatLabel(const FileSniff& sniff);
// A cell of the first rows: what loads as NULL is shown as a grey italic NULL (UserRole true).
QTableWidgetItem* previewCell(const std::string& text);

}  // namespace deskbase::widgets

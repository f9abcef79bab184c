#pragma once
// The source editor's form (sources/*.json without JSON by hand, docs/sources.md): name, a file,
// folder or glob (typed, or picked), the first file it matches with a Preview… button, table,
// mode, unique key (a column of the preview, or typed), when it runs (ScheduleEdit), how long a
// file must be still, what a failing check does, and where loaded and failed files go. Fields the
// form does not show (description, types, delimiter, header, encoding, after) are kept from the
// source it was given, or taken from the import preview (applyImport()).
#include <QHash>
#include <QStringList>
#include <QWidget>

#include "core/ingest/import_job.h"
#include "core/sources/source_spec.h"
#include "core/util/result.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace deskbase::widgets {

class ScheduleEdit;

class SourceForm : public QWidget {
    Q_OBJECT
public:
    explicit SourceForm(const QString& workspaceDir, QWidget* parent = nullptr);

    void setSpec(const SourceSpec& spec);
    // The source as the form says, checked as sources/<name>.json would be read back: an error
    // is that one line ("sources/x.json: ...").
    Result<SourceSpec> spec() const;
    // What the import preview chose: table (when the form has none), delimiter, header, encoding,
    // the types the user changed, and the columns offered as unique key.
    void applyImport(const ImportOptions& options, const QStringList& columns);
    void setKeyColumns(const QStringList& columns);
    // The warehouse's tables and their columns: a table that exists offers its columns as the
    // unique key until a preview offers the file's (a watched folder may have no file yet).
    void setExistingTables(QHash<QString, QStringList> columnsByTable);
    // The first file the path matches now (absolute), empty when none.
    QString firstMatchingFile() const;

    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* pathEdit() const { return path_; }
    QLineEdit* tableEdit() const { return table_; }
    QComboBox* modeCombo() const { return mode_; }
    QComboBox* keyCombo() const { return key_; }
    ScheduleEdit* scheduleEdit() const { return schedule_; }
    QDoubleSpinBox* stableSpin() const { return stable_; }
    QComboBox* onFailureCombo() const { return onFailure_; }
    QCheckBox* moveProcessedBox() const { return moveProcessed_; }
    QLineEdit* processedEdit() const { return processedFolder_; }
    QCheckBox* moveFailedBox() const { return moveFailed_; }
    QLineEdit* failedEdit() const { return failedFolder_; }
    QPushButton* previewButton() const { return preview_; }
    QString matchText() const;  // "First file: inbox/a.csv" or why there is none

signals:
    void changed();
    void previewRequested(const QString& file);

private:
    void pick(bool folder);
    void updateMatch();
    void offerTableColumns();
    void watchWhenAFolder();
    QString relative(const QString& path) const;

    QString dir_;
    SourceSpec base_;  // what the form does not show comes from here
    QLineEdit* name_;
    QLineEdit* path_;
    QLabel* match_;
    QPushButton* preview_;
    QLineEdit* table_;
    QComboBox* mode_;
    QComboBox* key_;
    ScheduleEdit* schedule_;
    QDoubleSpinBox* stable_;
    QComboBox* onFailure_;
    QCheckBox* moveProcessed_;
    QLineEdit* processedFolder_;
    QCheckBox* moveFailed_;
    QLineEdit* failedFolder_;
    QHash<QString, QStringList> tables_;
    bool keyFromPreview_ = false;  // the key list holds the previewed file's columns
    bool loading_ = false;
};

}  // namespace deskbase::widgets

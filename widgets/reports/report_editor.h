#pragma once
// The report editor: one reports/<name>.json without JSON by hand (docs/reports.md). What it
// reads (a dashboard with filter values, or a question with parameter values), the format
// (PNG/PDF for a dashboard; CSV/TSV/JSON/NDJSON/XLSX for a question), the output folder, when it
// runs (a schedule, checked live with its next run shown; and/or after sources), skip if empty,
// keep N, retries; an alert's condition (returns rows / a value above or below a goal; first
// time only or every time; a command). Every field turns into a ReportSpec; the line under the
// form says what core says is wrong with it, live (a schedule's problem is said once, under the
// schedule). Dashboards and questions are offered by title, saved by file name. Save writes the
// file atomically through core's saveReportFile; closing with unsaved edits asks first (the
// Cancel button reads Close when there is nothing to lose). "Save and run now" saves, then asks
// the window to run it (runNowRequested); showRunResult() puts what the run did under the form,
// with "Open file" for the file it wrote.
#include <QDialog>
#include <QStringList>

#include "core/reports/report_file.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace deskbase::widgets {

class ScheduleEdit;

class ReportEditor : public QDialog {
    Q_OBJECT
public:
    struct Choice {
        QString name;   // the file stem the report names
        QString title;  // what the list shows; the name when empty
    };
    // The things offered: dashboards, questions (by title), sources (by name).
    ReportEditor(const QString& workspaceDir, QList<Choice> dashboards, QList<Choice> questions,
                 QStringList sources, QWidget* parent = nullptr);

    void setSpec(const ReportSpec& spec);  // the fields from a report (not modified after)
    ReportSpec spec() const;               // what the fields say now
    QString validationText() const;        // "" when it would save
    QString nextRunText() const;           // "Next run: ..." or the schedule's error
    // What a run did (one line) and the file it wrote (empty: none): shown under the form.
    void showRunResult(const QString& line, const QString& writtenFile);
    QString writtenFile() const { return written_; }
    bool isModified() const { return modified_; }
    bool save(QString* error = nullptr);
    QString filePath() const;  // <workspace>/reports/<name>.json

    QLineEdit* nameEdit() const { return name_; }
    QComboBox* readsBox() const { return reads_; }  // "dashboard" | "question"
    QComboBox* targetBox() const { return target_; }
    QPlainTextEdit* paramsEdit() const { return params_; }
    QComboBox* formatBox() const { return format_; }
    QLineEdit* outEdit() const { return out_; }
    QPushButton* outFolderButton() const { return outFolder_; }
    ScheduleEdit* scheduleEdit() const { return schedule_; }
    QListWidget* afterList() const { return after_; }
    QCheckBox* skipIfEmptyBox() const { return skipIfEmpty_; }
    QSpinBox* keepBox() const { return keep_; }
    QGroupBox* alertGroup() const { return alert_; }
    QComboBox* alertWhenBox() const { return alertWhen_; }
    QLineEdit* alertColumnEdit() const { return alertColumn_; }
    QDoubleSpinBox* alertGoalBox() const { return alertGoal_; }
    QComboBox* alertNotifyBox() const { return alertNotify_; }
    QLineEdit* alertCommandEdit() const { return alertCommand_; }
    QSpinBox* retriesBox() const { return retries_; }
    QDoubleSpinBox* retryDelayBox() const { return retryDelay_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* runNowButton() const { return runNow_; }
    QPushButton* closeButton() const { return close_; }
    QPushButton* openFileButton() const { return openFile_; }
    QLabel* validationLabel() const { return validation_; }

    void reject() override;  // asks before losing unsaved edits

signals:
    void saved(const QString& path);
    void runNowRequested(const QString& name);

private:
    void build();
    void fillTargets();
    void selectTarget(const QString& name);
    void fillFormats();
    void pickOutFolder();
    void changed();
    void updateTitle();  // "Report <name>", " *" when modified

    QString dir_;
    QList<Choice> dashboards_, questions_;
    QStringList sources_;
    bool modified_ = false;
    bool filling_ = false;
    QLineEdit* name_;
    QComboBox* reads_;
    QComboBox* target_;
    QPlainTextEdit* params_;
    QComboBox* format_;
    QLineEdit* out_;
    QPushButton* outFolder_;
    ScheduleEdit* schedule_;
    QListWidget* after_;
    QCheckBox* skipIfEmpty_;
    QSpinBox* keep_;
    QGroupBox* alert_;
    QComboBox* alertWhen_;
    QLineEdit* alertColumn_;
    QDoubleSpinBox* alertGoal_;
    QComboBox* alertNotify_;
    QLineEdit* alertCommand_;
    QSpinBox* retries_;
    QDoubleSpinBox* retryDelay_;
    QLabel* validation_;
    QPushButton* save_;
    QPushButton* runNow_;
    QPushButton* close_;
    QPushButton* openFile_;
    QString written_;
};

}  // namespace deskbase::widgets

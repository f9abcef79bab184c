#pragma once
// The check editor: the checks of one table or model (checks/<table>.json) without JSON by hand.
// A list of its checks on the left; on the right the selected check's kind, column and the
// fields of that kind only (accepted values one per line, between's min/max with inclusive
// flags, a regex that says at once whether it compiles, a relationship's target table.column,
// unique's key columns, freshness limits, required columns, custom SQL), severity and mostly.
// Every field turns into the check through core (core/checks/check_form.h); the line under the
// form says what is wrong with it, live. Save writes the file through saveCheckFile.
#include <QDialog>
#include <vector>

#include "core/checks/check_form.h"
#include "core/checks/check_spec.h"
#include "core/warehouse/warehouse.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace deskbase::widgets {

class CheckEditor : public QDialog {
    Q_OBJECT
public:
    // `table`: the table or model checked (its columns fill the pickers); `tables`: the
    // warehouse's tables, for relationships. The file is <workspaceDir>/checks/<table>.json.
    CheckEditor(const QString& workspaceDir, TableInfo table, std::vector<TableInfo> tables,
                QWidget* parent = nullptr);

    // Reads the file when there is one (false with its one-line error: the editor then starts
    // empty and saving would replace the file, so the window shows the error first).
    bool load(QString* error = nullptr);
    bool save(QString* error = nullptr);  // all checks must be valid; writes atomically
    QString filePath() const { return path_; }

    int checkCount() const { return int(forms_.size()); }
    int currentCheck() const { return current_; }
    void selectCheck(int index);
    void addCheck(const QString& kind = QStringLiteral("not_null"));
    void removeCheck(int index);

    CheckForm form() const;  // what the fields say now
    void setForm(const CheckForm& form);
    QString validationText() const;  // "" when the current check is fine
    QString regexStatus() const;

    // The fields, for tests and for the window's keyboard focus.
    QComboBox* kindBox() const { return kind_; }
    QComboBox* columnBox() const { return column_; }
    QListWidget* keyColumns() const { return keyColumns_; }
    QPlainTextEdit* valuesEdit() const { return values_; }
    QCheckBox* numericBox() const { return numeric_; }
    QComboBox* toBox() const { return to_; }
    QComboBox* fieldBox() const { return field_; }
    QLineEdit* minEdit() const { return min_; }
    QLineEdit* maxEdit() const { return max_; }
    QCheckBox* minInclusiveBox() const { return minInclusive_; }
    QCheckBox* maxInclusiveBox() const { return maxInclusive_; }
    QLineEdit* regexEdit() const { return regex_; }
    QLineEdit* warnAfterEdit() const { return warnAfter_; }
    QLineEdit* errorAfterEdit() const { return errorAfter_; }
    QPlainTextEdit* requiredEdit() const { return required_; }
    QPlainTextEdit* sqlEdit() const { return sql_; }
    QComboBox* severityBox() const { return severity_; }
    QLineEdit* mostlyEdit() const { return mostly_; }
    QLineEdit* nameEdit() const { return name_; }
    QComboBox* onFailureBox() const { return onFailure_; }
    QPushButton* saveButton() const { return save_; }
    bool isRowVisible(QWidget* field) const;

signals:
    void saved(const QString& table);

private:
    void build();
    void showKindFields();
    void fieldsChanged();
    void refreshList();
    void fillColumns(QComboBox* box, const TableInfo* table);
    const TableInfo* findTable(const QString& name) const;

    QString dir_;
    TableInfo table_;
    std::vector<TableInfo> tables_;
    QString path_;
    std::vector<CheckForm> forms_;
    int current_ = -1;
    bool filling_ = false;  // setForm() is writing the fields

    QListWidget* list_ = nullptr;
    QFormLayout* fields_ = nullptr;
    QComboBox* kind_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* column_ = nullptr;
    QListWidget* keyColumns_ = nullptr;
    QPlainTextEdit* values_ = nullptr;
    QCheckBox* numeric_ = nullptr;
    QComboBox* to_ = nullptr;
    QComboBox* field_ = nullptr;
    QLineEdit* min_ = nullptr;
    QLineEdit* max_ = nullptr;
    QCheckBox* minInclusive_ = nullptr;
    QCheckBox* maxInclusive_ = nullptr;
    QLineEdit* regex_ = nullptr;
    QLabel* regexStatus_ = nullptr;
    QLineEdit* warnAfter_ = nullptr;
    QLineEdit* errorAfter_ = nullptr;
    QPlainTextEdit* required_ = nullptr;
    QPushButton* fillRequired_ = nullptr;
    QPlainTextEdit* sql_ = nullptr;
    QComboBox* severity_ = nullptr;
    QLineEdit* mostly_ = nullptr;
    QLineEdit* description_ = nullptr;
    QComboBox* onFailure_ = nullptr;
    QLabel* validation_ = nullptr;
    QPushButton* add_ = nullptr;
    QPushButton* remove_ = nullptr;
    QPushButton* save_ = nullptr;
};

}  // namespace deskbase::widgets

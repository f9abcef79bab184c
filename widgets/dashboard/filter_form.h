#pragma once
// The settings of one dashboard filter, as the filter panel shows them: label, type, default
// value, for lists where the choices come from (a column's distinct values, a saved question or
// typed values), the result column a click on a bar or slice sets it from (cross-filtering), the
// cards it drives (FilterWiring) and what is wrong with it. Every commit becomes one undoable
// session edit (DashboardSession::updateFilter).
#include <QWidget>
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"
#include "core/warehouse/warehouse.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QVBoxLayout;
QT_END_NAMESPACE

namespace deskbase::widgets {

class DashboardSession;
class FilterValueEditor;
class FilterWiring;

class FilterForm : public QWidget {
    Q_OBJECT
public:
    FilterForm(DashboardSession* session, const std::vector<TableInfo>& tables,
               const std::map<std::string, QString>& cardTitles, const std::string& filterId,
               QWidget* parent = nullptr);

    const std::string& filterId() const { return id_; }
    QLineEdit* labelEdit() const { return label_; }
    QComboBox* typeBox() const { return type_; }
    FilterValueEditor* defaultEditor() const { return default_; }
    QRadioButton* fromColumnButton() const { return fromColumn_; }
    QRadioButton* fromQuestionButton() const { return fromQuestion_; }
    QRadioButton* typedButton() const { return typed_; }
    QComboBox* tableBox() const { return table_; }
    QComboBox* columnBox() const { return column_; }
    QComboBox* questionBox() const { return question_; }
    QPlainTextEdit* typedValuesEdit() const { return values_; }
    QLineEdit* crossFilterEdit() const { return crossFilter_; }
    FilterWiring* wiring() const { return wiring_; }
    QLabel* problemsLabel() const { return problems_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const dashboard::Filter* filter() const;
    void commit(const dashboard::Filter& f);
    void addChoicesSection(QVBoxLayout* layout, const dashboard::Filter& f);
    void useColumn();  // the table/column combos became a choice: write its values question
    // The table and column (indexes into tables_) whose values question `optionsQuestion` is.
    std::pair<int, int> valuesSource(const std::string& optionsQuestion) const;

    DashboardSession* session_;
    std::vector<TableInfo> tables_;
    std::string id_;
    QLineEdit* label_ = nullptr;
    QComboBox* type_ = nullptr;
    FilterValueEditor* default_ = nullptr;
    QRadioButton* fromColumn_ = nullptr;
    QRadioButton* fromQuestion_ = nullptr;
    QRadioButton* typed_ = nullptr;
    QComboBox* table_ = nullptr;
    QComboBox* column_ = nullptr;
    QComboBox* question_ = nullptr;
    QPlainTextEdit* values_ = nullptr;
    QLineEdit* crossFilter_ = nullptr;
    FilterWiring* wiring_ = nullptr;
    QLabel* problems_ = nullptr;
};

}  // namespace deskbase::widgets

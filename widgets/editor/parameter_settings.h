#pragma once
// The settings of one {{parameter}}, like Metabase's variable sidebar: its type (text, number,
// date, boolean), whether it takes several values (for IN (...)), the label shown on its input,
// whether it is required, and its default. The default is checked against the type as it is typed;
// OK stays disabled while it does not fit.
#include <QDialog>

#include "core/question/question.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace deskbase::widgets {

class ParameterSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ParameterSettingsDialog(const Parameter& parameter, QWidget* parent = nullptr);

    // The parameter as edited (valid once OK could be pressed).
    Parameter parameter() const;

    QComboBox* typeCombo() const { return type_; }
    QLineEdit* labelEdit() const { return label_; }
    QCheckBox* multiValueCheck() const { return multi_; }
    QCheckBox* requiredCheck() const { return required_; }
    QLineEdit* defaultEdit() const { return default_; }
    QString problemText() const;  // why OK is disabled; empty when it is not

    static QString typeLabel(Parameter::Type type);  // "Text", "Number", ...

private:
    void validate();

    std::string name_;
    QComboBox* type_;
    QLineEdit* label_;
    QCheckBox* multi_;
    QCheckBox* required_;
    QLineEdit* default_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

}  // namespace deskbase::widgets

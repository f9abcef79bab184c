#pragma once
// "Save as question": the name, and — when parameters have values typed now that differ from
// their defaults — a choice, off by default, to make those values the defaults. Without it the
// saved question keeps its declared defaults: trying a value never changes the question.
#include <QDialog>
#include <vector>

#include "core/question/question.h"

class QCheckBox;
class QLineEdit;

namespace deskbase::gui {

class SaveQuestionDialog : public QDialog {
    Q_OBJECT
public:
    SaveQuestionDialog(const QString& name, const std::vector<Parameter>& parameters,
                       const ParameterValues& values, QWidget* parent = nullptr);

    QString name() const;
    bool valuesAsDefaults() const;
    QLineEdit* nameEdit() const { return name_; }
    QCheckBox* defaultsCheck() const { return defaults_; }  // hidden when there is nothing to offer

private:
    QLineEdit* name_;
    QCheckBox* defaults_;
};

}  // namespace deskbase::gui

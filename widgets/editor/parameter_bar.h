#pragma once
// One input per {{parameter}} of the SQL, shown above the results, each with a settings button
// (type, several values, label, required, default: ParameterSettingsDialog). The declared type
// shapes the input (a boolean is a true/false choice, a number or date field is checked as it is
// typed) and is what the value is bound as. Typed values survive edits of the SQL; declared
// parameters (from a saved question) supply labels, types and defaults.
#include <QWidget>
#include <map>
#include <vector>

#include "core/question/question.h"

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QToolButton;

namespace deskbase::widgets {

class ParameterBar : public QWidget {
    Q_OBJECT
public:
    explicit ParameterBar(QWidget* parent = nullptr);

    // Re-reads the parameter names from the template; returns false when it does not parse.
    bool setSqlTemplate(const QString& sql);
    // Declarations (a saved question's): their defaults become the inputs' values.
    void setDeclared(const std::vector<Parameter>& declared);
    const std::vector<Parameter>& declared() const { return declared_; }
    // Changes one parameter's settings, as the settings dialog does (its value is kept).
    void setParameter(const Parameter& parameter);
    // Opens the settings dialog of `name`; true when the user accepted a change.
    bool editSettings(const QString& name);

    QStringList names() const { return names_; }
    QLineEdit* field(const QString& name) const;   // text, number, date inputs
    QComboBox* choice(const QString& name) const;  // boolean inputs
    QToolButton* settingsButton(const QString& name) const;
    QString value(const QString& name) const;  // the input's text ("" = unset)
    void setValue(const QString& name, const QString& text);
    // Values typed so far; a multi-value parameter splits its text on commas. Empty = unset.
    ParameterValues values() const;
    // The parameters in use, in first-use order: declared ones as declared, others as text.
    std::vector<Parameter> parametersInUse() const;

signals:
    void runRequested();         // Enter in a field
    void declarationsChanged();  // the user changed a parameter's settings

private:
    void rebuild();
    void rememberValues();
    Parameter parameterFor(const QString& name) const;
    void checkValue(const QString& name);

    QHBoxLayout* layout_;
    QStringList names_;
    std::vector<Parameter> declared_;
    std::map<QString, QWidget*> inputs_;  // QLineEdit or QComboBox
    std::map<QString, QToolButton*> buttons_;
    std::map<QString, QString> remembered_;  // text by name, kept when an input disappears
};

}  // namespace deskbase::widgets

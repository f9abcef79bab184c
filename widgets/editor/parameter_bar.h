#pragma once
// One input per {{parameter}} of the SQL, shown above the results. Typed values survive edits
// of the SQL; declared parameters (from a saved question) supply labels and defaults.
#include <QWidget>
#include <map>
#include <vector>

#include "core/question/question.h"

class QHBoxLayout;
class QLineEdit;

namespace deskbase::widgets {

class ParameterBar : public QWidget {
    Q_OBJECT
public:
    explicit ParameterBar(QWidget* parent = nullptr);

    // Re-reads the parameter names from the template; returns false when it does not parse.
    bool setSqlTemplate(const QString& sql);
    void setDeclared(const std::vector<Parameter>& declared);
    const std::vector<Parameter>& declared() const { return declared_; }

    QStringList names() const { return names_; }
    QLineEdit* field(const QString& name) const;
    // Values typed so far; a multi-value parameter splits its text on commas. Empty = unset.
    ParameterValues values() const;
    // The parameters in use, declared ones first as declared, others as text.
    std::vector<Parameter> parametersInUse() const;

signals:
    void runRequested();  // Enter in a field

private:
    void rebuild();

    QHBoxLayout* layout_;
    QStringList names_;
    std::vector<Parameter> declared_;
    std::map<QString, QLineEdit*> fields_;
    std::map<QString, QString> remembered_;  // text by name, kept when a field disappears
};

}  // namespace deskbase::widgets

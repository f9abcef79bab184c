#pragma once
// The dashboard's filters as a row of editors: text and number fields, a from/to pair for
// date ranges, a multi-choice button for lists. Emits filterChanged when the user commits a
// value; setValues() updates the editors without emitting (e.g. after cross-filtering).
#include <QWidget>
#include <map>
#include <string>

#include "core/dashboard/dashboard.h"

QT_BEGIN_NAMESPACE
class QHBoxLayout;
QT_END_NAMESPACE

namespace deskbase::widgets {

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);
    void setFilters(const std::vector<dashboard::Filter>& filters, const dashboard::FilterValues& values);
    void setValues(const dashboard::FilterValues& values);
    QWidget* editor(const std::string& filterId) const;  // the editor widget (for tests)

signals:
    void filterChanged(const std::string& filterId, const std::vector<std::string>& values);

private:
    struct Editor {
        dashboard::Filter filter;
        QWidget* widget = nullptr;
        std::function<void(const std::vector<std::string>&)> show;  // puts a value into the editor
    };
    QHBoxLayout* layout_ = nullptr;
    std::vector<Editor> editors_;
};

}  // namespace deskbase::widgets

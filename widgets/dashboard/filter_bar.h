#pragma once
// The dashboard's filters as a row of labelled value editors (FilterValueEditor). Emits
// filterChanged when the user commits a value; setValues() updates the editors without emitting
// (e.g. after cross-filtering). A filter wired to no card says so beside its editor.
#include <QWidget>
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"

QT_BEGIN_NAMESPACE
class QHBoxLayout;
QT_END_NAMESPACE

namespace deskbase::widgets {

class FilterValueEditor;

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);
    void setFilters(const std::vector<dashboard::Filter>& filters, const dashboard::FilterValues& values);
    void setValues(const dashboard::FilterValues& values);
    QWidget* editor(const std::string& filterId) const;  // the editor's first field (for tests)
    // The "not wired" note of a filter, nullptr when it drives a card.
    QWidget* unwiredNote(const std::string& filterId) const;

signals:
    void filterChanged(const std::string& filterId, const std::vector<std::string>& values);

private:
    struct Entry {
        std::string id;
        FilterValueEditor* editor = nullptr;
        QWidget* note = nullptr;
    };
    QHBoxLayout* layout_ = nullptr;
    std::vector<Entry> entries_;
};

}  // namespace deskbase::widgets

#pragma once
// The editor for one dashboard filter's value: a line edit for text, a line edit with a number
// validator for numbers, a from/to pair of YYYY-MM-DD fields for date ranges, a button with a
// checkable menu of choices for lists. Used by the filter bar (the value) and the filter panel
// (the default). valueEdited() reports a value the user committed; setValue() does not emit.
#include <QWidget>
#include <functional>
#include <string>
#include <vector>

#include "core/dashboard/dashboard.h"

namespace deskbase::widgets {

class FilterValueEditor : public QWidget {
    Q_OBJECT
public:
    FilterValueEditor(const dashboard::Filter& filter, QWidget* parent = nullptr);

    const dashboard::Filter& filter() const { return filter_; }
    void setValue(const std::vector<std::string>& value);
    std::vector<std::string> value() const;
    QWidget* focusWidget() const { return first_; }  // the first field, or the list button

signals:
    void valueEdited(const std::vector<std::string>& value);

private:
    dashboard::Filter filter_;
    QWidget* first_ = nullptr;
    std::function<void(const std::vector<std::string>&)> show_;
    std::function<std::vector<std::string>()> read_;
};

}  // namespace deskbase::widgets

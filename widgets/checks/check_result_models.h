#pragma once
// Item models over check results (core/checks/check_result.h) for the checks panel: one row per
// result (status, check, column, severity, failing count, percent, message), and the sample of
// one result's failing values with their row counts.
#include <QAbstractTableModel>
#include <vector>

#include "core/checks/check_result.h"

namespace deskbase::widgets {

class CheckResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Status, Check, ColumnName, Severity, Failing, Percent, Message, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1 };  // the status word: "pass", "warn", ...

    explicit CheckResultsModel(QObject* parent = nullptr);

    void setResults(std::vector<CheckResult> results);
    const std::vector<CheckResult>& results() const { return results_; }
    const CheckResult* resultAt(int row) const;

    // The status colour (the panel's text and the sidebar's mark use it).
    static QColor statusColor(CheckStatus status, bool dark);
    // "12.5%" with as many decimals as it takes for a non-zero share not to read 0%; "" for none.
    static QString percentText(const std::optional<double>& percent);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<CheckResult> results_;
};

class CheckSampleModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit CheckSampleModel(QObject* parent = nullptr);

    // `columns` label the key (one per key column; a sql check's row has as many as it returned).
    void setSample(std::vector<CheckSample> sample, std::vector<std::string> columns);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;  // key columns, then "Rows"
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int keyColumns() const;
    std::vector<CheckSample> sample_;
    std::vector<std::string> columns_;
};

}  // namespace deskbase::widgets

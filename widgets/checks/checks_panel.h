#pragma once
// The checks of one table or model: its last results (status, failing count and percent, what
// was found), the selected result's sample of failing values, and Run checks / Edit checks /
// Show failing rows. The panel only shows and asks: the window runs the checks and opens the rows.
#include <QWidget>
#include <vector>

#include "core/checks/check_result.h"

class QLabel;
class QPushButton;
class QTableView;

namespace deskbase::widgets {

class CheckResultsModel;
class CheckSampleModel;

class ChecksPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecksPanel(QWidget* parent = nullptr);

    void setTable(const QString& table);
    QString table() const { return table_; }
    // `when`: when they ran ("" when never); `error`: why they could not be read or run.
    void setResults(std::vector<CheckResult> results, const QString& when);
    void setError(const QString& error);
    void setRunning(bool running);

    CheckResultsModel* results() const { return results_; }
    CheckSampleModel* sample() const { return sample_; }
    QTableView* resultsView() const { return resultsView_; }
    QPushButton* runButton() const { return run_; }
    QPushButton* editButton() const { return edit_; }
    QPushButton* failingRowsButton() const { return failing_; }
    QString summaryText() const;

    void selectResult(int row);

signals:
    void runRequested(const QString& table);
    void editRequested(const QString& table);
    // The SQL that lists every failing row of a check, and a title for the tab showing them.
    void failingRowsRequested(const QString& sql, const QString& title);

private:
    void showSelected();

    QString table_;
    QLabel* title_;
    QLabel* summary_;
    QPushButton* run_;
    QPushButton* edit_;
    QPushButton* failing_;
    QTableView* resultsView_;
    QLabel* sampleTitle_;
    QTableView* sampleView_;
    CheckResultsModel* results_;
    CheckSampleModel* sample_;
};

}  // namespace deskbase::widgets
